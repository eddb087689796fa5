"""The demo's proposed mediator (seed 002): Luca Ferrari, in Le Stanze's registry and with his own
account, is proposed for a family mediation and answers from his own dashboard."""

from django.contrib.auth import get_user_model

from civica.cases import selectors as case_selectors
from civica.mediation import selectors as mediation_selectors
from civica.mediation import services as mediation_services

FAMILY_MEDIATION = {
    "title": "Mediazione familiare: affidamento e calendario di visita",
    "summary": "Due genitori separati di Milano chiedono una mediazione familiare per concordare "
    "l'affidamento condiviso della figlia di 9 anni e il calendario delle visite durante le vacanze.",
    "other_parties": "Chiara Colombo, Milano (madre)\nDavide Colombo, Milano, davide.colombo@example.org (padre)",
}


def load_mediator_portal(by_slug: dict, report) -> None:
    centre = by_slug["stanze-della-mediazione"]
    users = get_user_model().objects
    admin = users.get(email="giulia.rossi@stanze.example")
    staff = users.get(email="marco.bianchi@stanze.example")
    luca = users.get(email="luca.ferrari@stanze.example")
    ferrari = mediation_selectors.mediators_of(centre).get(authorisation_number="IT-DEMO-2001")
    if ferrari.user_id is None:
        mediation_services.mediator_account_link(actor=admin, mediator=ferrari, user=luca)
    known = case_selectors.cases_visible_to_organisation(centre).filter(title=FAMILY_MEDIATION["title"])
    if known.exists():
        return
    mediation = mediation_services.mediation_open(
        actor=staff,
        organisation=centre,
        country="IT",
        matter="family",
        language="it",
        **FAMILY_MEDIATION,
    )
    mediation_services.mediator_propose(actor=staff, mediation=mediation, mediator=ferrari)
    report.cases_created += 1
