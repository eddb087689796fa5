"""The service directory, modelled table for table on Open Referral HSDS 3.0.

Why an HSDS `Organization` is a directory record and not `organisations.Organisation` itself: a
directory lists many providers that have no account in Civica (imported HSDS files, a municipal
clinic, a helpline), and HSDS fields (tax status, year incorporated, legal status) do not belong on
the tenant. A record may point at the Civica organisation that runs it (`organisation`): that
link is what lets the organisation's staff propose changes to its services. `centre` is the
coordination centre whose directory lists the record and which reviews those changes.

Why references are foreign keys without database constraints: HSDS files from other publishers
refer to records they do not include (the official example does: a location's organization, a
contact's service_at_location). Keeping the reference as given is what makes an import lossless;
it resolves when the record is present, and Civica's own forms only ever link existing records.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.validators import PublicURLValidator


def _reference(target, related_name: str, verbose_name, **options):
    return models.ForeignKey(
        target,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name=related_name,
        **options,
    )


class HSDSRecord(models.Model):
    """HSDS identifies every record by a UUID, which is then also its primary key and its public id.

    The HSDS fields keep the specification's English titles as labels, untranslated: they are column
    names of an exchange format, shown only to administrators; readers see Civica's own pages."""

    hsds_table = ""
    # HSDS field names stored under another attribute (where HSDS names clash with Django's).
    hsds_fields: dict = {}

    class Meta:
        abstract = True

    @property
    def uuid(self):
        # The audit trail and the search index name records by `uuid`.
        return self.id


class Translatable(models.Model):
    """Names and descriptions in other languages than the original, field by field:
    {"el": {"name": "...", "description": "..."}}. The original stays in the HSDS fields."""

    language = models.CharField(_("original language"), max_length=5, choices=settings.LANGUAGES, default="en")
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        abstract = True

    def translated(self, field: str, language: str) -> str:
        value = (self.translations.get(language) or {}).get(field)
        return value or getattr(self, field)


class Organization(Translatable, HSDSRecord):
    """The details about each organization delivering services."""

    hsds_table = "organization"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.TextField("name")
    alternate_name = models.TextField("alternate name", blank=True)
    description = models.TextField("description")
    email = models.TextField("email", blank=True)
    website = models.TextField("website", blank=True, validators=[PublicURLValidator()])
    tax_status = models.TextField("tax status", blank=True)
    tax_id = models.TextField("tax identifier", blank=True)
    year_incorporated = models.FloatField("year incorporated", null=True, blank=True)
    legal_status = models.TextField("legal status", blank=True)
    logo = models.TextField("logo", blank=True)
    uri = models.TextField("uri", blank=True)
    parent_organization = _reference("self", "children", "parent organization identifier")

    # Civica's additions (not exported: HSDS has no field for them).
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation in Civica"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_records",
    )
    centre = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("coordination centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_listings",
    )

    class Meta:
        verbose_name = "organization"

    def __str__(self):
        return self.name or str(self.id)


class Program(HSDSRecord):
    """The details of collections of related services."""

    hsds_table = "program"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = _reference("Organization", "programs", "organization identifier")
    name = models.TextField("name")
    alternate_name = models.TextField("alternate name", blank=True)
    description = models.TextField("description")

    class Meta:
        verbose_name = "program"

    def __str__(self):
        return self.name or str(self.id)


