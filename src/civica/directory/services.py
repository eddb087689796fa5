"""Every write to the directory: proposals by member organisations, the centre's review, confirmations
that a service is still correct, and HSDS imports. Audited; one transaction each."""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.core import audit, notifications
from civica.organisations import selectors as organisation_selectors

from . import hsds_import, indexing, sectors
from .models import Address, Attribute, Location, Organization, Service, ServiceRevision

LANGUAGES = ("en", "ro", "it", "el")
STATUSES = ("active", "inactive", "defunct", "temporarily closed")
TEXT_FIELDS = (
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "application_process",
    "eligibility_description",
    "fees_description",
)


def _clean(data: dict) -> dict:
    """The proposal's values, checked; ValidationError names each wrong field."""
    errors = {}
    values = {field: (data.get(field) or "").strip() for field in TEXT_FIELDS}
    values["status"] = values["status"] or "active"
    if not values["name"]:
        errors["name"] = _("Give the service a name.")
    if not values["description"]:
        errors["description"] = _("Describe the service.")
    if values["status"] not in STATUSES:
        errors["status"] = _("Choose a status.")
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            errors["email"] = _("Enter a valid e-mail address.")
    if values["url"]:
        try:
            URLValidator()(values["url"])
        except ValidationError:
            errors["url"] = _("Enter a valid URL.")
    language = data.get("language") or "en"
    if language not in LANGUAGES:
        errors["language"] = _("Choose one of the four languages.")
    translations = {
        code: {key: (value or "").strip() for key, value in fields.items() if (value or "").strip()}
        for code, fields in (data.get("translations") or {}).items()
        if code in LANGUAGES and code != language
    }
    categories = [code for code in data.get("categories") or [] if code in sectors.SECTORS]
    if len(categories) != len(data.get("categories") or []):
        errors["categories"] = _("Choose sectors from the list.")
    numbers = {}
    for field in ("capacity", "vacancies"):
        value = data.get(field)
        if value in (None, ""):
            numbers[field] = None
            continue
        try:
            numbers[field] = int(value)
            if numbers[field] < 0:
                raise ValueError
        except (TypeError, ValueError):
            errors[field] = _("Enter a whole number, zero or more.")
    counted = not errors and numbers["capacity"] is not None and numbers["vacancies"] is not None
    if counted and numbers["vacancies"] > numbers["capacity"]:
        errors["vacancies"] = _("There cannot be more vacancies than places.")
    if errors:
        raise ValidationError(errors)
    return {
        **values,
        "language": language,
        "translations": {code: fields for code, fields in translations.items() if fields},
        "categories": categories,
        **numbers,
    }


def payload_of(service: Service) -> dict:
    """The editable values of a live service, as a proposal would carry them (to prefill a form)."""
    codes = list(
        Attribute.objects.filter(link_id=service.id, taxonomy_term__taxonomy_detail_id=sectors.TAXONOMY_ID)
        .values_list("taxonomy_term__code", flat=True)
        .order_by("taxonomy_term__code")
    )
    return {
        **{field: getattr(service, field) for field in TEXT_FIELDS},
        "language": service.language,
        "translations": service.translations,
        "categories": codes,
        "capacity": service.capacity,
        "vacancies": service.vacancies,
    }


def _centre_staff(organization: Organization):
    if organization.centre is None:
        return []
    return [m.user for m in organisation_selectors.members_of(organization.centre) if m.role in {"admin", "staff"}]


@transaction.atomic
def revision_propose(
    *, actor, organization: Organization, data: dict, service: Service | None = None
) -> ServiceRevision:
    """A member organisation proposes a new service or a change; nothing goes live until the centre approves."""
    if not actor.has_perm("directory.propose", organization):
        raise PermissionDenied("directory.propose")
    if service is not None and service.organization_id != organization.id:
        raise PermissionDenied("directory.propose")
    payload = _clean(data)
    revision = ServiceRevision.objects.create(
        organization=organization, service=service, payload=payload, proposed_by=actor
    )
    audit.record_change(
        actor=actor,
        instance=revision,
        action="create",
        after={"service": str(service.id) if service else "", "name": payload["name"]},
        organisation_uuid=organization.organisation.uuid if organization.organisation else None,
    )
    notifications.notify(
        recipients=_centre_staff(organization),
        subject=gettext_lazy("A change to the directory waits for review: %(name)s"),
        template="directory/email/revision_proposed.txt",
        context={"name": payload["name"], "organisation": organization.name},
        url=reverse("directory:revision", kwargs={"uuid": revision.uuid}),
        exclude=actor,
    )
    return revision


