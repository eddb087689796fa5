# ruff: noqa: E501 - the catalogue is quoted as written
"""The demo's good practices: the Greek catalogue's entry for the Athens coordination centre (seed 004),
the Refugee Code Week it co-organised (seed 004), and the Oradea interoperability example presented in
the Sector 1 working group's meeting of 16 December 2019 (seed 003). Loaded through the knowledge services;
idempotent (a practice already recorded under its title is left as it is)."""

from datetime import date

from django.contrib.auth import get_user_model

from civica.groups import selectors as group_selectors
from civica.knowledge import selectors as knowledge_selectors
from civica.knowledge import services as knowledge_services
from civica.organisations.models import Organisation
from civica.sdg import selectors as sdg_selectors

ATHENS_CENTRE = {
    "organisation": "accmr",
    "actor": "eleni.papadopoulou@athens.example",
    "language": "el",
    "website": "https://www.accmr.gr",
    "sdg_targets": ["16.6", "16.7"],
    "values": {
        "title": "Κέντρο Συντονισμού του δήμου Αθηναίων για θέματα Μεταναστών και Προσφύγων",
        "promoter": "Δήμος Αθηναίων",
        "thematic_unit": "Συνεργασία με άλλους Φορείς",
        "goal": "Στόχος της καινοτόμου και μοναδικής – για τα ελληνικά δεδομένα – πρωτοβουλίας του δήμου Αθηναίων είναι η στήριξη του έργου του δήμου σε ό,τι αφορά τόσο την αποτελεσματικότερη ένταξη των μεταναστών και των προσφύγων στην ζωή της Αθήνας, όσο και τη διαχείριση έκτακτων (ή αυξητικά κλιμακούμενων) μεταναστευτικών ροών στην πόλη. Απαραίτητη προϋπόθεση για αυτό, αποτελεί η ανάπτυξη κουλτούρας συνεργασίας ανάμεσα στην τοπική αυτοδιοίκηση και στους φορείς που δραστηριοποιούνται σε θέματα ένταξης και κοινωνικής συνοχής (τοπικές και διεθνείς ΜΚΟ, διεθνείς οργανισμοί, κοινότητες μεταναστών και προσφύγων).",
        "audience": "Το Κέντρο Συντονισμού απευθύνεται άμεσα σε όλους τους φορείς που εμπλέκονται στους τομείς της υποστήριξης και της ένταξης των μεταναστών και των προσφύγων, όπως ΜΚΟ, διεθνείς οργανισμοί, κοινότητες μεταναστών και προσφύγων, άτυπες ομάδες, θεσμικές αρχές, ευρύτερα εκπρόσωποι της κοινωνίας των πολιτών, υπηρεσίες και φορείς του δήμου καθώς και δωρητές. Έμμεσα ωφελούμενοι είναι οι ίδιοι οι μετανάστες και οι πρόσφυγες.",
        "duration": "από το 2017 ως τον Αύγουστο 2018",
        "description": "Ο δήμος Αθηναίων, αναγνωρίζοντας την ανάγκη αξιοποίησης των συμπερασμάτων που άφησε πίσω της η εμπειρία της κρίσης υποδοχής ενός πολύ μεγάλου αριθμού προσφύγων και μεταναστών κατά την περίοδο 2015-2016, ανέλαβε την πρωτοβουλία δημιουργίας του Κέντρου Συντονισμού για θέματα Μεταναστών και Προσφύγων (ACCMR).\n\nΤο Κέντρο συστάθηκε και λειτουργεί από τον Ιούνιο του 2017 με αποκλειστική δωρεά από το Ίδρυμα Σταύρος Νιάρχος και με την υποστήριξη του Athens Partnership. Λειτουργεί ως ένας κόμβος συντονισμού για την παραγωγή προτάσεων και την υλοποίηση πρωτοβουλιών με τη συμμετοχή τοπικών και διεθνών ΜΚΟ, διεθνών οργανισμών, κοινοτήτων μεταναστών και προσφύγων και δημοτικών φορέων.\n\nΟι εργασίες του Κέντρου οργανώνονται σε πέντε επιτροπές εργασίας: νομική υποστήριξη, υγεία και κοινωνικές υπηρεσίες, στέγαση, εκπαίδευση, αγορά εργασίας.",
        "social_impact": "Μέσω συμμετοχικών, διαφανών διαδικασιών τα μέλη συνδιαμορφώνουν πολιτικές ένταξης και τον μηχανισμό ετοιμότητας της πόλης. Μέσα σε επτά μήνες διοργανώθηκαν 8 εκπαιδευτικά σεμινάρια/εργαστήρια. Η ψηφιακή πλατφόρμα www.accmr.gr δίνει μια ολοκληρωμένη εικόνα των διαθέσιμων υπηρεσιών. Τα μέλη διαμόρφωσαν 67 πιλοτικές δράσεις. Το Κέντρο συνέβαλε στη σύναψη 5 μνημονίων συνεργασίας με οργανώσεις.",
        "partners": "Σήμερα, το Κέντρο αριθμεί 75 μέλη, που συμμετέχουν στις εργασίες του με περισσότερους από 200 εκπροσώπους.",
        "staff_involved": "3 εργαζόμενοι",
        "benefits": "Σύναψη 7 Μνημονίων Συνεργασίας με δήμους της Ελλάδας για την ανταλλαγή τεχνογνωσίας. Οι οργανώσεις του Κέντρου συντελούν με την τεχνογνωσία τους στη βελτίωση των υπηρεσιών του δήμου (Capacity Building). Μέχρι σήμερα το Κέντρο έχει 8 συμμετοχές σε συνέδρια και εργαστήρια.",
        "place": "Αθήνα",
    },
    "translations": {
        "en": {
            "title": "The City of Athens Coordination Centre for Migrant and Refugee issues",
            "promoter": "City of Athens",
            "thematic_unit": "Cooperation with other bodies",
            "goal": "To support the city's work both on the more effective integration of migrants and refugees into the life of Athens and on managing sudden (or escalating) migration flows, by building a culture of cooperation between local government and the organisations working on integration and social cohesion (local and international NGOs, international organisations, migrant and refugee communities).",
            "audience": "Every organisation supporting and integrating migrants and refugees: NGOs, international organisations, migrant and refugee communities, informal groups, public authorities, civil society, the city's services and donors. Migrants and refugees themselves benefit indirectly.",
            "duration": "from 2017 to August 2018",
            "description": "Drawing on the reception crisis of 2015-2016, the City of Athens created the Coordination Centre for Migrant and Refugee issues (ACCMR). It has operated since June 2017, funded by a grant of the Stavros Niarchos Foundation and supported by the Athens Partnership. It is a coordination hub where local and international NGOs, international organisations, migrant and refugee communities and municipal bodies produce proposals and carry out initiatives.\n\nIts work is organised in five working committees: legal support, health and social services, housing, education, labour market.",
            "social_impact": "Members shape integration policies and the city's preparedness mechanism through participatory, transparent processes. 8 trainings and workshops in seven months; the digital platform www.accmr.gr maps the services available; 67 pilot actions designed by members; 5 memoranda of cooperation with organisations.",
            "partners": "75 members taking part through more than 200 representatives.",
            "staff_involved": "3 employees",
            "benefits": "7 memoranda of cooperation with Greek municipalities to exchange know-how; the members' expertise improves the city's services (capacity building); 8 participations in conferences and workshops.",
            "place": "Athens",
        },
        "ro": {
            "title": "Centrul de coordonare al municipiului Atena pentru migranți și refugiați",
            "promoter": "Municipiul Atena",
            "thematic_unit": "Cooperarea cu alte organizații",
            "goal": "Sprijinirea municipiului în integrarea mai eficientă a migranților și refugiaților și în gestionarea fluxurilor migratorii neașteptate, printr-o cultură a cooperării între administrația locală și organizațiile care lucrează pentru integrare și coeziune socială.",
            "description": "Creat în iunie 2017 după criza de primire din 2015-2016, cu o donație a Fundației Stavros Niarchos și sprijinul Athens Partnership, centrul este un nod de coordonare între ONG-uri locale și internaționale, organizații internaționale, comunități de migranți și refugiați și servicii municipale. Lucrările sunt organizate în cinci comisii: sprijin juridic, sănătate și servicii sociale, locuire, educație, piața muncii.",
            "partners": "75 de membri, cu peste 200 de reprezentanți.",
            "place": "Atena",
        },
        "it": {
            "title": "Il Centro di coordinamento del Comune di Atene per migranti e rifugiati",
            "promoter": "Comune di Atene",
            "thematic_unit": "Cooperazione con altri enti",
            "goal": "Sostenere il Comune nell'integrazione più efficace di migranti e rifugiati e nella gestione di flussi migratori improvvisi, creando una cultura di cooperazione tra amministrazione locale e organizzazioni attive per l'integrazione e la coesione sociale.",
            "description": "Nato nel giugno 2017 dall'esperienza della crisi di accoglienza del 2015-2016, con una donazione della Fondazione Stavros Niarchos e il sostegno di Athens Partnership, il Centro è un nodo di coordinamento tra ONG locali e internazionali, organizzazioni internazionali, comunità di migranti e rifugiati e servizi comunali. Il lavoro è organizzato in cinque commissioni: assistenza legale, salute e servizi sociali, alloggio, istruzione, mercato del lavoro.",
            "partners": "75 membri con oltre 200 rappresentanti.",
            "place": "Atene",
        },
    },
}

