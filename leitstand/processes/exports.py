"""Processes, their steps and automation scenarios in the xlsx/csv export (registered in
ProcessesConfig.ready())."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from leitstand.core.sheets import Column, ExportSheet, field, names, related
from leitstand.processes.models import AutomationScenario, Process, ProcessStep

PROCESS_SHEETS: tuple[ExportSheet, ...] = (
    ExportSheet(
        "processes",
        _("Processes"),
        lambda org: Process.objects.for_org(org).select_related("owner", "department"),
        (
            field("name", _("Name")),
            field("description", _("Description")),
            Column(_("Owner"), related("owner")),
            Column(_("Department"), related("department")),
            field("frequency", _("Frequency")),
            field("runs_per_period", _("How many times")),
            field("revenue_per_run", _("Revenue per run (EUR)")),
            field("revenue_per_year", _("Revenue per year (EUR)")),
            field("notes", _("Notes")),
        ),
    ),
    ExportSheet(
        "process_steps",
        _("Process steps"),
        lambda org: ProcessStep.objects.for_org(org).select_related(
            "process", "department", "system", "integration__source", "integration__target"
        ),
        (
            Column(_("Process"), related("process")),
            field("position", _("Position")),
            field("name", _("What happens")),
            Column(_("Department"), related("department")),
            field("role", _("Role")),
            Column(_("System"), related("system")),
            Column(_("Automated"), lambda step: step.automated),
            field("minutes_per_run", _("Minutes per run")),
            field("error_rate_percent", _("Error rate (%)")),
            field("minutes_to_fix_error", _("Minutes to fix one error")),
            field("needed", _("Needed?")),
            Column(_("Integration it performs"), related("integration")),
            field("notes", _("Notes")),
        ),
    ),
    ExportSheet(
        "automation_scenarios",
        _("Automation scenarios"),
        lambda org: (
            AutomationScenario.objects.for_org(org)
            .select_related("process")
            .prefetch_related(Prefetch("steps", queryset=ProcessStep.objects.order_by("position")))
        ),
        (
            Column(_("Process"), related("process")),
            field("name", _("Name")),
            Column(_("Steps it changes"), names("steps")),
            field("minutes_after", _("Minutes per run afterwards")),
            field("error_rate_after_percent", _("Error rate afterwards (%)")),
            Column(_("Automated afterwards"), lambda scenario: scenario.automates_steps),
            field("investment", _("One-off investment (EUR)")),
            field("running_cost_per_year", _("Running cost per year (EUR)")),
            field("description", _("Description")),
        ),
    ),
)