def _ensure_sectors() -> None:
    """The sector taxonomy (created by migration 0002) present before a service is filed under it: a
    database emptied and refilled (tests do it, a restore may) must not leave categories dangling."""
    from .models import Taxonomy, TaxonomyTerm

    if TaxonomyTerm.objects.filter(id__in=[sectors.term_id(code) for code in sectors.SECTORS]).count() == len(
        sectors.SECTORS
    ):
        return
    Taxonomy.objects.get_or_create(
        id=sectors.TAXONOMY_ID,
        defaults={
            "name": sectors.TAXONOMY_NAME,
            "description": "The five sectors of a coordination centre's working committees.",
            "version": "1",
        },
    )
    for code, (_label, translations) in sectors.SECTORS.items():
        TaxonomyTerm.objects.get_or_create(
            id=sectors.term_id(code),
            defaults={
                "code": code,
                "name": sectors.ENGLISH[code],
                "description": sectors.ENGLISH[code],
                "taxonomy": sectors.TAXONOMY_NAME,
                "taxonomy_detail_id": sectors.TAXONOMY_ID,
                "translations": {language: {"name": name} for language, name in translations.items()},
            },
        )


def _apply(revision: ServiceRevision) -> Service:
    _ensure_sectors()
    payload = revision.payload
    service = revision.service or Service(id=uuid.uuid4(), organization=revision.organization)
    for field in TEXT_FIELDS:
        setattr(service, field, payload.get(field, ""))
    service.language = payload["language"]
    service.translations = payload["translations"]
    if service.vacancies != payload["vacancies"]:
        service.vacancies_updated_at = timezone.now()
    service.capacity, service.vacancies = payload["capacity"], payload["vacancies"]
    service.is_published = True
    service.last_modified = timezone.now()
    service.confirmed_at = timezone.now()
    service.save()
    wanted = {sectors.term_id(code) for code in payload["categories"]}
    links = Attribute.objects.filter(link_id=service.id, taxonomy_term__taxonomy_detail_id=sectors.TAXONOMY_ID)
    links.exclude(taxonomy_term_id__in=wanted).delete()
    present = set(links.values_list("taxonomy_term_id", flat=True))
    Attribute.objects.bulk_create(
        [Attribute(link_id=service.id, link_entity="service", taxonomy_term_id=term) for term in wanted - present]
    )
    return service


def _decide(revision: ServiceRevision, *, actor, state: str, reason: str) -> None:
    revision.state, revision.reason = state, reason
    revision.decided_by, revision.decided_at = actor, timezone.now()
    revision.save()
    audit.record_change(
        actor=actor,
        instance=revision,
        action="update",
        after={"state": state, "reason": reason},
        organisation_uuid=revision.organization.centre.uuid if revision.organization.centre else None,
    )


@transaction.atomic
def revision_approve(*, actor, revision: ServiceRevision) -> Service:
    if not actor.has_perm("directory.review", revision.organization):
        raise PermissionDenied("directory.review")
    if revision.state != ServiceRevision.State.PENDING:
        raise ValidationError(_("This change has already been decided."))
    service = _apply(revision)
    revision.service = service
    _decide(revision, actor=actor, state=ServiceRevision.State.APPROVED, reason="")
    indexing.index_service(service)
    notifications.notify(
        recipients=[revision.proposed_by],
        subject=gettext_lazy("Your change to %(name)s is now live"),
        template="directory/email/revision_decided.txt",
        context={"name": service.name, "approved": True, "reason": ""},
        url=reverse("directory:service", kwargs={"service_id": service.id}),
    )
    return service


