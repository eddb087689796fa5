from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import anyone, signed_in
from civica.core import selectors as audit_selectors
from civica.core.pagination import PageNumberPagination

from . import selectors, services
from .models import Organisation, Territory
from .schemas import (
    AuditEventOut,
    MemberOut,
    OrganisationDetailOut,
    OrganisationFilters,
    OrganisationOut,
    OrganisationPatch,
    TerritoryFilters,
    TerritoryOut,
)

router = Router(tags=["organisations"])


def _visible(request, uuid) -> Organisation:
    try:
        return selectors.organisation_get(user=request.auth, uuid=uuid)
    except Organisation.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error


def _authorised(request, uuid, permission) -> Organisation:
    organisation = _visible(request, uuid)
    if not request.auth.has_perm(permission, organisation):
        raise HttpError(404, "Not found.")
    return organisation


def _detail(request, organisation: Organisation) -> OrganisationDetailOut:
    detail = OrganisationDetailOut.from_orm(organisation)
    if organisation.contacts_confidential:
        if request.auth.has_perm("organisations.view_contacts", organisation):
            services.organisation_contacts_viewed(actor=request.auth, organisation=organisation, channel="api")
        else:
            detail.email = detail.phone = detail.address = None
    return detail


@router.get("/territories", response=list[TerritoryOut], auth=anyone, summary="Territories with official codes")
@paginate(PageNumberPagination)
def list_territories(request, filters: Query[TerritoryFilters]):
    return selectors.territories(
        country=filters.country or "",
        level=filters.level or "",
        parent_code=filters.parent or "",
        query=filters.q or "",
    )


@router.get("/organisations", response=list[OrganisationOut], auth=anyone, summary="Organisations you may see")
@paginate(PageNumberPagination)
def list_organisations(request, filters: Query[OrganisationFilters]):
    return selectors.organisation_directory(
        user=request.auth, query=filters.q or "", kind=filters.kind or "", country=filters.country or ""
    )


@router.get("/organisations/{uuid:uuid}", response=OrganisationDetailOut, auth=anyone)
def get_organisation(request, uuid):
    return _detail(request, _visible(request, uuid))


@router.patch("/organisations/{uuid:uuid}", response=OrganisationDetailOut, auth=signed_in)
def update_organisation(request, uuid, payload: OrganisationPatch):
    organisation = _authorised(request, uuid, "organisations.change_organisation")
    data = payload.dict(exclude_unset=True)
    if "territory" in data:
        code = data["territory"]
        data["territory"] = get_object_or_404(Territory, code=code) if code else None
    if data.get("website") is not None:
        data["website"] = str(data["website"])
    for nullable_text in ("short_name", "description", "website", "email", "phone", "address", "fiscal_id"):
        if nullable_text in data and data[nullable_text] is None:
            data[nullable_text] = ""
    services.organisation_update(actor=request.auth, organisation=organisation, data=data)
    return _detail(request, organisation)


@router.get("/organisations/{uuid:uuid}/members", response=list[MemberOut], auth=signed_in)
@paginate(PageNumberPagination)
def list_members(request, uuid):
    return selectors.members_of(_authorised(request, uuid, "organisations.view_members"))


@router.get("/organisations/{uuid:uuid}/audit", response=list[AuditEventOut], auth=signed_in)
@paginate(PageNumberPagination)
def list_audit_events(request, uuid):
    organisation = _authorised(request, uuid, "organisations.view_audit")
    return audit_selectors.audit_events_for_organisation(organisation_uuid=organisation.uuid)
