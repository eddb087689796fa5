"""The demo world, drawn from the five seed documents: real organisations, invented people.

Organisations' texts are in their own language. People's addresses use the reserved .example domain.
"""

ORGANISATIONS = [
    # --- Romania: the association of municipalities and its resource centre (seed 000) ---
    {
        "slug": "amr",
        "name": "Asociația Municipiilor din România",
        "short_name": "AMR",
        "kind": "municipal_association",
        "country": "RO",
        "territory": "RO-179169",
        "language": "ro",
        "website": "https://amr.ro",
        "phone": "021 312 2476",
        "address": "Casa Municipiilor, str. Matei Basarab nr. 63, Sector 3, București",
        "description": "Asociația Municipiilor din România reprezintă municipiile țării și sprijină autoritățile "
        "publice locale în dialogul cu cetățenii.",
    },
    {
        "slug": "amr-centru-resurse",
        "name": "Centrul de resurse și informare pentru mediere (AMR)",
        "short_name": "Centrul de resurse",
        "kind": "centre",
        "country": "RO",
        "territory": "RO-179169",
        "parent": "amr",
        "language": "ro",
        "website": "https://amr.ro/infomediere/",
        "phone": "021 312 2476",
        "address": "Casa Municipiilor, str. Matei Basarab nr. 63, Sector 3, București",
        "office_hours": "Luni – vineri, 9:00 – 17:00",
        "description": "Centrul de resurse și informare sprijină autoritățile publice locale în soluționarea "
        "disputelor cu cetățenii prin mediere: informare, consultanță și analiză pe cazurile "
        "raportate. Program de lucru: 9:00 – 17:00.",
    },
    # --- Bucharest Sector 1 (seed 003) ---
    {
        "slug": "primaria-sector-1",
        "name": "Primăria Sectorului 1",
        "kind": "municipality",
        "country": "RO",
        "territory": "RO-179141",
        "language": "ro",
        "description": "Primăria Sectorului 1 al Municipiului București găzduiește grupul de lucru "
        "„Siguranța cetățenilor și bună guvernare”.",
    },
    {
        "slug": "politia-locala-sector-1",
        "name": "Poliția Locală Sector 1",
        "kind": "public_agency",
        "agency_type": "local_police",
        "country": "RO",
        "territory": "RO-179141",
        "parent": "primaria-sector-1",
        "language": "ro",
        "description": "Poliția Locală a Sectorului 1: ordine publică, Biroul Mobil, programe de prevenire în școli.",
    },
    {
        "slug": "dgaspc-sector-1",
        "name": "Direcția Generală de Asistență Socială și Protecția Copilului Sector 1",
        "short_name": "DGASPC Sector 1",
        "kind": "public_agency",
        "agency_type": "social_services",
        "country": "RO",
        "territory": "RO-179141",
        "parent": "primaria-sector-1",
        "language": "ro",
        "description": "Servicii sociale și protecția copilului; serviciu specializat pentru cazurile de violență "
        "domestică.",
    },
    {
        "slug": "ana-cpeca-sector-1",
        "name": "Agenția Națională Antidrog – Centrul de Prevenire, Evaluare și Consiliere Antidrog Sector 1",
        "short_name": "CPECA Sector 1",
        "kind": "public_agency",
        "agency_type": "anti_drug",
        "country": "RO",
        "territory": "RO-179141",
        "language": "ro",
        "description": "Prevenirea consumului de droguri, evaluare și consiliere.",
    },
    {
        "slug": "asociatia-anais",
        "name": "Asociația Anais",
        "kind": "ngo",
        "country": "RO",
        "territory": "RO-179141",
        "language": "ro",
        "contacts_confidential": True,
        "address": "Adresă confidențială – contact prin DGASPC Sector 1",
        "phone": "0800 500 333",
        "description": "Organizație neguvernamentală care sprijină victimele violenței domestice; partener al "
        "grupului de lucru din Sectorul 1.",
    },
    # --- The Romanian NGO and the social services of three cities (seed 001) ---
    {
        "slug": "asociatia-cries",
        "name": "Asociația CRIES – Centrul de Resurse pentru Inițiative Etice și Solidare",
        "short_name": "CRIES",
        "kind": "ngo",
        "country": "RO",
        "territory": "RO-155243",
        "language": "ro",
        "description": "Inițiatorul grupului de lucru pilot pentru elaborarea participativă a strategiilor locale de "
        "dezvoltare a serviciilor sociale (metodologia SPIRAL).",
    },
    {
        "slug": "primaria-cluj-napoca",
        "name": "Primăria Municipiului Cluj-Napoca",
        "kind": "municipality",
        "country": "RO",
        "territory": "RO-54975",
        "language": "ro",
    },
    {
        "slug": "das-cluj-napoca",
        "name": "Direcția de Asistență Socială și Medicală Cluj-Napoca",
        "kind": "public_agency",
        "agency_type": "social_services",
        "country": "RO",
        "territory": "RO-54975",
        "parent": "primaria-cluj-napoca",
        "language": "ro",
    },
    {
        "slug": "primaria-sibiu",
        "name": "Primăria Municipiului Sibiu",
        "kind": "municipality",
        "country": "RO",
        "territory": "RO-143450",
        "language": "ro",
    },
    {
        "slug": "das-sibiu",
        "name": "Direcția de Asistență Socială Sibiu",
        "kind": "public_agency",
        "agency_type": "social_services",
        "country": "RO",
        "territory": "RO-143450",
        "parent": "primaria-sibiu",
        "language": "ro",
    },
    {
        "slug": "primaria-timisoara",
        "name": "Primăria Municipiului Timișoara",
        "kind": "municipality",
        "country": "RO",
        "territory": "RO-155243",
        "language": "ro",
        "description": "Timișoara este primul oraș unde a fost semnată, în 2011, Charta responsabilităților "
        "sociale partajate.",
    },
    {
        "slug": "das-timisoara",
        "name": "Direcția de Asistență Socială Timișoara",
        "kind": "public_agency",
        "agency_type": "social_services",
        "country": "RO",
        "territory": "RO-155243",
        "parent": "primaria-timisoara",
        "language": "ro",
    },
    # --- Italy: the mediation rooms, the youth helpline, the social time bank (seed 002) ---
    {
        "slug": "stanze-della-mediazione",
        "name": "Le Stanze della Mediazione",
        "kind": "mediation_body",
        "country": "IT",
        "territory": "IT-075035",
        "language": "it",
        "description": "Un luogo neutrale per la mediazione civile e commerciale, la mediazione familiare, il "
        "counseling e la formazione in ambito sociale; promuove una rete di servizi locali in "
        "partenariato pubblico-privato.",
    },
    {
        "slug": "sos-amico-giovani",
        "name": "S.O.S. Amico Giovani",
        "kind": "centre",
        "country": "IT",
        "territory": "IT-075035",
        "parent": "stanze-della-mediazione",
        "language": "it",
        "description": "Consigli immediati e un punto di riferimento per l'ascolto e il dialogo, via WhatsApp o "
        "e-mail.",
    },
    {
        "slug": "banca-del-tempo-sociale",
        "name": "Banca del tempo sociale",
        "kind": "informal_group",
        "country": "IT",
        "territory": "IT-075035",
        "parent": "stanze-della-mediazione",
        "language": "it",
        "description": "Le persone mettono a disposizione le proprie abilità scambiando unità di tempo: lezioni di "
        "cucina, baby sitting, giardinaggio, yoga, ripetizioni scolastiche.",
    },
    # --- Greece: the City of Athens coordination centre and members (seed 004) ---
    {
        "slug": "dimos-athinaion",
        "name": "Δήμος Αθηναίων",
        "short_name": "Δήμος Αθηναίων",
        "kind": "municipality",
        "country": "GR",
        "territory": "GR-9186",
        "language": "el",
        "website": "https://www.cityofathens.gr",
        "fiscal_id": "090025537",
        "description": "Ο Δήμος Αθηναίων είναι έδρα του Κεντρικού Τομέα της Αττικής, με 664.046 κατοίκους "
        "(απογραφή 2011).",
    },
    {
        "slug": "accmr",
        "name": "Κέντρο Συντονισμού του Δήμου Αθηναίων για θέματα Μεταναστών και Προσφύγων",
        "short_name": "ACCMR",
        "kind": "centre",
        "country": "GR",
        "territory": "GR-9186",
        "parent": "dimos-athinaion",
        "language": "el",
        "website": "https://www.accmr.gr",
        "description": "Κόμβος συντονισμού τοπικών και διεθνών ΜΚΟ, διεθνών οργανισμών, κοινοτήτων μεταναστών και "
        "προσφύγων και δημοτικών φορέων. 75 μέλη, πέντε επιτροπές εργασίας.",
    },
    {
        "slug": "koinotita-metanaston-athinas",
        "name": "Κοινότητα Μεταναστών Αθήνας (demo)",
        "kind": "community",
        "country": "GR",
        "territory": "GR-9186",
        "language": "el",
        "description": "Κοινότητα μεταναστών, μέλος του Κέντρου Συντονισμού.",
    },
    {
        "slug": "diethnis-organismos-metanastefsis",
        "name": "Διεθνής Οργανισμός Μετανάστευσης – Γραφείο Ελλάδας",
        "short_name": "IOM Ελλάδας",
        "kind": "international",
        "country": "GR",
        "territory": "GR-9186",
        "language": "el",
    },
    {
        "slug": "stegi-filoxenias-athinas",
        "name": "Ξενώνας Φιλοξενίας Γυναικών (demo)",
        "kind": "ngo",
        "country": "GR",
        "territory": "GR-9186",
        "language": "el",
        "is_public": False,
        "contacts_confidential": True,
        "address": "Εμπιστευτική διεύθυνση",
        "phone": "210 000 0000",
        "description": "Ξενώνας φιλοξενίας· η διεύθυνση δεν δημοσιεύεται.",
    },
    {
        "slug": "nomiki-voitheia-prosfygon",
        "name": "Νομική Βοήθεια Προσφύγων (demo)",
        "kind": "ngo",
        "country": "GR",
        "territory": "GR-9186",
        "language": "el",
        "description": "Δωρεάν νομική συνδρομή σε αιτούντες άσυλο και πρόσφυγες, μέλος του Κέντρου Συντονισμού.",
    },
    {
        "slug": "koinoniko-iatreio-athinas",
        "name": "Κοινωνικό Ιατρείο Αθήνας (demo)",
        "kind": "ngo",
        "country": "GR",
        "territory": "GR-9186",
        "language": "el",
        "description": "Πρωτοβάθμια φροντίδα υγείας και ψυχοκοινωνική στήριξη χωρίς χρέωση.",
    },
    {
        "slug": "scholeio-ellinikon-enilikon",
        "name": "Σχολείο Ελληνικών για Ενήλικες (demo)",
        "kind": "informal_group",
        "country": "GR",
        "territory": "GR-9186",
        "language": "el",
        "description": "Εθελοντικά μαθήματα ελληνικής γλώσσας για ενήλικες πρόσφυγες και μετανάστες.",
    },
]

