from django.urls import path

from leitstand.inventory.urls import entity_urls
from leitstand.kpis import views

app_name = "kpis"

urlpatterns = [
    *entity_urls(
        "kpis",
        "kpi",
        views.KpiList,
        views.KpiDetail,
        views.KpiCreate,
        views.KpiUpdate,
        views.KpiDelete,
        views.KpiHistory,
    ),
    path("processes/<int:pk>/kpis/standard/", views.standard_kpis, name="standard"),
    path("kpis/<int:pk>/measurements/add/", views.measurement_add, name="measurement_add"),
    path("measurements/<int:pk>/edit/", views.measurement_edit, name="measurement_edit"),
    path("measurements/<int:pk>/delete/", views.measurement_delete, name="measurement_delete"),
]