CODE_WEEK = {
    "organisation": "accmr",
    "actor": "eleni.papadopoulou@athens.example",
    "language": "el",
    "website": "",
    "sdg_targets": ["16.7"],
    "values": {
        "title": "Refugee Code Week: εκπαίδευση νέων προσφύγων στον προγραμματισμό",
        "promoter": "SAP Hellas, με συνδιοργανωτή το Κέντρο Συντονισμού του δήμου Αθηναίων",
        "thematic_unit": "Αγορά εργασίας",
        "goal": "Το πρώτο βήμα νέων προσφύγων προς την αγορά εργασίας, με τις βασικές αρχές του προγραμματισμού.",
        "audience": "Πρόσφυγες ηλικίας 11 - 25 χρονών.",
        "description": "Μέσω της διοργάνωσης της SAP Hellas «Refugee Code Week», στην οποία το Κέντρο Συντονισμού συμμετείχε ως συνδιοργανωτής, περισσότεροι από 350 πρόσφυγες ηλικίας 11 - 25 χρονών εκπαιδεύτηκαν στις βασικές αρχές του προγραμματισμού κι έκαναν το πρώτο βήμα για την απόκτηση ενός πολύ σημαντικού εφοδίου που θα τους βοηθήσει στην ένταξή τους στην αγορά εργασίας.",
        "social_impact": "Περισσότεροι από 350 νέοι πρόσφυγες εκπαιδεύτηκαν.",
        "partners": "SAP Hellas, Κέντρο Συντονισμού του δήμου Αθηναίων για θέματα Μεταναστών και Προσφύγων",
        "place": "Αθήνα",
    },
    "translations": {
        "en": {
            "title": "Refugee Code Week: teaching young refugees to code",
            "promoter": "SAP Hellas, co-organised by the City of Athens Coordination Centre",
            "thematic_unit": "Labour market",
            "goal": "A first step of young refugees towards the labour market, through the basics of programming.",
            "audience": "Refugees aged 11 to 25.",
            "description": 'In SAP Hellas\'s "Refugee Code Week", which the Coordination Centre co-organised, more than 350 refugees aged 11 to 25 learned the basics of programming: a first step towards a skill that helps them join the labour market.',
            "social_impact": "More than 350 young refugees trained.",
            "place": "Athens",
        },
    },
}

