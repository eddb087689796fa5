"""The demo's participatory strategy (seed 001): the social-services strategy of Timișoara, drafted by
the social-assistance directorate's working group with CRIES in the seven stages, consulted on, adopted
by the local council, now at its annual action plan. Built through the strategy's own services, in
Romanian. Idempotent: skipped when the strategy exists. Names of councillors are fictitious."""

from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from civica.core.permissions import SYSTEM
from civica.groups import selectors as group_selectors
from civica.groups import services as group_services
from civica.organisations.models import Organisation
from civica.sdg import selectors as sdg_selectors
from civica.strategy import selectors as strategy_selectors
from civica.strategy import services

TITLE = "Strategia de dezvoltare a serviciilor sociale a Municipiului Timișoara 2026–2030"
COORDINATOR = "radu.constantin@cries.example"
GROUP = "Grupul de lucru pentru strategia serviciilor sociale Timișoara"

STAGE_DATES = [
    (date(2025, 9, 15), date(2025, 10, 31)),
    (date(2025, 11, 3), date(2025, 11, 28)),
    (date(2025, 12, 1), date(2026, 1, 30)),
    (date(2026, 2, 2), date(2026, 2, 27)),
    (date(2026, 3, 2), date(2026, 4, 17)),
    (date(2026, 6, 1), date(2026, 12, 18)),
    (date(2026, 12, 1), date(2026, 12, 18)),
]

DRAFT_V1 = [
    (True, "1. Viziunea"),
    (
        False,
        "Timișoara este un oraș în care fiecare persoană aflată în dificultate are acces la servicii sociale "
        "de calitate, aproape de casă, construite împreună cu beneficiarii lor.",
    ),
    (True, "2. Ce am aflat de la beneficiari"),
    (
        False,
        "În întâlnirile organizate cu metodologia SPIRAL, persoanele din grupurile vulnerabile au numit drept "
        "criterii de bunăstare o locuință decentă, sănătatea, un loc de muncă stabil și relațiile din familie.",
    ),
    (
        False,
        "Furnizorii de servicii sociale au semnalat lipsa serviciilor de zi pentru vârstnici și a echipelor "
        "mobile în cartierele periferice.",
    ),
    (True, "3. Obiective strategice"),
    (False, "Dezvoltarea serviciilor sociale integrate la nivelul comunității, în parteneriat cu furnizorii privați."),
    (False, "Creșterea participării beneficiarilor la planificarea, monitorizarea și evaluarea serviciilor."),
]

COMMENTS = [
    # (paragraph index in v1, commenter, on behalf of, comment, verdict, reason)
    (
        3,
        "ana.popescu@amr.example",
        "Asociația Municipiilor din România",
        "Propunem să fie menționate explicit și persoanele fără adăpost printre grupurile consultate.",
        "accepted",
        "",
    ),
    (
        4,
        COORDINATOR,
        "Asociația CRIES",
        "Echipele mobile ar trebui să acopere și zona metropolitană, nu doar cartierele periferice.",
        "partly",
        "Strategia acoperă teritoriul municipiului; zona metropolitană va fi discutată cu ADI Timișoara.",
    ),
    (
        7,
        "mihai.ionescu@amr.example",
        "",
        "Participarea beneficiarilor să fie remunerată (de exemplu, tichete de transport).",
        "rejected",
        "Legea nu permite plata participării la consultare; oferim transport gratuit la întâlniri.",
    ),
    (
        6,
        "ana.popescu@amr.example",
        "Asociația Municipiilor din România",
        "Adăugați o țintă măsurabilă pentru numărul de servicii integrate.",
        "accepted",
        "",
    ),
]

