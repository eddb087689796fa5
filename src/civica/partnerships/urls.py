from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("pilot-actions/", views.action_list, name="actions"),
    path("pilot-actions/<uuid:uuid>/", views.action_detail, name="action"),
    path("centres/<slug:slug>/pilot-actions/new/", views.action_create, name="action_create"),
    path("centres/<slug:slug>/impact/", views.impact, name="impact"),
    path("memoranda/", views.memorandum_list, name="memoranda"),
    path("memoranda/new/", views.memorandum_create, name="memorandum_create"),
    path("memoranda/<uuid:uuid>/", views.memorandum_detail, name="memorandum"),
    path("memoranda/<uuid:uuid>/document.pdf", views.memorandum_document, name="memorandum_document"),
]
