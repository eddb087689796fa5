"""The Athens centre's coordination work (seed 004), built through the hub's own services: needs and gaps
that its five working committees found per sector (immediate and long-term priorities), linked to the
directory services that answer them; offers of support from people and companies in every state; and
the preparedness plan (inactive, with one past activation), its contact tree, capacities and tasks.
Skipped when the centre already has needs, so a second run changes nothing."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from civica.hub import selectors as hub_selectors
from civica.hub import services as hub_services
from civica.organisations.models import Organisation

# The committees in ATHENS_COMMITTEES' order, by sector.
COMMITTEE_SECTORS = ["legal", "health_social", "housing", "education", "labour"]

# (sector, priority, title, description, [directory service names that answer it])
NEEDS = [
    (
        "legal",
        "immediate",
        "Διερμηνεία σε συνεντεύξεις ασύλου",
        "Λείπουν διερμηνείς για φαρσί, πάστο και σομαλικά στις συνεντεύξεις της Υπηρεσίας Ασύλου.",
        [],
    ),
    (
        "legal",
        "long_term",
        "Νομική ενημέρωση για την οικογενειακή επανένωση",
        "Οι προθεσμίες χάνονται επειδή οι οικογένειες δεν γνωρίζουν τη διαδικασία.",
        ["Οικογενειακή επανένωση: ενημέρωση και αιτήσεις"],
    ),
    (
        "health_social",
        "immediate",
        "Πρόσβαση σε ΠΑΑΥΠΑ και πρωτοβάθμια φροντίδα για νεοαφιχθέντες",
        "Νεοαφιχθέντες χωρίς αριθμό περίθαλψης δεν εξυπηρετούνται στα κέντρα υγείας.",
        ["Κοινωνικό ιατρείο: πρωτοβάθμια φροντίδα"],
    ),
    (
        "health_social",
        "long_term",
        "Ψυχοκοινωνική στήριξη στα αραβικά και στα φαρσί",
        "Οι λίστες αναμονής ξεπερνούν τους τρεις μήνες.",
        ["Ψυχοκοινωνική στήριξη"],
    ),
    (
        "housing",
        "immediate",
        "Θέσεις φιλοξενίας για μονογονεϊκές οικογένειες",
        "Οι ξενώνες είναι πλήρεις· μητέρες με παιδιά περιμένουν σε προσωρινές λύσεις.",
        ["Ξενώνας έκτακτης φιλοξενίας γυναικών και παιδιών"],
    ),
    (
        "housing",
        "long_term",
        "Μετάβαση από τις δομές σε ανεξάρτητη στέγαση",
        "Λίγοι ιδιοκτήτες νοικιάζουν σε πρόσφυγες· χρειάζεται εγγύηση και διαμεσολάβηση.",
        ["Πρόγραμμα ενοικίασης κατοικιών"],
    ),
    (
        "education",
        "immediate",
        "Εγγραφή παιδιών στο σχολείο και μεταφορά",
        "Παιδιά από τις δομές δεν πηγαίνουν σχολείο επειδή δεν υπάρχει μεταφορά.",
        [],
    ),
    (
        "education",
        "long_term",
        "Απογευματινά μαθήματα ελληνικών για εργαζόμενους ενήλικες",
        "Τα πρωινά τμήματα δεν ταιριάζουν σε όσους εργάζονται.",
        ["Μαθήματα ελληνικών και εκμάθηση προγραμματισμού για νέους"],
    ),
    (
        "labour",
        "immediate",
        "Αρχική επαγγελματική συμβουλευτική",
        "Οι νέοι πρόσφυγες δεν ξέρουν πώς να γραφτούν στη ΔΥΠΑ και να φτιάξουν βιογραφικό.",
        ["Συμβουλευτική απασχόλησης και βιογραφικά"],
    ),
    (
        "labour",
        "long_term",
        "Αναγνώριση προσόντων και πτυχίων",
        "Γιατροί, μηχανικοί και δάσκαλοι εργάζονται σε ανειδίκευτες θέσεις χωρίς αναγνώριση πτυχίου.",
        [],
    ),
]

# A member proposes a need the centre has not yet accepted.
PROPOSED_NEED = (
    "dimitra.alexiou@nomiki.example",
    "legal",
    "immediate",
    "Νομική συνδρομή σε ασυνόδευτους ανηλίκους που ενηλικιώνονται",
    "Στα 18 χάνουν την επιτροπεία και τη φιλοξενία· χρειάζονται συμβουλή πριν από τα γενέθλια.",
)

# (data, final state, matched member slug, need titles, note)
OFFERS = [
    (
        {
            "offerer_kind": "company",
            "kind": "goods",
            "description": "300 κουβέρτες και 150 υπνόσακοι από το απόθεμά μας.",
            "quantity": "450 τεμάχια",
            "area": "Αθήνα, παράδοση με δικό μας φορτηγό",
            "contact_name": "Γιώργος Παππάς",
            "company_name": "Ορειβατικά Είδη Παππάς Α.Ε.",
            "contact_email": "g.pappas@oreivatika.example",
            "contact_phone": "+30 210 555 0101",
            "language": "el",
        },
        "offered",
        None,
        [],
        "",
    ),
    (
        {
            "offerer_kind": "individual",
            "kind": "volunteers",
            "description": "Είμαι διερμηνέας φαρσί και ελληνικών· μπορώ δύο απογεύματα την εβδομάδα.",
            "quantity": "8 ώρες την εβδομάδα",
            "area": "Κέντρο Αθήνας",
            "contact_name": "Σαχάρ Αχμαντί",
            "contact_email": "sahar.ahmadi@mail.example",
            "language": "el",
        },
        "matched",
        "nomiki-voitheia-prosfygon",
        ["Διερμηνεία σε συνεντεύξεις ασύλου"],
        "Για τις συνεντεύξεις ασύλου της Τρίτης και της Πέμπτης.",
    ),
    (
        {
            "offerer_kind": "company",
            "kind": "premises",
            "description": "Διαμέρισμα δύο δωματίων, επιπλωμένο, διαθέσιμο για έναν χρόνο χωρίς ενοίκιο.",
            "quantity": "1 διαμέρισμα, 4 άτομα",
            "area": "Κυψέλη",
            "contact_name": "Anna Schmidt",
            "company_name": "Schmidt Properties",
            "contact_email": "anna@schmidt-properties.example",
            "language": "en",
        },
        "accepted",
        "stegi-filoxenias-athinas",
        ["Θέσεις φιλοξενίας για μονογονεϊκές οικογένειες"],
        "Για μια μητέρα με τρία παιδιά.",
    ),
    (
        {
            "offerer_kind": "company",
            "kind": "expertise",
            "description": "Εργαστήριο προγραμματισμού για νέους πρόσφυγες 11–25 ετών (Refugee Code Week).",
            "quantity": "5 εκπαιδευτές, 2 εβδομάδες",
            "area": "Αθήνα",
            "contact_name": "Ελένη Μαυρίδου",
            "company_name": "SAP Hellas",
            "contact_email": "e.mavridou@sap-hellas.example",
            "language": "el",
        },
        "delivered",
        "diethnis-organismos-metanastefsis",
        ["Αρχική επαγγελματική συμβουλευτική"],
        "350 νέοι εκπαιδεύτηκαν.",
    ),
    (
        {
            "offerer_kind": "individual",
            "kind": "money",
            "description": "Δωρεά για σχολικά είδη.",
            "quantity": "200 ευρώ",
            "area": "",
            "contact_name": "Marco Rossi",
            "contact_email": "marco.rossi@mail.example",
            "language": "it",
        },
        "declined",
        None,
        [],
        "Το Κέντρο δεν δέχεται χρήματα· σας προτείναμε τον Σύλλογο Γονέων του 48ου Δημοτικού.",
    ),
]

# (representative e-mail, e-mail of the person who calls them or None for the centre)
CONTACT_TREE = [
    ("dimitra.alexiou@nomiki.example", None),
    ("sofia.karagianni@iom.example", None),
    ("katerina.vlachou@stegi.example", "sofia.karagianni@iom.example"),
]

# (member slug, kind, quantity, note)
CAPACITIES = [
    ("stegi-filoxenias-athinas", "beds", 12, ""),
    ("diethnis-organismos-metanastefsis", "interpreters", 4, ""),
    ("diethnis-organismos-metanastefsis", "beds", 30, ""),
    ("nomiki-voitheia-prosfygon", "staff", 3, ""),
    ("koinoniko-iatreio-athinas", "staff", 5, ""),
    ("koinoniko-iatreio-athinas", "other", 2, "Ιατρεία με εξοπλισμό πρώτων βοηθειών"),
]

# (title, member slug, due in days, status)
TASKS = [
    ("Απογραφή κενών θέσεων φιλοξενίας κάθε Δευτέρα", "stegi-filoxenias-athinas", 7, "doing"),
    ("Λίστα διαθέσιμων διερμηνέων ανά γλώσσα", "diethnis-organismos-metanastefsis", 14, "todo"),
    ("Ενημέρωση του οδηγού νομικής συνδρομής για έκτακτες αφίξεις", "nomiki-voitheia-prosfygon", 30, "todo"),
    ("Άσκηση ετοιμότητας με τον δήμο", "koinoniko-iatreio-athinas", -10, "done"),
]


def load_hub(by_slug: dict) -> None:
    centre: Organisation = by_slug["accmr"]
    if hub_selectors.centre_has_needs(centre):
        return
    people = get_user_model().objects.filter(email__endswith=".example")
    staff = people.get(email="eleni.papadopoulou@athens.example")
    committees = dict(zip(COMMITTEE_SECTORS, hub_selectors.committees_of(centre).order_by("pk"), strict=False))
    listed = {service.name: service for service in hub_selectors.services_of_centre(centre)}
    needs = {}
    for sector, priority, title, description, answered_by in NEEDS:
        needs[title] = hub_services.need_create(
            actor=staff,
            centre=centre,
            title=title,
            description=description,
            sector=sector,
            priority=priority,
            territory=centre.territory,
            committee=committees.get(sector),
            services=[listed[name] for name in answered_by if name in listed],
        )
    email, sector, priority, title, description = PROPOSED_NEED
    hub_services.need_create(
        actor=people.get(email=email),
        centre=centre,
        title=title,
        description=description,
        sector=sector,
        priority=priority,
        committee=committees.get(sector),
    )
    for data, state, member, need_titles, note in OFFERS:
        offer = hub_services.offer_submit(centre=centre, data={**data, "consent_to_contact": True})
        if state == "declined":
            hub_services.offer_transition(actor=staff, offer=offer, to="declined", note=note)
            continue
        if member is None:
            continue
        hub_services.offer_match(
            actor=staff,
            offer=offer,
            needs=[needs[title] for title in need_titles],
            organisation=by_slug[member],
            note=note,
        )
        for step in ("accepted", "delivered"):
            if state == "matched" or (state == "accepted" and step == "delivered"):
                break
            hub_services.offer_transition(actor=staff, offer=offer, to=step)
    # The plan is inactive; it was activated once, for the arrivals of a past summer.
    hub_services.emergency_activate(
        actor=staff, centre=centre, reason="Αυξημένες αφίξεις από τα νησιά: 600 άτομα σε μία εβδομάδα."
    )
    hub_services.emergency_deactivate(
        actor=staff, centre=centre, reason="Οι ροές επανήλθαν στα συνήθη επίπεδα· όλοι φιλοξενήθηκαν."
    )
    placed = {}
    for email, caller in CONTACT_TREE:
        representative = hub_selectors.representative_of(centre, email)
        if representative is None:
            continue
        placed[email] = hub_services.contact_add(
            actor=staff, centre=centre, representative=representative, caller=placed.get(caller)
        )
    memberships = {m.organisation.slug: m for m in hub_selectors.approved_memberships(centre)}
    for slug, kind, quantity, note in CAPACITIES:
        if slug in memberships:
            hub_services.capacity_report(
                actor=staff, membership=memberships[slug], kind=kind, quantity=quantity, note=note
            )
    today = date.today()
    for title, slug, days, status in TASKS:
        if slug not in memberships:
            continue
        task = hub_services.task_create(
            actor=staff, centre=centre, title=title, membership=memberships[slug], due=today + timedelta(days=days)
        )
        if status != "todo":
            hub_services.task_set_status(actor=staff, task=task, status=status)
