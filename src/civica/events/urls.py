from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/new/", views.event_create, name="create"),
    path("events/<uuid:uuid>/", views.event_detail, name="detail"),
    path("events/<uuid:uuid>/event.ics", views.event_calendar, name="ics"),
    path("events/confirm/<str:token>/", views.confirm, name="confirm"),
    path(
        "events/registrations/<uuid:uuid>/certificate.docx",
        views.certificate,
        {"format": "docx"},
        name="certificate_docx",
    ),
    path(
        "events/registrations/<uuid:uuid>/certificate.pdf", views.certificate, {"format": "pdf"}, name="certificate_pdf"
    ),
    path("certificates/verify/", views.verify, name="verify"),
]
