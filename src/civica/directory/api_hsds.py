"""The HSDS API at /api/hsds/ (Open Referral's openapi.json, read-only): anyone may read the public
directory; confidential locations and unpublished services never appear. Lists are paginated as
HSDS specifies and their filters combine with AND."""

import math
import uuid
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema

from civica.core import search

from . import hsds_documents, visibility
from .hsds_tables import HSDS_VERSION
from .indexing import RECORD_TYPE
from .models import Address, Attribute, Organization, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm

MAX_PER_PAGE = 100


class PublicAPI(NinjaAPI):
    """A public, read-only API: any web page may read it (CORS), with no credentials."""

    def create_response(self, request, data, *args, **kwargs):
        response = super().create_response(request, data, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


api = PublicAPI(
    title="Civica HSDS API",
    version=HSDS_VERSION,
    description="The service directory in Open Referral's Human Services Data Specification 3.0.",
    urls_namespace="hsds",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(ValidationError)
def bad_value(request, exc):
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)


class ListFilters(Schema):
    # PostgreSQL text cannot hold NUL: a search containing one is refused with a 422, not a 500.
    search: str = Field("", pattern=r"^[^\x00]*$", max_length=200)
    page: int = 1
    per_page: int = 20
    full: bool = False
    taxonomy_term_id: str = ""
    taxonomy_id: str = ""
    organization_id: str = ""
    modified_after: datetime | None = None
    minimal: bool = False


def _page(queryset_or_list, filters: ListFilters, render) -> dict:
    per_page = max(1, min(filters.per_page, MAX_PER_PAGE))
    total = len(queryset_or_list) if isinstance(queryset_or_list, list) else queryset_or_list.count()
    pages = max(1, math.ceil(total / per_page))
    # A page past the last is empty (HSDS: `empty: true`), not the last page again.
    number = max(1, min(filters.page, pages + 1))
    rows = list(queryset_or_list[(number - 1) * per_page : number * per_page])
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": per_page,
        "first_page": number == 1,
        "last_page": number >= pages,
        "empty": not rows,
        "contents": render(rows),
    }


def _uuid(value: str, field: str):
    try:
        return uuid.UUID(value)
    except ValueError as error:
        raise ValidationError(_("%(field)s is not a valid identifier.") % {"field": field}) from error


def _services(filters: ListFilters):
    services = visibility.public(Service)
    if filters.organization_id:
        services = services.filter(organization_id=_uuid(filters.organization_id, "organization_id"))
    if filters.taxonomy_term_id:
        term = _uuid(filters.taxonomy_term_id, "taxonomy_term_id")
        services = services.filter(id__in=Attribute.objects.filter(taxonomy_term_id=term).values("link_id"))
    if filters.taxonomy_id:
        taxonomy = _uuid(filters.taxonomy_id, "taxonomy_id")
        terms = TaxonomyTerm.objects.filter(taxonomy_detail_id=taxonomy).values("id")
        services = services.filter(id__in=Attribute.objects.filter(taxonomy_term_id__in=terms).values("link_id"))
    if filters.modified_after:
        services = services.filter(last_modified__gte=filters.modified_after)
    if filters.search:
        hits = search.search(filters.search, include_public=True, record_types=[RECORD_TYPE], limit=1000)
        services = services.filter(id__in=[hit.record_uuid for hit in hits])
    return services.order_by("name", "id")


@api.get("/", summary="The HSDS version of this API")
def about(request):
    return {
        "version": HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/3.0/",
        "openapi_url": settings.SITE_URL + "/api/hsds/openapi.json",
    }


@api.get("/services", summary="Services, paginated")
def services(request, filters: Query[ListFilters]):
    if filters.minimal:
        return _page(
            _services(filters),
            filters,
            lambda rows: [{"id": str(r.id), "last_modified": hsds_documents.written(r.last_modified)} for r in rows],
        )
    kind = "build" if filters.full else "flat"
    return _page(_services(filters), filters, lambda rows: getattr(hsds_documents, kind)("service", rows))


@api.get("/services/{service_id}", summary="One service, fully nested")
def service(request, service_id: str):
    row = visibility.public(Service).filter(id=_uuid(service_id, "id")).first()
    if row is None:
        raise Http404
    return hsds_documents.build("service", [row])[0]


@api.get("/organizations", summary="Organizations, paginated")
def organizations(request, filters: Query[ListFilters]):
    rows = Organization.objects.all()
    if filters.search:
        rows = rows.filter(name__icontains=filters.search)
    rows = rows.order_by("name", "id")
    kind = "build" if filters.full else "flat"
    return _page(rows, filters, lambda page: getattr(hsds_documents, kind)("organization", page))


@api.get("/organizations/{organization_id}", summary="One organization, with its services")
def organization(request, organization_id: str):
    row = Organization.objects.filter(id=_uuid(organization_id, "id")).first()
    if row is None:
        raise Http404
    return hsds_documents.build("organization", [row])[0]


@api.get("/service_at_locations", summary="Services at their locations, paginated")
def service_at_locations(request, filters: Query[ListFilters], postcode: str = ""):
    rows = visibility.public(ServiceAtLocation).filter(service_id__in=_services(filters).values("id"))
    postcode = postcode.replace("\x00", "")  # PostgreSQL text cannot hold NUL
    if postcode:
        rows = rows.filter(
            location_id__in=visibility.public(Address).filter(postal_code=postcode).values("location_id")
        )
    rows = rows.order_by("id")
    kind = "build" if filters.full else "flat"
    return _page(rows, filters, lambda page: getattr(hsds_documents, kind)("service_at_location", page))


@api.get("/service_at_locations/{placement_id}", summary="One service at one location")
def service_at_location(request, placement_id: str):
    row = visibility.public(ServiceAtLocation).filter(id=_uuid(placement_id, "id")).first()
    if row is None:
        raise Http404
    return hsds_documents.build("service_at_location", [row])[0]


@api.get("/taxonomies", summary="Taxonomies")
def taxonomies(request, filters: Query[ListFilters]):
    rows = Taxonomy.objects.order_by("name", "id")
    if filters.search:
        rows = rows.filter(name__icontains=filters.search)
    return _page(rows, filters, lambda page: hsds_documents.flat("taxonomy", page))


@api.get("/taxonomies/{taxonomy_id}", summary="One taxonomy")
def taxonomy(request, taxonomy_id: str):
    row = Taxonomy.objects.filter(id=_uuid(taxonomy_id, "id")).first()
    if row is None:
        raise Http404
    return hsds_documents.build("taxonomy", [row])[0]


@api.get("/taxonomy_terms", summary="Taxonomy terms")
def taxonomy_terms(request, filters: Query[ListFilters], parent_id: str = "", top_only: bool = False):
    rows = TaxonomyTerm.objects.order_by("code", "id")
    if filters.taxonomy_id:
        rows = rows.filter(taxonomy_detail_id=_uuid(filters.taxonomy_id, "taxonomy_id"))
    if parent_id:
        rows = rows.filter(parent_id=_uuid(parent_id, "parent_id"))
    if top_only:
        rows = rows.filter(parent_id__isnull=True)
    if filters.search:
        rows = rows.filter(name__icontains=filters.search)
    return _page(rows, filters, lambda page: hsds_documents.flat("taxonomy_term", page))


@api.get("/taxonomy_terms/{term_id}", summary="One taxonomy term, with its taxonomy")
def taxonomy_term(request, term_id: str):
    row = TaxonomyTerm.objects.filter(id=_uuid(term_id, "id")).first()
    if row is None:
        raise Http404
    return hsds_documents.build("taxonomy_term", [row])[0]
