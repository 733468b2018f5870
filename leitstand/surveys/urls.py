from django.urls import path

from leitstand.surveys import views

app_name = "surveys"

urlpatterns = [
    path("processes/<int:pk>/surveys/new/", views.survey_create, name="survey_create"),
    path("surveys/<int:pk>/", views.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/edit/", views.survey_edit, name="survey_edit"),
    path("surveys/<int:pk>/close/", views.survey_close, name="survey_close"),
    path("surveys/<int:pk>/reopen/", views.survey_reopen, name="survey_reopen"),
    path("surveys/<int:pk>/delete/", views.survey_delete, name="survey_delete"),
]