COUNCILLORS = [
    ("Adrian Popa", "yes"),
    ("Alina Mureșan", "yes"),
    ("Bogdan Iliescu", "yes"),
    ("Carmen Toma", "yes"),
    ("Cătălin Stoica", "no"),
    ("Claudia Barbu", "yes"),
    ("Cristian Dobre", "yes"),
    ("Daniela Lazăr", "yes"),
    ("Dorin Enache", "abstain"),
    ("Elena Matei", "yes"),
    ("Florin Neagu", "yes"),
    ("Gabriela Ursu", "yes"),
    ("George Pavel", "absent"),
    ("Ioana Sima", "yes"),
    ("Laurențiu Bălan", "no"),
    ("Liliana Crăciun", "yes"),
    ("Marius Oprea", "yes"),
    ("Mihai Roman", "yes"),
    ("Monica Zamfir", "yes"),
    ("Nicolae Ardelean", "absent"),
    ("Oana Vlad", "yes"),
    ("Paul Mocanu", "abstain"),
    ("Raluca Dinu", "yes"),
    ("Sorin Gheorghiu", "no"),
    ("Teodora Rusu", "yes"),
    ("Valentin Cozma", "yes"),
    ("Victoria Anghel", "absent"),
]

WELLBEING_ANSWERS = [
    ("Locuință decentă", 2, "O locuință socială și ajutor la facturi."),
    ("Sănătate", 3, "Un medic de familie aproape de casă."),
    ("Locuință decentă", 1, "Să nu mai stăm cu chirie la negru."),
    ("Un loc de muncă", 2, "Cursuri de calificare plătite."),
    ("Relații în familie și comunitate", 4, "Un centru de zi pentru copii după școală."),
    ("Sănătate", 2, "Medicamente compensate pentru pensionari."),
    ("Un loc de muncă", 3, "Un angajator care să nu ne refuze pentru că suntem romi."),
    ("Siguranță", 2, "Iluminat pe strada noastră."),
    ("Locuință decentă", 2, "Reabilitarea blocului."),
    ("Relații în familie și comunitate", 3, "Un asistent social care să vină acasă."),
    ("Sănătate", 4, "Transport la spital pentru persoanele cu dizabilități."),
    ("Locuință decentă", 1, "Un adăpost de noapte deschis și iarna, și vara."),
]


