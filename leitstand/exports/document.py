"""The complete JSON export of an organisation, and loading it into an empty organisation.

The document uses the REST API's serializers, so its records look exactly like the API's.
Relations refer to the `id`s inside the same document; loading maps them to new ids.
Adding an entity means adding a `Part` to PARTS, after the parts it refers to.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers

from leitstand.assessment.models import Assessment, RecommendationOverride
from leitstand.continuity import api as continuity_api
from leitstand.continuity.models import BusinessImpact
from leitstand.core.queries import refresh_statistics
from leitstand.exports import document_serializers as doc
from leitstand.flows import api as flows_api
from leitstand.flows.models import DataObject, Integration
from leitstand.funding import api as funding_api
from leitstand.funding.models import DeMinimisAid, FundingFacts, FundingPlan, LinkedEnterprise
from leitstand.inventory import api as inventory_api
from leitstand.inventory.models import Capability, Department, Person, System, Vendor
from leitstand.kpis import api as kpis_api
from leitstand.kpis.models import Kpi, Measurement
from leitstand.maturity import api as maturity_api
from leitstand.maturity.models import MaturityAnswer, MaturityAssessment
from leitstand.processes import api as processes_api
from leitstand.processes.models import AutomationScenario, Process, ProcessStep
from leitstand.products import api as products_api
from leitstand.products.models import ProductLink, RecurringPayment, StatementScan
from leitstand.reports.models import ReportSettings
from leitstand.resilience import api as resilience_api
from leitstand.resilience.models import SystemResilience
from leitstand.roadmap import api as roadmap_api
from leitstand.roadmap import models as roadmap
from leitstand.security_check import api as security_check_api
from leitstand.security_check.models import Answer, SecurityCheck
from leitstand.surveys.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from leitstand.tenancy.api import OrganisationSerializer
from leitstand.tenancy.models import Membership, Organisation
from leitstand.tenancy.stamps import bump_landscape

FORMAT = "leitstand-export"
VERSION = 1
SETTINGS_NOT_COPIED = {"id", "name", "slug", "created_at"}


@dataclass(frozen=True)
class Part:
    key: str
    model: type[models.Model]
    serializer: type[serializers.ModelSerializer]
    #: Fields (tried in order) that match an existing row of the organisation, which is then
    #: updated instead of created: seeded catalogue capabilities, for example.
    match_on: tuple[str, ...] = ()

    def queryset(self, organisation: Organisation):
        return self.serializer_queryset(self.model.objects.for_org(organisation)).order_by("pk")

    def serializer_queryset(self, queryset):
        m2m = [field.name for field in self.model._meta.many_to_many]
        return queryset.prefetch_related(*m2m)


PARTS: tuple[Part, ...] = (
    Part("departments", Department, inventory_api.DepartmentSerializer),
    Part("people", Person, inventory_api.PersonSerializer),
    Part("vendors", Vendor, inventory_api.VendorSerializer),
    Part(
        "capabilities",
        Capability,
        inventory_api.CapabilitySerializer,
        match_on=("key", "name_de", "name_en"),
    ),
    Part("systems", System, inventory_api.SystemSerializer),
    Part(
        "data_objects",
        DataObject,
        flows_api.DataObjectSerializer,
        match_on=("key", "name_de", "name_en"),
    ),
    Part("integrations", Integration, flows_api.IntegrationSerializer),
    # after the integrations: guided integration scores read the flows' facts
    Part("assessments", Assessment, doc.AssessmentDocumentSerializer),
    Part("recommendation_overrides", RecommendationOverride, doc.OverrideDocumentSerializer),
    Part("processes", Process, processes_api.ProcessSerializer),
    Part("process_steps", ProcessStep, processes_api.ProcessStepSerializer),
    Part("automation_scenarios", AutomationScenario, processes_api.AutomationScenarioSerializer),
    Part("kpis", Kpi, kpis_api.KpiSerializer),
    Part("kpi_measurements", Measurement, kpis_api.MeasurementSerializer),
    Part("surveys", Survey, doc.SurveyDocumentSerializer),
    Part("survey_questions", SurveyQuestion, doc.SurveyQuestionDocumentSerializer),
    Part("survey_responses", SurveyResponse, doc.SurveyResponseDocumentSerializer),
    Part("survey_answers", SurveyAnswer, doc.SurveyAnswerDocumentSerializer),
    Part("business_impacts", BusinessImpact, continuity_api.BusinessImpactSerializer),
    Part("system_resilience", SystemResilience, resilience_api.SystemResilienceSerializer),
    Part("company_checks", SecurityCheck, security_check_api.SecurityCheckSerializer),
    Part("company_check_answers", Answer, security_check_api.AnswerSerializer),
    Part("finding_states", roadmap.FindingState, roadmap_api.FindingStateSerializer),
    Part("initiatives", roadmap.Initiative, roadmap_api.InitiativeSerializer),
    Part(
        "initiative_dependencies",
        roadmap.InitiativeDependency,
        roadmap_api.InitiativeDependencySerializer,
    ),
    Part("initiative_options", roadmap.InitiativeOption, doc.InitiativeOptionDocumentSerializer),
    Part("initiative_phases", roadmap.Phase, roadmap_api.PhaseSerializer),
    Part("milestones", roadmap.Milestone, roadmap_api.MilestoneSerializer),
    Part("change_checklists", roadmap.ChangeChecklist, roadmap_api.ChangeChecklistSerializer),
    Part("dropped_proposals", roadmap.DroppedProposal, roadmap_api.DroppedProposalSerializer),
    Part("maturity_assessments", MaturityAssessment, maturity_api.MaturityAssessmentSerializer),
    Part("maturity_answers", MaturityAnswer, maturity_api.MaturityAnswerSerializer),
    Part("funding_facts", FundingFacts, funding_api.FundingFactsSerializer),
    Part("linked_enterprises", LinkedEnterprise, funding_api.LinkedEnterpriseSerializer),
    Part("de_minimis_aid", DeMinimisAid, funding_api.DeMinimisAidSerializer),
    Part("funding_plans", FundingPlan, funding_api.FundingPlanSerializer),
    Part("catalogue_links", ProductLink, products_api.ProductLinkSerializer),
    Part("statement_scans", StatementScan, products_api.StatementScanDocumentSerializer),
    Part("recurring_payments", RecurringPayment, products_api.RecurringPaymentDocumentSerializer),
    Part(
        "report_settings", ReportSettings, doc.ReportSettingsDocumentSerializer, match_on=("kind",)
    ),
)

#: What an organisation owns that the document leaves out, and why (a test checks that every
#: tenant-owned model is a part or listed here; `leitstand backup` keeps all of it).
NOT_IN_DOCUMENT = {
    "api.ApiToken": "secrets of the installation that issued them",
    "imports.ImportRun": "import history with the uploaded files",
    "imports.ImportMemory": "choices remembered for the next import of the same layout",
    "reports.ReportSnapshot": "rendered reports; made again from the data",
    "reports.Letterhead": "the logo is uploaded again, where images are checked",
}


class DocumentProblem(Exception):
    """The document cannot be loaded; the message says where and why."""


def _context(organisation: Organisation) -> dict:
    return {"request": SimpleNamespace(org=organisation, user=None)}


def export_document(organisation: Organisation) -> dict:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "organisation": OrganisationSerializer(organisation).data,
    }
    for part in PARTS:
        document[part.key] = part.serializer(
            part.queryset(organisation), many=True, context=_context(organisation)
        ).data
    document["members"] = [
        {"email": m.user.email, "role": m.role}
        for m in Membership.objects.filter(organisation=organisation).select_related("user")
    ]
    return document


def check_document(document: object) -> dict:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DocumentProblem(_("This JSON file is not a Leitstand export."))
    if document.get("version") != VERSION:
        raise DocumentProblem(
            _("This export has version %(version)s; this Leitstand reads version %(supported)s.")
            % {"version": document.get("version"), "supported": VERSION}
        )
    return document


def load_document(organisation: Organisation, document: dict) -> dict[str, int]:
    """Create everything in the document in `organisation`, all or nothing. Returns counts."""
    check_document(document)
    counts = {}
    try:
        with transaction.atomic():
            _apply_settings(organisation, document.get("organisation") or {})
            ids: dict[type, dict[int, int]] = {}
            for part in PARTS:
                counts[part.key] = _load_part(organisation, part, document.get(part.key) or [], ids)
            bump_landscape(organisation)  # bulk writes send no signals
    except IntegrityError as exc:
        raise DocumentProblem(
            _("The export contains an entry twice or conflicts with existing data: %(error)s")
            % {"error": exc}
        ) from exc
    for part in PARTS:
        refresh_statistics(part.model, counts[part.key])
    return counts


def _apply_settings(organisation: Organisation, settings_record: dict) -> None:
    data = {k: v for k, v in settings_record.items() if k not in SETTINGS_NOT_COPIED}
    serializer = OrganisationSerializer(organisation, data=data, partial=True)
    if not serializer.is_valid():
        raise DocumentProblem(
            _("Organisation settings: %(errors)s") % {"errors": serializer.errors}
        )
    serializer.save()


def _relation_fields(model: type[models.Model]) -> dict[str, type[models.Model]]:
    fields = {f.name: f.related_model for f in model._meta.many_to_many}
    fields.update(
        {
            f.name: f.related_model
            for f in model._meta.concrete_fields
            if f.is_relation and f.name != "organisation"
        }
    )
    return fields


def _remap(record: dict, relations: dict, ids: dict, where: str) -> dict:
    data = dict(record)
    for name, related_model in relations.items():
        value = data.get(name)
        mapping = ids.get(related_model, {})
        try:
            if isinstance(value, list):
                data[name] = [mapping[item] for item in value]
            elif value is not None:
                data[name] = mapping[value]
        except (KeyError, TypeError):
            raise DocumentProblem(
                _("%(where)s: “%(field)s” refers to an id that is not in the export.")
                % {"where": where, "field": name}
            ) from None
    return data


def _load_part(organisation: Organisation, part: Part, records: list, ids: dict) -> int:
    relations = _relation_fields(part.model)
    existing = _existing_matches(organisation, part)
    mapping: dict[int, int] = {}
    pending: list[tuple[int, models.Model, dict]] = []
    for index, record in enumerate(records, start=1):
        where = f"{part.key} #{index}"
        if not isinstance(record, dict):
            raise DocumentProblem(_("%(where)s is not a record.") % {"where": where})
        match = _match(existing, part, record)
        serializer = part.serializer(
            match, data=_remap(record, relations, ids, where), context=_context(organisation)
        )
        if not serializer.is_valid():
            raise DocumentProblem(f"{where} ({record.get('name', '')}): {serializer.errors}")
        if match is not None:
            serializer.save()
            mapping[record.get("id")] = match.pk
            continue
        values = dict(serializer.validated_data)
        many = {name: values.pop(name) for name in list(values) if name in _m2m_names(part)}
        if "key" in part.match_on and record.get("key"):
            values["key"] = record["key"]
        pending.append((record.get("id"), part.model(organisation=organisation, **values), many))
    part.model.objects.bulk_create([obj for _id, obj, _many in pending], batch_size=1000)
    for old_id, obj, many in pending:
        mapping[old_id] = obj.pk
        for name, related in many.items():
            getattr(obj, name).set(related)
    ids[part.model] = mapping
    return len(records)


def _m2m_names(part: Part) -> set[str]:
    return {field.name for field in part.model._meta.many_to_many}


def _existing_matches(organisation: Organisation, part: Part) -> dict:
    """(field, lower-case value) -> existing object, for the fields in `part.match_on`."""
    found = {}
    for obj in part.model.objects.for_org(organisation) if part.match_on else []:
        for name in part.match_on:
            value = getattr(obj, name)
            if value:
                found.setdefault((name, str(value).lower()), obj)
    return found


def _match(existing: dict, part: Part, record: dict):
    for name in part.match_on:
        value = record.get(name)
        if value and (name, str(value).lower()) in existing:
            return existing[(name, str(value).lower())]
    return None
