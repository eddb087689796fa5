from django.urls import path

from . import views

app_name = "hub"

urlpatterns = [
    path("centres/<slug:slug>/", views.centre, name="centre"),
    path("centres/<slug:slug>/join/", views.join, name="join"),
    path("centres/memberships/<uuid:uuid>/", views.membership, name="membership"),
]
