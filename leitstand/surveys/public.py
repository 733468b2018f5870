"""The one deliberately anonymous page: /s/<token>/, where employees answer a survey.

No login. An unknown, closed or full link shows the same plain page with status 404, which
names nothing of the organisation. One answer per browser (a signed cookie), and at most
ANSWERS_PER_ADDRESS answers per network address and survey in THROTTLE_SECONDS.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.signing import BadSignature
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from leitstand.surveys.forms import AnswerForm
from leitstand.surveys.models import Survey
from leitstand.surveys.services import accepts_answers, record_answer

ANSWERS_PER_ADDRESS = 30  # an office behind one address answers together
THROTTLE_SECONDS = 600
COOKIE_MAX_AGE = 365 * 24 * 3600
COOKIE_SALT = "leitstand.surveys.answered"


def _cookie_name(survey: Survey) -> str:
    return f"survey_{survey.pk}"


def _answered(request: HttpRequest, survey: Survey) -> bool:
    try:
        value = request.get_signed_cookie(_cookie_name(survey), salt=COOKIE_SALT)
    except (KeyError, BadSignature):
        return False
    return value == survey.token


def _throttle_key(request: HttpRequest, survey: Survey) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"survey-answers:{survey.pk}:{digest}"


def _throttled(request: HttpRequest, survey: Survey) -> bool:
    key = _throttle_key(request, survey)
    cache.add(key, 0, THROTTLE_SECONDS)
    return cache.incr(key) > ANSWERS_PER_ADDRESS


def _unavailable(request: HttpRequest) -> HttpResponse:
    return render(request, "surveys/unavailable.html", status=404)


@never_cache
def answer(request: HttpRequest, token: str) -> HttpResponse:
    survey = (
        Survey.objects.filter(token=token).prefetch_related("questions").first()
        if len(token) <= 64
        else None
    )
    if survey is None or not accepts_answers(survey):
        return _unavailable(request)
    if _answered(request, survey):
        return render(request, "surveys/thanks.html", {"already": True})
    form = AnswerForm(request.POST or None, survey=survey)
    if request.method != "POST" or not form.is_valid():
        return render(request, "surveys/answer.html", {"survey": survey, "form": form})
    if _throttled(request, survey):
        return render(request, "surveys/throttled.html", status=429)
    record_answer(survey, form.scores(), form.cleaned_data["free_text"])
    response = render(request, "surveys/thanks.html", {"already": False})
    response.set_signed_cookie(
        _cookie_name(survey),
        survey.token,
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
        path=request.path,
    )
    return response
