from django.urls import path

from . import views

app_name = "helpline"

urlpatterns = [
    path("helpline/", views.home, name="home"),
    path("helpline/<uuid:uuid>/", views.console, name="console"),
    path("helpline/<uuid:uuid>/availability/", views.availability, name="availability"),
    path("helpline/<uuid:uuid>/reports/", views.reports, name="reports"),
    path("helpline/<uuid:uuid>/settings/", views.helpline_settings, name="settings"),
    path("helpline/<uuid:uuid>/operators/", views.operators, name="operators"),
    path("helpline/<uuid:uuid>/operators/<uuid:operator_uuid>/", views.operator_change, name="operator_change"),
    path("helpline/<uuid:uuid>/operators/<uuid:operator_uuid>/remove/", views.operator_remove, name="operator_remove"),
    path("helpline/conversations/<uuid:uuid>/", views.conversation, name="conversation"),
    path("helpline/conversations/<uuid:uuid>/messages/", views.conversation_messages, name="conversation_messages"),
    path("helpline/<uuid:uuid>/chat/", views.chat_start, name="chat_start"),
    path("helpline/chat/<str:token>/", views.chat, name="chat"),
    path("helpline/chat/<str:token>/messages/", views.chat_messages, name="chat_messages"),
]
