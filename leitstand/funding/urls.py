from django.urls import path

from leitstand.funding import views

app_name = "funding"

urlpatterns = [
    path("funding/", views.overview, name="overview"),
    path("funding/facts/", views.facts, name="facts"),
    path("funding/programmes/", views.programmes, name="programmes"),
    path("funding/plans/", views.PlanList.as_view(), name="plan_list"),
    path("funding/plans/new/", views.PlanCreate.as_view(), name="plan_create"),
    path("funding/plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("funding/plans/<int:pk>/edit/", views.PlanUpdate.as_view(), name="plan_edit"),
    path("funding/plans/<int:pk>/delete/", views.PlanDelete.as_view(), name="plan_delete"),
    path("funding/plans/<int:pk>/history/", views.PlanHistory.as_view(), name="plan_history"),
    path("funding/plans/<int:pk>/choose/", views.plan_choose, name="plan_choose"),
    path("funding/plans/<int:pk>/costs/", views.plan_costs, name="plan_costs"),
    path("funding/plans/<int:pk>/plan.xlsx", views.plan_xlsx, name="plan_xlsx"),
    path("funding/plans/<int:pk>/plan.pdf", views.plan_pdf, name="plan_pdf"),
    # partner/linked enterprises and de-minimis aid are listed on the facts page
    path("funding/facts/", views.facts, name="linked_list"),
    path("funding/linked/new/", views.LinkedCreate.as_view(), name="linked_create"),
    path("funding/linked/<int:pk>/edit/", views.LinkedUpdate.as_view(), name="linked_edit"),
    path("funding/linked/<int:pk>/delete/", views.LinkedDelete.as_view(), name="linked_delete"),
    path("funding/facts/", views.facts, name="aid_list"),
    path("funding/aid/new/", views.AidCreate.as_view(), name="aid_create"),
    path("funding/aid/<int:pk>/edit/", views.AidUpdate.as_view(), name="aid_edit"),
    path("funding/aid/<int:pk>/delete/", views.AidDelete.as_view(), name="aid_delete"),
]
