"""Loading the demo's groups through the groups and SDG services. Idempotent: skipped when present."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from civica.groups import selectors as group_selectors
from civica.groups import services as group_services
from civica.organisations.models import Organisation
from civica.sdg import selectors as sdg_selectors
from civica.sdg import services as sdg_services

from .groups_practices import load_practices
from .groups_world import ATHENS_COMMITTEES, SECTOR1_GROUP, SECTOR1_MEETINGS


def _people(emails):
    return {user.email: user for user in get_user_model().objects.filter(email__in=emails)}


def load_groups() -> int:
    sdg_services.reference_load()
    created = _sector1()
    created += _athens()
    created += load_practices()
    return created


def _sector1() -> int:
    spec = SECTOR1_GROUP
    organisation = Organisation.objects.get(slug=spec["organisation"])
    if group_selectors.groups_of(organisation).filter(name=spec["name"]).exists():
        return 0
    slugs = {slug for meeting in SECTOR1_MEETINGS for slug in meeting["institutions"]}
    slugs |= {m[2] for m in spec["members"]}
    slugs |= {p[2] for meeting in SECTOR1_MEETINGS for _t, _s, points in meeting["themes"] for p in points if p[2]}
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}
    emails = [spec["creator"], spec["prepared_by"]] + [m[0] for m in spec["members"]]
    emails += [p[3] for meeting in SECTOR1_MEETINGS for _t, _s, points in meeting["themes"] for p in points if p[3]]
    people = _people(emails)
    targets = {t.code: t for t in sdg_selectors.targets()}
    indicators = {i.code: i for i in sdg_selectors.indicators()}

    group = group_services.group_create(
        actor=people[spec["creator"]],
        organisation=organisation,
        name=spec["name"],
        kind=spec["kind"],
        visibility=spec["visibility"],
        description=spec["description"],
        language=spec["language"],
    )
    group.sdg_targets.set([targets[code] for code in spec["sdg_targets"]])
    for email, position, slug, starts_on in spec["members"]:
        group_services.member_add(
            actor=people[spec["creator"]],
            group=group,
            user=people[email],
            position=position,
            organisation=organisations[slug],
            starts_on=date.fromisoformat(starts_on),
        )
    coordinator = people[spec["coordinator"]]
    delivered = []
    points_by_text = {}
    for number, data in enumerate(SECTOR1_MEETINGS):
        start = timezone.make_aware(datetime.fromisoformat(data["start"]))
        meeting = group_services.meeting_schedule(
            actor=coordinator,
            group=group,
            title=data["title"],
            kind=data["kind"],
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place=data["place"],
            institutions=[organisations[slug] for slug in data["institutions"]],
            invite=False,  # meetings of 2019-2020: nobody is invited today
        )
        # What was promised earlier and delivered by now is resolved in this meeting.
        for follow_up in delivered:
            group_services.follow_up_update(actor=coordinator, follow_up=follow_up, status="done", resolved_in=meeting)
        delivered = []
        group_services.attendance_record(
            actor=coordinator,
            meeting=meeting,
            present_user_ids=list(meeting.participations.values_list("user_id", flat=True)),
        )
        minutes = group_services.minutes_start(actor=coordinator, meeting=meeting)
        group_services.minutes_update(
            actor=coordinator,
            minutes=minutes,
            introduction=data["introduction"],
            prepared_by=people[spec["prepared_by"]],
        )
        for title, target_codes, points in data["themes"]:
            theme = group_services.theme_add(
                actor=coordinator, minutes=minutes, title=title, sdg_targets=[targets[c] for c in target_codes]
            )
            for kind, text, slug, owner, indicator_codes, _done in points:
                point = group_services.point_add(
                    actor=coordinator,
                    theme=theme,
                    kind=kind,
                    text=text,
                    institution=organisations.get(slug) if slug else None,
                    owner=people.get(owner) if owner else None,
                    due_on=(start + timedelta(days=14)).date() if kind in ("information", "action") else None,
                    sdg_indicators=[indicators[c] for c in indicator_codes],
                )
                points_by_text[text] = point
        for step in ("submit", "approve", "publish"):
            minutes = group_services.minutes_transition(actor=coordinator, minutes=minutes, transition=step)
        for _title, _targets, points in data["themes"]:
            for _kind, text, _slug, _owner, _codes, done in points:
                if done:
                    delivered.append(points_by_text[text].follow_up)
        if data.get("swot"):
            analysis = group_services.swot_create(
                actor=coordinator, group=group, title="Analiza SWOT: siguranță și bună guvernare", meeting=meeting
            )
            for kind, text, linked in data["swot"]:
                points = [point for prefix in linked for key, point in points_by_text.items() if key.startswith(prefix)]
                group_services.swot_entry_add(actor=coordinator, analysis=analysis, kind=kind, text=text, points=points)
        del number
    _local_indicator(organisation, people[spec["creator"]], indicators)
    return 1


def _local_indicator(organisation, actor, indicators) -> None:
    spec = SECTOR1_GROUP["local_indicator"]
    if sdg_selectors.local_indicators_of(organisation).filter(name=spec["name"]).exists():
        return
    local = sdg_services.local_indicator_create(
        actor=actor,
        organisation=organisation,
        name=spec["name"],
        indicator=indicators[spec["indicator"]],
        unit=spec["unit"],
        baseline=Decimal(spec["baseline"]),
        baseline_year=spec["baseline_year"],
        target_value=Decimal(spec["target_value"]),
        target_year=spec["target_year"],
    )
    for measured_on, value in spec["measurements"]:
        sdg_services.measurement_record(
            actor=actor, local_indicator=local, measured_on=date.fromisoformat(measured_on), value=Decimal(value)
        )


def _athens() -> int:
    spec = ATHENS_COMMITTEES
    organisation = Organisation.objects.get(slug=spec["organisation"])
    existing = set(group_selectors.groups_of(organisation).values_list("name", flat=True))
    people = _people([spec["creator"], spec["housing_coordinator"]] + [m[0] for m in spec["members"]])
    member_organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=[m[2] for m in spec["members"]])}
    creator = people[spec["creator"]]
    created = 0
    first_meeting = timezone.localtime().replace(hour=11, minute=0, second=0, microsecond=0) + timedelta(days=7)
    for index, (name, description) in enumerate(spec["committees"]):
        if name in existing:
            continue
        committee = group_services.group_create(
            actor=creator,
            organisation=organisation,
            name=name,
            kind="committee",
            visibility="public",
            description=description,
            language=spec["language"],
        )
        for email, position, slug in spec["members"]:
            group_services.member_add(
                actor=creator,
                group=committee,
                user=people[email],
                position=position,
                organisation=member_organisations[slug],
            )
        if "Στέγασης" in name:
            group_services.member_add(
                actor=creator,
                group=committee,
                user=people[spec["housing_coordinator"]],
                position="coordinator",
                organisation=organisation,
            )
        start = first_meeting + timedelta(days=index)
        meeting = group_services.meeting_schedule(
            actor=creator,
            group=committee,
            title="Τακτική συνεδρίαση",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place="Κέντρο Συντονισμού, Δήμος Αθηναίων",
            video=True,
            invite=False,
        )
        for title, minutes, children in spec["agenda"]:
            parent = group_services.agenda_item_add(
                actor=creator, meeting=meeting, title=title, duration_minutes=minutes
            )
            for child, child_minutes in children:
                group_services.agenda_item_add(
                    actor=creator, meeting=meeting, title=child, duration_minutes=child_minutes, parent=parent
                )
        created += 1
    return created
