"""Organisation-level pages under /o/<org>/."""

from django.urls import path

from leitstand.tenancy import views

urlpatterns = [
    path("settings/", views.organisation_settings, name="organisation_settings"),
    path("members/", views.members, name="members"),
    path("members/<int:pk>/role/", views.member_role, name="member_role"),
    path("members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("audit/", views.audit_log, name="audit_log"),
]
