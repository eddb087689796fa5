"""Loading the demo world through the apps' own services. Idempotent: a second run changes nothing."""

import os
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from civica.cases import document_services
from civica.cases import selectors as case_selectors
from civica.cases import services as case_services
from civica.core.permissions import SYSTEM
from civica.directory import selectors as directory_selectors
from civica.directory import services as directory_services
from civica.hub import selectors as hub_selectors
from civica.hub import services as hub_services
from civica.knowledge import selectors as knowledge_selectors
from civica.knowledge import services as knowledge_services
from civica.mediation import selectors as mediation_selectors
from civica.mediation import services as mediation_services
from civica.mediation.models import MediationCase
from civica.organisations import selectors as organisation_selectors
from civica.organisations import services as organisation_services
from civica.organisations.models import Organisation, Territory

from .citizens import load_citizens
from .council import load_council
from .events import load_events
from .groups import load_groups
from .helpline import load_helpline
from .hub import load_hub
from .mediator_portal import load_mediator_portal
from .partnerships import load_partnerships
from .protection import load_protection
from .strategy import load_strategy
from .timebank import load_time_bank
from .world import (
    CENTRE_MEMBERS,
    DIRECTORY,
    KNOWLEDGE,
    MEDIATIONS,
    MEDIATORS,
    ORGANISATIONS,
    PEOPLE,
    PLATFORM_ADMIN,
    REQUESTS,
)

DEFAULT_PASSWORD = "civica-demo-2026"  # noqa: S105 - the published demo password; CIVICA_DEMO_PASSWORD overrides it


@dataclass
class DemoReport:
    organisations_created: int = 0
    people_created: int = 0
    memberships_created: int = 0
    cases_created: int = 0
    logins: list[tuple[str, str]] = field(default_factory=list)
    password: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.organisations_created or self.people_created or self.memberships_created or self.cases_created)


def demo_password() -> str:
    return os.environ.get("CIVICA_DEMO_PASSWORD") or DEFAULT_PASSWORD


def _person(email, first_name, last_name, language, password, report, **flags):
    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    if user is None:
        user = user_model.objects.create_user(
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            preferred_language=language,
            **flags,
        )
        report.people_created += 1
    elif not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


DATA = Path(organisation_services.__file__).resolve().parent / "data"


def _ensure_territories() -> None:
    """The shipped upper levels, plus the sample municipalities the demo's organisations sit in."""
    for name in ("territories.csv", "municipalities-sample.csv"):
        organisation_services.territories_load_csv(text=(DATA / name).read_text(encoding="utf-8"))


@transaction.atomic
def demo_load(*, pdf_copies: bool = True) -> DemoReport:
    """The demo world. `pdf_copies=False` skips LibreOffice for the documents' PDF copies (a few
    seconds each), for tests that only look at the rest."""
    _ensure_territories()
    report = DemoReport(password=demo_password())
    territories = {t.code: t for t in Territory.objects.all()}
    by_slug = {o.slug: o for o in Organisation.objects.filter(slug__in=[d["slug"] for d in ORGANISATIONS])}
    for data in ORGANISATIONS:
        if data["slug"] in by_slug:
            continue
        values = dict(data)
        values["territory"] = territories.get(values.pop("territory", None))
        parent = values.pop("parent", None)
        values["parent"] = by_slug[parent] if parent else None
        by_slug[data["slug"]] = organisation_services.organisation_create(actor=SYSTEM, data=values)
        report.organisations_created += 1

    email, first, last, language = PLATFORM_ADMIN
    _person(email, first, last, language, report.password, report, is_staff=True, is_superuser=True)
    report.logins.append((email, "Platform administrator"))
    for email, first, last, language, memberships in PEOPLE:
        user = _person(email, first, last, language, report.password, report)
        existing = set(organisation_selectors.roles_of(user))
        for slug, role, position, sensitive in memberships:
            organisation = by_slug[slug]
            if organisation.pk not in existing:
                organisation_services.membership_add(
                    actor=SYSTEM,
                    organisation=organisation,
                    user=user,
                    role=role,
                    position=position,
                    handles_sensitive_data=sensitive,
                )
                report.memberships_created += 1
        summary = ", ".join(
            f"{role} @ {by_slug[slug].short_name or by_slug[slug].name}" for slug, role, *_ in memberships
        )
        report.logins.append((email, summary))
    _requests(by_slug, report)
    _mediators(by_slug)
    _mediations(by_slug, report, pdf_copies=pdf_copies)
    load_mediator_portal(by_slug, report)
    _knowledge(by_slug)

    def person(email, first_name, last_name, language):
        return _person(email, first_name, last_name, language, report.password, report)

    load_time_bank(by_slug, person, report)
    load_helpline(by_slug, person, report)
    load_groups()
    load_strategy()
    load_protection(by_slug, person, report)
    _centre_members(by_slug)
    _directory(by_slug, territories)
    load_hub(by_slug)
    load_partnerships()
    load_events()
    load_council()
    load_citizens(by_slug, person, report)
    return report


