"""Writes: every change of funding data goes through these functions (pages, API, demo)."""

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from leitstand.core.audit import save_form
from leitstand.funding.catalogue import catalogue
from leitstand.funding.models import COST_FIELDS, FundingFacts, FundingPlan
from leitstand.funding.selectors import business_case_costs
from leitstand.tenancy.models import Organisation


def facts_for_editing(organisation: Organisation) -> FundingFacts:
    """The organisation's facts row, or an unsaved empty one."""
    return FundingFacts.objects.for_org(organisation).first() or FundingFacts(
        organisation=organisation
    )


def save_facts(form, organisation_form, actor) -> FundingFacts:
    """Facts and the organisation's own fields (state, turnover) in one transaction."""
    with transaction.atomic():
        save_form(organisation_form, actor)
        return save_form(form, actor)


def check_programme_ids(ids) -> list[str]:
    known = {p.id for p in catalogue().programmes}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ValidationError(
            _("Unknown programme: %(ids)s.") % {"ids": ", ".join(map(str, unknown))}
        )
    return list(dict.fromkeys(ids))


def choose_programmes(plan: FundingPlan, ids, actor) -> FundingPlan:
    plan.chosen_programmes = check_programme_ids(ids)
    with transaction.atomic(), set_actor(actor):
        plan.save(update_fields=["chosen_programmes", "updated_at"])
    return plan


def take_costs_from_business_case(plan: FundingPlan, actor) -> FundingPlan:
    """Copy the linked option's one-off costs into the plan (consulting and hardware stay)."""
    option = plan.business_case_option
    if option is None:
        raise ValidationError(_("The plan has no initiative option to take costs from."))
    costs = business_case_costs(option, plan.organisation)
    for category, value in costs.items():
        setattr(plan, COST_FIELDS[category], value)
    plan.running_cost_per_year = option.running_cost_eur_per_year
    with transaction.atomic(), set_actor(actor):
        plan.save()
    return plan
