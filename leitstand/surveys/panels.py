"""The survey section of a process's page: its surveys, their status and answer counts."""

from django.db.models import Count
from django.http import HttpRequest

from leitstand.core.extensions import Panel
from leitstand.processes.models import Process
from leitstand.surveys.models import Survey


def survey_panel(request: HttpRequest, process: Process) -> Panel:
    surveys = (
        Survey.objects.for_org(process.organisation)
        .filter(process=process)
        .annotate(answers=Count("responses"))
        .order_by("created_at", "pk")
    )
    return Panel("surveys/_process_panel.html", {"process": process, "surveys": list(surveys)})