class Service(Translatable, HSDSRecord):
    """The details of the services provided by organizations to a range of different groups."""

    hsds_table = "service"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = _reference("Organization", "services", "organization identifier")
    program = _reference("Program", "services", "program identifier")
    name = models.TextField("name")
    alternate_name = models.TextField("alternate name", blank=True)
    description = models.TextField("description", blank=True)
    url = models.TextField("url", blank=True, validators=[PublicURLValidator()])
    email = models.TextField("email", blank=True)
    status = models.TextField("status")
    interpretation_services = models.TextField("interpretation services", blank=True)
    application_process = models.TextField("application process", blank=True)
    fees_description = models.TextField("fees description", blank=True)
    wait_time = models.TextField("wait time", blank=True)
    fees = models.TextField("fees", blank=True)
    accreditations = models.TextField("accreditations", blank=True)
    eligibility_description = models.TextField("eligibility description", blank=True)
    minimum_age = models.FloatField("minimum age", null=True, blank=True)
    maximum_age = models.FloatField("maximum age", null=True, blank=True)
    assured_date = models.DateField("assured date", null=True, blank=True)
    assurer_email = models.TextField("assurer email", blank=True)
    licenses = models.TextField("licenses", blank=True)
    alert = models.TextField("alert", blank=True)
    last_modified = models.DateTimeField("last modified", null=True, blank=True)

    # Civica's additions (not exported: HSDS has no field for them).
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("A service proposed by a member goes live once the centre approves it."),
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    vacancies = models.PositiveIntegerField(_("vacancies"), null=True, blank=True)
    vacancies_updated_at = models.DateTimeField(_("vacancies updated"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("last confirmed as correct"), null=True, blank=True)
    confirmation_requested_at = models.DateTimeField(_("confirmation requested"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = "service"

    def __str__(self):
        return self.name or str(self.id)


class Attribute(HSDSRecord):
    """A link between a service and one or more classifications that describe the nature of the service provided."""

    hsds_table = "attribute"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    link_id = models.UUIDField("link identifier", null=True, blank=True)
    taxonomy_term = _reference("TaxonomyTerm", "attributes", "taxonomy term identifier")
    link_type = models.TextField("link type", blank=True)
    link_entity = models.TextField("link entity")
    value = models.TextField("value", blank=True)

    class Meta:
        verbose_name = "attribute"
        # The directory's sector filter and the visibility rule look attributes up by the record they
        # describe: without it the filter scanned every attribute once per service (bench/directory_search.py).
        indexes = [models.Index(fields=["link_id", "taxonomy_term"], name="directory_attribute_link")]

    def __str__(self):
        return str(self.id)


class ServiceAtLocation(HSDSRecord):
    """A link between a service and a specific location."""

    hsds_table = "service_at_location"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = _reference("Service", "service_at_locations", "service identifier")
    location = _reference("Location", "service_at_locations", "location identifier")
    description = models.TextField("description", blank=True)

    class Meta:
        verbose_name = "service at location"

    def __str__(self):
        return str(self.id)


class Location(Translatable, HSDSRecord):
    """The locations where organizations operate."""

    hsds_table = "location"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location_type = models.TextField("location type")
    url = models.TextField("url", blank=True, validators=[PublicURLValidator()])
    organization = _reference("Organization", "locations", "organization identifier")
    name = models.TextField("name", blank=True)
    alternate_name = models.TextField("alternate name", blank=True)
    description = models.TextField("description", blank=True)
    transportation = models.TextField("transportation", blank=True)
    latitude = models.FloatField("latitude", null=True, blank=True)
    longitude = models.FloatField("longitude", null=True, blank=True)
    external_identifier = models.TextField("external identifier", blank=True)
    external_identifier_type = models.TextField("external identifier type", blank=True)

    # Civica's additions (not exported: HSDS has no field for them).
    is_confidential = models.BooleanField(
        _("confidential address"),
        default=False,
        help_text=_(
            "A shelter's address: shown only to the centre's and the organisation's staff, never in public pages, "
            "the API, exports, search or the map."
        ),
    )
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("A place a member organisation adds stays out of public view until the centre approves it."),
    )
    territory = models.ForeignKey(
        "organisations.Territory",
        verbose_name=_("territory or district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "location"

    def __str__(self):
        return self.name or str(self.id)


class Phone(HSDSRecord):
    """The details of the telephone numbers used to contact organizations, services, and locations."""

    hsds_table = "phone"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = _reference("Location", "phones", "location identifier")
    service = _reference("Service", "phones", "service identifier")
    organization = _reference("Organization", "phones", "organization identifier")
    contact = _reference("Contact", "phones", "contact identifier")
    service_at_location = _reference("ServiceAtLocation", "phones", "service at location identifier")
    number = models.TextField("number")
    extension = models.FloatField("extension", null=True, blank=True)
    type = models.TextField("type", blank=True)
    description = models.TextField("description", blank=True)

    class Meta:
        verbose_name = "phone"

    def __str__(self):
        return str(self.id)


class Contact(HSDSRecord):
    """The details of the named contacts for services and organizations."""

    hsds_table = "contact"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = _reference("Organization", "contacts", "organization identifier")
    service = _reference("Service", "contacts", "service identifier")
    service_at_location = _reference("ServiceAtLocation", "contacts", "service at location identifier")
    location = _reference("Location", "contacts", "location identifier")
    name = models.TextField("name", blank=True)
    title = models.TextField("title", blank=True)
    department = models.TextField("department", blank=True)
    email = models.TextField("email", blank=True)

    class Meta:
        verbose_name = "contact"

    def __str__(self):
        return self.name or str(self.id)


class Address(HSDSRecord):
    """The addresses of locations where organizations operate."""

    hsds_table = "address"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = _reference("Location", "addresses", "location identifier")
    attention = models.TextField("attention", blank=True)
    address_1 = models.TextField("address line 1")
    address_2 = models.TextField("address line 2", blank=True)
    city = models.TextField("city")
    region = models.TextField("region", blank=True)
    state_province = models.TextField("state or province")
    postal_code = models.TextField("postal code")
    country = models.TextField("country")
    address_type = models.TextField("address type")

    class Meta:
        verbose_name = "address"

    def __str__(self):
        return str(self.id)


class Schedule(HSDSRecord):
    """The details of when a service or location is open."""

    hsds_table = "schedule"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = _reference("Service", "schedules", "service identifier")
    location = _reference("Location", "schedules", "location identifier")
    service_at_location = _reference("ServiceAtLocation", "schedules", "service at location identifier")
    valid_from = models.DateField("valid from", null=True, blank=True)
    valid_to = models.DateField("valid to", null=True, blank=True)
    dtstart = models.DateField("date start", null=True, blank=True)
    timezone = models.FloatField("timezone", null=True, blank=True)
    until = models.DateField("until", null=True, blank=True)
    count = models.FloatField("count", null=True, blank=True)
    wkst = models.TextField("week start", blank=True)
    freq = models.TextField("frequency", blank=True)
    interval = models.FloatField("interval", null=True, blank=True)
    byday = models.TextField("by day", blank=True)
    byweekno = models.TextField("by week number", blank=True)
    bymonthday = models.TextField("by month day", blank=True)
    byyearday = models.TextField("by year day", blank=True)
    description = models.TextField("description", blank=True)
    opens_at = models.TimeField("opens at", null=True, blank=True)
    closes_at = models.TimeField("closes at", null=True, blank=True)
    schedule_link = models.TextField("schedule link", blank=True, validators=[PublicURLValidator()])
    attending_type = models.TextField("attending type", blank=True)
    notes = models.TextField("notes", blank=True)

    class Meta:
        verbose_name = "schedule"

    def __str__(self):
        return str(self.id)


class Funding(HSDSRecord):
    """The sources of funding for a service or organization."""

    hsds_table = "funding"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = _reference("Organization", "funding", "organization identifier")
    service = _reference("Service", "funding", "service identifier")
    source = models.TextField("source", blank=True)

    class Meta:
        verbose_name = "funding"

    def __str__(self):
        return str(self.id)


class ServiceArea(HSDSRecord):
    """The details of the geographic area for which a service is available."""

    hsds_table = "service_area"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = _reference("Service", "service_areas", "service identifier")
    name = models.TextField("name", blank=True)
    description = models.TextField("description", blank=True)
    extent = models.TextField("extent", blank=True)
    extent_type = models.TextField("extent type", blank=True)
    uri = models.TextField("uri", blank=True)

    class Meta:
        verbose_name = "service area"

    def __str__(self):
        return self.name or str(self.id)


class RequiredDocument(HSDSRecord):
    """The details of any documents that are required in order to access or use services."""

    hsds_table = "required_document"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = _reference("Service", "required_documents", "service identifier")
    document = models.TextField("document", blank=True)
    uri = models.TextField("uri", blank=True)

    class Meta:
        verbose_name = "required document"

    def __str__(self):
        return str(self.id)


class Language(HSDSRecord):
    """The languages that are spoken at locations or services."""

    hsds_table = "language"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = _reference("Service", "languages", "service identifier")
    location = _reference("Location", "languages", "location identifier")
    phone = _reference("Phone", "languages", "phone identifier")
    name = models.TextField("name", blank=True)
    code = models.TextField("code", blank=True)
    note = models.TextField("note", blank=True)

    class Meta:
        verbose_name = "language"

    def __str__(self):
        return self.name or str(self.id)


class Accessibility(HSDSRecord):
    """The details of the arrangements for access to locations for people who have disabilities."""

    hsds_table = "accessibility"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = _reference("Location", "accessibility", "location identifier")
    description = models.TextField("description", blank=True)
    details = models.TextField("details", blank=True)
    url = models.TextField("url", blank=True, validators=[PublicURLValidator()])

    class Meta:
        verbose_name = "accessibility"

    def __str__(self):
        return str(self.id)


class TaxonomyTerm(Translatable, HSDSRecord):
    """Each service can be categorized according to one or more taxonomy terms."""

    hsds_table = "taxonomy_term"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.TextField("code", blank=True)
    name = models.TextField("name")
    description = models.TextField("description")
    parent = _reference("self", "children", "parent identifier")
    taxonomy = models.TextField("taxonomy", blank=True)
    language = models.TextField("language", blank=True)
    # HSDS has both a free-text `taxonomy` and a `taxonomy_id`: the reference is stored in the
    # taxonomy_id column under another field name, and read and written as `taxonomy_id`.
    taxonomy_detail = _reference("Taxonomy", "terms", "taxonomy identifier", db_column="taxonomy_id")
    hsds_fields = {"taxonomy_id": "taxonomy_detail_id"}

    term_uri = models.TextField("term uri", blank=True)

    class Meta:
        verbose_name = "taxonomy term"

    def __str__(self):
        return self.name or str(self.id)

    @property
    def taxonomy_id(self):
        return self.taxonomy_detail_id

    @taxonomy_id.setter
    def taxonomy_id(self, value):
        self.taxonomy_detail_id = value


class Metadata(HSDSRecord):
    """A record of the changes that have been made to the data in order to maintain provenance information."""

    hsds_table = "metadata"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    resource_id = models.UUIDField("resource identifier", null=True, blank=True)
    resource_type = models.TextField("resource type")
    last_action_date = models.DateField("last action date", null=True, blank=True)
    last_action_type = models.TextField("last action type")
    field_name = models.TextField("field name")
    previous_value = models.TextField("previous value")
    replacement_value = models.TextField("replacement value")
    updated_by = models.TextField("updated by")

    class Meta:
        verbose_name = "metadata"

    def __str__(self):
        return str(self.id)


class MetaTableDescription(HSDSRecord):
    """Metadata about individual tables."""

    hsds_table = "meta_table_description"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.TextField("name", blank=True)
    language = models.TextField("language", blank=True)
    character_set = models.TextField("character set", blank=True)

    class Meta:
        verbose_name = "meta table description"

    def __str__(self):
        return self.name or str(self.id)


class CostOption(HSDSRecord):
    """The costs of a service at certain points in time."""

    hsds_table = "cost_option"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = _reference("Service", "cost_options", "service identifier")
    valid_from = models.DateField("valid from", null=True, blank=True)
    valid_to = models.DateField("valid to", null=True, blank=True)
    option = models.TextField("option", blank=True)
    currency = models.TextField("currency", blank=True)
    amount = models.FloatField("amount", null=True, blank=True)
    amount_description = models.TextField("amount description", blank=True)

    class Meta:
        verbose_name = "cost option"

    def __str__(self):
        return str(self.id)


class OrganizationIdentifier(HSDSRecord):
    """The details of the third party identifiers for organizations, such as: company registration number,
    charity number, tax registration number."""

    hsds_table = "organization_identifier"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = _reference("Organization", "organization_identifiers", "organization identifier")
    identifier_scheme = models.TextField("identifier scheme", blank=True)
    identifier_type = models.TextField("identifier type")
    identifier = models.TextField("third party identifier")

    class Meta:
        verbose_name = "organization identifier"

    def __str__(self):
        return str(self.id)


class Taxonomy(HSDSRecord):
    """The taxonomies from which taxonomy terms are taken."""

    hsds_table = "taxonomy"
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.TextField("name")
    description = models.TextField("description")
    uri = models.TextField("uri", blank=True)
    version = models.TextField("version", blank=True)

    class Meta:
        verbose_name = "taxonomy"

    def __str__(self):
        return self.name or str(self.id)


class ServiceRevision(models.Model):
    """A change to a service proposed by its organisation, waiting for the centre's review.

    `payload` holds the proposed values of the editable fields; nothing of it is live until the centre
    approves, and then it is applied in one transaction. A new service is proposed with `service` empty."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="revisions"
    )
    service = models.ForeignKey(
        Service, verbose_name=_("service"), null=True, blank=True, on_delete=models.CASCADE, related_name="revisions"
    )
    payload = models.JSONField(_("proposed values"), default=dict)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    reason = models.TextField(_("reason for the decision"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("proposed by")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("service revision")
        verbose_name_plural = _("service revisions")
        indexes = [models.Index(fields=["state", "-created_at"])]

    def __str__(self):
        return self.payload.get("name", "") or str(self.uuid)
