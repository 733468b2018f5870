"""Writes: every change of funding data goes through these functions (pages, API, demo), one
save/delete pair per entity on `core.audit.save_values`, so the model's rules apply to all."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from leitstand.core.audit import delete_object, save_values
from leitstand.funding.catalogue import catalogue
from leitstand.funding.models import (
    COST_FIELDS,
    DeMinimisAid,
    FundingFacts,
    FundingPlan,
    LinkedEnterprise,
)
from leitstand.funding.selectors import business_case_costs
from leitstand.tenancy.models import Organisation


def facts_for_editing(organisation: Organisation) -> FundingFacts:
    """The organisation's facts row, or an unsaved empty one."""
    return FundingFacts.objects.for_org(organisation).first() or FundingFacts(
        organisation=organisation
    )


def save_facts(
    facts: FundingFacts, values: dict | None, organisation_values: dict | None, *, actor
) -> FundingFacts:
    """Facts and the organisation's own fields (state, turnover) in one transaction; None
    leaves that part as it is (the page passes None for a form without a change)."""
    with transaction.atomic():
        if organisation_values is not None:
            save_values(facts.organisation, organisation_values, actor)
        if values is not None:
            save_funding_facts(facts, values, actor=actor)
    return facts


def save_funding_facts(facts: FundingFacts, values: dict, *, actor) -> FundingFacts:
    return save_values(facts, values, actor)


def delete_funding_facts(facts: FundingFacts, *, actor) -> None:
    delete_object(facts, actor)


def save_linked_enterprise(
    enterprise: LinkedEnterprise, values: dict, *, actor
) -> LinkedEnterprise:
    return save_values(enterprise, values, actor)


def delete_linked_enterprise(enterprise: LinkedEnterprise, *, actor) -> None:
    delete_object(enterprise, actor)


def save_de_minimis_aid(aid: DeMinimisAid, values: dict, *, actor) -> DeMinimisAid:
    return save_values(aid, values, actor)


def delete_de_minimis_aid(aid: DeMinimisAid, *, actor) -> None:
    delete_object(aid, actor)


def save_funding_plan(plan: FundingPlan, values: dict, *, actor) -> FundingPlan:
    return save_values(plan, values, actor)


def delete_funding_plan(plan: FundingPlan, *, actor) -> None:
    delete_object(plan, actor)


def check_programme_ids(ids) -> list[str]:
    known = {p.id for p in catalogue().programmes}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ValidationError(
            _("Unknown programme: %(ids)s.") % {"ids": ", ".join(map(str, unknown))}
        )
    return list(dict.fromkeys(ids))


def choose_programmes(plan: FundingPlan, ids, actor) -> FundingPlan:
    return save_funding_plan(plan, {"chosen_programmes": check_programme_ids(ids)}, actor=actor)


def take_costs_from_business_case(plan: FundingPlan, actor) -> FundingPlan:
    """Copy the linked option's one-off costs into the plan (consulting and hardware stay)."""
    option = plan.business_case_option
    if option is None:
        raise ValidationError(_("The plan has no initiative option to take costs from."))
    costs = business_case_costs(option, plan.organisation)
    values = {COST_FIELDS[category]: value for category, value in costs.items()}
    values["running_cost_per_year"] = option.running_cost_eur_per_year
    return save_funding_plan(plan, values, actor=actor)
