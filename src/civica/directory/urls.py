from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("directory/", views.directory, name="directory"),
    path("directory/print/", views.printable, name="print"),
    path("directory/services/<uuid:service_id>/", views.service, name="service"),
    path("directory/services/<uuid:service_id>/edit/", views.propose, name="edit"),
    path("directory/services/<uuid:service_id>/confirm/", views.confirm_now, name="confirm_now"),
    path("directory/organizations/<uuid:organization_id>/", views.organization, name="organization"),
    path("directory/organizations/<uuid:organization_id>/new-service/", views.propose, name="propose"),
    path("directory/organizations/<uuid:organization_id>/new-place/", views.location_new, name="location_new"),
    path("directory/places/<uuid:location_id>/publish/", views.location_publish, name="location_publish"),
    path("directory/manage/", views.manage, name="manage"),
    path("directory/places/<uuid:location_id>/confidential/", views.location_confidential, name="confidential"),
    path("directory/changes/<uuid:uuid>/", views.revision, name="revision"),
    path("directory/import/", views.hsds_upload, name="import"),
    path("directory/confirm/<str:token>/", views.confirm, name="confirm"),
]
