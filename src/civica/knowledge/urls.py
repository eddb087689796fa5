from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("knowledge/", views.library, name="library"),
    path("knowledge/new/", views.publish, name="publish"),
    path("knowledge/<uuid:uuid>/", views.item, name="item"),
    path("knowledge/<uuid:uuid>/revise/", views.revise, name="revise"),
    path("knowledge/<uuid:uuid>/document/", views.document, name="document"),
]
