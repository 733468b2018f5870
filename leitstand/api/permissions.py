"""Roles in the API are the roles of the pages: tenancy.access decides both."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from leitstand.api.models import ApiToken
from leitstand.tenancy.access import authorize_api
from leitstand.tenancy.models import Role


class OrganisationRole(BasePermission):
    """The view's `read_role` for reading, `write_role` for changing (at least editor)."""

    def has_permission(self, request, view) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        write = request.method not in SAFE_METHODS
        role = getattr(view, "write_role" if write else "read_role", Role.VIEWER)
        token = request.auth if isinstance(request.auth, ApiToken) else None
        authorize_api(request, view.kwargs["org"], role, token.organisation_id if token else None)
        return True
