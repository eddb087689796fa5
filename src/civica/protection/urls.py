from django.urls import path

from . import views

app_name = "protection"

urlpatterns = [
    path("protection/", views.index, name="index"),
    path("protection/new/", views.open_case, name="open"),
    path("protection/statistics/", views.statistics, name="statistics"),
    path("protection/access-log/<slug:slug>/", views.access_log, name="access_log"),
    path("protection/persons/<str:code>/", views.person_page, name="person"),
    path("protection/persons/<str:code>/export.json", views.person_export, name="person_export"),
    path("protection/referrals/<uuid:uuid>/", views.referral_page, name="referral"),
    path("protection/referrals/<uuid:uuid>/<str:action>/", views.referral_action, name="referral_action"),
    path("protection/<str:reference>/", views.case_page, name="case"),
    path("protection/<str:reference>/refer/", views.referral_new, name="referral_new"),
    path("protection/<str:reference>/emergency/", views.emergency, name="emergency"),
    path("protection/<str:reference>/add/<str:what>/", views.case_form, name="case_form"),
    path("protection/<str:reference>/do/<str:action>/", views.case_action, name="case_action"),
]