# (e-mail, first name, last name, language, [(organisation slug, role, position, handles sensitive data)])
PEOPLE = [
    (
        "ana.popescu@amr.example",
        "Ana",
        "Popescu",
        "ro",
        [("amr-centru-resurse", "admin", "Coordonator regional", False), ("amr", "admin", "Director executiv", False)],
    ),
    (
        "mihai.ionescu@amr.example",
        "Mihai",
        "Ionescu",
        "ro",
        [("amr-centru-resurse", "staff", "Responsabil rețea regională", False)],
    ),
    (
        "elena.dumitrescu@mediatori.example",
        "Elena",
        "Dumitrescu",
        "ro",
        [("amr-centru-resurse", "expert", "Mediator autorizat", False)],
    ),
    (
        "ioana.marin@primarie-s1.example",
        "Ioana",
        "Marin",
        "ro",
        [("primaria-sector-1", "admin", "Director, Direcția Juridică", False)],
    ),
    (
        "andrei.stan@politia-s1.example",
        "Andrei",
        "Stan",
        "ro",
        [("politia-locala-sector-1", "staff", "Agent principal, Biroul Mobil", False)],
    ),
    (
        "maria.georgescu@dgaspc-s1.example",
        "Maria",
        "Georgescu",
        "ro",
        [("dgaspc-sector-1", "admin", "Manager de caz, violență domestică", True)],
    ),
    ("cristina.vasile@anais.example", "Cristina", "Vasile", "ro", [("asociatia-anais", "admin", "Psiholog", True)]),
    # The Sector 1 working group's coordinator, expert and research assistant (seed 003)
    (
        "mariuca.constantin@primarie-s1.example",
        "Măriuca Oana",
        "Constantin",
        "ro",
        [("primaria-sector-1", "staff", "Coordonator grup de lucru", False)],
    ),
    (
        "oana.dervis@experti.example",
        "Oana",
        "Derviș",
        "ro",
        [("primaria-sector-1", "expert", "Expert grup de lucru", False)],
    ),
    (
        "teofana.cepoi@experti.example",
        "Teofana",
        "Cepoi",
        "ro",
        [("primaria-sector-1", "expert", "Asistent de cercetare", False)],
    ),
    (
        "dan.munteanu@cpeca-s1.example",
        "Dan",
        "Munteanu",
        "ro",
        [("ana-cpeca-sector-1", "member", "Consilier antidrog", False)],
    ),
    (
        "radu.constantin@cries.example",
        "Radu",
        "Constantin",
        "ro",
        [
            ("asociatia-cries", "admin", "Coordonator de proiect", False),
            ("das-timisoara", "member", "Facilitator grup de lucru", False),
        ],
    ),
    (
        "giulia.rossi@stanze.example",
        "Giulia",
        "Rossi",
        "it",
        [
            ("stanze-della-mediazione", "admin", "Responsabile dell'organismo", False),
            ("sos-amico-giovani", "admin", "Coordinatrice", True),
        ],
    ),
    (
        "marco.bianchi@stanze.example",
        "Marco",
        "Bianchi",
        "it",
        [
            ("stanze-della-mediazione", "staff", "Segreteria", False),
            ("banca-del-tempo-sociale", "admin", "Tesoriere", False),
        ],
    ),
    (
        "luca.ferrari@stanze.example",
        "Luca",
        "Ferrari",
        "it",
        [("stanze-della-mediazione", "expert", "Mediatore civile e familiare", False)],
    ),
    (
        "eleni.papadopoulou@athens.example",
        "Ελένη",
        "Παπαδοπούλου",
        "el",
        [("accmr", "admin", "Συντονίστρια", False), ("dimos-athinaion", "staff", "Υπάλληλος", False)],
    ),
    (
        "nikos.georgiou@athens.example",
        "Νίκος",
        "Γεωργίου",
        "el",
        [("accmr", "staff", "Υπεύθυνος επιτροπής στέγασης", False)],
    ),
    (
        "sofia.karagianni@iom.example",
        "Σοφία",
        "Καραγιάννη",
        "el",
        [("diethnis-organismos-metanastefsis", "member", "Εκπρόσωπος στο Κέντρο Συντονισμού", False)],
    ),
    (
        "dimitra.alexiou@nomiki.example",
        "Δήμητρα",
        "Αλεξίου",
        "el",
        [("nomiki-voitheia-prosfygon", "staff", "Δικηγόρος, υπεύθυνη υπηρεσιών", False)],
    ),
    (
        "katerina.vlachou@stegi.example",
        "Κατερίνα",
        "Βλάχου",
        "el",
        [("stegi-filoxenias-athinas", "admin", "Συντονίστρια ξενώνα", True)],
    ),
]

