from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from civica.core.views import healthz
from civica.directory.api_hsds import api as hsds_api
from civica.helpline.views import whatsapp_webhook

from .api import api

admin.site.site_header = "Civica"
admin.site.site_title = "Civica"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("api/hsds/", hsds_api.urls),
    # Outside the language prefix: Meta calls one fixed address.
    path("helpline/whatsapp/webhook", whatsapp_webhook, name="helpline_whatsapp_webhook"),
]

urlpatterns += i18n_patterns(
    path("", include("civica.web.urls")),
    path("", include("civica.organisations.urls")),
    path("", include("civica.accounts.urls")),
    path("", include("civica.cases.urls")),
    path("", include("civica.mediation.urls")),
    path("", include("civica.knowledge.urls")),
    path("", include("civica.timebank.urls")),
    path("", include("civica.sdg.urls")),
    path("", include("civica.groups.urls")),
    path("", include("civica.directory.urls")),
    path("", include("civica.hub.urls")),
    path("", include("civica.events.urls")),
    path("partnerships/", include("civica.partnerships.urls")),
    path("", include("civica.strategy.urls")),
    path("", include("civica.council.urls")),
    path("", include("civica.protection.urls")),
    path("", include("civica.helpline.urls")),
    path("", include("civica.citizens.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    prefix_default_language=True,
)
