from django.urls import path

from leitstand.cockpit import views

app_name = "cockpit"

urlpatterns = [path("", views.home, name="home")]
