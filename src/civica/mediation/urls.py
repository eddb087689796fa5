from django.urls import path

from . import views

app_name = "mediation"

urlpatterns = [
    path("mediation/estimate/", views.estimate_page, name="estimate"),
    path("mediation/mediators/", views.mediators, name="mediators"),
]
