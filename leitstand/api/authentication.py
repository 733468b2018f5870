"""`Authorization: Bearer <token>` for the REST API."""

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from leitstand.api.tokens import token_for_secret


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        scheme, _space, secret = header.partition(" ")
        if scheme.lower() != self.keyword.lower():
            return None
        token = token_for_secret(secret.strip())
        if token is None:
            raise exceptions.AuthenticationFailed(_("Unknown or revoked API token."))
        return token.user, token

    def authenticate_header(self, request) -> str:
        return self.keyword


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "leitstand.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": _("An API token.")}
