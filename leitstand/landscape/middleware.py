"""The page an organisation beyond the supported size shows while its analysis is computed in
the background (`landscape.background.BeingComputed`): in the normal layout, saying how long it
takes, and refreshing itself (a meta refresh: no script, so the Content-Security-Policy is
untouched) until the real page comes."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from leitstand.landscape.background import BeingComputed, end_request, mark_request_start
from leitstand.landscape.cache import release_request

#: Seconds between two looks of the page (and Retry-After of a JSON client).
REFRESH_S = 3


class BeingComputedMiddleware:
    """Turns `BeingComputed` from any view (or its template) into the "being computed" answer:
    202 with the page (an htmx request gets the message alone), 503 with Retry-After for a
    JSON client."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = mark_request_start(request)
        try:
            return self.get_response(request)
        finally:
            end_request(token)
            release_request(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, BeingComputed):
            return None
        response = being_computed(request, exception)
        add_never_cache_headers(response)
        return response


def being_computed(request: HttpRequest, state: BeingComputed) -> HttpResponse:
    if request.path.endswith(".json") or request.path.startswith("/api/"):
        message = _(
            "The figures of this organisation are being computed; ask again in a few seconds."
        )
        response = JsonResponse(
            {"detail": message, "retry_after": REFRESH_S},
            status=503,
            headers={"Retry-After": str(REFRESH_S)},
        )
        # an expected answer, not a failure: Django would log every 503 as an error, so a
        # client that polls every few seconds filled the error log (and its alerts)
        response._has_been_logged = True
        return response
    context = {
        "sent": request.method not in ("GET", "HEAD"),
        "refresh_url": _refresh_url(request),
        "expected_s": state.expected_s,
        "elapsed_s": state.elapsed_s,
        "refresh_s": REFRESH_S,
        "download": state.download,
        "max_systems": settings.LEITSTAND_MAX_SYSTEMS,
        "max_integrations": settings.LEITSTAND_MAX_INTEGRATIONS,
    }
    template = "core/_being_computed.html" if request.htmx else "core/being_computed.html"
    return render(request, template, context, status=202)


def _refresh_url(request: HttpRequest) -> str:
    """Where the page looks again: the page itself; for a form that was sent (the figures it
    needs came first, it saved nothing) the page the form was on, as a refresh is a GET."""
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    back = request.headers.get("Referer", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return back
    return request.get_full_path()
