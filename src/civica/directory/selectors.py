"""Every read of the directory. Public reads go through `visibility.public`; only the staff of a
service's organisation and of its reviewing centre see its confidential locations."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from civica.core import search
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Territory

from . import sectors, visibility
from .indexing import RECORD_TYPE
from .models import (
    Attribute,
    CostOption,
    Language,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    ServiceRevision,
    TaxonomyTerm,
)


@dataclass(frozen=True)
class Filters:
    query: str = ""
    category: str = ""  # a sector code
    organisation_kind: str = ""
    territory: int | None = None  # organisations.Territory pk: the place or any place inside it
    language: str = ""  # an ISO 639 code
    cost: str = ""  # "free" or "paid"
    delivery: str = ""  # "virtual" or "physical"


def sector_terms() -> QuerySet[TaxonomyTerm]:
    return TaxonomyTerm.objects.filter(taxonomy_detail_id=sectors.TAXONOMY_ID).order_by("code")


def _public_locations_of_kind(kind: str):
    placements = visibility.public(ServiceAtLocation).filter(
        service_id=OuterRef("id"), location__location_type=kind, location__is_confidential=False
    )
    return Exists(placements)


def public_services(filters: Filters = Filters()) -> QuerySet[Service] | list[Service]:
    """The published services matching every filter (AND), best match first when there is a query."""
    services = visibility.public(Service).select_related("organization", "organization__organisation")
    if filters.category:
        term = sectors.term_id(filters.category)
        services = services.filter(Exists(Attribute.objects.filter(link_id=OuterRef("id"), taxonomy_term_id=term)))
    if filters.organisation_kind:
        services = services.filter(organization__organisation__kind=filters.organisation_kind)
    if filters.territory:
        places = Q(location__territory_id=filters.territory) | Q(location__territory__parent_id=filters.territory)
        services = services.filter(
            Exists(visibility.public(ServiceAtLocation).filter(places, service_id=OuterRef("id")))
        )
    if filters.language:
        services = services.filter(
            Exists(Language.objects.filter(service_id=OuterRef("id"), code__iexact=filters.language))
        )
    if filters.cost:
        paid = Exists(CostOption.objects.filter(service_id=OuterRef("id"), amount__gt=0))
        services = services.filter(paid) if filters.cost == "paid" else services.exclude(paid)
    if filters.delivery:
        services = services.filter(_public_locations_of_kind(filters.delivery))
    if not filters.query:
        return services.order_by("name", "id")
    hits = search.search(filters.query, include_public=True, record_types=[RECORD_TYPE], limit=500)
    order = {hit.record_uuid: index for index, hit in enumerate(hits)}
    return sorted(services.filter(id__in=list(order)), key=lambda service: order[service.id])


def with_categories(services) -> list[Service]:
    """The services with `.sector_terms` set, in one query for all of them."""
    services = list(services)
    links = Attribute.objects.filter(
        link_id__in=[service.id for service in services], taxonomy_term__taxonomy_detail_id=sectors.TAXONOMY_ID
    ).select_related("taxonomy_term")
    by_service = {}
    for link in links:
        by_service.setdefault(link.link_id, []).append(link.taxonomy_term)
    for service in services:
        service.sector_terms = sorted(by_service.get(service.id, []), key=lambda term: term.code or "")
    return services


@dataclass(frozen=True)
class MapPoint:
    service_id: str
    name: str
    latitude: float
    longitude: float
    location: str


def map_points(services) -> list[MapPoint]:
    """Public physical places of the services, for the map: never a confidential one."""
    ids = [service.id for service in services]
    names = {service.id: service.name for service in services}
    placements = (
        visibility.public(ServiceAtLocation)
        .filter(service_id__in=ids, location__is_confidential=False, location__latitude__isnull=False)
        .select_related("location")
    )
    return [
        MapPoint(str(p.service_id), names[p.service_id], p.location.latitude, p.location.longitude, p.location.name)
        for p in placements
        if p.location.longitude is not None
    ]


def service_get(*, user, service_id) -> Service:
    """A published service, or an unpublished one to those who may review or propose it."""
    service = Service.objects.select_related("organization", "organization__organisation", "organization__centre").get(
        id=service_id
    )
    if not service.is_published and not (
        user.has_perm("directory.propose", service.organization)
        or user.has_perm("directory.review", service.organization)
    ):
        raise Service.DoesNotExist
    return service


def may_see_confidential(user, organization) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_perm("directory.see_confidential", organization))


def locations_of(*, user, service: Service) -> list[Location]:
    """Where the service is given; a confidential place only to those allowed to see it."""
    placements = ServiceAtLocation.objects if may_see_confidential(user, service.organization) else None
    if placements is None:
        placements = visibility.public(ServiceAtLocation)
    location_ids = placements.filter(service_id=service.id).values("location_id")
    return list(
        Location.objects.filter(id__in=location_ids)
        .prefetch_related("addresses", Prefetch("phones"), "accessibility")
        .order_by("name", "id")
    )


def organization_get(organization_id) -> Organization:
    return Organization.objects.select_related("organisation", "centre").get(id=organization_id)


def services_of_organization(organization: Organization) -> QuerySet[Service]:
    return (
        visibility.public(Service)
        .filter(organization=organization)
        .select_related("organization")
        .order_by("name", "id")
    )


def editable_organizations(user) -> QuerySet[Organization]:
    """Directory records of the organisations where the person works: those whose services they may propose."""
    ids = organisation_selectors.organisation_ids_with_role(user)
    return (
        Organization.objects.filter(organisation_id__in=ids).select_related("organisation", "centre").order_by("name")
    )


def services_to_manage(user) -> QuerySet[Service]:
    return (
        Service.objects.filter(organization__in=editable_organizations(user))
        .select_related("organization")
        .order_by("name", "id")
    )


def revisions_to_review(user) -> QuerySet[ServiceRevision]:
    centres = organisation_selectors.organisation_ids_with_role(user)
    return ServiceRevision.objects.filter(
        state=ServiceRevision.State.PENDING, organization__centre_id__in=centres
    ).select_related("organization", "service", "proposed_by")


def territories_with_public_places() -> QuerySet[Territory]:
    """The territories (and their parents) of public places: the directory's territory filter."""
    used = visibility.public(Location).filter(territory__isnull=False).values("territory_id")
    return (Territory.objects.filter(pk__in=used) | Territory.objects.filter(children__in=used)).distinct()


