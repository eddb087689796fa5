"""Who sees what of a protection case: the permission matrix (roles × actions, another agency's ids
answer 404), referrals that end access the moment they expire or are revoked, and the access log."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from civica.cases import document_services
from civica.core.models import AccessLogEntry
from civica.protection import selectors, services
from civica.protection.models import Referral

from .conftest import SECRET_NAME, SECRET_NARRATIVE, refer

pytestmark = pytest.mark.django_db


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def case_url(pcase):
    return reverse("protection:case", kwargs={"reference": pcase.case.reference})


LEAD_SIDE = ("manager", "lead_admin")
NOTHING = ("lead_staff", "lead_member", "police", "police_member", "ngo", "other")


@pytest.mark.parametrize("who", LEAD_SIDE + NOTHING)
def test_matrix_without_any_referral(client, pcase, world, who):
    """Only the case manager and the lead's administrators see the case; everyone else gets 404 by
    page, list, search, referral or file link, including staff of the lead organisation not on the case."""
    user = world["people"][who]
    sees = who in LEAD_SIDE
    page = get(client, user, case_url(pcase))
    assert page.status_code == (200 if sees else 404)
    listing = client.get(reverse("protection:index"), {"q": pcase.person.code})
    assert (pcase.case.reference in listing.content.decode()) is sees
    assert selectors.case_list(user=user, query=pcase.case.reference).exists() is sees
    # the case core's own page too: a confidential workflow, not for every member of the lead's staff
    core = client.get(reverse("cases:detail", kwargs={"reference": pcase.case.reference}))
    assert core.status_code == (200 if sees else 404)
    inbox = client.get(reverse("cases:inbox"), {"scope": "all"})
    assert (pcase.case.reference in inbox.content.decode()) is sees
    if sees:
        assert SECRET_NAME in page.content.decode()
    else:
        assert SECRET_NAME not in page.content.decode()


def test_a_file_link_answers_only_to_the_lead(client, pcase, world):
    document = document_services.document_upload(
        actor=world["people"]["manager"],
        case=pcase.case,
        upload=SimpleUploadedFile("raport.txt", b"raport medico-legal", content_type="text/plain"),
        title="Raport",
    )
    refer(pcase, world, sections=["narrative"])
    services.referral_accept(actor=world["people"]["police"], referral=pcase.referrals.get())
    url = reverse(
        "cases:download_document",
        kwargs={"reference": pcase.case.reference, "uuid": document.uuid, "variant": "file"},
    )
    assert get(client, world["people"]["manager"], url).status_code == 200
    for who in ("lead_staff", "police", "ngo", "other"):
        assert get(client, world["people"][who], url).status_code == 404


def test_a_referral_shows_only_its_sections_while_it_runs(client, pcase, world):
    referral = refer(pcase, world, sections=["risk"])
    police = world["people"]["police"]
    # sent, not yet accepted: the referral page, not the case
    assert get(client, police, reverse("protection:referral", kwargs={"uuid": referral.uuid})).status_code == 200
    assert get(client, police, case_url(pcase)).status_code == 404
    services.referral_accept(actor=police, referral=referral)
    page = get(client, police, case_url(pcase)).content.decode()
    assert "Risk assessment" in page
    assert SECRET_NAME not in page and SECRET_NARRATIVE not in page
    # a member (no working role) of the police sees nothing; nor does the NGO
    assert get(client, world["people"]["police_member"], case_url(pcase)).status_code == 404
    assert get(client, world["people"]["ngo"], case_url(pcase)).status_code == 404
    assert (
        get(client, world["people"]["ngo"], reverse("protection:referral", kwargs={"uuid": referral.uuid})).status_code
        == 404
    )


@pytest.mark.parametrize("ending", ["revoke", "complete", "expire", "deadline"])
def test_a_referral_that_ends_ends_access_at_once(client, pcase, world, ending):
    referral = refer(pcase, world, sections=["narrative"])
    police = world["people"]["police"]
    services.referral_accept(actor=police, referral=referral)
    assert get(client, police, case_url(pcase)).status_code == 200
    if ending == "revoke":
        services.referral_revoke(actor=world["people"]["manager"], referral=referral, reason="Consent withdrawn")
    elif ending == "complete":
        services.referral_complete(actor=police, referral=referral, outcome="Ordin verificat")
    elif ending == "expire":
        Referral.objects.filter(pk=referral.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=1))
        assert services.referrals_expire(timezone.now()) == 1
        assert services.referrals_expire(timezone.now()) == 0  # idempotent
    else:
        # the deadline passed and the job has not run yet: access ends anyway
        Referral.objects.filter(pk=referral.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=1))
    assert get(client, police, case_url(pcase)).status_code == 404
    assert not selectors.case_list(user=police).exists()
    assert (
        get(
            client,
            police,
            reverse("protection:case_form", kwargs={"reference": pcase.case.reference, "what": "contribution"}),
        ).status_code
        == 404
    )


def test_a_receiving_agency_writes_only_to_its_sections(client, pcase, world):
    referral = refer(pcase, world, to="ngo", sections=["services"])
    ngo = world["people"]["ngo"]
    services.referral_accept(actor=ngo, referral=referral)
    client.force_login(ngo)
    base = {"reference": pcase.case.reference}
    assert client.get(reverse("protection:case_form", kwargs={**base, "what": "service"})).status_code == 200
    assert client.get(reverse("protection:case_form", kwargs={**base, "what": "risk"})).status_code == 404
    assert client.get(reverse("protection:case_form", kwargs={**base, "what": "safety_plan"})).status_code == 404
    response = client.post(
        reverse("protection:case_form", kwargs={**base, "what": "service"}),
        {"kind": "psychological", "provided_on": timezone.localdate().isoformat(), "notes": "Ședință de consiliere"},
    )
    assert response.status_code == 302
    service = pcase.services.get()
    assert service.organisation == world["ngo"]
    with pytest.raises(PermissionDenied):
        services.contribution_add(actor=ngo, pcase=pcase, section="narrative", body="x")


def test_every_section_read_is_logged_with_who_which_section_and_why(client, pcase, world):
    manager = world["people"]["manager"]
    before = AccessLogEntry.objects.count()
    get(client, manager, case_url(pcase))
    entries = list(AccessLogEntry.objects.order_by("id")[before:])
    assert len(entries) == 7  # one per section read
    assert {entry.reason.split(":")[0] for entry in entries} == {
        "person",
        "narrative",
        "risk",
        "safety_plan",
        "orders",
        "services",
        "follow_ups",
    }
    assert all(entry.actor == manager for entry in entries)
    assert all(entry.organisation_uuid == world["lead"].uuid for entry in entries)
    assert all(entry.record_label.startswith(pcase.case.reference) for entry in entries)
    assert SECRET_NAME not in repr([(e.record_label, e.reason) for e in entries])
    # a referral reader: only the sections shared, with the referral as the ground
    referral = refer(pcase, world, sections=["risk"])
    services.referral_accept(actor=world["people"]["police"], referral=referral)
    before = AccessLogEntry.objects.count()
    get(client, world["people"]["police"], case_url(pcase))
    entries = list(AccessLogEntry.objects.order_by("id")[before:])
    assert [entry.reason for entry in entries] == [f"risk: referral {referral.uuid}"]
    # a refused read logs nothing (and reveals nothing)
    before = AccessLogEntry.objects.count()
    get(client, world["people"]["other"], case_url(pcase))
    assert AccessLogEntry.objects.count() == before


def test_the_access_log_page_is_for_the_lead_organisations_admins(client, pcase, world):
    url = reverse("protection:access_log", kwargs={"slug": world["lead"].slug})
    get(client, world["people"]["manager"], case_url(pcase))
    page = get(client, world["people"]["lead_admin"], url)
    assert page.status_code == 200
    assert "narrative: case work" in page.content.decode()
    for who in ("manager", "lead_staff", "police", "other"):
        assert get(client, world["people"][who], url).status_code == 404
    other_log = reverse("protection:access_log", kwargs={"slug": world["other"].slug})
    assert get(client, world["people"]["lead_admin"], other_log).status_code == 404


def test_emergency_access_with_a_reason_logged_and_mailed_to_the_admins(
    client, pcase, world, django_capture_on_commit_callbacks
):
    colleague = world["people"]["lead_staff"]
    url = reverse("protection:emergency", kwargs={"reference": pcase.case.reference})
    client.force_login(colleague)
    assert client.get(url).status_code == 200
    # a reason too short is refused, and what was typed stays in the form
    response = client.post(url, {"reason": "urgent"})
    assert response.status_code == 200 and 'value="urgent"' not in response.content.decode()
    assert "urgent</textarea>" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Apel 112 noaptea: agresorul a revenit la domiciliu"})
    assert response.status_code == 302
    page = client.get(case_url(pcase)).content.decode()
    assert SECRET_NAME in page
    reasons = set(AccessLogEntry.objects.filter(actor=colleague).values_list("reason", flat=True))
    assert "person: emergency access: Apel 112 noaptea: agresorul a revenit la domiciliu" in reasons
    to = [address for message in mail.outbox for address in message.to]
    assert "admin@dgaspc.example" in to
    assert any("Apel 112" in message.body for message in mail.outbox)
    assert SECRET_NAME not in repr([message.body for message in mail.outbox])
    # other agencies cannot break the glass: 404
    for who in ("police", "other", "lead_member"):
        assert get(client, world["people"][who], url).status_code == 404


def test_emergency_access_runs_out(client, pcase, world):
    colleague = world["people"]["lead_staff"]
    grant = services.emergency_access_grant(actor=colleague, pcase=pcase, reason="Apel de urgență de la poliție")
    assert get(client, colleague, case_url(pcase)).status_code == 200
    type(grant).objects.filter(pk=grant.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert get(client, colleague, case_url(pcase)).status_code == 404


def test_a_hand_over_happens_only_when_the_receiver_accepts(pcase, world):
    referral = refer(pcase, world, to="ngo", sections=["narrative", "risk"], transfer_ownership=True)
    pcase.case.refresh_from_db()
    assert pcase.case.organisation == world["lead"]  # not yet
    services.referral_accept(actor=world["people"]["ngo"], referral=referral)
    pcase.case.refresh_from_db()
    assert pcase.case.organisation == world["ngo"]
    assert pcase.case.owner == world["people"]["ngo"]
    referral.refresh_from_db()
    assert referral.state == Referral.State.COMPLETED
    assert selectors.access(world["people"]["ngo"], pcase).lead


def test_a_declined_referral_gives_nothing(client, pcase, world):
    referral = refer(pcase, world)
    police = world["people"]["police"]
    client.force_login(police)
    response = client.post(
        reverse("protection:referral_action", kwargs={"uuid": referral.uuid, "action": "decline"}), {"outcome": ""}
    )
    referral.refresh_from_db()
    assert response.status_code == 302 and referral.state == Referral.State.SENT  # a reason is required
    client.post(
        reverse("protection:referral_action", kwargs={"uuid": referral.uuid, "action": "decline"}),
        {"outcome": "Nu avem competență"},
    )
    referral.refresh_from_db()
    assert referral.state == Referral.State.DECLINED
    assert client.get(case_url(pcase)).status_code == 404
    # and it can no longer be accepted
    assert (
        client.post(
            reverse("protection:referral_action", kwargs={"uuid": referral.uuid, "action": "accept"})
        ).status_code
        == 404
    )
    referral.refresh_from_db()
    assert referral.state == Referral.State.DECLINED


def test_other_organisations_ids_answer_404_everywhere(client, pcase, world):
    referral = refer(pcase, world)
    other = world["people"]["other"]
    client.force_login(other)
    reference = pcase.case.reference
    for url in (
        reverse("protection:case", kwargs={"reference": reference}),
        reverse("protection:referral_new", kwargs={"reference": reference}),
        reverse("protection:emergency", kwargs={"reference": reference}),
        reverse("protection:case_form", kwargs={"reference": reference, "what": "risk"}),
        reverse("protection:referral", kwargs={"uuid": referral.uuid}),
        reverse("protection:person", kwargs={"code": pcase.person.code}),
        reverse("protection:person_export", kwargs={"code": pcase.person.code}),
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        reverse("protection:case_action", kwargs={"reference": reference, "action": "move-intervene"}),
        reverse("protection:referral_action", kwargs={"uuid": referral.uuid, "action": "accept"}),
        reverse("protection:referral_action", kwargs={"uuid": referral.uuid, "action": "revoke"}),
    ):
        assert client.post(url).status_code == 404, url
    referral.refresh_from_db()
    assert referral.state == Referral.State.SENT
