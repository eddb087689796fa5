from django.urls import path

from . import views

app_name = "groups"

urlpatterns = [
    path("groups/", views.directory, name="directory"),
    path("groups/new/", views.create, name="create"),
    path("groups/<uuid:uuid>/", views.detail, name="detail"),
    path("groups/<uuid:uuid>/members/", views.member_add, name="member_add"),
    path("groups/<uuid:uuid>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("groups/<uuid:uuid>/follow-ups/", views.follow_ups, name="follow_ups"),
    path("groups/<uuid:uuid>/calendar.ics", views.group_calendar, name="group_calendar"),
    path("groups/institutions/<slug:slug>/follow-ups/", views.institution_follow_ups, name="institution_follow_ups"),
    path("groups/calendar/", views.my_calendar, name="my_calendar"),
    path("groups/swot/<uuid:uuid>/", views.swot, name="swot"),
    path("follow-ups/<uuid:uuid>/status/", views.follow_up_update, name="follow_up_update"),
    path("meetings/<uuid:uuid>/", views.meeting, name="meeting"),
    path("meetings/<uuid:uuid>/agenda/", views.agenda_add, name="agenda_add"),
    path("meetings/<uuid:uuid>/register/", views.register, name="register"),
    path("meetings/<uuid:uuid>/attendance/", views.attendance, name="attendance"),
    path("meetings/<uuid:uuid>/meeting.ics", views.meeting_ics, name="meeting_ics"),
    path("meetings/<uuid:uuid>/documents/", views.document_add, name="document_add"),
    path("meetings/<uuid:uuid>/documents/<uuid:document_uuid>/", views.document, name="document"),
    path("meetings/<uuid:uuid>/minutes/", views.minutes_start, name="minutes_start"),
    path("minutes/<uuid:uuid>/", views.minutes, name="minutes"),
    path("minutes/<uuid:uuid>/themes/", views.theme_add, name="theme_add"),
    path("minutes/<uuid:uuid>/themes/<int:theme_id>/points/", views.point_add, name="point_add"),
    path("minutes/<uuid:uuid>/comments/", views.review_comment, name="review_comment"),
    path("minutes/<uuid:uuid>/transition/", views.minutes_transition, name="minutes_transition"),
    path("minutes/<uuid:uuid>/minutes.docx", views.minutes_export, {"format": "docx"}, name="minutes_docx"),
    path("minutes/<uuid:uuid>/minutes.pdf", views.minutes_export, {"format": "pdf"}, name="minutes_pdf"),
    path("calendar/<str:token>.ics", views.personal_feed, name="personal_feed"),
]