def _centre_members(by_slug: dict) -> None:
    """The Athens centre's members, asked for and admitted through the same services as on the site."""
    User = get_user_model()
    for centre_slug, members in CENTRE_MEMBERS.items():
        centre = by_slug[centre_slug]
        decider = next(m.user for m in organisation_selectors.members_of(centre) if m.role == "admin")
        for slug, state, sectors, profile, representatives in members:
            organisation = by_slug[slug]
            if hub_selectors.membership_of(centre, organisation) is not None:
                continue
            membership = hub_services.membership_request(
                actor=SYSTEM,
                centre=centre,
                organisation=organisation,
                motivation=profile or organisation.name,
                sectors=sectors,
                system=True,
            )
            if state == "approved":
                hub_services.membership_decide(actor=decider, membership=membership, approve=True)
            membership.profile = profile
            membership.save(update_fields=["profile"])
            for email, title in representatives:
                membership.representatives.get_or_create(user=User.objects.get(email=email), defaults={"title": title})


def _directory(by_slug: dict, territories: dict) -> None:
    import uuid

    namespace = uuid.UUID("1c1b3a52-4f4e-4d5e-9e8a-3f0c2d9b7a61")
    for entry in DIRECTORY:
        service_id = uuid.uuid5(namespace, "service:" + entry["name"])
        if directory_selectors.service_exists(service_id):
            continue
        organisation = by_slug[entry["organisation"]]
        centre = by_slug[entry["centre"]] if entry["centre"] else None
        record = directory_services.organization_record_for(organisation=organisation, centre=centre)
        locations = []
        if "location" in entry:
            place = entry["location"]
            location_id = uuid.uuid5(namespace, "location:" + place["name"])
            location = directory_selectors.location_or_none(location_id) or directory_services.location_add(
                organization=record,
                name=place["name"],
                address_1=place["address_1"],
                city=place.get("city", "Αθήνα"),
                postal_code=place["postal_code"],
                country=place.get("country", "GR"),
                latitude=place["latitude"],
                longitude=place["longitude"],
                territory=organisation.territory,
                is_confidential=place.get("confidential", False),
                location_id=location_id,
            )
            locations.append(location)
        if "virtual" in entry:
            locations.append(
                directory_services.location_add(
                    organization=record,
                    name=entry["name"],
                    location_type="virtual",
                    url=entry["virtual"],
                    location_id=uuid.uuid5(namespace, "virtual:" + entry["name"]),
                )
            )
        directory_services.service_publish(
            organization=record,
            data={key: entry[key] for key in ("name", "description", "language", "translations", "categories")}
            | {"capacity": entry.get("capacity"), "vacancies": entry.get("vacancies")},
            locations=locations,
            languages=entry.get("languages", ()),
            fee=entry.get("fee"),
            service_id=service_id,
        )


def _knowledge(by_slug: dict) -> None:
    centre = by_slug["amr-centru-resurse"]
    published = set(knowledge_selectors.items_of(centre).values_list("versions__title", flat=True))
    staff = get_user_model().objects.get(email="mihai.ionescu@amr.example")
    for kind, visibility, title, body, translations, item_topics in KNOWLEDGE:
        if title in published:
            continue
        knowledge_services.item_publish(
            actor=staff,
            organisation=centre,
            kind=kind,
            visibility=visibility,
            title=title,
            body=body,
            language="ro",
            translations=translations,
            topics=item_topics,
        )


