"""The Italian and Romanian procedures on the case core: deadlines, the decision circuit, refusals."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from civica.cases import services as case_services
from civica.cases.workflows import Months, add_deadline
from civica.mediation import services


@pytest.fixture
def body(make_organisation, make_member):
    mediation_body = make_organisation(
        name="Le Stanze della Mediazione", slug="stanze", kind="mediation_body", country="IT"
    )
    comune = make_organisation(name="Comune di Lecce", slug="lecce", country="IT")
    return {
        "body": mediation_body,
        "comune": comune,
        "mediator": make_member(mediation_body, role="staff"),
        "comune_staff": make_member(comune, role="staff"),
    }


def _open(body, **values):
    values.setdefault("title", "Controversia su un contratto di locazione")
    values.setdefault("country", "IT")
    values.setdefault("matter", "lease")
    values.setdefault("value", Decimal("12000"))
    return services.mediation_open(
        actor=body["comune_staff"], organisation=body["body"], requester_organisation=body["comune"], **values
    )


def test_months_are_calendar_months():
    start = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC)
    assert add_deadline(start, Months(3)) == datetime.datetime(2027, 2, 28, 10, 0, tzinfo=datetime.UTC)
    assert add_deadline(start, Months(6)).date() == datetime.date(2027, 5, 30)


def test_italian_procedure_counts_three_months_from_filing_and_one_extension(body):
    mediation = _open(body)
    case = mediation.case
    assert mediation.mandatory and case.reference.startswith("MD-")
    assert case.due_at - case.state_entered_at == datetime.timedelta(days=40)
    case = case_services.case_transition(actor=body["mediator"], case=case, transition="hold_first_meeting")
    case = case_services.case_transition(actor=body["mediator"], case=case, transition="continue")
    assert case.due_at == add_deadline(case.created_at, Months(3))
    case = case_services.case_transition(actor=body["mediator"], case=case, transition="extend")
    assert case.due_at == add_deadline(case.created_at, Months(6))
    with pytest.raises(ValidationError):  # only one extension: no step from "extended" to "extended"
        case_services.case_transition(actor=body["mediator"], case=case, transition="extend")
    case = case_services.case_transition(
        actor=body["mediator"], case=case, transition="agree", outcome="Verbale di accordo sottoscritto"
    )
    assert case.state == "agreement" and case.closed_at


def test_extension_must_come_before_expiry(body):
    case = _open(body).case
    case_services.case_transition(actor=body["mediator"], case=case, transition="hold_first_meeting")
    case = case_services.case_transition(actor=body["mediator"], case=case, transition="continue")
    type(case).objects.filter(pk=case.pk).update(due_at=timezone.now() - datetime.timedelta(days=1))
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="before the three months"):
        case_services.case_transition(actor=body["mediator"], case=case, transition="extend")


def test_a_public_body_settles_only_after_the_decision_circuit(body):
    case = _open(body, public_body_party=True).case
    case_services.case_transition(actor=body["mediator"], case=case, transition="hold_first_meeting")
    case = case_services.case_transition(actor=body["mediator"], case=case, transition="continue")
    with pytest.raises(ValidationError, match="mandate"):
        case_services.case_transition(actor=body["mediator"], case=case, transition="agree", outcome="Accordo")
    case = case_services.case_transition(actor=body["mediator"], case=case, transition="seek_mandate")
    case = case_services.case_transition(
        actor=body["mediator"], case=case, transition="agree", outcome="Accordo dopo delibera di giunta"
    )
    assert case.state == "agreement"


def test_romanian_contract_needs_its_mandatory_clauses(make_organisation, make_member):
    centre = make_organisation(name="Centrul de resurse", slug="cr", kind="centre")
    primarie = make_organisation(name="Primăria Sectorului 1", slug="ps1")
    mediator = make_member(centre, role="staff")
    requester = make_member(primarie, role="staff")
    mediation = services.mediation_open(
        actor=requester,
        organisation=centre,
        requester_organisation=primarie,
        title="Litigiu privind taxa de salubrizare",
        country="RO",
        matter="public_service",
        public_body_party=True,
    )
    case = mediation.case
    with pytest.raises(ValidationError, match="mandatory clauses"):
        case_services.case_transition(actor=mediator, case=case, transition="sign_contract")
    services.mediation_contract_clauses_set(
        actor=mediator,
        mediation=mediation,
        clauses=["parties", "object", "consent", "confidentiality", "fees", "language", "copies", "closing_minutes"],
    )
    case = case_services.case_transition(actor=mediator, case=case, transition="sign_contract")
    case = case_services.case_transition(actor=mediator, case=case, transition="start_sessions")
    # A party withdraws: the closing minutes are due within 48 hours.
    case = case_services.case_transition(actor=requester, case=case, transition="withdraw")
    assert case.due_at - case.state_entered_at == datetime.timedelta(hours=48)
    case = case_services.case_transition(
        actor=mediator, case=case, transition="close_withdrawal", outcome="Proces-verbal de închidere semnat"
    )
    assert case.state == "withdrawn"


@pytest.mark.parametrize("matter", ["domestic_violence", "violence_against_women"])
def test_violence_is_never_mediated(body, matter):
    from civica.cases.models import Case

    with pytest.raises(ValidationError) as error:
        _open(body, matter=matter)
    assert "48" in " ".join(error.value.message_dict["matter"])
    assert not Case.objects.exists()


def test_unknown_matters_and_countries_are_refused(body):
    with pytest.raises(ValidationError):
        _open(body, matter="astrology")
    with pytest.raises(ValidationError):
        _open(body, country="FR")
    with pytest.raises(ValidationError):
        services.mediation_contract_clauses_set(actor=body["mediator"], mediation=_open(body), clauses=["whatever"])


def test_the_estimate_uses_the_platforms_median_once_there_are_enough_cases(client, body):
    from civica.cases.models import Case

    durations = [30, 45, 60, 75, 120]
    for days in durations:
        mediation = _open(body)
        case = mediation.case
        Case.objects.filter(pk=case.pk).update(
            closed_at=case.created_at + datetime.timedelta(days=days), state="agreement"
        )
    answer = client.get("/api/v1/estimates", {"country": "IT", "matter": "lease", "value": "12000"}).json()
    assert answer["median_days"] == 60
    assert (
        client.get("/api/v1/estimates", {"country": "IT", "matter": "condominium", "value": "12000"}).json()[
            "median_days"
        ]
        is None
    )
    page = client.get(
        "/en/mediation/estimate/", {"country": "IT", "matter": "lease", "value": "12000", "parties": "2"}
    ).content.decode()
    assert "median on Civica: 60 days" in page