PLATFORM_ADMIN = ("admin@civica.example", "Platform", "Administrator", "en")

# Requests from local authorities to the AMR resource centre (seed 000), each taken to a given step.
# (requester e-mail, requesting organisation, title, summary, steps taken by the centre's staff)
REQUESTS = [
    (
        "ioana.marin@primarie-s1.example",
        "primaria-sector-1",
        "Dispută cu locatarii privind reabilitarea termică a blocului din str. Buzești",
        "Asociația de proprietari contestă repartizarea costurilor. Solicităm analiza cazului și informații despre "
        "mediere: costuri, durată, documente necesare.",
        [],
    ),
    (
        "ioana.marin@primarie-s1.example",
        "primaria-sector-1",
        "Informații: procedura de mediere pentru litigii privind taxa de salubrizare",
        "Care sunt pașii, ce mandat trebuie să primească reprezentantul primăriei și cine aprobă înțelegerea?",
        ["triage"],
    ),
    (
        "radu.constantin@cries.example",
        "asociatia-cries",
        "Consultanță: conflict între furnizorii de servicii sociale și beneficiari la Timișoara",
        "Beneficiarii centrului de zi reclamă programul redus. Dorim o sesiune de informare despre mediere.",
        ["analyse"],
    ),
    (
        "ioana.marin@primarie-s1.example",
        "primaria-sector-1",
        "Analiză de caz: despăgubiri pentru lucrări la rețeaua de apă",
        "Un comerciant cere despăgubiri pentru închiderea străzii timp de trei luni.",
        ["triage", "ask_requester"],
    ),
    (
        "radu.constantin@cries.example",
        "asociatia-cries",
        "Model de contract de mediere pentru o autoritate publică",
        "Aveți un model de contract de mediere cu clauzele obligatorii din Legea 192/2006?",
        ["analyse", "answer"],
    ),
    (
        "ioana.marin@primarie-s1.example",
        "primaria-sector-1",
        "Litigiu privind autorizația de construire pentru o anexă gospodărească",
        "Proprietarul contestă refuzul autorizației. Ce soluții au funcționat în alte primării?",
        ["triage", "analyse", "answer", "close"],
    ),
    (
        "radu.constantin@cries.example",
        "asociatia-cries",
        "Sesiune de informare pentru consilierii locali din Timișoara",
        "Cererea a fost retrasă: sesiunea s-a organizat direct cu primăria.",
        ["withdraw"],
    ),
]

