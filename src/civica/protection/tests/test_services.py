"""Protection cases on the case core: codes, the mediation rule, risk scores, orders and follow-ups with
reminders, retention and the person's rights, and the forms' answers to bad input."""

import datetime
import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from civica.cases.models import Case
from civica.core import crypto
from civica.core.models import SearchEntry
from civica.core.periodic import registered
from civica.mediation import eligibility
from civica.protection import risk, selectors, services
from civica.protection.models import FollowUp, ProtectedPerson, ProtectionCase

from .conftest import SECRET_NAME, SECRET_NARRATIVE, refer

pytestmark = pytest.mark.django_db


def test_the_case_stands_on_the_case_core_with_codes_not_names(pcase, world):
    case = pcase.case
    assert case.workflow == "protection" and case.state == "assessment"
    assert case.organisation == world["lead"] and case.owner == world["people"]["manager"]
    year = timezone.localdate().year
    assert pcase.person.code == f"S1-DV-{year}-0001"
    assert case.title == pcase.person.code and SECRET_NAME not in case.title and not case.summary
    second = services.protection_case_open(
        actor=world["people"]["manager"],
        organisation=world["lead"],
        kind="domestic_violence",
        territory=world["sector"],
    )
    assert second.person.code == f"S1-DV-{year}-0002"
    assert list(pcase.team.values_list("role", flat=True)) == ["manager"]


def test_no_mediation_uses_the_mediation_procedures_own_rule(pcase, world):
    """The case page cites the very refusal the mediation procedure gives (civica.mediation.eligibility)."""
    assert selectors.mediation_refusal(pcase) == eligibility.refusal_reason("domestic_violence")
    assert selectors.mediation_refusal(pcase) is not None
    for kind in eligibility.VIOLENCE_MATTERS:
        assert kind in ProtectionCase.Kind.values


def test_closing_indexes_nothing_for_search(pcase, world):
    services.case_move(actor=world["people"]["manager"], pcase=pcase, transition="close")
    assert pcase.case.state == "closed"
    assert not SearchEntry.objects.filter(record_uuid=pcase.case.uuid).exists()


def test_the_risk_score_and_level():
    assert risk.score({}) == (0, "low")
    assert risk.score({"fear": True, "substances": True, "isolation": True}) == (4, "low")
    assert risk.score({"threats_to_kill": True, "fear": True}) == (5, "medium")
    assert risk.score({"threats_to_kill": True, "strangulation": True, "weapon": True, "fear": True}) == (11, "high")
    assert risk.score(dict.fromkeys(risk.QUESTION_KEYS, True)) == (risk.MAX_SCORE, "severe")


def test_a_high_risk_tells_the_case_manager(pcase, world, django_capture_on_commit_callbacks):
    referral = refer(pcase, world, sections=["risk"])
    services.referral_accept(actor=world["people"]["police"], referral=referral)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assessment = services.risk_assessment_add(
            actor=world["people"]["police"],
            pcase=pcase,
            answers={"threats_to_kill": True, "strangulation": True, "weapon": True, "fear": True},
        )
    assert (assessment.score, assessment.level, assessment.organisation) == (11, "high", world["police"])
    assert [m.to for m in mail.outbox] == [["manager@dgaspc.example"]]
    assert SECRET_NAME not in mail.outbox[0].body and pcase.person.code in mail.outbox[0].body


def test_a_referral_needs_sections_a_basis_and_a_future_deadline(pcase, world):
    with pytest.raises(ValidationError) as error:
        services.referral_send(
            actor=world["people"]["manager"],
            pcase=pcase,
            to_organisation=world["lead"],
            sections=["not-a-section"],
            purpose=" ",
            basis="",
            basis_detail="",
            deadline=timezone.localdate() - datetime.timedelta(days=1),
        )
    assert set(error.value.message_dict) == {
        "sections",
        "to_organisation",
        "purpose",
        "basis",
        "basis_detail",
        "deadline",
    }
    assert not pcase.referrals.exists()


