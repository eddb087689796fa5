# ruff: noqa: E501 - the minutes are quoted as written, one point per line
"""The demo's working groups: the Sector 1 working group's meetings and minutes (seed 003) and the
Athens coordination centre's five working committees (seed 004)."""

# Points: (kind, text, institution slug or None, owner e-mail or None, SDG indicator codes, delivered)
SECTOR1_MEETINGS = [
    {
        "title": "Întâlnirea grupului de lucru",
        "kind": "plenary",
        "start": "2019-12-16T10:00",
        "place": "Primăria Sectorului 1",
        "institutions": [],
        "introduction": (
            "În cadrul întâlnirii au fost stabilite trei subiecte extinse de discuție, rezultate din tematica generală "
            "a grupului de lucru. Pentru fiecare temă, expertele au prezentat obiectivele și măsurile derivate din "
            "ODD 16, indicatorii selectați și exemple de bune practici."
        ),
        "themes": [
            (
                "Infracționalitate și violență",
                ["16.1", "16.2"],
                [
                    ("problem", "Problema victimelor neînregistrate", None, None, ["16.3.1"], False),
                    (
                        "problem",
                        "Siguranța persoanelor aparținând grupurilor vulnerabile, în special a persoanelor fără adăpost, a femeilor și a copiilor",
                        None,
                        None,
                        ["16.1.3"],
                        False,
                    ),
                    (
                        "problem",
                        "Dificultățile poliției locale în colectarea datelor specifice, cu rol crucial pentru prevenirea eficientă a fenomenului",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "solution",
                        "Mecanisme mai bune de cooperare între primăriile de sector, Primăria Generală, Poliția Locală, DGASPC și ONG-uri",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "solution",
                        "Un plan de colaborare digitalizat care să centralizeze informațiile privind infracțiunile comise în sector",
                        None,
                        None,
                        [],
                        False,
                    ),
                ],
            ),
            (
                "Integritate și transparență",
                ["16.5", "16.6", "16.10"],
                [
                    ("problem", "Transparența decizională și bugetară", None, None, ["16.6.1"], False),
                    (
                        "problem",
                        "Posibilitatea de implicare efectivă în procesul decizional",
                        None,
                        None,
                        ["16.7.2"],
                        False,
                    ),
                    (
                        "solution",
                        "Afișarea online a contractelor de achiziții publice, a proiectelor în dezbatere publică și a rapoartelor de activitate ale consilierilor",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "solution",
                        "Instrumente de evaluare a activității aleșilor locali, cu rezultate accesibile online",
                        None,
                        None,
                        [],
                        False,
                    ),
                ],
            ),
            (
                "Instituții eficiente și incluzive",
                ["16.6", "16.7"],
                [
                    (
                        "decision",
                        "Digitalizarea sistemului Primăriei Sectorului 1 este prioritară pentru transparență și implicarea directă a cetățenilor",
                        None,
                        None,
                        [],
                        False,
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Întâlnire restrânsă: Poliția Locală și Agenția Națională Antidrog",
        "kind": "restricted",
        "start": "2020-01-28T10:00",
        "place": "Primăria Sectorului 1",
        "institutions": ["politia-locala-sector-1", "ana-cpeca-sector-1"],
        "introduction": "Scopul întâlnirii a fost de a identifica problemele întâmpinate de aceste organe și potențiale soluții.",
        "themes": [
            (
                "Poliția Locală",
                ["16.1"],
                [
                    (
                        "problem",
                        "Cooperarea limitată dintre Poliția Locală și Poliția Națională privind criminalitatea, delincvența juvenilă și violența domestică",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "solution",
                        "O strategie similară Planului de Cooperare 2011-2016: patrulare coordonată, supraveghere video, schimb de informații",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "information",
                        "Zonele cu potențial criminogen",
                        "politia-locala-sector-1",
                        "andrei.stan@politia-s1.example",
                        ["16.1.4"],
                        True,
                    ),
                    (
                        "information",
                        "Infracțiunile constatate de Poliția Locală a Sectorului 1",
                        "politia-locala-sector-1",
                        "andrei.stan@politia-s1.example",
                        ["16.1.3"],
                        True,
                    ),
                    (
                        "information",
                        "Raportul de activitate al Biroului Mobil",
                        "politia-locala-sector-1",
                        "andrei.stan@politia-s1.example",
                        [],
                        False,
                    ),
                ],
            ),
            (
                "Agenția Națională Antidrog",
                ["16.1"],
                [
                    ("problem", "Consumul ridicat de droguri în zonele cluburilor și liceelor", None, None, [], False),
                    ("problem", "Lipsa unei baze de date integrate", None, None, [], False),
                    (
                        "solution",
                        "O bază de date digitală integrată, cu un sistem de codificare",
                        None,
                        None,
                        [],
                        False,
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Întâlnire restrânsă: Primăria, Comisia de Monitorizare, Asociația Anais, ANA",
        "kind": "restricted",
        "start": "2020-01-29T10:00",
        "place": "Primăria Sectorului 1",
        "institutions": ["primaria-sector-1", "asociatia-anais", "ana-cpeca-sector-1"],
        "introduction": "Au fost abordate subiecte referitoare atât la siguranța cetățeanului, cât și la buna guvernare.",
        "themes": [
            (
                "Agenția Națională Antidrog",
                ["16.1"],
                [
                    (
                        "problem",
                        "Accesul dificil la date, cu unități de măsură care nu permit criterii specifice",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "solution",
                        "Intersectarea și integrarea strategiilor, mai ales pe teme legate de bugetele locale",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "information",
                        "Campaniile, proiectele și programele din ultimii ani; studii de prevalență",
                        "ana-cpeca-sector-1",
                        "dan.munteanu@cpeca-s1.example",
                        [],
                        True,
                    ),
                ],
            ),
            (
                "Asociația Anais",
                ["16.1", "16.2"],
                [
                    (
                        "problem",
                        "Absența unor centre specializate care să ofere servicii agregate victimelor violenței și agresorilor",
                        None,
                        None,
                        ["16.1.3"],
                        False,
                    ),
                    (
                        "problem",
                        "Informare insuficientă a specialiștilor privind ordinele de protecție provizorii",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "information",
                        "Cele mai recente date cu privire la violență pentru Sectorul 1",
                        "asociatia-anais",
                        "cristina.vasile@anais.example",
                        ["16.1.3", "16.3.1"],
                        False,
                    ),
                ],
            ),
            (
                "Primăria Sectorului 1",
                ["16.6", "16.10"],
                [
                    (
                        "problem",
                        "Lipsa de transparență a Primăriei Sectorului 1 privind strategiile și proiectele existente",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "information",
                        "Raportul Comisiei de Monitorizare: stadiul fiecărui departament, autoevaluare, riscuri, metodologia monitorizării interne",
                        "primaria-sector-1",
                        "ioana.marin@primarie-s1.example",
                        ["16.6.2"],
                        False,
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Întâlnire restrânsă: DGASPC Sector 1",
        "kind": "restricted",
        "start": "2020-01-30T10:00",
        "place": "Primăria Sectorului 1",
        "institutions": ["dgaspc-sector-1"],
        "introduction": "Au fost identificate problemele existente și potențialele soluții alături de reprezentanți ai DGASPC.",
        "themes": [
            (
                "Protecția victimelor și a copiilor",
                ["16.1", "16.2"],
                [
                    (
                        "problem",
                        "Identificarea beneficiarilor sociali, eligibilitatea și monitorizarea acestora: lipsa unei diagnoze sociale",
                        None,
                        None,
                        [],
                        False,
                    ),
                    ("problem", "Lipsa comunicării interinstituționale", None, None, [], False),
                    (
                        "solution",
                        "Un call-center interconectat cu DGASPC, specializat pentru cazurile de violență domestică",
                        None,
                        None,
                        [],
                        False,
                    ),
                    ("solution", "Formarea continuă a personalului din Protecția Copilului", None, None, [], False),
                    (
                        "information",
                        "Draftul Programului pentru Tineret și Asistență Socială",
                        "dgaspc-sector-1",
                        "maria.georgescu@dgaspc-s1.example",
                        [],
                        True,
                    ),
                ],
            ),
        ],
    },
    {
        "title": "Întâlnirea grupului de lucru: analiza SWOT",
        "kind": "plenary",
        "start": "2020-01-31T10:00",
        "place": "Piața Amzei, nr. 13 (sediul Primăriei Sectorului 1)",
        "institutions": [],
        "introduction": (
            "Expertele au prezentat problemele semnalate și potențialele soluții sub forma unei analize SWOT, "
            "pe baza întâlnirilor restrânse cu Primăria Sectorului 1, Poliția Locală, DGASPC, ANA și Asociația Anais."
        ),
        "themes": [
            (
                "Transparență și bună guvernare",
                ["16.6", "16.7", "16.10"],
                [
                    (
                        "problem",
                        "Gradul redus de informare a cetățeanului: se folosesc preponderent comunicatele de presă",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "problem",
                        "Lipsa unui manager care să asigure finalizarea unui caz interinstituțional: lipsa de responsabilizare",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "solution",
                        "O strategie de comunicare cu buget anual constant, pe grupuri țintă și canale diverse",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "solution",
                        "Analiza nominală online a fiecărui consilier: ședințe, prezențe, voturi, inițiative",
                        None,
                        None,
                        ["16.7.2"],
                        False,
                    ),
                ],
            ),
            (
                "Siguranță și infracționalitate",
                ["16.1"],
                [
                    ("problem", "Lipsa unor date specifice pentru Sectorul 1", None, None, ["16.1.3"], False),
                    (
                        "solution",
                        "O echipă mixtă de intervenție pentru violența domestică: DGASPC, psiholog, ONG",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "solution",
                        "Baze de date integrate și digitalizate; fluxurile de informații descrise într-un memoriu către ADR",
                        None,
                        None,
                        [],
                        False,
                    ),
                    (
                        "action",
                        "Memoriul privind fluxurile de schimb de informații interinstituționale, transmis Agenției pentru Agenda Digitală a României",
                        "primaria-sector-1",
                        "oana.dervis@experti.example",
                        [],
                        False,
                    ),
                ],
            ),
        ],
        "swot": [
            ("strength", "Poliția Locală a implementat deja programe în școli (clasele I-III)", []),
            ("strength", "Există deja o echipă mobilă în Sectorul 1", ["O echipă mixtă de intervenție"]),
            ("weakness", "Lipsa unor date specifice pentru Sectorul 1", ["Lipsa unor date specifice"]),
            ("weakness", "Lipsa comunicării interinstituționale și a unui manager de caz", ["Lipsa unui manager"]),
            (
                "opportunity",
                "Proiectul POCA pentru maparea sistemelor și transformarea digitală",
                ["Baze de date integrate"],
            ),
            ("threat", "Lipsa personalului pentru patrularea pedestră", []),
        ],
    },
]

SECTOR1_GROUP = {
    "organisation": "primaria-sector-1",
    "creator": "ioana.marin@primarie-s1.example",
    "name": "Siguranța cetățeanului și buna guvernare",
    "kind": "working_group",
    "visibility": "public",
    "language": "ro",
    "description": "Grupul de lucru al Sectorului 1 pentru strategia de dezvoltare durabilă 2030: siguranța cetățenilor și buna guvernare (ODD 16).",
    "sdg_targets": ["16.1", "16.2", "16.5", "16.6", "16.7", "16.10"],
    # (e-mail, position, organisation slug, starts on)
    "members": [
        ("mariuca.constantin@primarie-s1.example", "coordinator", "primaria-sector-1", "2019-12-01"),
        ("oana.dervis@experti.example", "expert", "primaria-sector-1", "2019-12-01"),
        ("teofana.cepoi@experti.example", "research_assistant", "primaria-sector-1", "2019-12-01"),
        ("andrei.stan@politia-s1.example", "member", "politia-locala-sector-1", "2020-01-28"),
        ("dan.munteanu@cpeca-s1.example", "member", "ana-cpeca-sector-1", "2020-01-28"),
        ("maria.georgescu@dgaspc-s1.example", "member", "dgaspc-sector-1", "2020-01-30"),
        ("cristina.vasile@anais.example", "member", "asociatia-anais", "2020-01-29"),
    ],
    "coordinator": "mariuca.constantin@primarie-s1.example",
    "prepared_by": "teofana.cepoi@experti.example",
    "local_indicator": {
        "name": "Cazuri de violență domestică raportate în Sectorul 1 (valori ilustrative)",
        "indicator": "16.3.1",
        "unit": "cazuri",
        "baseline": "412",
        "baseline_year": 2019,
        "target_value": "600",
        "target_year": 2030,
        "measurements": [("2020-12-31", "455"), ("2021-12-31", "490"), ("2022-12-31", "518")],
    },
}

ATHENS_COMMITTEES = {
    "organisation": "accmr",
    "creator": "eleni.papadopoulou@athens.example",
    "language": "el",
    "committees": [
        ("Επιτροπή Νομικής Υποστήριξης", "Ανάγκες και κενά στη νομική υποστήριξη μεταναστών και προσφύγων."),
        ("Επιτροπή Υγείας και Κοινωνικών Υπηρεσιών", "Πρόσβαση σε δομές υγείας και σε κοινωνικές υπηρεσίες."),
        ("Επιτροπή Στέγασης", "Ανάγκες και κενά στη στέγαση μεταναστών και προσφύγων."),
        ("Επιτροπή Εκπαίδευσης", "Πρόσβαση στην εκπαίδευση για παιδιά και ενήλικες."),
        ("Επιτροπή Αγοράς Εργασίας", "Ένταξη μεταναστών και προσφύγων στην αγορά εργασίας."),
    ],
    # (e-mail, position, organisation slug); the housing committee is coordinated by its own officer.
    "members": [
        ("eleni.papadopoulou@athens.example", "coordinator", "accmr"),
        ("sofia.karagianni@iom.example", "member", "diethnis-organismos-metanastefsis"),
    ],
    "housing_coordinator": "nikos.georgiou@athens.example",
    "agenda": [
        (
            "Ανάγκες και κενά του τομέα",
            40,
            [("Ενημέρωση από τα μέλη", 20), ("Προτεραιότητες άμεσες και μακροπρόθεσμες", 20)],
        ),
        ("Προσφορές υποστήριξης και αντιστοίχιση με ανάγκες", 30, []),
        ("Πιλοτικές δράσεις", 20, []),
    ],
}
