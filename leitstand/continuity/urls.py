from django.urls import path

from leitstand.continuity import views

app_name = "continuity"

urlpatterns = [
    path("continuity/", views.overview, name="overview"),
    path("continuity/processes/<int:pk>/", views.impact_edit, name="impact_edit"),
    path("continuity/processes/<int:pk>/mtpd/", views.mtpd_preview, name="mtpd_preview"),
]
