"""How django-axes names the account in a failed login (allauth posts it as `login`)."""

from django.http import HttpRequest


def username_for_lockout(request: HttpRequest, credentials: dict | None) -> str:
    """Lock out one account from one address, never a whole office behind one IP."""
    credentials = credentials or {}
    name = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not name and request is not None:
        name = request.POST.get("login", "")
    return (name or "").strip().lower()