@transaction.atomic
def revision_reject(*, actor, revision: ServiceRevision, reason: str) -> ServiceRevision:
    if not actor.has_perm("directory.review", revision.organization):
        raise PermissionDenied("directory.review")
    if revision.state != ServiceRevision.State.PENDING:
        raise ValidationError(_("This change has already been decided."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the change is rejected.")})
    _decide(revision, actor=actor, state=ServiceRevision.State.REJECTED, reason=reason.strip())
    notifications.notify(
        recipients=[revision.proposed_by],
        subject=gettext_lazy("Your change to %(name)s was not accepted"),
        template="directory/email/revision_decided.txt",
        context={"name": revision.payload.get("name", ""), "approved": False, "reason": reason.strip()},
        url=reverse("directory:revision", kwargs={"uuid": revision.uuid}),
    )
    return revision


@transaction.atomic
def service_confirm(*, service: Service, actor=None) -> Service:
    """The organisation says the service's details are still correct (from the e-mailed link or the page)."""
    service.confirmed_at = timezone.now()
    service.save(update_fields=["confirmed_at", "updated_at"])
    audit.record_change(
        actor=actor,
        instance=service,
        action="event",
        summary="confirmed still correct",
        organisation_uuid=service.organization.organisation.uuid
        if service.organization_id and service.organization.organisation
        else None,
    )
    return service


def hsds_file_import(*, actor, centre, path, kind=None, skip_broken_links=False) -> hsds_import.Report:
    """Centre staff load an HSDS file into their directory (all or nothing, see hsds_import)."""
    if not actor.has_perm("directory.import", centre):
        raise PermissionDenied("directory.import")
    return hsds_import.import_path(
        path, actor=actor, centre=centre, kind=kind or None, skip_broken_links=skip_broken_links
    )


# --- building the directory from the system side (the demo, the centre's approvals) ------------------


@transaction.atomic
def organization_record_for(*, organisation, centre=None) -> Organization:
    """The directory record of a Civica organisation (created once), listed by `centre`."""
    record = Organization.objects.filter(organisation=organisation).first()
    if record is None:
        record = Organization.objects.create(
            name=organisation.name,
            alternate_name=organisation.short_name,
            description=organisation.description or organisation.name,
            # A shelter-like organisation keeps its contacts out of the public directory too.
            email="" if organisation.contacts_confidential else organisation.email,
            website=organisation.website,
            organisation=organisation,
            centre=centre,
            language=organisation.language,
        )
    elif centre is not None and record.centre_id is None:
        record.centre = centre
        record.save(update_fields=["centre"])
    return record


@transaction.atomic
def location_add(
    *,
    organization: Organization,
    name: str,
    address_1: str = "",
    city: str = "",
    postal_code: str = "",
    country: str = "GR",
    latitude=None,
    longitude=None,
    territory=None,
    is_confidential: bool = False,
    location_type: str = "physical",
    url: str = "",
    location_id=None,
    is_published: bool = True,
) -> Location:

    location = Location.objects.create(
        id=location_id or uuid.uuid4(),
        organization=organization,
        name=name,
        location_type=location_type,
        latitude=latitude,
        longitude=longitude,
        territory=territory,
        is_confidential=is_confidential,
        is_published=is_published,
        url=url,
    )
    if address_1:
        Address.objects.create(
            location=location,
            address_1=address_1,
            city=city,
            state_province=city,
            postal_code=postal_code,
            country=country,
            address_type="physical",
        )
    return location


@transaction.atomic
def service_publish(
    *, organization: Organization, data: dict, locations=(), languages=(), fee=None, service_id=None
) -> Service:
    """A live service straight away: for the demo and tests, never from a member's form (those go
    through `revision_propose`)."""
    from .models import CostOption, Language, ServiceAtLocation

    payload = _clean(data)
    revision = ServiceRevision(organization=organization, payload=payload)
    revision.service = Service(id=service_id or uuid.uuid4(), organization=organization) if service_id else None
    service = _apply(revision)
    for location in locations:
        ServiceAtLocation.objects.create(service=service, location=location)
    for code in languages:
        Language.objects.create(service=service, code=code, name=code)
    if fee is not None:
        CostOption.objects.create(service=service, amount=fee, currency="EUR", option="per session")
    indexing.index_service(service)
    return service


@transaction.atomic
def location_set_confidential(*, actor, location: Location, confidential: bool) -> Location:
    """The provider's or the centre's staff hide a place (a shelter) from everything public, or show it again.

    Search entries are refreshed at once: a service whose only place becomes hidden keeps its entry,
    which never held an address."""
    if location.organization is None or not actor.has_perm("directory.see_confidential", location.organization):
        raise PermissionDenied("directory.see_confidential")
    before = location.is_confidential
    location.is_confidential = confidential
    location.save(update_fields=["is_confidential"])
    audit.record_change(
        actor=actor,
        instance=location,
        action="update",
        before={"is_confidential": before},
        after={"is_confidential": confidential},
        organisation_uuid=location.organization.organisation.uuid if location.organization.organisation else None,
    )
    return location


@transaction.atomic
def location_create(
    *,
    actor,
    organization: Organization,
    name: str,
    address_1: str = "",
    city: str = "",
    postal_code: str = "",
    country: str = "GR",
    latitude=None,
    longitude=None,
    territory=None,
    is_confidential: bool = False,
    services=(),
) -> Location:
    """A member organisation's staff add a place where they work, from a page (not only by import),
    optionally naming their services offered there. A shelter's place is marked confidential here.

    Like a service change, the place (and the services it places there) stays out of public view until
    the centre approves it (`location_publish`); the centre's own staff publish at once."""
    from .models import ServiceAtLocation

    if not actor.has_perm("directory.propose", organization):
        raise PermissionDenied("directory.propose")
    errors = {}
    name, address_1, city, postal_code = (value.strip() for value in (name, address_1, city, postal_code))
    if not name:
        errors["name"] = _("Give the place a name.")
    if address_1 and not (city and postal_code):
        errors["city"] = _("Give the town and the postal code with the address.")
    if (latitude is None) != (longitude is None):
        errors["latitude"] = _("Give both the latitude and the longitude, or neither.")
    elif latitude is not None and not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        errors["latitude"] = _("The coordinates are out of range.")
    services = list(services or [])
    if any(service.organization_id != organization.id for service in services):
        errors["services"] = _("Choose services of this organisation.")
    if errors:
        raise ValidationError(errors)
    location = location_add(
        organization=organization,
        name=name,
        address_1=address_1,
        city=city,
        postal_code=postal_code,
        country=country,
        latitude=latitude,
        longitude=longitude,
        territory=territory,
        is_confidential=is_confidential,
        is_published=actor.has_perm("directory.review", organization),
    )
    for service in services:
        ServiceAtLocation.objects.create(service=service, location=location)
    for service in services:
        indexing.index_service(service)
    audit.record_change(
        actor=actor,
        instance=location,
        action="create",
        after={
            "name": location.name,
            "is_confidential": location.is_confidential,
            "is_published": location.is_published,
            "services": [str(service.id) for service in services],
        },
        organisation_uuid=organization.organisation.uuid if organization.organisation else None,
    )
    notifications.notify(
        recipients=_centre_staff(organization),
        subject=gettext_lazy("%(organisation)s added a place: %(name)s"),
        template="directory/email/location_added.txt",
        context={"organisation": organization.name, "name": location.name},
        url=reverse("directory:organization", kwargs={"organization_id": organization.id}),
        exclude=actor,
    )
    return location


@transaction.atomic
def location_publish(*, actor, location: Location) -> Location:
    """The centre approves a place a member organisation added: it (and the services placed there)
    appears in public pages, the API, exports, search and the map, unless it is confidential."""
    organization = location.organization
    if organization is None or not actor.has_perm("directory.review", organization):
        raise PermissionDenied("directory.review")
    if location.is_published:
        return location
    location.is_published = True
    location.save(update_fields=["is_published"])
    audit.record_change(
        actor=actor,
        instance=location,
        action="update",
        before={"is_published": False},
        after={"is_published": True},
        organisation_uuid=organization.organisation.uuid if organization.organisation else None,
    )
    return location
