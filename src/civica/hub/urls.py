from django.urls import path

from . import views

app_name = "hub"

urlpatterns = [
    path("centres/", views.centres, name="centres"),
    path("centres/<slug:slug>/", views.centre, name="centre"),
    path("centres/<slug:slug>/join/", views.join, name="join"),
    path("centres/memberships/<uuid:uuid>/", views.membership, name="membership"),
    path("centres/<slug:slug>/needs/", views.needs, name="needs"),
    path("centres/<slug:slug>/needs/gaps/", views.needs, {"gaps": True}, name="gaps"),
    path("centres/<slug:slug>/needs/new/", views.need_new, name="need_new"),
    path("centres/needs/<uuid:uuid>/", views.need, name="need"),
    path("centres/<slug:slug>/offer/", views.offer_new, name="offer_new"),
    path("centres/<slug:slug>/offers/", views.offers, name="offers"),
    path("centres/offers/<uuid:uuid>/", views.offer, name="offer"),
    path("offers/follow/<str:token>/", views.offer_follow, name="offer_follow"),
    path("centres/<slug:slug>/preparedness/", views.preparedness, name="preparedness"),
    path("centres/<slug:slug>/preparedness/contact-tree/", views.contact_tree, name="contact_tree"),
    path("centres/tasks/<uuid:uuid>/status/", views.task_status, name="task_status"),
]
