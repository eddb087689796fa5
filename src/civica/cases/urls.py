from django.urls import path

from . import document_views, views

app_name = "cases"

urlpatterns = [
    path("cases/", views.inbox, name="inbox"),
    path("cases/new/", views.open_request, name="open_request"),
    path("cases/log/", views.log_contact, name="log_contact"),
    path("cases/templates/", document_views.templates_index, name="templates"),
    path("cases/templates/<slug:slug>/", document_views.templates_index, name="templates_of"),
    path("cases/templates/<slug:slug>/<str:kind>/", document_views.template_kind, name="template_kind"),
    path(
        "cases/templates/<slug:slug>/<str:kind>/<str:language>.docx",
        document_views.template_download,
        name="template_download",
    ),
    path(
        "cases/templates/<slug:slug>/<str:kind>/<str:language>/revert/",
        document_views.template_revert,
        name="template_revert",
    ),
    path("cases/<str:reference>/", views.detail, name="detail"),
    path("cases/<str:reference>/step/", views.transition, name="transition"),
    path("cases/<str:reference>/notes/", views.add_note, name="add_note"),
    path("cases/<str:reference>/tasks/", views.add_task, name="add_task"),
    path("cases/<str:reference>/tasks/<uuid:uuid>/done/", views.complete_task, name="complete_task"),
    path("cases/<str:reference>/people/", views.set_owner, name="set_owner"),
    path("cases/<str:reference>/solutions/<uuid:uuid>/", views.attach_solution, name="attach_solution"),
    path("cases/<str:reference>/documents/", document_views.upload_document, name="upload_document"),
    path("cases/<str:reference>/documents/new/<str:kind>/", document_views.make_document, name="make_document"),
    path(
        "cases/<str:reference>/documents/<uuid:uuid>/<str:variant>/",
        document_views.download_document,
        name="download_document",
    ),
    path("cases/<str:reference>/documents/<uuid:uuid>/share/", document_views.share_document, name="share_document"),
    path("cases/<str:reference>/consultations/", views.schedule_consultation, name="schedule_consultation"),
    path("cases/<str:reference>/consultations/<uuid:uuid>.ics", views.consultation_ics, name="consultation_ics"),
    path("cases/<str:reference>/consultations/<uuid:uuid>/notes/", views.consultation_notes, name="consultation_notes"),
]