# Mediations at the resource centre (seed 000): one taken from the dispute to the closing minutes, with
# every document, and one just opened, its mediator proposed. Steps are taken by the centre's staff.
MEDIATIONS = [
    {
        "requester": "ioana.marin@primarie-s1.example",
        "requester_organisation": "primaria-sector-1",
        "title": "Repartizarea costurilor de reabilitare termică – blocul din str. Buzești nr. 12",
        "summary": "Asociația de proprietari contestă cota-parte a primăriei din costurile lucrărilor. Primăria "
        "propune medierea înaintea unui proces.",
        "matter": "public_service",
        "value": "120000",
        "other_parties": "Asociația de proprietari Buzești 12",
        "mediator": "RO-DEMO-1001",
        "steps": ["sign_contract", "start_sessions", "seek_mandate"],
        "mandate": {
            "representative": "Andrei Ionescu",
            "position": "Director, Direcția juridică",
            "legal_opinion": "Avizul Direcției juridice nr. 1.204 din 3 noiembrie 2026",
            "act": "Dispoziția Primarului Sectorului 1 nr. 2.245 din 5 noiembrie 2026",
            "limits": "Primăria poate suporta cel mult 35% din costul lucrărilor, plătit în două tranșe anuale.",
        },
        "agreement": "Primăria suportă 30% din costul lucrărilor, în două tranșe (martie și septembrie 2027); "
        "asociația renunță la orice alte pretenții privind aceste lucrări.",
    },
    {
        "requester": "ioana.marin@primarie-s1.example",
        "requester_organisation": "primaria-sector-1",
        "title": "Taxa de salubrizare – contestația comercianților din Piața Amzei",
        "summary": "Comercianții contestă modul de calcul al taxei pentru 2026. Primăria dorește o soluție amiabilă.",
        "matter": "public_service",
        "value": "18000",
        "other_parties": "Asociația comercianților din Piața Amzei",
        "mediator": "RO-DEMO-1001",
        "steps": [],
    },
]

