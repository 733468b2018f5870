from django.urls import path

from leitstand.reports import views

app_name = "reports"

urlpatterns = [
    path("findings/", views.findings, name="findings"),
    path("analysis.json", views.analysis_json, name="analysis_json"),
]
