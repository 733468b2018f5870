from django.urls import path

from leitstand.imports import views

app_name = "imports"

urlpatterns = [
    path("import/", views.import_home, name="start"),
    path("import/template/", views.template_download, name="template"),
    path("import/<int:pk>/", views.preview, name="preview"),
    path("import/<int:pk>/decide/", views.decide, name="decide"),
    path("import/<int:pk>/commit/", views.commit, name="commit"),
    path("import/<int:pk>/report/", views.report, name="report"),
    path("import/<int:pk>/continue/", views.continue_import, name="continue"),
    path("import/<int:pk>/file/", views.original_file, name="file"),
    path("import/<int:pk>/delete/", views.delete, name="delete"),
]
