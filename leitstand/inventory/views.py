"""Pages of the inventory: one list/detail/create/edit/delete/history set per entity."""

from django.db.models import Count, Prefetch
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from leitstand.core import views as generic
from leitstand.core.extensions import system_form_panels, system_form_saved, system_panels
from leitstand.core.language import name_field
from leitstand.core.queries import related_count
from leitstand.inventory import filters, forms, services
from leitstand.inventory.models import Capability, Department, Person, System, Vendor

#: Systems a department, capability or vendor page lists; the system list shows all of them.
LISTED_SYSTEMS = 50


def listed_systems(organisation, systems, filter_name: str, value: int) -> dict:
    """Context for inventory/_system_table.html: the first LISTED_SYSTEMS by name, how many
    there are, and the system list filtered to all of them."""
    systems = systems.order_by(Lower("name"))
    return {
        "systems": list(systems[:LISTED_SYSTEMS]),
        "systems_total": systems.count(),
        "systems_all_url": f"{reverse('inventory:system_list', kwargs={'org': organisation.slug})}"
        f"?{filter_name}={value}",
    }


class DepartmentViews:
    model = Department
    labels = generic.EntityLabels(
        _("New department"), _("Add the first department"), _("No departments recorded yet.")
    )
    form_class = forms.DepartmentForm
    url_prefix = "inventory:department"
    save_service = staticmethod(services.save_department)
    delete_service = staticmethod(services.delete_department)


class DepartmentList(DepartmentViews, generic.OrgListView):
    filterset_class = filters.DepartmentFilter
    template_name = "inventory/department_list.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .annotate(
                system_count=related_count(System.departments.through.objects, "department"),
                people_count=related_count(Person.objects, "department"),
            )
            .order_by(Lower("name"))
        )


class DepartmentDetail(DepartmentViews, generic.OrgDetailView):
    template_name = "inventory/department_detail.html"

    def get_context_data(self, **kwargs):
        systems = self.object.systems.select_related("owner", "vendor")
        kwargs.update(listed_systems(self.org, systems, "department", self.object.pk))
        kwargs["people"] = self.object.people.all()
        return super().get_context_data(**kwargs)


class PersonViews:
    model = Person
    labels = generic.EntityLabels(
        _("New person"), _("Add the first person"), _("No people recorded yet.")
    )
    form_class = forms.PersonForm
    url_prefix = "inventory:person"
    save_service = staticmethod(services.save_person)
    delete_service = staticmethod(services.delete_person)


class PersonList(PersonViews, generic.OrgListView):
    filterset_class = filters.PersonFilter
    template_name = "inventory/person_list.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("department")
            .annotate(
                owned_count=related_count(System.objects, "owner"),
                deputy_count=related_count(System.objects, "deputy"),
            )
            .order_by(Lower("name"))
        )


class PersonDetail(PersonViews, generic.OrgDetailView):
    template_name = "inventory/person_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("department")

    def get_context_data(self, **kwargs):
        kwargs["owned"] = self.object.owned_systems.select_related("deputy")
        kwargs["deputy_for"] = self.object.deputy_for_systems.select_related("owner")
        return super().get_context_data(**kwargs)


class VendorViews:
    model = Vendor
    labels = generic.EntityLabels(
        _("New vendor"), _("Add the first vendor"), _("No vendors recorded yet.")
    )
    form_class = forms.VendorForm
    url_prefix = "inventory:vendor"
    save_service = staticmethod(services.save_vendor)
    delete_service = staticmethod(services.delete_vendor)


class VendorList(VendorViews, generic.OrgListView):
    filterset_class = filters.VendorFilter
    template_name = "inventory/vendor_list.html"

    def get_queryset(self):
        return (
            super().get_queryset().annotate(system_count=Count("systems")).order_by(Lower("name"))
        )


class VendorDetail(VendorViews, generic.OrgDetailView):
    template_name = "inventory/vendor_detail.html"

    def get_context_data(self, **kwargs):
        systems = self.object.systems.select_related("owner")
        kwargs.update(listed_systems(self.org, systems, "vendor", self.object.pk))
        return super().get_context_data(**kwargs)


class CapabilityViews:
    model = Capability
    labels = generic.EntityLabels(
        _("New capability"), _("Add the first capability"), _("No capabilities recorded yet.")
    )
    form_class = forms.CapabilityForm
    url_prefix = "inventory:capability"
    save_service = staticmethod(services.save_capability)
    delete_service = staticmethod(services.delete_capability)


