from django.urls import path

from leitstand.assessment import views

app_name = "assessment"

urlpatterns = [
    path("systems/<int:pk>/assess/", views.assess, name="assess"),
    path("systems/<int:pk>/assessments/", views.assessment_history, name="history"),
    path("systems/<int:pk>/override/", views.override, name="override"),
    path("systems/<int:pk>/override/remove/", views.override_remove, name="override_remove"),
    path("assessments/<int:pk>/delete/", views.assessment_delete, name="assessment_delete"),
    path("portfolio/", views.portfolio, name="portfolio"),
    path("portfolio/rules/", views.rules, name="rules"),
]
