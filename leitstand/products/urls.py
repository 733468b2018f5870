from django.urls import path

from leitstand.products import views

app_name = "products"

urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/propose/", views.propose, name="propose"),
    path("catalogue/proposals/", views.proposals, name="proposals"),
    path("systems/<int:pk>/catalogue/apply/", views.apply, name="apply"),
    path("systems/<int:pk>/catalogue/end-of-support/", views.end_of_support, name="end_of_support"),
    path("systems/<int:pk>/catalogue/unlink/", views.unlink, name="unlink"),
    path("statements/", views.statements, name="statements"),
    path("statements/<int:pk>/", views.scan, name="scan"),
    path("statements/<int:pk>/add/", views.scan_add, name="scan_add"),
    path("payments/<int:pk>/dismiss/", views.payment_dismiss, name="payment_dismiss"),
]
