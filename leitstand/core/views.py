"""Generic pages for tenant-owned objects: list, detail, create, edit, delete, history.

Each inventory entity (and later ones) is a small subclass that names its model, form,
filters and templates. Tenancy and roles come from `OrgViewMixin`; objects are fetched only
through the organisation.
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import ProtectedError, QuerySet
from django.db.models.functions import Lower
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView

from leitstand.core.audit import form_values, history_for
from leitstand.tenancy.access import OrgViewMixin, get_for_org, org_view
from leitstand.tenancy.models import Role
from leitstand.tenancy.stamps import mark_landscape_unchanged


@dataclass(frozen=True)
class EntityLabels:
    """Whole sentences per entity: German grammar (gender, case) forbids composing them."""

    new: str  # "New system"
    add_first: str  # "Add the first system"
    none_yet: str  # "No systems recorded yet."


class OrgObjectMixin(OrgViewMixin):
    """Fetches `self.object` through the organisation (404 for anyone else's)."""

    url_prefix: str = ""  # e.g. "inventory:system"; views add _list, _detail, _edit, ...
    labels: EntityLabels

    def get_queryset(self) -> QuerySet:
        return self.model.objects.for_org(self.org)

    def get_object(self, queryset=None):
        return get_for_org(
            queryset if queryset is not None else self.get_queryset(), self.org, self.kwargs["pk"]
        )

    def url(self, action: str, **kwargs) -> str:
        return reverse(f"{self.url_prefix}_{action}", kwargs={"org": self.org.slug, **kwargs})

    def get_context_data(self, **kwargs):
        kwargs.setdefault("url_prefix", self.url_prefix)
        kwargs.setdefault("labels", self.labels)
        kwargs.setdefault("verbose_name", self.model._meta.verbose_name)
        kwargs.setdefault("verbose_name_plural", self.model._meta.verbose_name_plural)
        return super().get_context_data(**kwargs)


class OrgListView(OrgObjectMixin, ListView):
    filterset_class = None
    paginate_by = settings.LEITSTAND_PAGE_SIZE

    def get_queryset(self) -> QuerySet:
        queryset = super().get_queryset()
        if self.filterset_class is None:
            self.filterset = None
            return queryset
        self.filterset = self.filterset_class(
            self.request.GET, queryset=queryset, request=self.request
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        kwargs.setdefault("filter", self.filterset)
        kwargs.setdefault("active_filters", _active_filters(self.request.GET))
        return super().get_context_data(**kwargs)


def _active_filters(params) -> bool:
    return any(value for key, value in params.items() if key not in {"page", "sort"})


class OrgDetailView(OrgObjectMixin, DetailView):
    pass


class OrgFormMixin(OrgObjectMixin):
    """Create and edit: the form is bound to the organisation and validated inline via HTMX."""

    required_role = Role.EDITOR
    template_name = "core/object_form.html"
    success_message = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["organisation"] = self.org
        kwargs["validation_url"] = self.request.path
        return kwargs

    def post(self, request, *args, **kwargs):
        self.object = self.get_object() if "pk" in self.kwargs else None
        form = self.get_form()
        if request.htmx:  # validate the field the user just left; never save
            form.is_valid()
            mark_landscape_unchanged(request)
            return self.render_to_response(self.get_context_data(form=form))
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    #: The entity's service, `save(instance, values, *, actor)`: the same function the API,
    #: the import and the demo call (tests/test_write_paths.py checks every page names one).
    save_service = None

    def form_valid(self, form) -> HttpResponse:
        if form.instance.pk is not None and not form.has_changed():
            self.object = form.instance  # saved without a change: nothing is written
        else:
            self.object = self.save_service(
                form.instance, form_values(form), actor=self.request.user
            )
        messages.success(
            self.request, self.success_message or _("Saved “%(name)s”.") % {"name": self.object}
        )
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self) -> str:
        return self.url("detail", pk=self.object.pk)


class OrgCreateView(OrgFormMixin, CreateView):
    def get_object(self, queryset=None):
        return None


class OrgUpdateView(OrgFormMixin, UpdateView):
    pass


class OrgDeleteView(OrgObjectMixin, DeleteView):
    required_role = Role.EDITOR
    template_name = "core/confirm_delete.html"

    def get_form_class(self):
        return forms.Form  # a confirmation only, never the entity's own form

    #: The entity's service, `delete(instance, *, actor)`.
    delete_service = None

    def form_valid(self, form) -> HttpResponse:
        name = str(self.object)
        try:
            self.delete_service(self.object, actor=self.request.user)
        except ProtectedError:
            messages.error(
                self.request,
                _("“%(name)s” is still in use and cannot be deleted.") % {"name": name},
            )
            return HttpResponseRedirect(self.url("detail", pk=self.object.pk))
        messages.success(self.request, _("Deleted “%(name)s”.") % {"name": name})
        return HttpResponseRedirect(self.url("list"))


class OrgHistoryView(OrgObjectMixin, DetailView):
    template_name = "core/history.html"

    def get_context_data(self, **kwargs):
        kwargs["entries"] = history_for(self.object)[:200]
        return super().get_context_data(**kwargs)


#: Entries a type-ahead field is offered at once (core.widgets.TypeAheadSelect).
CHOICES_LISTED = 20


def choices_json(model):
    """A view for the type-ahead fields of long filter choices: the organisation's entries of
    `model` whose label contains `q` (case-insensitive), the first CHOICES_LISTED by label:
    `{"results": [{"id": 7, "label": "Anna Berg"}, ...], "more": true}`."""

    @org_view(Role.VIEWER)
    def view(request):
        label = model.choice_label_field
        rows = model.objects.for_org(request.org)
        query = request.GET.get("q", "").strip()[:200]
        if query:
            rows = rows.filter(**{f"{label}__icontains": query})
        found = list(
            rows.order_by(Lower(label), "pk").values_list("pk", label)[: CHOICES_LISTED + 1]
        )
        return JsonResponse(
            {
                "results": [{"id": pk, "label": text} for pk, text in found[:CHOICES_LISTED]],
                "more": len(found) > CHOICES_LISTED,
            }
        )

    return view