def load_strategy() -> int:
    organisation = Organisation.objects.get(slug="das-timisoara")
    existing = strategy_selectors.strategies_of(organisation).filter(title=TITLE).first()
    if existing is not None:
        _swot(existing)  # a demo loaded before SWOT analyses were linked gets them now; else nothing changes
        return 0
    emails = {COORDINATOR} | {comment[1] for comment in COMMENTS}
    people = {user.email: user for user in get_user_model().objects.filter(email__in=emails)}
    coordinator = people[COORDINATOR]
    group = group_selectors.groups_of(organisation).filter(name=GROUP).first()
    if group is None:
        group = group_services.group_create(
            actor=SYSTEM,
            organisation=organisation,
            name=GROUP,
            kind="working_group",
            visibility="private",
            language="ro",
            description="Reprezentanți ai Direcției de Asistență Socială, ai furnizorilor de servicii sociale și "
            "ai Asociației CRIES, care elaborează participativ strategia locală.",
        )
        group_services.member_add(
            actor=SYSTEM,
            group=group,
            user=coordinator,
            position="coordinator",
            organisation=Organisation.objects.get(slug="asociatia-cries"),
        )
    strategy = services.strategy_create(
        actor=SYSTEM,
        organisation=organisation,
        title=TITLE,
        working_group=group,
        summary="Strategia locală a serviciilor sociale, elaborată împreună cu beneficiarii și furnizorii, în "
        "etapele propuse de grupul de lucru al serviciilor publice sociale din Cluj-Napoca, Sibiu și Timișoara.",
        language="ro",
        period="2026–2030",
        plan_year=2026,
    )
    stages = list(strategy.stages.order_by("position"))
    for stage, (starts_on, ends_on) in zip(stages, STAGE_DATES, strict=True):
        services.stage_update(
            actor=SYSTEM,
            stage=stage,
            title=stage.title,
            starts_on=starts_on,
            ends_on=ends_on,
            groups=[group] if stage.kind in {"thematic_groups", "processing"} else None,
        )
    _retitle(stages)
    vision, providers, thematic, processing, consultation, action_plan, _council = stages

    services.stage_start(actor=SYSTEM, stage=vision)
    _wellbeing_survey(strategy, vision, coordinator)
    services.stage_finish(actor=SYSTEM, stage=vision)

    services.stage_start(actor=SYSTEM, stage=providers)
    services.proposal_add(
        actor=coordinator,
        strategy=strategy,
        from_paper=True,
        on_behalf_of="Fundația Serviciilor Sociale Bethany",
        text="Un centru de zi pentru vârstnici în fiecare cartier, finanțat prin contractare de servicii.",
    )
    services.proposal_add(
        actor=coordinator,
        strategy=strategy,
        from_paper=True,
        on_behalf_of="Asociația Casa Faenza",
        text="Echipe mobile de asistență socială și medicală pentru persoanele fără adăpost.",
    )
    services.stage_finish(actor=SYSTEM, stage=providers)
    for stage in (thematic, processing):
        services.stage_start(actor=SYSTEM, stage=stage)
        services.stage_finish(actor=SYSTEM, stage=stage)

    v1 = services.version_create(
        actor=SYSTEM,
        strategy=strategy,
        note="Prima versiune, supusă consultării",
        paragraphs=[{"paragraph": None, "text": text, "heading": heading} for heading, text in DRAFT_V1],
    )
    services.strategy_publish(actor=SYSTEM, strategy=strategy)
    services.stage_start(actor=SYSTEM, stage=consultation)
    texts = list(v1.texts.select_related("paragraph").order_by("position"))
    comments = []
    for index, email, behalf, text, verdict, reason in COMMENTS:
        comment = services.comment_add(
            actor=people[email],
            strategy=strategy,
            paragraph_uuid=texts[index].paragraph.uuid,
            text=text,
            on_behalf_of=behalf,
        )
        comments.append((comment, verdict, reason))
    for comment, verdict, reason in comments:
        services.comment_answer(actor=coordinator, comment=comment, verdict=verdict, reason=reason)
    changed = {
        3: texts[3].text.replace("vulnerabile", "vulnerabile, inclusiv persoanele fără adăpost,"),
        6: texts[6].text + " Ținta: 12 servicii sociale integrate funcționale până în 2030.",
    }
    v2 = services.version_create(
        actor=coordinator,
        strategy=strategy,
        note="După consultarea actorilor interesați",
        paragraphs=[
            {"paragraph": t.paragraph.uuid, "text": changed.get(i, t.text), "heading": t.is_heading}
            for i, t in enumerate(texts)
        ],
    )
    services.stage_finish(actor=SYSTEM, stage=consultation)

    decision = services.decision_submit(
        actor=coordinator, strategy=strategy, reference="Proiect de hotărâre nr. 412/2026", seats=len(COUNCILLORS)
    )
    for name, option in COUNCILLORS:
        services.vote_record(actor=coordinator, decision=decision, councillor=name, option=option)
    services.vote_close(actor=coordinator, decision=decision, voted_on=date(2026, 5, 28))
    assert strategy_selectors.strategy_get(user=coordinator, uuid=strategy.uuid).adopted_version == v2

    services.stage_start(actor=SYSTEM, stage=action_plan)
    _plan(strategy, organisation)
    _charter(strategy)
    _swot(strategy)
    return 1


def _retitle(stages):
    titles = [
        "Viziunea beneficiarilor despre bunăstare (metodologia SPIRAL)",
        "Consultarea furnizorilor de servicii sociale",
        "Grupuri tematice de lucru cu furnizorii",
        "Prelucrarea informațiilor: linii directoare și obiective strategice",
        "Consultarea actorilor interesați asupra documentului strategic",
        "Planul anual de servicii sociale",
        "Transmiterea planului anual în Consiliul Local pentru vot",
    ]
    for stage, title in zip(stages, titles, strict=True):
        services.stage_update(actor=SYSTEM, stage=stage, title=title, starts_on=stage.starts_on, ends_on=stage.ends_on)