# Mediators listed by the resource centre and by the Italian mediation rooms (imported as CSV).
MEDIATORS = {
    ("amr-centru-resurse", "ana.popescu@amr.example"): (
        "Elena Dumitrescu,elena.dumitrescu@mediatori.example,0722 000 101,RO,ro_consiliul_de_mediere,"
        "RO-DEMO-1001,public_service|urban_planning|civil_other,ro|en,RO-403|RO-179141,available,da,800,2500,"
        "Onorariu negociat; costurile se împart în mod egal.\n"
        "Gheorghe Pop,gheorghe.pop@mediatori.example,,RO,ro_consiliul_de_mediere,RO-DEMO-1002,"
        "family|inheritance|lease,ro|hu,RO-127,limited,nu,600,1800,Prima ședință de informare gratuită.\n"
    ),
    ("stanze-della-mediazione", "giulia.rossi@stanze.example"): (
        "Luca Ferrari,luca.ferrari@stanze.example,,IT,it_registro_organismi,IT-DEMO-2001,"
        "condominium|lease|inheritance|family,it|en,IT-075,available,sì,,,Indennità secondo il D.M. 150/2023.\n"
    ),
}

# The resource centre's knowledge library (seed 000): information, methodology, questions and a model form.
KNOWLEDGE = [
    (
        "information",
        "public",
        "Ce este medierea și când o pot folosi autoritățile locale",
        "Medierea este o modalitate de soluționare amiabilă a conflictelor, cu ajutorul unui mediator autorizat de "
        "Consiliul de Mediere. Autoritățile publice locale o pot folosi în disputele cu cetățenii privind serviciile "
        "publice, taxele locale, autorizațiile sau contractele.",
        {
            "en": {
                "title": "What mediation is and when local authorities can use it",
                "body": "Mediation settles disputes amicably with the help of a mediator authorised by the Mediation "
                "Council. Local authorities can use it in disputes with citizens about public services, "
                "local taxes, permits or contracts.",
            }
        },
        ["public_services", "local_taxes"],
    ),
    (
        "methodology",
        "public",
        "Circuitul decizional: de la avizul juridic la mandatul reprezentantului",
        "1. Compartimentul juridic emite un aviz asupra oportunității medierii. 2. Primarul sau consiliul local "
        "acordă mandat reprezentantului. 3. Reprezentantul semnează contractul de mediere. 4. Înțelegerea finală se "
        "semnează numai în limitele mandatului.",
        {},
        ["contracts"],
    ),
    (
        "faq",
        "public",
        "Cât costă medierea și cine plătește?",
        "Onorariul se negociază cu mediatorul și se împarte în mod egal între părți, dacă nu se convine altfel "
        "(Legea 192/2006). Ședința de informare este gratuită.",
        {},
        [],
    ),
    (
        "model_form",
        "members",
        "Model de mandat pentru reprezentantul primăriei în mediere",
        "Modelul cuprinde: părțile, obiectul litigiului, limitele mandatului, durata și obligația de informare a "
        "primarului. Se completează de compartimentul juridic.",
        {},
        ["contracts"],
    ),
    (
        "good_practice",
        "public",
        "Bună practică: medierea disputei privind reabilitarea termică a blocurilor din Cluj-Napoca",
        "Primăria și asociațiile de proprietari au convenit, prin mediere, un calendar de plată în tranșe și o "
        "comisie comună de recepție a lucrărilor. Litigiile au fost evitate, iar lucrările s-au încheiat la termen.",
        {
            "en": {
                "title": "Good practice: mediating the thermal rehabilitation dispute in Cluj-Napoca",
                "body": "Through mediation the city hall and the owners' associations agreed on payment in instalments "
                "and a joint committee to accept the works. Court cases were avoided and the works ended on time.",
            }
        },
        ["public_works", "housing"],
    ),
]

