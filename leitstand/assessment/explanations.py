"""Texts of the recommendations: one template per message key of analysis.modernisation, and the
words the rule table is read out in on the help page. leitstand.core.wording renders them."""

from django.utils.translation import gettext_lazy as _

from leitstand.analysis.modernisation import CapabilityMix, Overlap, Support, TimeClass
from leitstand.analysis.vocabulary import Lifecycle

TEMPLATES = {
    "rule.retire.retired": _(
        "%(system)s is retired: switch it off for good and archive the data the law requires."
    ),
    "rule.retain.planned": _(
        "%(system)s is not in operation yet: introduce it as planned and assess it once it runs."
    ),
    "rule.retire.overlap": _(
        "%(system)s and %(keep)s both cover “%(capability)s”: move the users and data of "
        "%(system)s to %(keep)s and switch %(system)s off."
    ),
    "rule.assess_first": _(
        "%(system)s has not been assessed yet: rate its business criticality, technical health "
        "and integration capability to get a recommendation."
    ),
    "rule.retire.low_value": _(
        "Only supporting and in weak or poor shape: switching it off costs little. Check who "
        "still uses it, then retire it."
    ),
    "rule.retire.phase_out": _(
        "Being phased out and only supporting: finish the phase-out and switch it off."
    ),
    "rule.replace.end_of_support": _(
        "Vendor support ended on %(date)s, so there are no more security updates, and the "
        "company needs it: replace it, or move to a version the vendor still supports."
    ),
    "rule.replace.support_ending": _(
        "Vendor support ends on %(date)s and its technical health is already weak: choose a "
        "successor now and switch over before the updates stop."
    ),
    "rule.refactor.differentiating": _(
        "Critical and in weak shape, but it carries what sets the company apart "
        "(%(capabilities)s): renew it piece by piece while it keeps running, rather than "
        "buying a standard product."
    ),
    "rule.replace.poor_health": _(
        "Needed for daily work, but in poor shape: replace it before it fails."
    ),
    "rule.replace.weak_and_critical": _(
        "Critical and in weak shape, and nothing marks what it does as differentiating: "
        "replace it, preferably with a standard product (buy where the process is standard)."
    ),
    "rule.replace.phase_out": _(
        "Being phased out while the work still needs it: choose and introduce its successor."
    ),
    "rule.replace.spreadsheet": _(
        "A spreadsheet or small database that a process depends on: move the process into an "
        "application (one the company already has where it fits, a standard product "
        "otherwise) and switch the file off."
    ),
    "rule.retire.spreadsheet": _(
        "A spreadsheet or small database that a process uses, but only supporting: fold what "
        "it holds into the process's application and retire it."
    ),
    "rule.wrap.not_integrable": _(
        "Critical and in good shape, but other systems cannot exchange data with it "
        "automatically (integration capability %(integration)s), and its data is carried by "
        "hand for %(hours)s a year: put an API layer in front of it. It keeps running, and "
        "those hours of typing end."
    ),
    "rule.retain.watch": _(
        "Operational (business criticality %(criticality)s) and in weak shape (technical "
        "health %(health)s), but not critical enough for a replacement to come first: keep it, "
        "watch it, and look at it again by %(review)s, or sooner if it fails or its vendor "
        "support ends."
    ),
    "rule.retain.little_manual_work": _(
        "Critical and in good shape. Other systems cannot exchange data with it automatically "
        "(integration capability %(integration)s), but its data is carried by hand for only "
        "%(hours)s a year, below the %(threshold)s from which an API layer pays: keep it, and "
        "look again if the manual work grows."
    ),
    "rule.replatform.ageing_hosting": _(
        "The application still does its job, but the hardware it runs on at the company's own "
        "premises dates from %(year)s: move it to current infrastructure (a new server, "
        "hosting or the cloud) without changing the application."
    ),
    "rule.retain.default": _(
        "In good shape for what it is used for: keep and maintain it, and assess it again "
        "when something changes."
    ),
    "time.invest": _(
        "Business criticality %(criticality)s is high (3 or more) and the technical fit, health "
        "%(health)s + integration %(integration)s = %(fit)s, is good (5 or more): invest."
    ),
    "time.migrate": _(
        "Business criticality %(criticality)s is high (3 or more) but the technical fit, health "
        "%(health)s + integration %(integration)s = %(fit)s, is poor (below 5): migrate."
    ),
    "time.tolerate": _(
        "Business criticality %(criticality)s is low (below 3) and the technical fit, health "
        "%(health)s + integration %(integration)s = %(fit)s, is good (5 or more): tolerate."
    ),
    "time.eliminate": _(
        "Business criticality %(criticality)s is low (below 3) and the technical fit, health "
        "%(health)s + integration %(integration)s = %(fit)s, is poor (below 5): eliminate."
    ),
    "time.by_strategy.invest": _(
        "Business criticality %(criticality)s against a technical fit of %(health)s + "
        "%(integration)s = %(fit)s; the system stays and is worth its upkeep: invest."
    ),
    "time.by_strategy.migrate": _(
        "Business criticality %(criticality)s against a technical fit of %(health)s + "
        "%(integration)s = %(fit)s; the recommendation moves it to a successor: migrate."
    ),
    "time.by_strategy.tolerate": _(
        "Business criticality %(criticality)s against a technical fit of %(health)s + "
        "%(integration)s = %(fit)s; the recommendation keeps it for now without investing: "
        "tolerate."
    ),
    "time.by_strategy.eliminate": _(
        "Business criticality %(criticality)s against a technical fit of %(health)s + "
        "%(integration)s = %(fit)s; the recommendation switches it off: eliminate."
    ),
    "fact.assessment": _(
        "Assessed on %(date)s: business criticality %(criticality)s, technical health "
        "%(health)s, integration capability %(integration)s."
    ),
    "fact.not_assessed": _("Not assessed yet."),
    "fact.health_capped": _(
        "Technical health counts as 1, not %(health)s: vendor support has ended since."
    ),
    "fact.retired": _("Its lifecycle is: retired."),
    "fact.planned": _("Its lifecycle is: planned."),
    "fact.phase_out": _("Its lifecycle is: phase-out."),
    "fact.support_past": _("Vendor support ended on %(date)s."),
    "fact.support_soon": _("Vendor support ends on %(date)s, within 12 months."),
    "fact.overlap": _(
        "The analysis found that %(keep)s also covers “%(capability)s” and is the one to keep."
    ),
    "fact.on_premises_since": _(
        "It runs on the company's own premises on hardware from %(year)s (%(years)s years old, "
        "as recorded in its resilience facts)."
    ),
    "fact.support_within_24": _(
        "Vendor support ends on %(date)s, within 24 months: whatever is done now has to "
        "reckon with that date."
    ),
    "fact.differentiating": _("Differentiating capability: %(capabilities)s."),
    "fact.application": _("It is a business application."),
    "fact.not_application": _(
        "It is not a business application (infrastructure, a device, a suite, a spreadsheet or "
        "a portal): it is kept or replaced, never wrapped, refactored or re-platformed."
    ),
    "fact.manual_hours": _(
        "Its data is carried by hand for %(hours)s a year (an API layer pays from %(threshold)s)."
    ),
    "fact.consolidation_ends": _(
        "Not counted: a further %(ending)s a year of transfers with its overlapping tools, "
        "which end when those are retired into one system."
    ),
    "fact.carries_process": _("A step of a process uses it."),
    "fact.review": _("Look at it again by %(review)s."),
}

