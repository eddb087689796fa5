"""The demo's citizens (issue 16): the City of Milan and Timișoara's city hall verify residents, a Milan
resident signed up in Italian and verified by census, a Timișoara resident verified by a code from
the city hall's front office. Built through the citizens' own services; skipped when already there.

The identifiers are made up but of the real form (codice fiscale, CNP, with their check characters):
only their keyed hashes reach the database."""

import datetime as dt

from civica.citizens import accounts as citizen_accounts
from civica.citizens import selectors as citizen_selectors
from civica.citizens import verification
from civica.citizens.forms import PRIVACY_NOTICE_VERSION
from civica.core.permissions import SYSTEM
from civica.organisations import services as organisation_services
from civica.organisations.models import Organisation, Territory

MILAN = {
    "slug": "comune-di-milano",
    "name": "Comune di Milano",
    "kind": "municipality",
    "country": "IT",
    "language": "it",
    "description": "Il Comune di Milano: servizi ai cittadini, partecipazione e bilancio partecipativo.",
    "email": "partecipazione@comune-milano.example",
    "phone": "+39 02 0202",
    "address": "Piazza della Scala 2, 20121 Milano",
    "office_hours": "Dal lunedì al venerdì, 8:30–15:30",
}
MILAN_CENSUS = [
    ("CLMCHR88C54F205J", "1988-03-14"),  # Chiara Colombo, the demo's resident
    ("VRDLCU90E12F205Z", "1990-05-12"),
    ("BRMGPP75L20F205H", "1975-07-20"),
    ("FRRSRA92S45F205J", "1992-11-05"),
]
TIMISOARA_CENSUS = [("2910411350010", "1991-04-11"), ("1900714350028", "1990-07-14"), ("2851212350031", "1985-12-12")]
MILAN_RESIDENT = ("chiara.colombo@cittadini.example", "Chiara", "Colombo", "it")
TIMISOARA_RESIDENT = ("ioana.marin@cetateni.example", "Ioana", "Marin", "ro")


def _census(rows) -> str:
    return "identifier,birth_date\n" + "".join(f"{identifier},{born}\n" for identifier, born in rows)


def _setup(organisation, territory, census_rows):
    setup = citizen_selectors.setup_of(organisation)
    if setup is None:
        setup = verification.setup_save(
            actor=SYSTEM,
            organisation=organisation,
            data={
                "territory": territory,
                "census_enabled": True,
                "code_enabled": True,
                "validity_days": 730,
                "signup_open": True,
            },
        )
        verification.census_upload(actor=SYSTEM, setup=setup, text=_census(census_rows))
    return setup


def _citizen(person, values):
    user = person(*values)
    if not citizen_selectors.consents_of(user).exists():
        citizen_accounts.citizen_signed_up(user=user, language=values[3], notice_version=PRIVACY_NOTICE_VERSION)
    return user


def load_citizens(by_slug: dict, person, report) -> None:
    milan_territory = Territory.objects.get(code="IT-015146")
    milan = Organisation.objects.filter(slug=MILAN["slug"]).first()
    if milan is None:
        milan = organisation_services.organisation_create(actor=SYSTEM, data={**MILAN, "territory": milan_territory})
        report.organisations_created += 1
    by_slug[MILAN["slug"]] = milan
    timisoara = by_slug["primaria-timisoara"]
    if not timisoara.office_hours:
        Organisation.objects.filter(pk=timisoara.pk).update(
            office_hours="Luni–joi 8:30–16:30, vineri 8:30–14:00", email="relatiipublice@primariatm.example"
        )
    milan_setup = _setup(milan, milan_territory, MILAN_CENSUS)
    timisoara_setup = _setup(timisoara, timisoara.territory, TIMISOARA_CENSUS)

    chiara = _citizen(person, MILAN_RESIDENT)
    if not citizen_selectors.is_verified_resident(chiara, milan_territory):
        verification.census_verify(
            actor=chiara, setup=milan_setup, identifier=MILAN_CENSUS[0][0], birth_date=dt.date(1988, 3, 14)
        )
    ioana = _citizen(person, TIMISOARA_RESIDENT)
    if not citizen_selectors.is_verified_resident(ioana, timisoara.territory):
        code = verification.codes_issue(actor=SYSTEM, setup=timisoara_setup, count=1)[0]
        verification.code_redeem(actor=ioana, setup=timisoara_setup, code=code)
    report.logins.append((MILAN_RESIDENT[0], "citizen, verified resident of Milan (census)"))
    report.logins.append((TIMISOARA_RESIDENT[0], "citizen, verified resident of Timișoara (code)"))