def _wellbeing_survey(strategy, stage, coordinator):
    survey = services.survey_create(
        actor=SYSTEM,
        strategy=strategy,
        stage=stage,
        purpose="wellbeing",
        title="Ce înseamnă bunăstarea pentru dumneavoastră?",
        introduction="Întrebări puse în întâlnirile cu grupurile vulnerabile; răspunsurile pe hârtie au fost "
        "introduse de facilitatori.",
        questions=[
            {
                "kind": "choice",
                "text": "Ce contează cel mai mult pentru bunăstarea dumneavoastră?",
                "choices": [
                    "Locuință decentă",
                    "Sănătate",
                    "Un loc de muncă",
                    "Relații în familie și comunitate",
                    "Siguranță",
                ],
            },
            {"kind": "scale", "text": "Cât de bine trăiți astăzi? (1 = foarte rău, 5 = foarte bine)"},
            {"kind": "text", "text": "Ce ar trebui să facă serviciile sociale pentru dumneavoastră?"},
        ],
    )
    questions = {question.kind: question.pk for question in survey.questions.all()}
    codes = services.survey_tokens_issue(actor=SYSTEM, survey=survey, count=5)
    for index, (choice, scale, text) in enumerate(WELLBEING_ANSWERS):
        answers = {questions["choice"]: choice, questions["scale"]: str(scale), questions["text"]: text}
        if index < 3:
            services.response_submit(actor=SYSTEM, survey=survey, answers=answers, token=codes[index])
        else:
            services.response_submit(actor=coordinator, survey=survey, answers=answers, from_paper=True)
    return survey


def _plan(strategy, organisation):
    local = services.funding_source_add(
        actor=SYSTEM, organisation=organisation, name="Bugetul local al Municipiului Timișoara", kind="local"
    )
    eu = services.funding_source_add(
        actor=SYSTEM,
        organisation=organisation,
        name="Programul Incluziune și Demnitate Socială (PIDS) 2021–2027",
        kind="eu",
        url="https://mfe.gov.ro/pids/",
    )
    call = services.funding_call_add(
        actor=SYSTEM,
        source=eu,
        title="Servicii sociale integrate la nivel comunitar",
        deadline=date(2027, 3, 31),
        url="https://mfe.gov.ro/pids/",
    )
    private = services.funding_source_add(
        actor=SYSTEM, organisation=organisation, name="Fundația Comunitară Timișoara", kind="private"
    )
    indicators = {indicator.code: indicator for indicator in sdg_selectors.indicators()}
    das = organisation
    cries = Organisation.objects.get(slug="asociatia-cries")
    o1 = services.objective_add(
        actor=SYSTEM,
        strategy=strategy,
        code="OS1",
        title="Servicii sociale integrate la nivelul comunității, în parteneriat cu furnizorii privați",
    )
    m11 = services.measure_add(actor=SYSTEM, objective=o1, code="M1.1", title="Centre de zi pentru vârstnici")
    m12 = services.measure_add(actor=SYSTEM, objective=o1, code="M1.2", title="Echipe mobile în cartierele periferice")
    o2 = services.objective_add(
        actor=SYSTEM,
        strategy=strategy,
        code="OS2",
        title="Participarea beneficiarilor la planificarea și evaluarea serviciilor",
    )
    m21 = services.measure_add(actor=SYSTEM, objective=o2, code="M2.1", title="Consultări anuale cu beneficiarii")
    actions = [
        (
            m11,
            "A1",
            "Deschiderea centrului de zi pentru vârstnici din cartierul Freidorf",
            "Serviciul Vârstnici",
            das,
            "850000",
            eu,
            call,
            date(2026, 12, 15),
            "Persoane vârstnice care frecventează centrul: 60",
            ["16.6.2"],
            70,
        ),
        (
            m11,
            "A2",
            "Contractarea serviciilor de îngrijire la domiciliu cu furnizori acreditați",
            "Biroul Contractare",
            das,
            "400000",
            local,
            None,
            date(2026, 10, 30),
            "Beneficiari îngrijiți la domiciliu: 120",
            ["16.6.2"],
            100,
        ),
        (
            m12,
            "A3",
            "Echipă mobilă socio-medicală pentru persoanele fără adăpost",
            "Serviciul Adăposturi",
            das,
            "300000",
            local,
            None,
            date(2026, 11, 30),
            "Intervenții pe teren pe lună: 200",
            [],
            40,
        ),
        (
            m21,
            "A4",
            "Consultări SPIRAL anuale cu grupurile vulnerabile",
            "Facilitator grup de lucru",
            cries,
            "45000",
            private,
            None,
            date(2026, 11, 15),
            "Participanți la consultări: 150",
            ["16.7.2"],
            20,
        ),
        (
            m21,
            "A5",
            "Raport public anual de monitorizare a strategiei",
            "Direcția de Asistență Socială",
            das,
            "0",
            None,
            None,
            date(2027, 1, 31),
            "Raport publicat",
            ["16.6.2", "16.7.2"],
            0,
        ),
    ]
    for measure, code, title, owner, institution, budget, source, fcall, deadline, indicator, sdg, progress in actions:
        services.action_add(
            actor=SYSTEM,
            measure=measure,
            code=code,
            title=title,
            owner=owner,
            institution=institution,
            budget=budget,
            funding_source=source,
            funding_call=fcall,
            deadline=deadline,
            indicator=indicator,
            sdg_indicators=[indicators[c] for c in sdg if c in indicators],
            progress=progress,
        )


