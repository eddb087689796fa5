"""The Athens coordination centre's pilot actions and memoranda (seed 004), through the partnerships
services. Idempotent: each record is looked up by its title first."""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from civica.organisations.models import Organisation, Territory
from civica.partnerships import selectors as partnership_selectors
from civica.partnerships import services as partnership_services
from civica.sdg import selectors as sdg_selectors

CENTRE = "accmr"
COORDINATOR = "eleni.papadopoulou@athens.example"

# (title, lead slug, partner slugs, budget, starts, ends, description, steps, text of the last step, indicators)
# indicators: (name, unit, baseline, target, achieved, SDG indicator code or "")
PILOT_ACTIONS = [
    (
        "Refugee Code Week: προγραμματισμός για νέους πρόσφυγες",
        "accmr",
        ["diethnis-organismos-metanastefsis", "scholeio-ellinikon-enilikon"],
        Decimal("18000"),
        date(2025, 10, 1),
        date(2025, 10, 31),
        "Με τη SAP Hellas ως συνδιοργανωτή: εισαγωγή στον προγραμματισμό για πρόσφυγες 11 έως 25 ετών, "
        "ένα πρώτο εφόδιο για την αγορά εργασίας.",
        ["approve", "start", "evaluate"],
        "Περισσότεροι από 350 πρόσφυγες 11-25 ετών εκπαιδεύτηκαν στις βασικές αρχές του προγραμματισμού.",
        [("Νέοι πρόσφυγες που εκπαιδεύτηκαν", "άτομα", "0", "300", "352", "")],
    ),
    (
        "Κοινό γραφείο νομικής υποστήριξης για θέματα στέγασης",
        "nomiki-voitheia-prosfygon",
        ["stegi-filoxenias-athinas", "dimos-athinaion"],
        Decimal("42500"),
        date(2026, 3, 1),
        date(2027, 2, 28),
        "Δικηγόροι της οργάνωσης και κοινωνικοί λειτουργοί του δήμου εξυπηρετούν από κοινού ενοικιαστές "
        "πρόσφυγες που απειλούνται με έξωση.",
        ["approve", "start"],
        "",
        [
            ("Υποθέσεις που εξυπηρετήθηκαν", "υποθέσεις", "0", "200", "86", "16.3.3"),
            ("Εξώσεις που αποφεύχθηκαν", "νοικοκυριά", "0", "60", "21", ""),
        ],
    ),
    (
        "Διερμηνεία στα δημοτικά ιατρεία",
        "koinoniko-iatreio-athinas",
        ["koinotita-metanaston-athinas"],
        Decimal("15000"),
        date(2026, 9, 1),
        date(2027, 6, 30),
        "Διερμηνείς από τις κοινότητες μεταναστών στα δημοτικά ιατρεία, δύο ημέρες την εβδομάδα.",
        ["approve"],
        "",
        [("Επισκέψεις με διερμηνέα", "επισκέψεις", "0", "1500", None, "")],
    ),
    (
        "Μαθήματα ελληνικών για γονείς μαθητών",
        "koinotita-metanaston-athinas",
        ["dimos-athinaion"],
        Decimal("9600"),
        date(2027, 1, 15),
        date(2027, 6, 15),
        "Απογευματινά μαθήματα ελληνικών στα σχολεία της γειτονιάς, για να μιλούν οι γονείς με τους εκπαιδευτικούς.",
        [],
        "",
        [],
    ),
    (
        "Λεωφορείο πληροφόρησης στις πλατείες",
        "diethnis-organismos-metanastefsis",
        [],
        Decimal("120000"),
        None,
        None,
        "Κινητή μονάδα πληροφόρησης για νεοαφιχθέντες.",
        ["reject"],
        "Το κόστος υπερβαίνει τα διαθέσιμα κονδύλια· οι ίδιες πληροφορίες δίνονται ήδη από την πλατφόρμα.",
        [],
    ),
]

