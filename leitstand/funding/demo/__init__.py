"""Loads the demo's funding facts, de-minimis aid and funding plans
(`<organisation-slug>.yaml` beside this file; an organisation without one gets none). Plans
name their roadmap initiative; `costs: business_case` takes the chosen option's costs."""

from leitstand.funding import services
from leitstand.funding.models import COST_FIELDS, DeMinimisAid, FundingFacts, FundingPlan
from leitstand.funding.selectors import business_case_costs
from leitstand.roadmap.models import Initiative
from leitstand.tenancy.models import Organisation

PLAN_FIELDS = (
    "name",
    "description",
    "topics",
    "goals",
    "running_cost_per_year",
    "apply_by",
    "approval_expected",
    "project_start",
    "milestones",
    "project_end",
    "proof_of_use_due",
    "contract_signed_on",
)


def load_demo(organisation: Organisation, document: dict) -> None:
    services.save_funding_facts(
        FundingFacts(organisation=organisation), document["facts"], actor=None
    )
    for aid in document.get("de_minimis_aid") or ():
        services.save_de_minimis_aid(DeMinimisAid(organisation=organisation), aid, actor=None)
    for record in document.get("plans") or ():
        initiative = None
        if record.get("initiative"):
            initiative = Initiative.objects.for_org(organisation).get(name=record["initiative"])
        plan = FundingPlan(organisation=organisation, initiative=initiative)
        values = {field: record[field] for field in PLAN_FIELDS if field in record}
        values["chosen_programmes"] = services.check_programme_ids(
            record.get("chosen_programmes") or []
        )
        if record["costs"] == "business_case":
            costs = business_case_costs(plan.business_case_option, organisation)
            values["running_cost_per_year"] = plan.business_case_option.running_cost_eur_per_year
        else:
            costs = record["costs"]
        for key, value in costs.items():
            values[COST_FIELDS[key]] = value
        services.save_funding_plan(plan, values, actor=None)