def _mediators(by_slug: dict) -> None:
    """Imported through the registry's CSV import, as a centre would; a second run updates nothing new."""
    header = ",".join(mediation_services.MEDIATOR_COLUMNS) + "\n"
    for (slug, admin_email), rows in MEDIATORS.items():
        if mediation_selectors.mediators_of(by_slug[slug]).exists():
            continue
        admin = get_user_model().objects.get(email=admin_email)
        mediation_services.mediators_import_csv(actor=admin, organisation=by_slug[slug], text=header + rows)


def _requests(by_slug: dict, report: DemoReport) -> None:
    """The resource centre's requests, each taken to its step by the centre's staff."""
    centre = by_slug["amr-centru-resurse"]
    known = set(case_selectors.cases_visible_to_organisation(centre).values_list("title", flat=True))
    people = {
        u.email: u
        for u in get_user_model().objects.filter(email__in=[r[0] for r in REQUESTS] + ["mihai.ionescu@amr.example"])
    }
    staff = people["mihai.ionescu@amr.example"]
    for email, organisation, title, summary, steps in REQUESTS:
        if title in known:
            continue
        case = case_services.case_open(
            actor=people[email],
            workflow="request",
            organisation=centre,
            requester_organisation=by_slug[organisation],
            title=title,
            summary=summary,
            language="ro",
        )
        if steps:
            case_services.case_set_owner(actor=staff, case=case, owner=staff)
        for step in steps:
            outcome = "Mediere recomandată; modelele de documente au fost transmise." if step == "close" else ""
            actor = people[email] if step == "withdraw" else staff
            case = case_services.case_transition(actor=actor, case=case, transition=step, outcome=outcome)
        report.cases_created += 1


def _mediations(by_slug: dict, report: DemoReport, *, pdf_copies: bool) -> None:
    """Mediations taken through the procedure by the people who would take each step, with their documents."""
    centre = by_slug["amr-centru-resurse"]
    known = set(case_selectors.cases_visible_to_organisation(centre).values_list("title", flat=True))
    users = get_user_model().objects
    staff = users.get(email="mihai.ionescu@amr.example")
    for data in MEDIATIONS:
        if data["title"] in known:
            continue
        requester = users.get(email=data["requester"])
        mediation = mediation_services.mediation_open(
            actor=requester,
            organisation=centre,
            requester_organisation=by_slug[data["requester_organisation"]],
            title=data["title"],
            summary=data["summary"],
            country="RO",
            matter=data["matter"],
            value=Decimal(data["value"]),
            public_body_party=True,
            other_parties=data["other_parties"],
            language="ro",
        )
        case = mediation.case
        case_services.case_set_owner(actor=staff, case=case, owner=staff)
        mediator = mediation_selectors.mediators_of(centre).get(authorisation_number=data["mediator"])
        selection = mediation_services.mediator_propose(actor=staff, mediation=mediation, mediator=mediator)
        report.cases_created += 1
        if not data["steps"]:
            continue
        mediation_services.mediator_declare(
            actor=staff, selection=selection, no_conflict=True, declaration="Nu am nicio legătură cu părțile."
        )
        mediation_services.mediator_accept(actor=requester, selection=selection)
        mediation_services.mediator_confirm(actor=staff, selection=selection, others_accepted=True)
        mediation_services.mediation_contract_clauses_set(
            actor=staff, mediation=mediation, clauses=[key for key, _label in MediationCase.RO_MANDATORY_CLAUSES]
        )
        make = partial(document_services.document_generate, actor=staff, pdf_copy=pdf_copies)
        make(
            case=case,
            kind_key="contract_ro",
            details={"fee": Decimal("2000"), "fee_sharing": "", "copies": 3},
            shared=True,
        )
        for step in data["steps"]:
            case = case_services.case_transition(actor=staff, case=case, transition=step)
        make(case=case, kind_key="mandate", details=data["mandate"])
        make(case=case, kind_key="agreement", details={"terms": data["agreement"], "place": "București"}, shared=True)
        case = case_services.case_transition(actor=staff, case=case, transition="agree", outcome=data["agreement"])
        make(
            case=case,
            kind_key="closing_minutes",
            details={"place": "București", "closed_on": timezone.localdate()},
            shared=True,
        )
