"""The REST API: /api/v1/o/<org>/<resource>/, its OpenAPI schema and its documentation page.

To add an entity, write its serializer and viewset in the app's api.py and register it here.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from leitstand.assessment import api as assessment
from leitstand.continuity import api as continuity
from leitstand.flows import api as flows
from leitstand.funding import api as funding
from leitstand.inventory import api as inventory
from leitstand.kpis import api as kpis
from leitstand.maturity import api as maturity
from leitstand.processes import api as processes
from leitstand.products import api as products
from leitstand.resilience import api as resilience
from leitstand.roadmap import api as roadmap
from leitstand.security_check import api as security_check
from leitstand.tenancy import api as tenancy

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("systems", inventory.SystemViewSet, basename="system")
router.register("departments", inventory.DepartmentViewSet, basename="department")
router.register("people", inventory.PersonViewSet, basename="person")
router.register("vendors", inventory.VendorViewSet, basename="vendor")
router.register("capabilities", inventory.CapabilityViewSet, basename="capability")
router.register("integrations", flows.IntegrationViewSet, basename="integration")
router.register("data-objects", flows.DataObjectViewSet, basename="data-object")
router.register("members", tenancy.MembershipViewSet, basename="member")
router.register("assessments", assessment.AssessmentViewSet, basename="assessment")
router.register(
    "recommendation-overrides", assessment.OverrideViewSet, basename="recommendation-override"
)
router.register("processes", processes.ProcessViewSet, basename="process")
router.register("process-steps", processes.ProcessStepViewSet, basename="process-step")
router.register("automation-scenarios", processes.AutomationScenarioViewSet, basename="scenario")
router.register("kpis", kpis.KpiViewSet, basename="kpi")
router.register("kpi-measurements", kpis.MeasurementViewSet, basename="measurement")
router.register("business-impacts", continuity.BusinessImpactViewSet, basename="business-impact")
router.register("resilience", resilience.SystemResilienceViewSet, basename="resilience")
router.register("company-checks", security_check.SecurityCheckViewSet, basename="company-check")
router.register("catalogue-links", products.ProductLinkViewSet, basename="catalogue-link")
router.register("statement-scans", products.StatementScanViewSet, basename="statement-scan")
router.register(
    "recurring-payments", products.RecurringPaymentViewSet, basename="recurring-payment"
)
router.register("finding-states", roadmap.FindingStateViewSet, basename="finding-state")
router.register("initiatives", roadmap.InitiativeViewSet, basename="initiative")
router.register(
    "initiative-dependencies", roadmap.InitiativeDependencyViewSet, basename="initiative-dependency"
)
router.register("initiative-options", roadmap.InitiativeOptionViewSet, basename="initiative-option")
router.register("initiative-phases", roadmap.PhaseViewSet, basename="initiative-phase")
router.register("milestones", roadmap.MilestoneViewSet, basename="milestone")
router.register("change-checklists", roadmap.ChangeChecklistViewSet, basename="change-checklist")
router.register("dropped-proposals", roadmap.DroppedProposalViewSet, basename="dropped-proposal")
router.register(
    "maturity-assessments", maturity.MaturityAssessmentViewSet, basename="maturity-assessment"
)
router.register("funding-facts", funding.FundingFactsViewSet, basename="funding-facts")
router.register("linked-enterprises", funding.LinkedEnterpriseViewSet, basename="linked-enterprise")
router.register("de-minimis-aid", funding.DeMinimisAidViewSet, basename="de-minimis-aid")
router.register("funding-plans", funding.FundingPlanViewSet, basename="funding-plan")

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("o/<slug:org>/organisation/", tenancy.OrganisationView.as_view(), name="organisation"),
    path("o/<slug:org>/", include(router.urls)),
]
