from django.urls import path

from leitstand.flows import views
from leitstand.inventory.urls import entity_urls

app_name = "flows"

urlpatterns = [
    path("map/", views.integration_map, name="map"),
    path("capability-map/", views.capability_map_page, name="capability_map"),
    *entity_urls(
        "integrations",
        "integration",
        views.IntegrationList,
        views.IntegrationDetail,
        views.IntegrationCreate,
        views.IntegrationUpdate,
        views.IntegrationDelete,
        views.IntegrationHistory,
    ),
    *entity_urls(
        "data-objects",
        "data_object",
        views.DataObjectList,
        views.DataObjectDetail,
        views.DataObjectCreate,
        views.DataObjectUpdate,
        views.DataObjectDelete,
        views.DataObjectHistory,
    ),
]