def _charter(strategy):
    municipality = Organisation.objects.get(slug="primaria-timisoara")
    charter = services.charter_create(
        actor=SYSTEM,
        organisation=municipality,
        strategy=strategy,
        title="Charta responsabilităților sociale partajate în lupta împotriva sărăciei și excluziunii sociale",
        text="Document de co-responsabilizare a actorilor din comunitate pentru orientarea intervenției sociale "
        "împotriva sărăciei și excluziunii sociale. Timișoara este primul oraș unde a fost semnată, în 2011.",
    )
    signatories = [
        ("Primăria Municipiului Timișoara", "Primarul Municipiului Timișoara", date(2011, 11, 15), municipality),
        (
            "Direcția de Asistență Socială Timișoara",
            "Directorul executiv",
            date(2011, 11, 15),
            Organisation.objects.get(slug="das-timisoara"),
        ),
        (
            "Asociația CRIES – Centrul de Resurse pentru Inițiative Etice și Solidare",
            "Președintele asociației",
            date(2011, 11, 15),
            Organisation.objects.get(slug="asociatia-cries"),
        ),
        (
            "Universitatea de Vest din Timișoara",
            "Decanul Facultății de Sociologie și Psihologie",
            date(2011, 12, 6),
            None,
        ),
        ("Fundația Comunitară Timișoara", "Directorul executiv", date(2012, 2, 20), None),
    ]
    for name, representative, signed_on, organisation in signatories:
        services.charter_sign(
            actor=SYSTEM,
            charter=charter,
            organisation_name=name,
            representative=representative,
            signed_on=signed_on,
            organisation=organisation,
        )
    return charter


# --- The SWOT analysis of the processing stage (seed 001, stage 4) --------------------------------

