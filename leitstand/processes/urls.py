from django.urls import path

from leitstand.inventory.urls import entity_urls
from leitstand.processes import step_views, views

app_name = "processes"

urlpatterns = [
    path("automation/", views.automation_candidates, name="automation"),
    *entity_urls(
        "processes",
        "process",
        views.ProcessList,
        views.ProcessDetail,
        views.ProcessCreate,
        views.ProcessUpdate,
        views.ProcessDelete,
        views.ProcessHistory,
    ),
    path("processes/<int:pk>/steps/add/", step_views.step_add, name="step_add"),
    path("process-steps/<int:pk>/edit/", step_views.step_edit, name="step_edit"),
    path("process-steps/<int:pk>/move/", step_views.step_move, name="step_move"),
    path("process-steps/<int:pk>/delete/", step_views.step_delete, name="step_delete"),
    path("processes/<int:pk>/scenarios/new/", step_views.scenario_create, name="scenario_create"),
    path("scenarios/<int:pk>/edit/", step_views.scenario_edit, name="scenario_edit"),
    path("scenarios/<int:pk>/delete/", step_views.scenario_delete, name="scenario_delete"),
]
