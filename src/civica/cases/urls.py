from django.urls import path

from . import views

app_name = "cases"

urlpatterns = [
    path("cases/", views.inbox, name="inbox"),
    path("cases/new/", views.open_request, name="open_request"),
    path("cases/log/", views.log_contact, name="log_contact"),
    path("cases/<str:reference>/", views.detail, name="detail"),
    path("cases/<str:reference>/step/", views.transition, name="transition"),
    path("cases/<str:reference>/notes/", views.add_note, name="add_note"),
    path("cases/<str:reference>/tasks/", views.add_task, name="add_task"),
    path("cases/<str:reference>/tasks/<uuid:uuid>/done/", views.complete_task, name="complete_task"),
    path("cases/<str:reference>/people/", views.set_owner, name="set_owner"),
    path("cases/<str:reference>/solutions/<uuid:uuid>/", views.attach_solution, name="attach_solution"),
    path("cases/<str:reference>/consultations/", views.schedule_consultation, name="schedule_consultation"),
    path("cases/<str:reference>/consultations/<uuid:uuid>.ics", views.consultation_ics, name="consultation_ics"),
    path("cases/<str:reference>/consultations/<uuid:uuid>/notes/", views.consultation_notes, name="consultation_notes"),
]
