"""The API token pages under /o/<org>/ (the API itself is in leitstand/api/urls.py)."""

from django.urls import path

from leitstand.api import views

urlpatterns = [
    path("api-tokens/", views.tokens, name="api_tokens"),
    path("api-tokens/<int:pk>/revoke/", views.token_revoke, name="api_token_revoke"),
]