def test_the_referral_form_keeps_what_was_typed(client, pcase, world):
    client.force_login(world["people"]["manager"])
    url = reverse("protection:referral_new", kwargs={"reference": pcase.case.reference})
    response = client.post(
        url,
        {
            "to_organisation": world["police"].pk,
            "sections": ["risk"],
            "purpose": "Verificați ordinul",
            "basis": "consent",
            "basis_detail": "",
            "deadline": "2001-01-01",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "Verificați ordinul" in page
    assert 'value="risk" checked' in page
    assert not pcase.referrals.exists()


def test_the_open_form_rerenders_filled_on_bad_input(client, world):
    client.force_login(world["people"]["manager"])
    response = client.post(
        reverse("protection:open"),
        {
            "organisation": world["lead"].pk,
            "kind": "domestic_violence",
            "territory": world["sector"].pk,
            "sex": "f",
            "full_name": "Elena Ascunsă",
            "children": "Mihai, not-a-year",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Elena Ascunsă" in page and "the year of birth must be a year" in page
    assert not ProtectionCase.objects.exists()


def test_the_open_page_opens_a_case(client, world):
    client.force_login(world["people"]["manager"])
    response = client.post(
        reverse("protection:open"),
        {
            "organisation": world["lead"].pk,
            "kind": "violence_against_women",
            "territory": world["sector"].pk,
            "sex": "f",
            "birth_year": "1990",
            "full_name": "Elena Ascunsă",
            "narrative": SECRET_NARRATIVE,
            "children": "Mihai, 2018\nIoana",
        },
    )
    pcase = ProtectionCase.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/protection/{pcase.case.reference}/")
    assert crypto.reveal(pcase.children, is_json=True) == [
        {"name": "Mihai", "birth_year": 2018},
        {"name": "Ioana", "birth_year": None},
    ]


def test_an_order_puts_its_end_on_the_follow_up_schedule(pcase, world):
    today = timezone.localdate()
    order = services.order_add(
        actor=world["people"]["manager"],
        pcase=pcase,
        kind="provisional",
        authority="Poliția Sector 1",
        number="OPP 12/2026",
        issued_on=today,
        expires_on=today + datetime.timedelta(days=5),
        measures="Evacuarea agresorului",
    )
    assert crypto.reveal(order.measures) == "Evacuarea agresorului"
    follow_up = pcase.follow_ups.get()
    assert follow_up.due_on == order.expires_on and "OPP 12/2026" in follow_up.title
    with pytest.raises(ValidationError):
        services.order_add(
            actor=world["people"]["manager"],
            pcase=pcase,
            kind="final",
            authority="Judecătoria Sectorului 1",
            issued_on=today,
            expires_on=today - datetime.timedelta(days=1),
        )


def test_follow_up_reminders_before_and_after_once_each(pcase, world, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    follow_up = services.follow_up_add(
        actor=world["people"]["manager"],
        pcase=pcase,
        title="Vizită la domiciliu",
        due_on=today + datetime.timedelta(days=1),
    )
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.follow_up_reminders(now) == 1
        assert services.follow_up_reminders(now) == 0  # the same due date is never reminded twice
    FollowUp.objects.filter(pk=follow_up.pk).update(due_on=today - datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.follow_up_reminders(now) == 1
        assert services.follow_up_reminders(now) == 0
    services.follow_up_done(actor=world["people"]["manager"], follow_up=FollowUp.objects.get(pk=follow_up.pk))
    assert services.follow_up_reminders(now + datetime.timedelta(days=3)) == 0
    names = {job.name for job in registered()}
    assert {"protection.follow_up_reminders", "protection.referrals_expire", "protection.retention"} <= names


def test_closed_cases_are_anonymised_after_the_retention_period_unless_held(pcase, world, settings):
    settings.CIVICA_PROTECTION_RETENTION_DAYS = 30
    held = services.protection_case_open(
        actor=world["people"]["manager"],
        organisation=world["lead"],
        kind="domestic_violence",
        territory=world["sector"],
        narrative="Dosar penal în curs",
    )
    services.legal_hold_set(actor=world["people"]["manager"], pcase=held, hold=True, reason="Dosar penal 123/2026")
    for item in (pcase, held):
        services.case_move(actor=world["people"]["manager"], pcase=item, transition="close")
    Case.objects.update(closed_at=timezone.now() - datetime.timedelta(days=31))
    assert services.anonymise_due(timezone.now()) == 1
    assert services.anonymise_due(timezone.now()) == 0  # idempotent
    pcase.refresh_from_db()
    assert pcase.anonymised_at and crypto.reveal(pcase.narrative) == "" and pcase.children is None
    person = ProtectedPerson.objects.get(pk=pcase.person_id)
    assert crypto.reveal(person.full_name) == "" and person.anonymised_at
    assert person.code and person.birth_year == 1988  # what the statistics need stays
    held.refresh_from_db()
    assert crypto.reveal(held.narrative) == "Dosar penal în curs"


def test_export_and_erasure_on_request(client, pcase, world):
    admin = world["people"]["lead_admin"]
    client.force_login(admin)
    response = client.get(reverse("protection:person_export", kwargs={"code": pcase.person.code}))
    data = json.loads(response.content)
    assert data["full_name"] == SECRET_NAME and data["cases"][0]["narrative"] == SECRET_NARRATIVE
    assert response["Content-Disposition"].endswith(f'{pcase.person.code}.json"')
    # a legal hold stops the erasure
    services.legal_hold_set(actor=admin, pcase=pcase, hold=True, reason="Ordin de protecție în judecată")
    client.post(reverse("protection:person", kwargs={"code": pcase.person.code}))
    assert crypto.reveal(ProtectedPerson.objects.get().full_name) == SECRET_NAME
    services.legal_hold_set(actor=admin, pcase=pcase, hold=False)
    client.post(reverse("protection:person", kwargs={"code": pcase.person.code}))
    person = ProtectedPerson.objects.get()
    assert person.erased_at and crypto.reveal(person.full_name) == ""
    assert crypto.reveal(ProtectionCase.objects.get().narrative) == ""
    # the case manager (staff) cannot export: only administrators
    client.force_login(world["people"]["manager"])
    assert client.get(reverse("protection:person_export", kwargs={"code": person.code})).status_code == 404


def test_the_case_page_query_count_does_not_grow_with_the_data(client, pcase, world, django_assert_num_queries):
    """19 queries, seven of them the access-log lines (one per section read), at 1× and at 11× the entries."""
    manager = world["people"]["manager"]
    today = timezone.localdate()

    def add(times):
        for number in range(times):
            services.service_add(
                actor=manager, pcase=pcase, kind="counselling", provided_on=today, notes=f"ședința {number}"
            )
            services.contribution_add(actor=manager, pcase=pcase, section="narrative", body=f"nota {number}")
            services.follow_up_add(actor=manager, pcase=pcase, title=f"vizita {number}", due_on=today)
            services.risk_assessment_add(actor=manager, pcase=pcase, answers={"fear": True})

    client.force_login(manager)
    url = reverse("protection:case", kwargs={"reference": pcase.case.reference})
    add(1)
    with django_assert_num_queries(19):
        client.get(url)
    add(10)
    with django_assert_num_queries(19):
        client.get(url)


def test_the_list_query_count_is_pinned(client, world, django_assert_num_queries):
    manager = world["people"]["manager"]
    for _number in range(3):
        services.protection_case_open(
            actor=manager, organisation=world["lead"], kind="child_abuse", territory=world["sector"]
        )
    client.force_login(manager)
    url = reverse("protection:index")
    with django_assert_num_queries(7):
        client.get(url)
    for _number in range(27):
        services.protection_case_open(
            actor=manager, organisation=world["lead"], kind="child_abuse", territory=world["sector"]
        )
    with django_assert_num_queries(7):
        client.get(url)
