from django.urls import path

from leitstand.exports import views

app_name = "exports"

urlpatterns = [
    path("export/", views.export_page, name="page"),
    path("export/download/", views.download, name="download"),
]
