from django.urls import path

from . import mediator_views, views

app_name = "mediation"

urlpatterns = [
    path("mediation/estimate/", views.estimate_page, name="estimate"),
    path("mediation/mediators/", views.mediators, name="mediators"),
    path("mediation/new/", views.open_mediation, name="open"),
    path("mediation/selected/", mediator_views.selected, name="selected"),
    path("mediation/<str:reference>/", views.mediation_case, name="case"),
    path("mediation/<str:reference>/mediator/<str:action>/", views.selection_action, name="selection"),
    path("mediation/<str:reference>/clauses/", views.set_clauses, name="clauses"),
]
