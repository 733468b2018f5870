"""URL map. Everything an organisation owns lives under /o/<org>/ (see tenancy.access)."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from leitstand.core import operations
from leitstand.onboarding import views as onboarding_views
from leitstand.surveys import public as survey_public
from leitstand.tenancy import views as tenancy_views

org_patterns = [
    path("", include("leitstand.cockpit.urls")),
    path("", include("leitstand.tenancy.urls")),
    path("", include("leitstand.inventory.urls")),
    path("", include("leitstand.imports.urls")),
    path("", include("leitstand.exports.urls")),
    path("", include("leitstand.api.token_urls")),
    path("", include("leitstand.flows.urls")),
    path("", include("leitstand.assessment.urls")),
    path("", include("leitstand.findings.urls")),
    path("", include("leitstand.processes.urls")),
    path("", include("leitstand.kpis.urls")),
    path("", include("leitstand.surveys.urls")),
    path("", include("leitstand.roadmap.urls")),
    path("", include("leitstand.continuity.urls")),
    path("", include("leitstand.resilience.urls")),
    path("", include("leitstand.security_check.urls")),
    path("", include("leitstand.products.urls")),
    path("", include("leitstand.maturity.urls")),
    path("", include("leitstand.funding.urls")),
    path("", include("leitstand.reports.urls")),
]

urlpatterns = [
    path("", tenancy_views.home, name="home"),
    path("organisations/", onboarding_views.client_overview, name="organisation_list"),
    path("organisations/new/", onboarding_views.organisation_create, name="organisation_create"),
    path("invite/<str:token>/", tenancy_views.invitation, name="invitation"),
    path("s/<str:token>/", survey_public.answer, name="survey_answer"),
    path("o/<slug:org>/", include(org_patterns)),
    path("api/v1/", include("leitstand.api.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/language/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("healthz", operations.healthz, name="healthz"),
    path("readyz", operations.readyz, name="readyz"),
    path("metrics", operations.metrics, name="metrics"),
]

# A write that could not get SQLite's lock answers 503 with Retry-After instead of 500.
handler500 = operations.server_error
handler404 = operations.page_not_found
