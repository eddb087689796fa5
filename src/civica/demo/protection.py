"""The demo's protection cases (seed 003): Sector 1's social services (DGASPC) lead, with one
accountable case manager, a mixed intervention team, and referrals to the local police and the
Asociația Anais that share only what each needs. The people are invented; the cases are built
through the protection services, so every field is encrypted and every step audited.

Who sees what: Maria Georgescu (DGASPC, case manager) every case; Elena Ionescu (DGASPC social
worker) the case whose team she is on, and the others only by emergency access; Andrei Stan (local
police) the person, safety plan and orders of PC case 1, and the referral waiting on case 2;
Cristina Vasile (Anais) the narrative, risk and services of case 1. Skipped when DGASPC already
leads a protection case."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from civica.core.permissions import SYSTEM
from civica.organisations import selectors as organisation_selectors
from civica.organisations import services as organisation_services
from civica.protection import selectors as protection_selectors
from civica.protection import services as protection_services

SOCIAL_WORKER = ("elena.ionescu@dgaspc-s1.example", "Elena", "Ionescu", "ro", "Asistent social, echipa mobilă")


def load_protection(by_slug: dict, person, report) -> None:
    lead, police, ngo = by_slug["dgaspc-sector-1"], by_slug["politia-locala-sector-1"], by_slug["asociatia-anais"]
    email, first, last, language, position = SOCIAL_WORKER
    social_worker = person(email, first, last, language)
    if lead.pk not in organisation_selectors.roles_of(social_worker):
        organisation_services.membership_add(
            actor=SYSTEM,
            organisation=lead,
            user=social_worker,
            role="staff",
            position=position,
            handles_sensitive_data=True,
        )
    report.logins.append((email, "staff @ DGASPC Sector 1: social worker on one protection case"))
    if protection_selectors.cases_led_by(lead).exists():
        return
    users = get_user_model().objects
    manager = users.get(email="maria.georgescu@dgaspc-s1.example")
    agent = users.get(email="andrei.stan@politia-s1.example")
    psychologist = users.get(email="cristina.vasile@anais.example")
    sector = lead.territory
    today = timezone.localdate()

    first_case = protection_services.protection_case_open(
        actor=manager,
        organisation=lead,
        kind="domestic_violence",
        territory=sector,
        sex="f",
        birth_year=1991,
        full_name="Alina Marinescu",
        address="Strada Exemplu 14, ap. 3, Sector 1, București",
        contact="Sora, Daniela: 0722 111 222 (apel doar după ora 18)",
        narrative=(
            "Victima a sunat la 112 pe 2 noiembrie după o agresiune fizică a partenerului, în prezența copiilor. "
            "Episoade repetate în ultimele opt luni, în creștere; amenințări cu moartea după anunțul despărțirii."
        ),
        injuries="Echimoze pe antebrațe și gât, constatate de medicul legist (certificat nr. 1871/2026).",
        incident_address="Strada Exemplu 14, ap. 3, Sector 1",
        children=[{"name": "Matei", "birth_year": 2015}, {"name": "Sofia", "birth_year": 2019}],
        language="ro",
    )
    protection_services.team_member_add(actor=manager, pcase=first_case, user=social_worker, role="social_worker")
    protection_services.risk_assessment_add(
        actor=manager,
        pcase=first_case,
        answers={
            "escalation": True,
            "threats_to_kill": True,
            "strangulation": True,
            "separation": True,
            "children": True,
            "fear": True,
        },
        notes="Risc ridicat: tentativă de strangulare și amenințări după anunțul despărțirii.",
    )
    protection_services.safety_plan_set(
        actor=manager,
        pcase=first_case,
        plan=(
            "Geanta cu actele și medicamentele la sora victimei.\n"
            "Cuvânt-cod cu sora: „cumpără pâine” = sună la 112.\n"
            "Școala lui Matei anunțată: copiii se predau doar mamei sau surorii.\n"
            "Numărul Poliției Locale Sector 1 salvat pe telefon."
        ),
    )
    protection_services.order_add(
        actor=manager,
        pcase=first_case,
        kind="provisional",
        authority="Secția 1 Poliție București",
        number="OPP 214/2026",
        issued_on=today - timedelta(days=2),
        expires_on=today + timedelta(days=3),
        measures="Evacuarea agresorului din locuință; interdicția de a se apropia la mai puțin de 200 m.",
    )
    to_police = protection_services.referral_send(
        actor=manager,
        pcase=first_case,
        to_organisation=police,
        sections=["person", "safety_plan", "orders"],
        purpose="Verificarea respectării ordinului provizoriu și patrulare în zona locuinței.",
        basis="legal_obligation",
        basis_detail="Legea 217/2003, art. 32-34: punerea în executare a ordinului de protecție",
        deadline=today + timedelta(days=30),
    )
    protection_services.referral_accept(actor=agent, referral=to_police)
    protection_services.team_member_add(actor=manager, pcase=first_case, user=agent, role="police")
    to_ngo = protection_services.referral_send(
        actor=manager,
        pcase=first_case,
        to_organisation=ngo,
        sections=["narrative", "risk", "services"],
        purpose="Consiliere psihologică pentru victimă și copii; sprijin pentru cererea de ordin de protecție.",
        basis="consent",
        basis_detail="Consimțământ scris al victimei, semnat la DGASPC pe 3 noiembrie",
        deadline=today + timedelta(days=60),
    )
    protection_services.referral_accept(actor=psychologist, referral=to_ngo)
    protection_services.team_member_add(actor=manager, pcase=first_case, user=psychologist, role="psychologist")
    protection_services.service_add(
        actor=psychologist,
        pcase=first_case,
        kind="psychological",
        provided_on=today - timedelta(days=1),
        notes="Prima ședință de consiliere; copiii programați la psihologul pentru copii.",
    )
    protection_services.contribution_add(
        actor=psychologist,
        pcase=first_case,
        section="risk",
        body="Victima descrie controlul financiar și izolarea de prieteni: violență economică și psihologică.",
    )
    protection_services.follow_up_add(
        actor=manager, pcase=first_case, title="Vizită la domiciliu cu Poliția Locală", due_on=today + timedelta(days=4)
    )
    protection_services.case_move(actor=manager, pcase=first_case, transition="intervene")

    second_case = protection_services.protection_case_open(
        actor=manager,
        organisation=lead,
        kind="elder_abuse",
        territory=sector,
        sex="m",
        birth_year=1947,
        full_name="Gheorghe Dobre",
        address="Bulevardul Exemplu 80, Sector 1, București",
        narrative="Vecinii semnalează că fiul îi ia pensia și îl lasă fără hrană și medicamente.",
        language="ro",
    )
    protection_services.referral_send(
        actor=manager,
        pcase=second_case,
        to_organisation=police,
        sections=["person", "narrative"],
        purpose="Verificare la domiciliu împreună cu asistentul social.",
        basis="vital_interests",
        basis_detail="Persoana nu își poate da consimțământul (demență); RGPD art. 9(2)(c)",
        deadline=today + timedelta(days=7),
    )

    third_case = protection_services.protection_case_open(
        actor=manager,
        organisation=lead,
        kind="violence_against_women",
        territory=sector,
        sex="f",
        birth_year=1979,
        full_name="Carmen Vlad",
        narrative="Hărțuire și amenințări din partea fostului partener; ordin de protecție emis și respectat.",
        language="ro",
    )
    closed_referral = protection_services.referral_send(
        actor=manager,
        pcase=third_case,
        to_organisation=ngo,
        sections=["services"],
        purpose="Asistență juridică pentru ordinul de protecție.",
        basis="consent",
        basis_detail="Consimțământ scris, dosarul DGASPC",
        deadline=today + timedelta(days=10),
    )
    protection_services.referral_accept(actor=psychologist, referral=closed_referral)
    protection_services.referral_complete(
        actor=psychologist, referral=closed_referral, outcome="Ordin de protecție obținut pentru 6 luni."
    )
    protection_services.case_move(actor=manager, pcase=third_case, transition="close")