# The social time bank of Le Stanze della Mediazione (seed 002): members exchange skills in hours.
TIME_BANK = {
    "organisation": "banca-del-tempo-sociale",
    "admin": "marco.bianchi@stanze.example",
    "data": {
        "name": "Banca del tempo sociale",
        "description": "Le persone mettono a disposizione le proprie abilità scambiando unità di tempo: un'ora di "
        "yoga vale un'ora di ripetizioni. Anche il tempo dedicato all'organizzazione di eventi e incontri è "
        "valutato come tempo.",
        "place": "Perugia",
        "credit_limit_minutes": 600,
        "max_balance_minutes": 3000,
        "rounding_minutes": 15,
        "auto_confirm_days": 14,
        "cheque_deadline_days": 30,
        "insurance_required": False,
    },
    # email, first name, last name, skills, (minor's guardian or "")
    "members": [
        ("anna.esposito@bdt.example", "Anna", "Esposito", "Lezioni di cucina tradizionale umbra", ""),
        ("paolo.romano@bdt.example", "Paolo", "Romano", "Giardinaggio e potatura", ""),
        ("chiara.colombo@bdt.example", "Chiara", "Colombo", "Lezioni di yoga per principianti", ""),
        ("francesca.ricci@bdt.example", "Francesca", "Ricci", "Taglio e piega (parrucchiera)", ""),
        ("giorgio.marino@bdt.example", "Giorgio", "Marino", "Ripetizioni di matematica e fisica", ""),
        ("sara.greco@bdt.example", "Sara", "Greco", "Baby sitting il pomeriggio", ""),
        ("tommaso.conti@bdt.example", "Tommaso", "Conti", "Aiuto con il computer e lo smartphone", "Elisa Conti"),
    ],
    "pending_request": ("roberto.gallo@bdt.example", "Roberto", "Gallo", "Piccole riparazioni in casa"),
    # kind, title, category, owner, place, availability
    "listings": [
        (
            "offer",
            "Lezioni di cucina: la torta al testo",
            "cooking",
            "anna.esposito@bdt.example",
            "Perugia centro",
            "sabato mattina",
        ),
        (
            "offer",
            "Cura dell'orto e potatura",
            "gardening",
            "paolo.romano@bdt.example",
            "Ponte San Giovanni",
            "fine settimana",
        ),
        (
            "offer",
            "Yoga dolce al parco",
            "yoga",
            "chiara.colombo@bdt.example",
            "Parco Chico Mendes",
            "martedì e giovedì, 18:00",
        ),
        ("offer", "Taglio e piega a domicilio", "hairdressing", "francesca.ricci@bdt.example", "Perugia", "lunedì"),
        (
            "offer",
            "Ripetizioni di matematica (medie e superiori)",
            "tutoring",
            "giorgio.marino@bdt.example",
            "Biblioteca di San Matteo degli Armeni",
            "pomeriggio",
        ),
        ("offer", "Baby sitting pomeridiano", "babysitting", "sara.greco@bdt.example", "Perugia", "dalle 16 alle 19"),
        (
            "request",
            "Cerco aiuto per imparare a usare lo smartphone",
            "computers",
            "anna.esposito@bdt.example",
            "Perugia centro",
            "mattina",
        ),
        ("request", "Cerco qualcuno che mi insegni a cucinare", "cooking", "giorgio.marino@bdt.example", "", "sera"),
    ],
    # provider, receiver, category, description, minutes, days ago (confirmed unless "pending")
    "exchanges": [
        (
            "anna.esposito@bdt.example",
            "giorgio.marino@bdt.example",
            "cooking",
            "Lezione di cucina: la torta al testo",
            120,
            95,
            "confirmed",
        ),
        (
            "giorgio.marino@bdt.example",
            "sara.greco@bdt.example",
            "tutoring",
            "Ripetizioni di matematica per il figlio",
            90,
            80,
            "confirmed",
        ),
        ("chiara.colombo@bdt.example", "anna.esposito@bdt.example", "yoga", "Lezione di yoga", 60, 62, "confirmed"),
        ("sara.greco@bdt.example", "paolo.romano@bdt.example", "babysitting", "Baby sitting", 180, 45, "confirmed"),
        (
            "paolo.romano@bdt.example",
            "francesca.ricci@bdt.example",
            "gardening",
            "Potatura degli ulivi",
            150,
            33,
            "confirmed",
        ),
        (
            "francesca.ricci@bdt.example",
            "chiara.colombo@bdt.example",
            "hairdressing",
            "Taglio e piega",
            60,
            20,
            "confirmed",
        ),
        (
            "tommaso.conti@bdt.example",
            "anna.esposito@bdt.example",
            "computers",
            "Configurazione dello smartphone",
            60,
            10,
            "confirmed",
        ),
        ("chiara.colombo@bdt.example", "paolo.romano@bdt.example", "yoga", "Yoga al parco", 60, 3, "pending"),
    ],
    # The bank fund pays the organisers of an event in one step.
    "event_payout": (
        "Festa di primavera della Banca del tempo",
        120,
        50,
        ["anna.esposito@bdt.example", "chiara.colombo@bdt.example", "giorgio.marino@bdt.example"],
    ),
    "donation": ("giorgio.marino@bdt.example", 30),
}

