from django.urls import path

from . import views

app_name = "sdg"

urlpatterns = [
    path("sdg/", views.targets, name="targets"),
    path("sdg/indicators/new/", views.local_indicator_new, name="local_indicator_new"),
    path("sdg/indicators/<uuid:uuid>/", views.local_indicator, name="local_indicator"),
    path("sdg/indicators/<uuid:uuid>/measurements/", views.measurement_add, name="measurement_add"),
    path(
        "sdg/indicators/<uuid:uuid>/measurements/<int:measurement_id>/delete/",
        views.measurement_delete,
        name="measurement_delete",
    ),
]
