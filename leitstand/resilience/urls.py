from django.urls import path

from leitstand.resilience import views

app_name = "resilience"

urlpatterns = [
    path("resilience/", views.overview, name="overview"),
    path("resilience/people/", views.people, name="people"),
    path("resilience/vendors/", views.vendors, name="vendors"),
    path("systems/<int:pk>/resilience/", views.facts_edit, name="facts_edit"),
]
