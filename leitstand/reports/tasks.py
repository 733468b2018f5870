"""The background job that writes a large organisation's report (django-tasks; the database
backend's worker runs with `leitstand db_worker`)."""

from django_tasks import task

from leitstand.reports import services
from leitstand.reports.models import ReportSnapshot


@task()
def render_report(snapshot_id: int) -> None:
    snapshot = ReportSnapshot.objects.select_related("organisation").filter(pk=snapshot_id).first()
    if snapshot is None:  # deleted while it waited
        return
    services.render_snapshot(snapshot)


def enqueue_render(snapshot_id: int) -> None:
    render_report.enqueue(snapshot_id)
