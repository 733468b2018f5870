"""The resilience facts on a system's page, with the 3-2-1-1-0 yardstick spelt out."""

from django.http import HttpRequest
from django.utils import timezone

from leitstand.analysis.resilience import backup_yardstick as yardstick
from leitstand.core.extensions import Panel
from leitstand.inventory.models import System
from leitstand.resilience.models import SystemResilience


def resilience_panel(request: HttpRequest, system: System) -> Panel:
    resilience = (
        SystemResilience.objects.for_org(system.organisation)
        .select_related("backup_responsible")
        .filter(system=system)
        .first()
    )
    as_of = timezone.localdate()
    parts = yardstick.rule_3_2_1_1_0(resilience, as_of)
    restore_age_days = None
    if resilience is not None and resilience.restore_tested_on is not None:
        restore_age_days = (as_of - resilience.restore_tested_on).days
    return Panel(
        "resilience/_system_panel.html",
        {
            "system": system,
            "resilience": resilience,
            "parts": parts,
            "rule_met": yardstick.rule_met(parts),
            "restore_tested": yardstick.restore_tested(resilience, as_of),
            "restore_age_days": restore_age_days,
            "restore_too_old": restore_age_days is not None
            and restore_age_days > yardstick.TEST_VALID_DAYS,
            "plan_tested": yardstick.emergency_plan_tested(resilience, as_of),
        },
    )
