"""Pages of processes: list, the process page (figures, diagram, steps, scenarios), the
organisation's ranking of automation candidates; create, edit, delete, history."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from leitstand.core import views as generic
from leitstand.core.extensions import process_panels
from leitstand.processes import filters, forms, services
from leitstand.processes.diagram import BY_DEPARTMENT, BY_SYSTEM, build_diagram
from leitstand.processes.models import Process
from leitstand.processes.presenters import process_page
from leitstand.processes.selectors import organisation_processes, unneeded_rows, with_figures
from leitstand.tenancy.access import org_view


class ProcessViews:
    model = Process
    labels = generic.EntityLabels(
        _("New process"), _("Record the first process"), _("No processes recorded yet.")
    )
    form_class = forms.ProcessForm
    url_prefix = "processes:process"
    save_service = staticmethod(services.save_process)
    delete_service = staticmethod(services.delete_process)


class ProcessList(ProcessViews, generic.OrgListView):
    filterset_class = filters.ProcessFilter
    template_name = "processes/process_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("organisation", "owner", "department")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object_list"] = with_figures(self.org, context["object_list"])
        return context


def first_error_gets_focus(form) -> None:
    """After a failed save the cursor lands on the first field to fix (also after HTMX swaps)."""
    for name in form.errors:
        if name in form.fields:
            form.fields[name].widget.attrs["autofocus"] = True
            return


def page_context(request: HttpRequest, process: Process, **extra) -> dict:
    """Everything the process page shows; `extra` carries forms being edited in place."""
    page = process_page(process)
    lanes = BY_SYSTEM if request.GET.get("lanes") == BY_SYSTEM else BY_DEPARTMENT
    if "step_form" not in extra:
        extra["step_form"] = forms.ProcessStepForm(
            organisation=request.org, process=process, prefix="new"
        )
        if request.GET.get("added") == "1":  # ready for the next step, keyboard included
            extra["step_form"].fields["name"].widget.attrs["autofocus"] = True
    for form in (extra.get("step_form"), extra.get("edit_form")):
        if form is not None and form.is_bound:
            first_error_gets_focus(form)
    return {
        "object": process,
        "page": page,
        "diagram": build_diagram([row.step for row in page.steps], lanes),
        "lanes": lanes,
        "url_prefix": ProcessViews.url_prefix,
        "verbose_name_plural": Process._meta.verbose_name_plural,
        "panels": process_panels.render(request, process),
        **extra,
    }


def render_process_page(request: HttpRequest, process: Process, **extra) -> HttpResponse:
    return render(request, "processes/process_detail.html", page_context(request, process, **extra))


class ProcessDetail(ProcessViews, generic.OrgDetailView):
    def get(self, request, *args, **kwargs):
        process = self.get_object(
            self.get_queryset().select_related("organisation", "owner", "department")
        )
        return render_process_page(request, process)


class ProcessCreate(ProcessViews, generic.OrgCreateView):
    def get_success_url(self) -> str:
        return self.object.get_absolute_url() + "?added=1#add-step"


class ProcessUpdate(ProcessViews, generic.OrgUpdateView):
    pass


class ProcessDelete(ProcessViews, generic.OrgDeleteView):
    pass


class ProcessHistory(ProcessViews, generic.OrgHistoryView):
    pass


@org_view()
def automation_candidates(request: HttpRequest) -> HttpResponse:
    """Every scenario of every process, by payback, then hours freed; steps nobody needs."""
    records, facts = organisation_processes(request.org)
    context = {
        "candidates": facts.candidates,
        "totals": facts.totals,
        "unneeded": unneeded_rows(records, facts),
    }
    return render(request, "processes/automation.html", context)
