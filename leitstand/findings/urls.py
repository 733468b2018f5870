from django.urls import path

from leitstand.findings import views

app_name = "findings"

urlpatterns = [
    path("findings/", views.findings, name="findings"),
    path("analysis.json", views.analysis_json, name="analysis_json"),
]