class CapabilityList(CapabilityViews, generic.OrgListView):
    filterset_class = filters.CapabilityFilter
    template_name = "inventory/capability_list.html"
    paginate_by = 100

    def get_queryset(self):
        name = name_field()
        return super().get_queryset().annotate(system_count=Count("systems")).order_by(name)


class CapabilityDetail(CapabilityViews, generic.OrgDetailView):
    template_name = "inventory/capability_detail.html"

    def get_context_data(self, **kwargs):
        systems = self.object.systems.select_related("owner", "vendor")
        kwargs.update(listed_systems(self.org, systems, "capability", self.object.pk))
        return super().get_context_data(**kwargs)


class SystemViews:
    model = System
    labels = generic.EntityLabels(
        _("New system"), _("Add the first system"), _("No systems recorded yet.")
    )
    form_class = forms.SystemForm
    url_prefix = "inventory:system"
    save_service = staticmethod(services.save_system)
    delete_service = staticmethod(services.delete_system)


def _departments_by_name(organisation) -> Prefetch:
    return Prefetch(
        "departments", queryset=Department.objects.for_org(organisation).order_by(Lower("name"))
    )


def _systems_with_relations(queryset, organisation):
    return queryset.select_related("owner", "deputy", "vendor").prefetch_related(
        _departments_by_name(organisation),
        Prefetch("capabilities", queryset=Capability.objects.for_org(organisation)),
    )


class SystemList(SystemViews, generic.OrgListView):
    page_cache = True
    filterset_class = filters.SystemFilter
    template_name = "inventory/system_list.html"

    def get_queryset(self):
        """Only what a row shows: no deputy, capabilities, description or notes."""
        return (
            super()
            .get_queryset()
            .select_related("owner", "vendor")
            .defer("description", "notes", "personal_data_categories", "url")
            .prefetch_related(_departments_by_name(self.org))
        )


class SystemDetail(SystemViews, generic.OrgDetailView):
    page_cache = True
    template_name = "inventory/system_detail.html"

    def get_queryset(self):
        return _systems_with_relations(super().get_queryset(), self.org)

    def get_context_data(self, **kwargs):
        kwargs["panels"] = system_panels.render(self.request, self.object)
        return super().get_context_data(**kwargs)


class SystemFormPanels:
    """The system form shows other apps' panels inside it (the catalogue's proposal) and lets
    them act on what was saved."""

    template_name = "inventory/system_form.html"

    def get_context_data(self, **kwargs):
        kwargs["form_panels"] = system_form_panels.render(self.request, self.object)
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        system_form_saved.run(self.request, self.object)
        return response


class SystemCreate(SystemFormPanels, SystemViews, generic.OrgCreateView):
    pass


class SystemUpdate(SystemFormPanels, SystemViews, generic.OrgUpdateView):
    pass


class DepartmentCreate(DepartmentViews, generic.OrgCreateView):
    pass


class DepartmentUpdate(DepartmentViews, generic.OrgUpdateView):
    pass


class DepartmentDelete(DepartmentViews, generic.OrgDeleteView):
    pass


class DepartmentHistory(DepartmentViews, generic.OrgHistoryView):
    pass


class PersonCreate(PersonViews, generic.OrgCreateView):
    pass


class PersonUpdate(PersonViews, generic.OrgUpdateView):
    pass


class PersonDelete(PersonViews, generic.OrgDeleteView):
    pass


class PersonHistory(PersonViews, generic.OrgHistoryView):
    pass


class VendorCreate(VendorViews, generic.OrgCreateView):
    pass


class VendorUpdate(VendorViews, generic.OrgUpdateView):
    pass


class VendorDelete(VendorViews, generic.OrgDeleteView):
    pass


class VendorHistory(VendorViews, generic.OrgHistoryView):
    pass


class CapabilityCreate(CapabilityViews, generic.OrgCreateView):
    pass


class CapabilityUpdate(CapabilityViews, generic.OrgUpdateView):
    pass


class CapabilityDelete(CapabilityViews, generic.OrgDeleteView):
    pass


class CapabilityHistory(CapabilityViews, generic.OrgHistoryView):
    pass


class SystemDelete(SystemViews, generic.OrgDeleteView):
    pass


class SystemHistory(SystemViews, generic.OrgHistoryView):
    pass