ORADEA = {
    "actor": "mariuca.constantin@primarie-s1.example",
    "meeting_on": date(2019, 12, 16),
    "language": "ro",
    "website": "",
    "sdg_targets": ["16.6"],
    "values": {
        "title": "Interoperabilitate: Primăria Oradea prin Reforma Administrației Publice Locale",
        "promoter": "Primăria Municipiului Oradea",
        "thematic_unit": "Integritate și transparență",
        "goal": "Digitalizare și transparență prin interoperabilitate între sistemele instituțiilor publice locale.",
        "description": "Prezentată de expertele grupului de lucru ca exemplu de bună practică la tema „Integritate și transparență”, printre soluțiile propuse: digitalizare autonomă și transparență (birocratizare și arhivare electronică; sistem de control intern digitalizat) și interoperabilitate, după modelul Primăriei Oradea prin Reforma Administrației Publice Locale.",
        "place": "Oradea",
    },
    "translations": {
        "en": {
            "title": "Interoperability: Oradea City Hall's local public administration reform",
            "promoter": "Oradea City Hall",
            "thematic_unit": "Integrity and transparency",
            "goal": "Digitalisation and transparency through interoperability between the systems of local public institutions.",
            "description": "Presented by the working group's experts as an example of good practice under the theme \"Integrity and transparency\", among the proposed solutions: digitalisation and transparency (electronic records and archives; a digital internal control system) and interoperability, following Oradea City Hall's local public administration reform.",
            "place": "Oradea",
        },
    },
}


def load_practices() -> int:
    """The practices of the demo; returns how many were recorded by this run."""
    people = {u.email: u for u in get_user_model().objects.filter(email__in=[ATHENS_CENTRE["actor"], ORADEA["actor"]])}
    targets = {target.code: target for target in sdg_selectors.targets()}
    created = 0
    centre = Organisation.objects.get(slug=ATHENS_CENTRE["organisation"])
    known = set(knowledge_selectors.practices_of(centre).values_list("title", flat=True))
    for spec in (ATHENS_CENTRE, CODE_WEEK):
        if spec["values"]["title"] in known:
            continue
        knowledge_services.practice_create(
            actor=people[spec["actor"]],
            organisation=centre,
            language=spec["language"],
            values=spec["values"],
            translations=spec["translations"],
            sdg_targets=[targets[code] for code in spec["sdg_targets"]],
            website=spec["website"],
        )
        created += 1
    sector1 = Organisation.objects.get(slug="primaria-sector-1")
    if not knowledge_selectors.practices_of(sector1).filter(title=ORADEA["values"]["title"]).exists():
        meeting = (
            group_selectors.groups_of(sector1)
            .get(name="Siguranța cetățeanului și buna guvernare")
            .meetings.get(starts_at__date=ORADEA["meeting_on"])
        )
        knowledge_services.practice_create(
            actor=people[ORADEA["actor"]],
            organisation=sector1,
            language=ORADEA["language"],
            values=ORADEA["values"],
            translations=ORADEA["translations"],
            sdg_targets=[targets[code] for code in ORADEA["sdg_targets"]],
            meeting=meeting,
        )
        created += 1
    return created