SWOT_TITLE = "Analiza SWOT a serviciilor sociale din Timișoara"
SWOT_MEETING = "Prelucrarea informațiilor: analiza SWOT a serviciilor sociale"
SWOT_POINTS = [
    ("problem", "Nu există centre de zi pentru vârstnici în cartierele periferice (Kuncz, Freidorf, Ronaț)."),
    ("problem", "Persoanele fără adăpost nu au acces la servicii medicale fără acte de identitate."),
    ("solution", "Contractarea serviciilor de zi cu furnizori privați acreditați, prin subvenții de la bugetul local."),
    (
        "solution",
        "Echipe mobile de asistență socială și medicală, împreună cu DSP Timiș și organizațiile neguvernamentale.",
    ),
]
# (kind, text, indexes of the points of the minutes it came from, objectives that answer it)
SWOT_ENTRIES = [
    ("strength", "O rețea de furnizori privați acreditați, cu experiență în îngrijirea la domiciliu.", [2], ["OS1"]),
    ("strength", "Beneficiarii au definit ei înșiși criteriile de bunăstare (metodologia SPIRAL).", [], ["OS2"]),
    ("weakness", "Servicii de zi insuficiente pentru vârstnici în cartierele periferice.", [0], ["OS1"]),
    ("weakness", "Acces redus la servicii medicale pentru persoanele fără acte de identitate.", [1], ["OS1"]),
    ("opportunity", "Finanțare europeană prin PIDS 2021–2027 pentru servicii sociale integrate.", [], ["OS1"]),
    ("opportunity", "Echipe mobile comune cu DSP Timiș și organizațiile neguvernamentale.", [3], []),
    ("threat", "Îmbătrânirea populației și plecarea specialiștilor din sistemul de asistență socială.", [], []),
    ("threat", "Întârzieri în plata subvențiilor de la bugetul local către furnizorii privați.", [], ["OS2"]),
]


def _swot(strategy) -> None:
    """The working group's SWOT analysis, made in the processing stage from the problems and solutions of
    its minutes, linked to the strategy and answered by its objectives. Skipped when already linked."""
    if strategy.swot_analyses.filter(title=SWOT_TITLE).exists():
        return
    group = strategy.working_group
    coordinator = get_user_model().objects.get(email=COORDINATOR)
    analysis = group_selectors.swots_of(group).filter(title=SWOT_TITLE).first()
    if analysis is None:
        analysis = _swot_analysis(group, coordinator)
    services.strategy_swot_link(actor=coordinator, strategy=strategy, analysis=analysis)
    objectives = {objective.code: objective for objective in strategy.objectives.all()}
    cited: dict[str, list] = {code: [] for code in objectives}
    entries = {entry.text: entry for entry in group_selectors.swot_entries_of(analysis)}
    for _kind, text, _points, codes in SWOT_ENTRIES:
        for code in codes:
            if code in cited and text in entries:
                cited[code].append(entries[text])
    for code, chosen in cited.items():
        if chosen:
            services.objective_cite_swot(actor=coordinator, objective=objectives[code], entries=chosen)


def _swot_analysis(group, coordinator):
    start = timezone.make_aware(datetime(2026, 2, 10, 10, 0))
    meeting = group_services.meeting_schedule(
        actor=coordinator,
        group=group,
        title=SWOT_MEETING,
        kind="plenary",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        place="Direcția de Asistență Socială Timișoara, str. Piatra Craiului nr. 2",
        invite=False,
    )
    minutes = group_services.minutes_start(actor=coordinator, meeting=meeting)
    group_services.minutes_update(
        actor=coordinator,
        minutes=minutes,
        introduction="Grupul de lucru a prelucrat informațiile adunate de la beneficiari, de la furnizori și din "
        "grupurile tematice, sub forma unei analize SWOT.",
        prepared_by=coordinator,
    )
    theme = group_services.theme_add(
        actor=coordinator, minutes=minutes, title="Servicii pentru vârstnici și pentru persoanele fără adăpost"
    )
    points = [
        group_services.point_add(actor=coordinator, theme=theme, kind=kind, text=text) for kind, text in SWOT_POINTS
    ]
    for step in ("submit", "approve", "publish"):
        minutes = group_services.minutes_transition(actor=coordinator, minutes=minutes, transition=step)
    analysis = group_services.swot_create(actor=coordinator, group=group, title=SWOT_TITLE, meeting=meeting)
    for kind, text, indexes, _codes in SWOT_ENTRIES:
        group_services.swot_entry_add(
            actor=coordinator, analysis=analysis, kind=kind, text=text, points=[points[i] for i in indexes]
        )
    return analysis
