"""The permission matrix of pilot actions and memoranda: each person × each page and API action.

A proposed (or rejected) pilot action is seen by the centre, the lead and the partners only; approved,
running and evaluated ones are public. Draft or private memoranda are seen by the keeper and the parties
only. Only the centre's staff decide; only the keeper's staff manage a memorandum. Everyone else: 404.
"""

import pytest

from civica.partnerships import services

from .conftest import make_action, make_memorandum

PEOPLE = [
    "centre_admin",
    "centre_staff",
    "centre_member",
    "ngo_staff",
    "city_staff",
    "other_admin",
    "outsider",
    "anonymous",
]
INSIDERS = {"centre_admin", "centre_staff", "centre_member", "ngo_staff", "city_staff"}
DECIDES = {"centre_admin", "centre_staff"}
KEEPS = {"centre_admin", "centre_staff"}
MOU_INSIDERS = {"centre_admin", "centre_staff", "centre_member", "city_staff"}


def _login(client, world, who):
    if who != "anonymous":
        client.force_login(world[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_a_proposed_action_is_seen_by_the_centre_the_lead_and_the_partners(client, world, who):
    action = make_action(world)
    _login(client, world, who)
    expected = 200 if who in INSIDERS else 404
    for path in (f"/en/partnerships/pilot-actions/{action.uuid}/", f"/api/v1/pilot-actions/{action.uuid}"):
        assert client.get(path).status_code == expected, (who, path)
    listing = client.get("/en/partnerships/pilot-actions/").content.decode()
    assert (action.title in listing) == (who in INSIDERS)
    api_titles = [item["title"] for item in client.get("/api/v1/pilot-actions").json()["items"]]
    assert (action.title in api_titles) == (who in INSIDERS)


@pytest.mark.parametrize("who", PEOPLE)
def test_an_approved_action_is_public_and_only_the_centre_moves_it(client, world, who):
    action = make_action(world)
    services.pilot_action_transition(actor=world["centre_staff"], action=action, transition="approve")
    _login(client, world, who)
    assert client.get(f"/en/partnerships/pilot-actions/{action.uuid}/").status_code == 200
    response = client.post(f"/en/partnerships/pilot-actions/{action.uuid}/", {"transition": "start", "step-text": ""})
    action.refresh_from_db()
    assert action.state == ("running" if who in DECIDES else "approved"), who
    assert response.status_code == (302 if who in DECIDES else 404)
    api = client.post(
        f"/api/v1/pilot-actions/{action.uuid}/transitions",
        {"transition": "evaluate", "text": "Done"},
        content_type="application/json",
    )
    if who == "anonymous":
        assert api.status_code == 401
    elif who in DECIDES:
        assert api.status_code == 200 and api.json()["state"] == "evaluated"
    else:
        assert api.status_code == 404


@pytest.mark.parametrize("who", PEOPLE)
def test_who_may_propose(client, world, who):
    _login(client, world, who)
    response = client.get(f"/en/partnerships/centres/{world['centre'].slug}/pilot-actions/new/")
    if who == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if who in {"centre_admin", "centre_staff", "ngo_staff"} else 404), who


@pytest.mark.parametrize("who", PEOPLE)
def test_a_draft_memorandum_is_seen_by_the_keeper_and_the_parties(client, world, who):
    draft = make_memorandum(world, signed_on=None, expires_on=None, document=False)
    _login(client, world, who)
    expected = 200 if who in MOU_INSIDERS else 404
    for path in (f"/en/partnerships/memoranda/{draft.uuid}/", f"/api/v1/memoranda/{draft.uuid}"):
        assert client.get(path).status_code == expected, (who, path)
    response = client.post(f"/en/partnerships/memoranda/{draft.uuid}/", {"signed_on": "2026-01-01"})
    draft.refresh_from_db()
    assert (draft.signed_on is not None) == (who in KEEPS), who
    assert response.status_code == (302 if who in KEEPS else 404), who


@pytest.mark.parametrize("who", PEOPLE)
def test_who_may_add_a_memorandum(client, world, who):
    _login(client, world, who)
    response = client.get("/en/partnerships/memoranda/new/")
    if who == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (404 if who in {"centre_member", "outsider"} else 200), who


def test_another_organisation_cannot_renew_our_memorandum(client, world):
    memorandum = make_memorandum(world)
    client.force_login(world["other_admin"])
    assert client.get(f"/en/partnerships/memoranda/new/?renews={memorandum.uuid}").status_code == 404


def test_bad_input_on_the_memorandum_form_keeps_what_was_typed(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world["centre_staff"])
    response = client.post(
        "/en/partnerships/memoranda/new/",
        {
            "organisation": "centre",
            "title": "Μνημόνιο με τον Δήμο Πειραιά",
            "scope": "Τεχνογνωσία",
            "parties": ["city"],
            "signed_on": "2026-01-01",
            "document": SimpleUploadedFile("mou.pdf", b"not really a pdf"),
            "is_public": "on",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Attach the signed memorandum as a PDF file." in body and "Μνημόνιο με τον Δήμο Πειραιά" in body


def test_impact_page_and_api_are_public_and_unknown_centres_404(client, world):
    assert client.get(f"/en/partnerships/centres/{world['centre'].slug}/impact/").status_code == 200
    assert client.get("/en/partnerships/centres/nowhere/impact/").status_code == 404
    assert client.get(f"/en/partnerships/centres/{world['ngo'].slug}/impact/").status_code == 404
    assert client.get(f"/api/v1/centres/{world['centre'].slug}/impact").json()["members"] == 1
