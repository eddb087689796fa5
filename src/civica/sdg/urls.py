from django.urls import path

from . import views

app_name = "sdg"

urlpatterns = [
    path("sdg/", views.targets, name="targets"),
    path("sdg/indicators/<uuid:uuid>/", views.local_indicator, name="local_indicator"),
]
