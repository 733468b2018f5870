from django.urls import path

from leitstand.reports import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.report_list, name="list"),
    path("reports/consulting/", views.consulting, name="consulting"),
    path("reports/logo/", views.logo, name="logo"),
    path("reports/<int:pk>/status/", views.status, name="status"),
    path("reports/<int:pk>/report.pdf", views.download_pdf, name="pdf"),
    path("reports/<int:pk>/report.xlsx", views.download_xlsx, name="xlsx"),
    path("reports/<int:pk>/delete/", views.delete, name="delete"),
]
