"""The demo's council (seed 003 asked for councillors' attendance, votes and initiatives online): Bucharest
Sector 1's local council with its 27 seats, party groups and specialised committees, three past sittings
with attendance and roll-call votes, published decisions, and two draft decisions in public debate with
recommendations. The councillors' names are invented; the shape (27 seats, five groups, the committees
the Administrative Code requires) is Sector 1's. Loaded through the council's services. Idempotent."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from civica.core.permissions import SYSTEM
from civica.council import selectors as council_selectors
from civica.council import services as council_services
from civica.organisations.models import Organisation

NAME = "Consiliul Local al Sectorului 1"
TERM_START = datetime.date(2024, 10, 25)
GROUPS = [("USR", 8), ("PSD", 7), ("PNL", 6), ("AUR", 3), ("Forța Dreptei", 3)]
FIRST = ["Andreea", "Bogdan", "Cătălina", "Dragoș", "Elena", "Florin", "Gabriela", "Horia", "Ioana"]
LAST = ["Popescu", "Ionescu", "Dumitru", "Stoica", "Marinescu", "Niculescu", "Tudor", "Voicu", "Rusu"]
COMMITTEES = [
    "Comisia de buget, finanțe și patrimoniu",
    "Comisia de urbanism și amenajarea teritoriului",
    "Comisia juridică și de disciplină",
    "Comisia pentru asistență socială, sănătate și învățământ",
]
# (title, justification, votes pattern: every n-th councillor votes against)
SITTINGS = [
    (
        "Ședința ordinară din luna septembrie",
        -75,
        "Aprobarea rectificării bugetului local al Sectorului 1 pe anul 2025",
        5,
    ),
    ("Ședința ordinară din luna octombrie", -45, "Aprobarea Strategiei locale de siguranță civică a Sectorului 1", 9),
    ("Ședința ordinară din luna noiembrie", -15, "Aprobarea publicării online a contractelor de achiziție publică", 0),
]
DEBATES = [
    (
        "Regulamentul privind transmiterea online a ședințelor Consiliului Local",
        "Cetățenii au cerut acces mai ușor la ședințele consiliului (grupul de lucru, 2019).",
        [("andrei.stan@politia-s1.example", "Înregistrările să rămână publice cel puțin patru ani.")],
    ),
    (
        "Raportul anual de activitate al consilierilor locali: model unic de publicare",
        "Legea cere rapoarte anuale; un model unic le face comparabile.",
        [("dan.munteanu@cpeca-s1.example", "Raportul să includă și prezența la ședințele comisiilor.")],
    ),
]


def load_council() -> int:
    organisation = Organisation.objects.get(slug="primaria-sector-1")
    if council_selectors.councils_visible_to(SYSTEM).filter(organisation=organisation, name=NAME).exists():
        return 0
    body = council_services.body_create(actor=SYSTEM, organisation=organisation, name=NAME, size=27)
    committees = [
        council_services.body_create(actor=SYSTEM, organisation=organisation, name=n, kind="committee", parent=body)
        for n in COMMITTEES
    ]
    councillors = []
    for group_name, seats in GROUPS:
        group = council_services.body_create(
            actor=SYSTEM, organisation=organisation, name=group_name, kind="group", parent=body
        )
        for _ in range(seats):
            i = len(councillors)
            person = council_services.person_create(actor=SYSTEM, body=body, name=f"{FIRST[i % 9]} {LAST[(i * 4) % 9]}")
            council_services.seat_add(actor=SYSTEM, person=person, body=body, start_date=TERM_START, group=group)
            council_services.seat_add(
                actor=SYSTEM,
                person=person,
                body=committees[i % 4],
                role="chair" if i < 4 else "member",
                start_date=TERM_START,
            )
            councillors.append(person)
    mayor = council_services.person_create(actor=SYSTEM, body=body, name="Primarul Sectorului 1")
    council_services.seat_add(actor=SYSTEM, person=mayor, body=body, role="mayor", start_date=TERM_START)
    secretary = council_services.person_create(actor=SYSTEM, body=body, name="Secretarul general al Sectorului 1")
    council_services.seat_add(actor=SYSTEM, person=secretary, body=body, role="secretary", start_date=TERM_START)
    now = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    for number, (title, days, motion_title, against_every) in enumerate(SITTINGS):
        initiators = councillors[number * 3 : number * 3 + 2] if number == 2 else ()
        motion = council_services.motion_create(
            actor=SYSTEM,
            body=body,
            title=motion_title,
            initiator="councillors" if initiators else "mayor",
            initiators=initiators,
            justification="Referat de aprobare al inițiatorului.",
        )
        council_services.committee_opinion_add(actor=SYSTEM, motion=motion, committee=committees[0], favourable=True)
        starts = now + datetime.timedelta(days=days)
        sitting = council_services.sitting_convene(
            actor=SYSTEM,
            body=body,
            title=title,
            starts_at=starts,
            place="Sala de consiliu, Bd. Banu Manta 9",
            stream_url="https://www.youtube.com/@primariasector1",
            items=[
                {"kind": "draft_decision", "title": motion_title, "motion": motion},
                {
                    "kind": "question",
                    "title": "Întrebare privind iluminatul public din Parcul Bazilescu",
                    "person": councillors[number],
                },
            ],
        )
        absent = {councillors[(number * 7 + k) % 27] for k in range(number + 1)}
        statuses = {p: ("excused" if p in absent else "present") for p in councillors}
        statuses[councillors[20]] = "late"
        council_services.attendance_record(actor=SYSTEM, sitting=sitting, statuses=statuses)
        votes = [
            (p, "absent" if p in absent else "no" if against_every and i % against_every == 0 else "yes")
            for i, p in enumerate(councillors)
        ]
        council_services.vote_record(
            actor=SYSTEM, sitting=sitting, motion=motion, held_at=starts + datetime.timedelta(hours=1), votes=votes
        )
        council_services.decision_publish(
            actor=SYSTEM, motion=motion, official_id=f"MOL-S1-{starts.year}-{number + 101}"
        )
    users = {u.email: u for u in get_user_model().objects.filter(email__in=[r[0] for d in DEBATES for r in d[2]])}
    for title, justification, recommendations in DEBATES:
        motion = council_services.motion_create(
            actor=SYSTEM, body=body, title=title, initiator="mayor", justification=justification
        )
        council_services.motion_open_debate(
            actor=SYSTEM, motion=motion, deadline=datetime.date.today() + datetime.timedelta(days=25)
        )
        for email, text in recommendations:
            if email in users:
                council_services.recommendation_add(actor=users[email], motion=motion, text=text)
    return 1
