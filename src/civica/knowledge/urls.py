from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("knowledge/", views.library, name="library"),
    path("knowledge/new/", views.publish, name="publish"),
    path("knowledge/<uuid:uuid>/", views.item, name="item"),
    path("knowledge/<uuid:uuid>/revise/", views.revise, name="revise"),
    path("knowledge/<uuid:uuid>/document/", views.document, name="document"),
    path("practices/", views.practices, name="practices"),
    path("practices/print/", views.practices_print, name="practices_print"),
    path("practices/new/", views.practice_new, name="practice_new"),
    path("practices/<uuid:uuid>/", views.practice, name="practice"),
    path("practices/<uuid:uuid>/edit/", views.practice_edit, name="practice_edit"),
    path("practices/<uuid:uuid>/feedback/", views.practice_feedback, name="practice_feedback"),
    path(
        "practices/<uuid:uuid>/feedback/<int:feedback_id>/moderate/",
        views.feedback_moderate,
        name="feedback_moderate",
    ),
    path("practices/from-meeting/<uuid:uuid>/", views.practice_from_meeting, name="practice_from_meeting"),
    path("practices/from-meeting/<uuid:uuid>/link/", views.practice_present, name="practice_present"),
]
