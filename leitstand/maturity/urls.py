from django.urls import path

from leitstand.maturity import views

app_name = "maturity"

urlpatterns = [
    path("maturity/", views.assessment_list, name="list"),
    path("maturity/new/", views.assessment_new, name="new"),
    path("maturity/import/", views.import_assessment, name="import"),
    path("maturity/<int:pk>/", views.result, name="result"),
    path("maturity/<int:pk>/answers/", views.questionnaire, name="answer"),
    path("maturity/<int:pk>/delete/", views.delete, name="delete"),
    path("maturity/<int:pk>/export.json", views.export_json, name="export"),
    path("maturity/<int:pk>/report.pdf", views.report_pdf, name="report"),
]