def places_to_review(user) -> QuerySet[Location]:
    """Places member organisations added that wait for this person's centre to approve them."""
    centres = organisation_selectors.organisation_ids_with_role(user)
    return (
        Location.objects.filter(is_published=False, organization__centre_id__in=centres)
        .select_related("organization")
        .prefetch_related("addresses")
        .order_by("organization__name", "name")
    )


def place_to_review_get(*, user, location_id) -> Location:
    """One of those places; DoesNotExist for anyone who does not review it."""
    return places_to_review(user).get(id=location_id)


def revisions_proposed_by_my_organisations(user) -> QuerySet[ServiceRevision]:
    return ServiceRevision.objects.filter(organization__in=editable_organizations(user)).select_related(
        "organization", "service"
    )[:50]


def revision_get(*, user, uuid) -> ServiceRevision:
    """A revision its reviewers or its proposing organisation may see; DoesNotExist for anyone else."""
    revision = ServiceRevision.objects.select_related(
        "organization", "organization__organisation", "organization__centre", "service", "proposed_by"
    ).get(uuid=uuid)
    if not (
        user.has_perm("directory.review", revision.organization)
        or user.has_perm("directory.propose", revision.organization)
    ):
        raise ServiceRevision.DoesNotExist
    return revision


def importing_centres(user):
    return [
        o
        for o in organisation_selectors.own_organisations(user, roles={"admin", "staff"})
        if user.has_perm("directory.import", o)
    ]


def service_exists(service_id) -> bool:
    """For system work (the demo's idempotence); never for a person's page."""
    return Service.objects.filter(id=service_id).exists()


def location_or_none(location_id) -> Location | None:
    return Location.objects.filter(id=location_id).first()


def public_services_of_centre(centre) -> QuerySet[Service]:
    """The published services of the organisations a coordination centre lists (to link its needs to)."""
    return visibility.public(Service).filter(organization__centre=centre).select_related("organization")


def territories_for_places(country: str):
    return Territory.objects.filter(country=country).order_by("name", "pk") if country else Territory.objects.none()


def services_of_organization_for_staff(organization: Organization) -> QuerySet[Service]:
    """All the organisation's services, live or not yet reviewed, for its own staff's forms."""
    return Service.objects.filter(organization=organization).order_by("name", "id")
