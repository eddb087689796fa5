"""The council's pages: the permission matrix (secretary, staff, councillor, resident, anonymous, another
organisation's secretary), the secretary's journey from convening to a published decision, the
councillor's public page, open data (CSV neutralised, API) and query counts at 1x and 10x data."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from civica.core.permissions import SYSTEM
from civica.council import services
from civica.council.models import Attendance, Decision, Motion, VoteEvent

from .conftest import a_sitting

pytestmark = pytest.mark.django_db

PEOPLE = ["secretary", "staff", "admin", "councillor", "resident", "other_secretary", "anonymous"]
RUNS = {"secretary", "staff", "admin"}


def _login(client, council, who):
    if who != "anonymous":
        client.force_login(council["people"][who])


@pytest.mark.parametrize("who", PEOPLE)
def test_public_pages_for_everyone_and_closed_sittings_for_the_council_only(client, council, who):
    sitting, motion = a_sitting(council)
    closed, _m = a_sitting(council, public=False)
    _login(client, council, who)
    body = council["body"]
    for path in (
        f"/en/council/{body.uuid}/",
        f"/en/council/sittings/{sitting.uuid}/",
        f"/en/council/people/{council['councillors'][0].uuid}/",
        f"/en/council/drafts/{motion.uuid}/",
        f"/en/council/{body.uuid}/popolo.json",
        f"/api/v1/council/{body.uuid}",
    ):
        assert client.get(path).status_code == 200, (who, path)
    expected = 200 if who in RUNS | {"councillor"} else 404
    assert client.get(f"/en/council/sittings/{closed.uuid}/").status_code == expected
    assert client.get(f"/en/council/{body.uuid}/convene/").status_code == (
        200 if who in RUNS else 404 if who != "anonymous" else 302
    )


@pytest.mark.parametrize("who", PEOPLE)
def test_who_may_record_attendance(client, council, who):
    sitting, _motion = a_sitting(council)
    _login(client, council, who)
    form = {str(p.uuid): "present" for p in council["councillors"]} | {"attendance": "1"}
    response = client.post(f"/en/council/sittings/{sitting.uuid}/", form)
    recorded = Attendance.objects.filter(sitting=sitting).exists()
    assert recorded == (who in RUNS), who
    assert response.status_code == (302 if who in RUNS else 404)


def test_the_secretary_runs_a_sitting_from_convening_to_a_published_decision(client, council):
    body = council["body"]
    motion = services.motion_create(actor=SYSTEM, body=body, title="Aprobarea bugetului pe 2026", initiator="mayor")
    client.force_login(council["people"]["secretary"])
    starts = timezone.localtime() - datetime.timedelta(hours=1)
    response = client.post(
        f"/en/council/{body.uuid}/convene/",
        {
            "title": "Ședința ordinară din decembrie",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "is_public": "on",
            "motions": [motion.pk],
        },
    )
    assert response.status_code == 302
    sitting = body.sittings.get()
    page = f"/en/council/sittings/{sitting.uuid}/"
    people = council["councillors"]
    attendance = {str(p.uuid): "present" for p in people} | {str(people[4].uuid): "excused", "attendance": "1"}
    assert client.post(page, attendance).status_code == 302
    # A roll call short of quorum is refused on the form, with what was chosen kept.
    votes = {"vote": "1", "motion": motion.pk, "rule": "absolute"}
    refused = client.post(page, votes | {str(p.uuid): "yes" for p in people})
    assert refused.status_code == 200 and VoteEvent.objects.count() == 0
    assert "More votes were cast than members present." in refused.content.decode()
    votes |= {str(p.uuid): "yes" for p in people[:3]} | {str(people[3].uuid): "no", str(people[4].uuid): "absent"}
    assert client.post(page, votes).status_code == 302
    motion.refresh_from_db()
    assert motion.status == Motion.Status.ADOPTED
    pdf = SimpleUploadedFile("hcl.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = client.post(
        f"/en/council/drafts/{motion.uuid}/", {"publish": "1", "official_id": "123/2026", "pdf": pdf}
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (decision.number, decision.official_id) == (1, "123/2026")
    client.logout()
    council_page = client.get(f"/en/council/{body.uuid}/").content.decode()
    assert f"1/{decision.year}: Aprobarea bugetului pe 2026" in council_page
    councillor_page = client.get(f"/en/council/people/{people[3].uuid}/").content.decode()
    assert "Aprobarea bugetului pe 2026" in councillor_page and "Against" in councillor_page
    assert "Attended 1 of 1 sittings (100%)." in councillor_page


def test_a_resident_sends_a_recommendation_on_a_draft_in_public_debate(client, council):
    motion = services.motion_create(
        actor=SYSTEM, body=council["body"], title="Regulament", initiator="mayor", justification="Referat de aprobare"
    )
    services.motion_open_debate(
        actor=SYSTEM, motion=motion, deadline=datetime.date.today() + datetime.timedelta(days=20)
    )
    assert "Sign in to send a recommendation." in client.get(f"/en/council/drafts/{motion.uuid}/").content.decode()
    client.force_login(council["people"]["resident"])
    assert (
        client.post(f"/en/council/drafts/{motion.uuid}/", {"recommend": "1", "text": "Piste de biciclete"}).status_code
        == 302
    )
    assert motion.recommendations.get().text == "Piste de biciclete"


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(client, council):
    motion = services.motion_create(actor=SYSTEM, body=council["body"], title='=HYPERLINK("x")', initiator="mayor")
    sitting, _m = a_sitting(council, motion=motion)
    services.vote_record(
        actor=SYSTEM,
        sitting=sitting,
        motion=motion,
        held_at=sitting.starts_at,
        votes=list(zip(council["councillors"], ["yes"] * 5, strict=True)),
    )
    text = client.get(f"/en/council/{council['body'].uuid}/votes.csv").content.decode()
    assert "'=HYPERLINK" in text and "\n=" not in text and ",=" not in text


def _grow(council, n):
    for _ in range(n):
        sitting, motion = a_sitting(council)
        services.attendance_record(
            actor=SYSTEM, sitting=sitting, statuses=dict.fromkeys(council["councillors"], "present")
        )
        services.vote_record(
            actor=SYSTEM,
            sitting=sitting,
            motion=motion,
            held_at=sitting.starts_at,
            votes=list(zip(council["councillors"], ["yes"] * 5, strict=True)),
        )


@pytest.mark.parametrize("n", [1, 10])
def test_query_counts_do_not_grow_with_the_record(client, council, django_assert_max_num_queries, n):
    _grow(council, n)
    body = council["body"]
    with django_assert_max_num_queries(16):
        assert client.get(f"/en/council/{body.uuid}/").status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(f"/en/council/people/{council['councillors'][0].uuid}/").status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(f"/en/council/{body.uuid}/popolo.json").status_code == 200