# The Athens centre's members (seed 004): (member slug, state, sectors, profile, [(representative e-mail, title)]).
CENTRE_MEMBERS = {
    "accmr": [
        (
            "nomiki-voitheia-prosfygon",
            "approved",
            ["legal"],
            "Νομική συνδρομή σε θέματα ασύλου και οικογενειακής επανένωσης.",
            [("dimitra.alexiou@nomiki.example", "Επιτροπή νομικής υποστήριξης")],
        ),
        ("koinoniko-iatreio-athinas", "approved", ["health_social"], "Ιατρείο και ψυχοκοινωνική στήριξη.", []),
        (
            "stegi-filoxenias-athinas",
            "approved",
            ["housing", "health_social"],
            "Ξενώνας για γυναίκες και παιδιά.",
            [("katerina.vlachou@stegi.example", "Επιτροπή στέγασης")],
        ),
        (
            "diethnis-organismos-metanastefsis",
            "approved",
            ["labour", "housing"],
            "Διεθνής οργανισμός· στήριξη στην ένταξη στην αγορά εργασίας.",
            [("sofia.karagianni@iom.example", "Επιτροπή απασχόλησης")],
        ),
        ("koinotita-metanaston-athinas", "approved", ["education"], "Κοινότητα μεταναστών.", []),
        ("scholeio-ellinikon-enilikon", "requested", ["education"], "", []),
    ],
}