# (title, party slugs, scope, signed on, expires on, with a signed PDF)
MEMORANDA = [
    (
        "Μνημόνιο συνεργασίας με τον Δήμο Αθηναίων για το Κέντρο Συντονισμού",
        ["dimos-athinaion"],
        "Λειτουργία του Κέντρου Συντονισμού στο πλαίσιο της Αντιδημαρχίας Μεταναστών, Προσφύγων και Δημοτικής "
        "Αποκέντρωσης· ανταλλαγή δεδομένων για τις υπηρεσίες και κοινές δράσεις ένταξης.",
        date(2024, 6, 1),
        date(2028, 5, 31),
        True,
    ),
    (
        "Μνημόνιο συνεργασίας με τον Διεθνή Οργανισμό Μετανάστευσης",
        ["diethnis-organismos-metanastefsis"],
        "Αμοιβαία υποστήριξη στην ένταξη στην αγορά εργασίας και κοινές εκπαιδεύσεις για τα μέλη του Κέντρου.",
        date(2024, 1, 15),
        date(2026, 12, 31),
        False,
    ),
    (
        "Μνημόνιο συνεργασίας για νομική συνδρομή",
        ["nomiki-voitheia-prosfygon", "stegi-filoxenias-athinas"],
        "Παραπομπές για νομική συνδρομή σε θέματα ασύλου και στέγασης, με κοινό πρωτόκολλο.",
        None,
        None,
        False,
    ),
]


def _pdf(title: str) -> bytes:
    """A one-page PDF that says what it stands for (the demo has no scanned signatures)."""
    text = title.encode("ascii", "replace").decode().replace("(", "[").replace(")", "]")
    stream = f"BT /F1 14 Tf 50 780 Td (Civica demo: {text[:70]}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def load_partnerships() -> int:
    centre = Organisation.objects.get(slug=CENTRE)
    coordinator = get_user_model().objects.get(email=COORDINATOR)
    by_slug = {
        o.slug: o
        for o in Organisation.objects.filter(
            kind__in=["ngo", "international", "community", "informal_group", "municipality", "centre"]
        )
    }
    athens = Territory.objects.filter(country="GR", name__icontains="Αθην").order_by("level").first()
    created = 0
    known = set(
        partnership_selectors.pilot_action_list(user=coordinator, centre=centre).values_list("title", flat=True)
    )
    indicators = {indicator.code: indicator for indicator in sdg_selectors.indicators()}
    for title, lead, partners, budget, starts, ends, description, steps, text, measures in PILOT_ACTIONS:
        if title in known:
            continue
        action = partnership_services.pilot_action_propose(
            actor=coordinator,
            centre=centre,
            lead=by_slug[lead],
            title=title,
            description=description,
            partners=[by_slug[slug] for slug in partners],
            territory=athens,
            budget=budget,
            starts_on=starts,
            ends_on=ends,
        )
        for name, unit, baseline, target, achieved, code in measures:
            partnership_services.indicator_add(
                actor=coordinator,
                action=action,
                name=name,
                unit=unit,
                baseline=Decimal(baseline),
                target=Decimal(target),
                achieved=Decimal(achieved) if achieved is not None else None,
                sdg_indicator=indicators.get(code),
            )
        for index, step in enumerate(steps):
            last = index == len(steps) - 1
            action = partnership_services.pilot_action_transition(
                actor=coordinator, action=action, transition=step, text=text if last else ""
            )
        created += 1
    kept = set(
        partnership_selectors.memorandum_list(user=coordinator, organisation=centre).values_list("title", flat=True)
    )
    for title, parties, scope, signed_on, expires_on, with_document in MEMORANDA:
        if title in kept:
            continue
        partnership_services.memorandum_create(
            actor=coordinator,
            organisation=centre,
            title=title,
            scope=scope,
            parties=[by_slug[slug] for slug in parties],
            signed_on=signed_on,
            expires_on=expires_on,
            document=SimpleUploadedFile("mnimonio.pdf", _pdf(title), "application/pdf") if with_document else None,
        )
        created += 1
    return created
