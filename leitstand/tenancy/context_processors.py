from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from leitstand.tenancy.models import Membership


def organisation(request: HttpRequest) -> dict:
    """The organisation of this page, the user's role in it, and their others for the switcher."""
    context = {
        "org": getattr(request, "org", None),
        "membership": getattr(request, "membership", None),
    }
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        context["my_memberships"] = SimpleLazyObject(
            lambda: list(
                Membership.objects.filter(user=request.user)
                .select_related("organisation")
                .order_by("organisation__name")
            )
        )
    return context
