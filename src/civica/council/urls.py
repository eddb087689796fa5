from django.urls import path

from . import views

app_name = "council"

urlpatterns = [
    path("council/", views.council_list, name="list"),
    path("council/<uuid:uuid>/", views.council_detail, name="detail"),
    path("council/<uuid:uuid>/popolo.json", views.council_popolo, name="popolo"),
    path("council/<uuid:uuid>/votes.csv", views.council_csv, {"what": "votes"}, name="votes_csv"),
    path("council/<uuid:uuid>/attendance.csv", views.council_csv, {"what": "attendance"}, name="attendance_csv"),
    path("council/<uuid:uuid>/convene/", views.sitting_create, name="convene"),
    path("council/sittings/<uuid:uuid>/", views.sitting_detail, name="sitting"),
    path("council/people/<uuid:uuid>/", views.person_detail, name="person"),
    path("council/drafts/<uuid:uuid>/", views.motion_detail, name="motion"),
]
