"""How HSDS nests its tables in the JSON form (the official compiled schemas), both ways.

A `Many` child lists the rows of `table` whose `link` column holds the parent's id (a service's
phones); a `One` child is the row whose id the parent holds in its `link` column (a service's
organization). Each full document is a tree of these, with the same shapes as the schemas."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Many:
    table: str
    link: str
    children: dict = field(default_factory=dict)


@dataclass(frozen=True)
class One:
    table: str
    link: str
    children: dict = field(default_factory=dict)


PHONE = {"languages": Many("language", "phone_id")}
CONTACT = {"phones": Many("phone", "contact_id", PHONE)}
LOCATION = {
    "languages": Many("language", "location_id"),
    "addresses": Many("address", "location_id"),
    "contacts": Many("contact", "location_id", CONTACT),
    "accessibility": Many("accessibility", "location_id"),
    "phones": Many("phone", "location_id", PHONE),
    "schedules": Many("schedule", "location_id"),
}
ATTRIBUTE = {
    "taxonomy_term": One("taxonomy_term", "taxonomy_term_id", {"taxonomy_detail": One("taxonomy", "taxonomy_id")})
}
ORGANIZATION = {
    "funding": Many("funding", "organization_id"),
    "contacts": Many("contact", "organization_id", CONTACT),
    "phones": Many("phone", "organization_id", PHONE),
    "locations": Many("location", "organization_id", LOCATION),
    "programs": Many("program", "organization_id"),
    "organization_identifiers": Many("organization_identifier", "organization_id"),
}
SERVICE_AT_LOCATION = {
    "contacts": Many("contact", "service_at_location_id", CONTACT),
    "phones": Many("phone", "service_at_location_id", PHONE),
    "schedules": Many("schedule", "service_at_location_id"),
    "location": One("location", "location_id", LOCATION),
}
SERVICE = {
    "phones": Many("phone", "service_id", PHONE),
    "schedules": Many("schedule", "service_id"),
    "service_areas": Many("service_area", "service_id"),
    "languages": Many("language", "service_id"),
    "funding": Many("funding", "service_id"),
    "cost_options": Many("cost_option", "service_id"),
    "program": One("program", "program_id"),
    "required_documents": Many("required_document", "service_id"),
    "contacts": Many("contact", "service_id", CONTACT),
    "attributes": Many("attribute", "link_id", ATTRIBUTE),
    "metadata": Many("metadata", "resource_id"),
}

# The three full documents of the HSDS API and of the JSON exchange.
FULL_SERVICE = {
    **SERVICE,
    "service_at_locations": Many("service_at_location", "service_id", SERVICE_AT_LOCATION),
    "organization": One("organization", "organization_id", ORGANIZATION),
}
FULL_ORGANIZATION = {
    **ORGANIZATION,
    "services": Many(
        "service",
        "organization_id",
        {**SERVICE, "service_at_locations": Many("service_at_location", "service_id", SERVICE_AT_LOCATION)},
    ),
}
FULL_SERVICE_AT_LOCATION = {
    **SERVICE_AT_LOCATION,
    "service": One(
        "service", "service_id", {**SERVICE, "organization": One("organization", "organization_id", ORGANIZATION)}
    ),
}
DOCUMENTS = {
    "service": FULL_SERVICE,
    "organization": FULL_ORGANIZATION,
    "service_at_location": FULL_SERVICE_AT_LOCATION,
    # The other records the HSDS API serves on their own (its /locations, /taxonomies, /taxonomy_terms).
    "location": LOCATION,
    "taxonomy": {},
    "taxonomy_term": {"taxonomy_detail": One("taxonomy", "taxonomy_id")},
}