TIME_LABELS = {
    TimeClass.TOLERATE: _("tolerate"),
    TimeClass.INVEST: _("invest"),
    TimeClass.MIGRATE: _("migrate"),
    TimeClass.ELIMINATE: _("eliminate"),
}

#: How the help page names what a condition reads.
FIELD_LABELS = {
    "criticality": _("business criticality"),
    "health": _("technical health"),
    "integration": _("integration capability"),
    "lifecycle": _("lifecycle"),
    "support": _("vendor support"),
    "overlap": _("overlap"),
    "ageing_on_premises": _("on own premises on hardware %(years)s years old or more"),
    "capabilities": _("capabilities"),
    "kind": _("kind"),
    "assessed": _("assessed"),
    "manual_work": _("manual transfers reach the hours from which a wrap pays"),
    "carries_process": _("a step of a process uses it"),
}

#: How the help page names the values a condition compares with.
VALUE_LABELS = {
    Lifecycle.RETIRED: _("retired"),
    Lifecycle.PLANNED: _("planned"),
    Lifecycle.PHASE_OUT: _("phase-out"),
    Support.PAST: _("ended"),
    Support.SOON: _("ends within 12 months"),
    Overlap.RETIRE: _("another system does the same and is the one to keep"),
    CapabilityMix.DIFFERENTIATING: _("at least one differentiating"),
}
