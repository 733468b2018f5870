from django.urls import path

from leitstand.core.views import choices_json
from leitstand.inventory import views
from leitstand.inventory.models import Department, Person, System, Vendor

app_name = "inventory"


def entity_urls(
    segment: str, name: str, list_view, detail, create, update, delete, history
) -> list:
    return [
        path(f"{segment}/", list_view.as_view(), name=f"{name}_list"),
        path(f"{segment}/new/", create.as_view(), name=f"{name}_create"),
        path(f"{segment}/<int:pk>/", detail.as_view(), name=f"{name}_detail"),
        path(f"{segment}/<int:pk>/edit/", update.as_view(), name=f"{name}_edit"),
        path(f"{segment}/<int:pk>/delete/", delete.as_view(), name=f"{name}_delete"),
        path(f"{segment}/<int:pk>/history/", history.as_view(), name=f"{name}_history"),
    ]


urlpatterns = [
    # Suggestions for the type-ahead filter fields (core.widgets.TypeAheadSelect)
    path("choices/systems/", choices_json(System), name="system_choices"),
    path("choices/departments/", choices_json(Department), name="department_choices"),
    path("choices/people/", choices_json(Person), name="person_choices"),
    path("choices/vendors/", choices_json(Vendor), name="vendor_choices"),
    *entity_urls(
        "systems",
        "system",
        views.SystemList,
        views.SystemDetail,
        views.SystemCreate,
        views.SystemUpdate,
        views.SystemDelete,
        views.SystemHistory,
    ),
    *entity_urls(
        "departments",
        "department",
        views.DepartmentList,
        views.DepartmentDetail,
        views.DepartmentCreate,
        views.DepartmentUpdate,
        views.DepartmentDelete,
        views.DepartmentHistory,
    ),
    *entity_urls(
        "people",
        "person",
        views.PersonList,
        views.PersonDetail,
        views.PersonCreate,
        views.PersonUpdate,
        views.PersonDelete,
        views.PersonHistory,
    ),
    *entity_urls(
        "vendors",
        "vendor",
        views.VendorList,
        views.VendorDetail,
        views.VendorCreate,
        views.VendorUpdate,
        views.VendorDelete,
        views.VendorHistory,
    ),
    *entity_urls(
        "capabilities",
        "capability",
        views.CapabilityList,
        views.CapabilityDetail,
        views.CapabilityCreate,
        views.CapabilityUpdate,
        views.CapabilityDelete,
        views.CapabilityHistory,
    ),
]
