from django.urls import path

from leitstand.security_check import views

app_name = "security_check"

urlpatterns = [
    path("check/", views.check_list, name="list"),
    path("check/new/", views.check_new, name="new"),
    path("check/import/", views.import_check, name="import"),
    path("check/<int:pk>/", views.result, name="result"),
    path("check/<int:pk>/interview/", views.interview_resume, name="resume"),
    path("check/<int:pk>/interview/<slug:area>/", views.interview, name="interview"),
    path("check/<int:pk>/compare/", views.compare, name="compare"),
    path("check/<int:pk>/export.json", views.export_json, name="export"),
    path("check/<int:pk>/report.pdf", views.report_pdf, name="report"),
]
