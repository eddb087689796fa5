"""The permission matrix of events: each person × each page and API action, for a public and a private event.

A private event is seen only by the people of its organisation; its organisers (admin, staff) see the
participants and take attendance; everyone else gets 404, by page, calendar file and API.
"""

import pytest

from civica.events import services
from civica.events.models import Registration

from .conftest import held, make_event

PEOPLE = ["admin", "staff", "expert", "member", "outsider", "other_admin", "anonymous"]
RUNS = {"admin", "staff"}
OURS = {"admin", "staff", "expert", "member"}


def _login(client, world, who):
    if who != "anonymous":
        client.force_login(world[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_private_event_pages_and_api(client, world, who):
    event = make_event(world, is_public=False)
    _login(client, world, who)
    expected = 200 if who in OURS else 404
    for path in (f"/en/events/{event.uuid}/", f"/en/events/{event.uuid}/event.ics", f"/api/v1/events/{event.uuid}"):
        assert client.get(path).status_code == expected, (who, path)
    listing = client.get("/en/events/").content.decode()
    assert (event.title in listing) == (who in OURS)


@pytest.mark.parametrize("who", PEOPLE)
def test_public_event_is_seen_by_everyone_but_run_by_its_organisers(client, world, who):
    event = make_event(world)
    _login(client, world, who)
    page = client.get(f"/en/events/{event.uuid}/")
    assert page.status_code == 200
    assert ("Record attendance" in page.content.decode() or "Nobody has registered yet." in page.content.decode()) == (
        who in RUNS
    )


@pytest.mark.parametrize("who", PEOPLE)
def test_who_may_take_attendance(client, world, who):
    event = make_event(world, capacity=5)
    registration = services.registration_create(actor=world["outsider"], event=event)
    event = held(event)
    _login(client, world, who)
    response = client.post(f"/en/events/{event.uuid}/", {"attendance": "1", "present": [str(registration.uuid)]})
    registration.refresh_from_db()
    assert registration.attended is (True if who in RUNS else None), who
    assert response.status_code == (302 if who in RUNS else 404)


@pytest.mark.parametrize("who", PEOPLE)
def test_who_may_publish_an_event(client, world, who):
    _login(client, world, who)
    response = client.get("/en/events/new/")
    if who == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if who in RUNS or who == "other_admin" else 404), who


def test_another_organisations_admin_cannot_publish_for_ours(client, world):
    from datetime import timedelta

    from django.core.exceptions import PermissionDenied
    from django.utils import timezone

    start = timezone.now() + timedelta(days=1)
    with pytest.raises(PermissionDenied):
        services.event_create(
            actor=world["other_admin"],
            organisation=world["ours"],
            title="X",
            kind="seminar",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            capacity=3,
            place="Y",
        )
    client.force_login(world["other_admin"])
    response = client.post(
        "/en/events/new/",
        {
            "organisation": world["ours"].slug,
            "kind": "seminar",
            "title": "X",
            "language": "en",
            "starts_at": "2030-01-01T10:00",
            "ends_at": "2030-01-01T12:00",
            "place": "Y",
            "capacity": "3",
        },
    )
    # The organisation is not among the choices: the form re-renders with the error, nothing is made.
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()


def test_bad_input_re_renders_the_form_filled(client, world):
    client.force_login(world["staff"])
    response = client.post(
        "/en/events/new/",
        {
            "organisation": world["ours"].slug,
            "kind": "training",
            "title": "Formare pentru mediatori",
            "language": "ro",
            "starts_at": "2030-01-01T10:00",
            "ends_at": "2030-01-01T09:00",
            "place": "",
            "capacity": "20",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "The event must end after it starts." in body and "Formare pentru mediatori" in body


def test_api_registration_and_mine(client, world):
    event = make_event(world, capacity=1)
    client.force_login(world["member"])
    response = client.post(f"/api/v1/events/{event.uuid}/registrations", content_type="application/json", data={})
    assert response.status_code == 201 and response.json()["status"] == "confirmed"
    again = client.post(f"/api/v1/events/{event.uuid}/registrations", content_type="application/json", data={})
    assert again.status_code == 400 and again.json()["errors"]
    mine = client.get("/api/v1/events/registrations/mine").json()
    assert [item["event"] for item in mine["items"]] == [str(event.uuid)]
    client.logout()
    assert client.post(f"/api/v1/events/{event.uuid}/registrations", content_type="application/json").status_code == 401
    bad = client.post(
        f"/api/v1/events/{event.uuid}/registrations/by-email",
        content_type="application/json",
        data={"name": "", "email": "x@example.org"},
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "name"
    ok = client.post(
        f"/api/v1/events/{event.uuid}/registrations/by-email",
        content_type="application/json",
        data={"name": "Ana", "email": "ana@example.org", "language": "ro"},
    )
    assert ok.status_code == 202
    assert Registration.objects.get(email="ana@example.org").status == "unconfirmed"


def test_api_hides_private_events_from_other_organisations(client, world):
    private = make_event(world, is_public=False, title="Intern")
    public = make_event(world, title="Public")
    client.force_login(world["other_admin"])
    titles = [item["title"] for item in client.get("/api/v1/events").json()["items"]]
    assert titles == ["Public"] and str(public.uuid)
    assert client.get(f"/api/v1/events/{private.uuid}").status_code == 404
    assert (
        client.post(f"/api/v1/events/{private.uuid}/registrations", content_type="application/json").status_code == 404
    )
