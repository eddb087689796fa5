from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/notices/read/", views.notices_read, name="notices_read"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("account/organisations/", views.my_organisations, name="my_organisations"),
    path("account/organisations/switch/", views.switch_organisation, name="switch_organisation"),
]
