from django.urls import path

from . import views

app_name = "citizens"

urlpatterns = [
    path("organisations/<slug:slug>/home/", views.public_home, name="home"),
    path("organisations/<slug:slug>/sign-up/", views.signup_here, name="signup"),
    path("organisations/<slug:slug>/verify/", views.verify, name="verify"),
    path("organisations/<slug:slug>/verification/", views.manage, name="manage"),
    path("me/", views.me, name="me"),
    path("privacy/", views.privacy, name="privacy"),
    path("me/export.json", views.export, name="export"),
    path("me/erase/", views.erase, name="erase"),
]