# The directory (HSDS): services across the five sectors, one shelter at a confidential address, and a
# few Italian services from seed 002. Coordinates are the neighbourhoods', never a shelter's real place.
DIRECTORY = [
    {
        "organisation": "nomiki-voitheia-prosfygon",
        "centre": "accmr",
        "name": "Νομική συμβουλευτική για αιτούντες άσυλο",
        "description": "Δωρεάν νομική συμβουλή και εκπροσώπηση στη διαδικασία ασύλου και στις προσφυγές.",
        "language": "el",
        "translations": {
            "en": {
                "name": "Legal advice for asylum seekers",
                "description": "Free legal advice and representation in asylum procedures and appeals.",
            }
        },
        "categories": ["legal"],
        "languages": ["el", "en", "ar", "fa"],
        "location": {
            "name": "Γραφείο Κυψέλης",
            "address_1": "Φωκίωνος Νέγρη 25",
            "postal_code": "11361",
            "latitude": 37.9995,
            "longitude": 23.7402,
        },
    },
    {
        "organisation": "nomiki-voitheia-prosfygon",
        "centre": "accmr",
        "name": "Οικογενειακή επανένωση: ενημέρωση και αιτήσεις",
        "description": "Βοήθεια στις αιτήσεις οικογενειακής επανένωσης και στη συλλογή εγγράφων.",
        "language": "el",
        "translations": {"en": {"name": "Family reunification: information and applications"}},
        "categories": ["legal"],
        "languages": ["el", "en", "ar"],
        "virtual": "https://example.org/family-reunification",
    },
    {
        "organisation": "koinoniko-iatreio-athinas",
        "centre": "accmr",
        "name": "Κοινωνικό ιατρείο: πρωτοβάθμια φροντίδα",
        "description": "Γενικός ιατρός, παιδίατρος και φάρμακα χωρίς χρέωση, χωρίς ΑΜΚΑ.",
        "language": "el",
        "translations": {
            "en": {
                "name": "Social clinic: primary care",
                "description": "General practitioner, paediatrician and medicines free of charge.",
            }
        },
        "categories": ["health_social"],
        "languages": ["el", "en", "ar", "fa", "fr"],
        "location": {
            "name": "Ιατρείο Ομόνοιας",
            "address_1": "Σωκράτους 40",
            "postal_code": "10431",
            "latitude": 37.9838,
            "longitude": 23.7275,
        },
    },
    {
        "organisation": "koinoniko-iatreio-athinas",
        "centre": "accmr",
        "name": "Ψυχοκοινωνική στήριξη",
        "description": "Συνεδρίες με ψυχολόγο και διερμηνέα· ομάδες στήριξης.",
        "language": "el",
        "translations": {"en": {"name": "Psychosocial support"}},
        "categories": ["health_social"],
        "languages": ["el", "ar", "fa"],
        "fee": 5,
        "location": {
            "name": "Ιατρείο Ομόνοιας",
            "address_1": "Σωκράτους 40",
            "postal_code": "10431",
            "latitude": 37.9838,
            "longitude": 23.7275,
        },
    },
    {
        "organisation": "stegi-filoxenias-athinas",
        "centre": "accmr",
        "name": "Ξενώνας έκτακτης φιλοξενίας γυναικών και παιδιών",
        "description": "Ασφαλής φιλοξενία για γυναίκες και παιδιά που απειλούνται. Επικοινωνία μόνο μέσω του "
        "Κέντρου Συντονισμού ή της γραμμής SOS.",
        "language": "el",
        "translations": {"en": {"name": "Emergency shelter for women and children"}},
        "categories": ["housing", "health_social"],
        "languages": ["el", "en", "ar"],
        "capacity": 24,
        "vacancies": 3,
        "location": {
            "name": "Ξενώνας (εμπιστευτική διεύθυνση)",
            "address_1": "Εμπιστευτική οδός 1",
            "postal_code": "10000",
            "latitude": 37.99,
            "longitude": 23.75,
            "confidential": True,
        },
    },
    {
        "organisation": "diethnis-organismos-metanastefsis",
        "centre": "accmr",
        "name": "Πρόγραμμα ενοικίασης κατοικιών",
        "description": "Επιδότηση ενοικίου και συνοδεία στην αναζήτηση κατοικίας για αναγνωρισμένους πρόσφυγες.",
        "language": "el",
        "translations": {"en": {"name": "Rental housing programme"}},
        "categories": ["housing"],
        "languages": ["el", "en", "ar", "fa", "fr"],
        "location": {
            "name": "Γραφείο ΔΟΜ",
            "address_1": "Λεωφόρος Συγγρού 12",
            "postal_code": "11742",
            "latitude": 37.9680,
            "longitude": 23.7290,
        },
    },
    {
        "organisation": "diethnis-organismos-metanastefsis",
        "centre": "accmr",
        "name": "Συμβουλευτική απασχόλησης και βιογραφικά",
        "description": "Ατομική συμβουλευτική, σύνταξη βιογραφικού και σύνδεση με εργοδότες.",
        "language": "el",
        "translations": {"en": {"name": "Job counselling and CVs"}},
        "categories": ["labour"],
        "languages": ["el", "en", "fr"],
        "location": {
            "name": "Γραφείο ΔΟΜ",
            "address_1": "Λεωφόρος Συγγρού 12",
            "postal_code": "11742",
            "latitude": 37.9680,
            "longitude": 23.7290,
        },
    },
    {
        "organisation": "koinotita-metanaston-athinas",
        "centre": "accmr",
        "name": "Μαθήματα ελληνικών και εκμάθηση προγραμματισμού για νέους",
        "description": "Μαθήματα ελληνικής γλώσσας και εργαστήρια προγραμματισμού για νέους 11-25 ετών, "
        "στο πνεύμα της Refugee Code Week.",
        "language": "el",
        "translations": {"en": {"name": "Greek lessons and coding for young people"}},
        "categories": ["education", "labour"],
        "languages": ["el", "en", "ar", "fa"],
        "location": {
            "name": "Κοινοτικό κέντρο Πατησίων",
            "address_1": "Πατησίων 150",
            "postal_code": "11257",
            "latitude": 38.0040,
            "longitude": 23.7330,
        },
    },
    {
        "organisation": "stanze-della-mediazione",
        "centre": None,
        "name": "Mediazione familiare",
        "description": "Un luogo neutrale per risolvere i conflitti familiari attraverso l'incontro e il dialogo.",
        "language": "it",
        "translations": {"en": {"name": "Family mediation"}},
        "categories": ["legal", "health_social"],
        "languages": ["it"],
        "fee": 40,
        "location": {
            "name": "Le Stanze della Mediazione",
            "address_1": "Via Templari 9",
            "city": "Lecce",
            "postal_code": "73100",
            "country": "IT",
            "latitude": 40.3529,
            "longitude": 18.1743,
        },
    },
    {
        "organisation": "sos-amico-giovani",
        "centre": None,
        "name": "S.O.S. Amico Giovani",
        "description": "Consigli immediati e ascolto per i giovani, via WhatsApp o e-mail.",
        "language": "it",
        "translations": {
            "en": {
                "name": "S.O.S. Youth Friend",
                "description": "Advice and listening for young people by WhatsApp or e-mail.",
            }
        },
        "categories": ["health_social", "education"],
        "languages": ["it"],
        "virtual": "https://example.org/sos-amico-giovani",
    },
    {
        "organisation": "banca-del-tempo-sociale",
        "centre": None,
        "name": "Banca del tempo sociale",
        "description": "Le persone scambiano ore di tempo: lezioni, baby sitting, giardinaggio, ripetizioni.",
        "language": "it",
        "translations": {"en": {"name": "Social time bank"}},
        "categories": ["education"],
        "languages": ["it"],
        "location": {
            "name": "Sede della Banca del tempo",
            "address_1": "Via Templari 9",
            "city": "Lecce",
            "postal_code": "73100",
            "country": "IT",
            "latitude": 40.3529,
            "longitude": 18.1743,
        },
    },
]
