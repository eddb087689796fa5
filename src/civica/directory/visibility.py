"""What the public may see of the directory: the only source of rows for public pages, the HSDS API,
exports, the search index and the map.

A confidential location (a shelter) disappears with everything that would reveal it: its addresses,
phones, contacts, schedules, accessibility notes, languages and the service_at_location rows that
place a service there. A service or a place the centre has not yet approved is not public either."""

from django.db.models import Q, QuerySet

from .models import Contact, Location, Phone, Service, ServiceAtLocation


def _hidden():
    locations = Location.objects.filter(Q(is_confidential=True) | Q(is_published=False)).values("id")
    services = Service.objects.filter(is_published=False).values("id")
    placements = ServiceAtLocation.objects.filter(Q(location_id__in=locations) | Q(service_id__in=services)).values(
        "id"
    )
    contacts = Contact.objects.filter(
        Q(location_id__in=locations) | Q(service_id__in=services) | Q(service_at_location_id__in=placements)
    ).values("id")
    phones = Phone.objects.filter(
        Q(location_id__in=locations)
        | Q(service_id__in=services)
        | Q(service_at_location_id__in=placements)
        | Q(contact_id__in=contacts)
    ).values("id")
    return {
        "location_id": locations,
        "service_id": services,
        "service_at_location_id": placements,
        "contact_id": contacts,
        "phone_id": phones,
    }


def public(model) -> QuerySet:
    """The rows of one HSDS table that anyone may see."""
    hidden = _hidden()
    columns = {field.attname for field in model._meta.concrete_fields}
    exclude = Q()
    for column, ids in hidden.items():
        if column in columns:
            exclude |= Q(**{f"{column}__in": ids})
    if model is Location:
        exclude |= Q(is_confidential=True) | Q(is_published=False)
    if model is Service:
        exclude |= Q(is_published=False)
    if model is ServiceAtLocation:
        exclude |= Q(id__in=hidden["service_at_location_id"])
    if model is Contact:
        exclude |= Q(id__in=hidden["contact_id"])
    if model is Phone:
        exclude |= Q(id__in=hidden["phone_id"])
    if "link_id" in columns:  # attributes point at any record
        exclude |= Q(link_id__in=hidden["location_id"]) | Q(link_id__in=hidden["service_id"])
        exclude |= Q(link_id__in=hidden["service_at_location_id"])
    if "resource_id" in columns:  # so does the change metadata
        exclude |= Q(resource_id__in=hidden["location_id"]) | Q(resource_id__in=hidden["service_id"])
        exclude |= Q(resource_id__in=hidden["service_at_location_id"])
    queryset = model.objects.all()
    return queryset.exclude(exclude) if exclude else queryset
