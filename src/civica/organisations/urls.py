from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("organisations/", views.directory, name="directory"),
    path("organisations/<slug:slug>/", views.profile, name="profile"),
    path("organisations/<slug:slug>/edit/", views.edit, name="edit"),
    path("organisations/<slug:slug>/members/", views.members, name="members"),
    path("organisations/<slug:slug>/members/invite/", views.invite, name="invite"),
    path("organisations/<slug:slug>/members/<uuid:uuid>/", views.membership_edit, name="membership_edit"),
    path(
        "organisations/<slug:slug>/invitations/<uuid:uuid>/revoke/", views.invitation_revoke, name="invitation_revoke"
    ),
    path("organisations/<slug:slug>/audit/", views.audit, name="audit"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("territories/", views.territories, name="territories"),
]
