"""The Athens centre's trainings, seminars and conferences (seed 004: eight seminars and workshops in the
first seven months), with registrations and attendance, through the events services. Idempotent."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from civica.events import selectors as event_selectors
from civica.events import services as event_services
from civica.organisations.models import Organisation

CENTRE = "accmr"
COORDINATOR = "eleni.papadopoulou@athens.example"
PARTICIPANTS = [
    "dimitra.alexiou@nomiki.example",
    "katerina.vlachou@stegi.example",
    "sofia.karagianni@iom.example",
    "nikos.georgiou@athens.example",
]

# (title, kind, days from today, hours, place or "" for video, capacity, description,
#  participants (e-mails, then (name, e-mail) of people without an account), who attended (indexes))
EVENTS = [
    (
        "Εκπαίδευση: το δικαίωμα στη στέγαση για πρόσφυγες και αιτούντες άσυλο",
        "training",
        -45,
        3,
        "Κέντρο Συντονισμού, Αθήνα",
        25,
        "Εκπαιδευτικό σεμινάριο για τα μέλη του Κέντρου: νομικό πλαίσιο, προγράμματα στέγασης, παραπομπές.",
        [*PARTICIPANTS[:3], ("Γιώργος Παππάς", "g.pappas@example.org")],
        [0, 1, 3],
    ),
    (
        "Εργαστήριο: διαπολιτισμική διαμεσολάβηση στις δημοτικές υπηρεσίες",
        "seminar",
        -12,
        4,
        "Δημαρχείο Αθηνών, αίθουσα Α",
        20,
        "Εργαστήριο για υπαλλήλους του δήμου και διαμεσολαβητές των οργανώσεων-μελών.",
        PARTICIPANTS[1:4],
        [0, 1],
    ),
    (
        "Εκπαίδευση: πρόσβαση των προσφύγων στην αγορά εργασίας",
        "training",
        14,
        3,
        "",
        2,
        "Διαδικτυακή εκπαίδευση: άδειες εργασίας, αναγνώριση προσόντων, προγράμματα απασχόλησης.",
        PARTICIPANTS[:3],
        [],
    ),
    (
        "Συνέδριο: πόλεις υποδοχής και κοινωνική συνοχή",
        "conference",
        40,
        7,
        "Τεχνόπολις, Αθήνα",
        200,
        "Ετήσιο συνέδριο του Κέντρου με τα ευρωπαϊκά δίκτυα πόλεων.",
        [],
        [],
    ),
]


def load_events() -> int:
    centre = Organisation.objects.get(slug=CENTRE)
    users = {user.email: user for user in get_user_model().objects.filter(email__in=[COORDINATOR, *PARTICIPANTS])}
    coordinator = users[COORDINATOR]
    known = set(
        event_selectors.event_list(user=coordinator).filter(organisation=centre).values_list("title", flat=True)
    )
    created = 0
    today = timezone.localdate()
    for title, kind, days, hours, place, capacity, description, participants, attended in EVENTS:
        if title in known:
            continue
        start = timezone.make_aware(datetime.combine(today + timedelta(days=days), time(10, 0)))
        event = event_services.event_create(
            actor=coordinator,
            organisation=centre,
            title=title,
            kind=kind,
            starts_at=start,
            ends_at=start + timedelta(hours=hours),
            capacity=capacity,
            place=place,
            video=not place,
            description=description,
            language="el",
        )
        registrations = []
        for participant in participants:
            if isinstance(participant, tuple):
                name, email = participant
                registrations.append(
                    event_services.registration_add(actor=coordinator, event=event, name=name, email=email)
                )
            elif days > 0:
                registrations.append(event_services.registration_create(actor=users[participant], event=event))
            else:
                user = users[participant]
                registrations.append(
                    event_services.registration_add(
                        actor=coordinator,
                        event=event,
                        name=user.get_full_name(),
                        email=user.email,
                        user=user,
                        language=user.preferred_language,
                    )
                )
        if days < 0:
            event_services.attendance_record(
                actor=coordinator, event=event, present={registrations[index].uuid for index in attended}
            )
        created += 1
    return created
