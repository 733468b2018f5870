from django.urls import path

from leitstand.inventory.urls import entity_urls
from leitstand.roadmap import plan_views, views

app_name = "roadmap"

urlpatterns = [
    path("roadmap/", plan_views.roadmap, name="roadmap"),
    path("roadmap/proposals/", plan_views.proposal_list, name="proposals"),
    path("roadmap/proposals/decide/", plan_views.proposal_decide, name="proposal_decide"),
    path(
        "roadmap/proposals/<int:pk>/restore/",
        plan_views.proposal_restore,
        name="proposal_restore",
    ),
    *entity_urls(
        "initiatives",
        "initiative",
        views.InitiativeList,
        views.InitiativeDetail,
        views.InitiativeCreate,
        views.InitiativeUpdate,
        views.InitiativeDelete,
        views.InitiativeHistory,
    ),
    path("initiatives/<int:pk>/options/new/", views.option_create, name="option_create"),
    path("options/<int:pk>/edit/", views.option_edit, name="option_edit"),
    path("options/<int:pk>/delete/", views.option_delete, name="option_delete"),
    path("initiatives/<int:pk>/choose/", views.option_choose, name="option_choose"),
    path("options/<int:pk>/survey/", views.option_survey, name="option_survey"),
    path("initiatives/<int:pk>/phases/new/", views.phase_create, name="phase_create"),
    path("initiatives/<int:pk>/phases/standard/", views.standard_phases, name="standard_phases"),
    path("phases/<int:pk>/edit/", views.phase_edit, name="phase_edit"),
    path("phases/<int:pk>/delete/", views.phase_delete, name="phase_delete"),
    path("initiatives/<int:pk>/milestones/new/", views.milestone_create, name="milestone_create"),
    path("milestones/<int:pk>/edit/", views.milestone_edit, name="milestone_edit"),
    path("milestones/<int:pk>/delete/", views.milestone_delete, name="milestone_delete"),
    path("finding-states/<int:pk>/", views.finding_state, name="finding_state"),
    path("finding-states/record/", views.finding_status, name="finding_status"),
    path("initiatives/<int:pk>/checklist/", views.checklist_edit, name="checklist_edit"),
]
