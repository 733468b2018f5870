"""How django-allauth fits Leitstand: who may sign up, and where people land after login."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest

from leitstand.tenancy.invitations import pending_invitation


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Open sign-up is a setting; an invitation link always allows it."""
        if settings.LEITSTAND_OPEN_SIGNUP:
            return True
        return pending_invitation(request) is not None

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        invitation = pending_invitation(request)
        if invitation is not None:
            return invitation.get_absolute_url()
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        return self.get_login_redirect_url(request)
