"""The permission matrix: each person × each page and API action of a private group.

A private group is seen only by its members and its organisation's admins; everyone else gets 404,
by page, API, calendar feed, export and search.
"""

import re

import pytest

from civica.groups import services

from .conftest import minutes_with_information, schedule

SEES = {"admin", "coordinator", "member"}
RUNS = {"admin", "coordinator"}
PEOPLE = ["admin", "staff", "coordinator", "member", "outsider", "other_org", "anonymous"]


@pytest.fixture
def content(world):
    meeting = schedule(world)
    minutes = minutes_with_information(world, meeting)
    for step in ("submit", "approve"):
        minutes = services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition=step)
    return {
        "meeting": meeting,
        "minutes": minutes,
        "follow_up": minutes.themes.get().points.get(kind="information").follow_up,
    }


def _login(client, world, who):
    if who != "anonymous":
        client.force_login(world[who])


def _pages(world, content):
    group, meeting, minutes = world["group"], content["meeting"], content["minutes"]
    return [
        f"/en/groups/{group.uuid}/",
        f"/en/groups/{group.uuid}/follow-ups/",
        f"/en/groups/{group.uuid}/calendar.ics",
        f"/en/meetings/{meeting.uuid}/",
        f"/en/meetings/{meeting.uuid}/meeting.ics",
        f"/en/minutes/{minutes.uuid}/",
        f"/en/minutes/{minutes.uuid}/minutes.docx",
    ]


@pytest.mark.parametrize("who", PEOPLE)
def test_pages_of_a_private_group(client, world, content, who):
    _login(client, world, who)
    for path in _pages(world, content):
        status = client.get(path).status_code
        assert status == (200 if who in SEES else 404), (who, path, status)
    listing = client.get("/en/groups/").content.decode()
    assert (world["group"].name in listing) == (who in SEES)


@pytest.mark.parametrize("who", PEOPLE)
def test_api_of_a_private_group(client, world, content, who):
    _login(client, world, who)
    group = world["group"]
    paths = [
        f"/api/v1/groups/{group.uuid}",
        f"/api/v1/groups/{group.uuid}/meetings",
        f"/api/v1/groups/{group.uuid}/follow-ups",
        f"/api/v1/groups/meetings/{content['meeting'].uuid}",
        f"/api/v1/groups/minutes/{content['minutes'].uuid}",
        f"/api/v1/groups/follow-ups/{content['follow_up'].uuid}",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == (200 if who in SEES else 404), (who, path, response.status_code)
    listed = [item["uuid"] for item in client.get("/api/v1/groups").json()["items"]]
    assert (str(group.uuid) in listed) == (who in SEES)


@pytest.mark.parametrize("who", PEOPLE)
def test_who_may_run_the_group(client, world, content, who):
    """Scheduling, writing minutes, moving them on: the coordinator and the organisation's admins."""
    _login(client, world, who)
    group, minutes = world["group"], content["minutes"]
    expected_page = 200 if who in RUNS else (302 if who == "anonymous" else 404)
    assert client.get(f"/en/groups/{group.uuid}/meetings/new/").status_code == expected_page
    response = client.post(
        f"/api/v1/groups/minutes/{minutes.uuid}/transitions", {"transition": "publish"}, content_type="application/json"
    )
    assert response.status_code == (200 if who in RUNS else 401 if who == "anonymous" else 404)
    minutes.refresh_from_db()
    assert (minutes.state == "published") == (who in RUNS)


@pytest.mark.parametrize("who", PEOPLE)
def test_follow_up_status_by_api(client, world, content, who):
    """The follow-up's owner (the member) and those who run the group may close it."""
    _login(client, world, who)
    follow_up = content["follow_up"]
    response = client.post(
        f"/api/v1/groups/follow-ups/{follow_up.uuid}/status", {"status": "done"}, content_type="application/json"
    )
    allowed = who in RUNS | {"member"}
    assert response.status_code == (200 if allowed else 401 if who == "anonymous" else 404)
    follow_up.refresh_from_db()
    assert (follow_up.status == "done") == allowed


def test_unpublished_minutes_of_a_public_group_stay_with_its_members(client, world, content):
    group = world["group"]
    group.visibility = "public"
    group.save()
    minutes = content["minutes"]  # approved, not yet published
    client.force_login(world["outsider"])
    assert client.get(f"/en/groups/{group.uuid}/").status_code == 200
    assert client.get(f"/en/minutes/{minutes.uuid}/").status_code == 404
    services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition="publish")
    assert client.get(f"/en/minutes/{minutes.uuid}/").status_code == 200


def test_another_organisations_ids_are_404_for_writes(client, world, content):
    client.force_login(world["other_org"])
    meeting = content["meeting"]
    assert client.post(f"/en/meetings/{meeting.uuid}/agenda/", {"agenda-title": "x"}).status_code == 404
    assert client.post(f"/en/minutes/{content['minutes'].uuid}/themes/", {"theme-title": "x"}).status_code == 404
    response = client.post(
        f"/api/v1/groups/{world['group'].uuid}/meetings",
        {"title": "x", "starts_at": "2030-01-01T10:00:00Z", "ends_at": "2030-01-01T11:00:00Z", "place": "x"},
        content_type="application/json",
    )
    assert response.status_code == 404


def test_personal_calendar_feed_lists_only_the_persons_groups(client, world, content):
    from icalendar import Calendar

    client.force_login(world["member"])
    page = client.post("/en/groups/calendar/").content.decode()
    feed_url = re.search(r'id="feed-url"[^>]*>([^<]+)<', page).group(1)
    token = feed_url.rsplit("/calendar/", 1)[1].removesuffix(".ics")
    client.logout()
    feed = client.get(f"/en/calendar/{token}.ics")
    assert feed.status_code == 200
    uids = [str(event["UID"]) for event in Calendar.from_ical(feed.content).walk("VEVENT")]
    assert uids == [f"meeting-{content['meeting'].uuid}@civica"]
    assert client.get("/en/calendar/not-a-token.ics").status_code == 404


@pytest.mark.parametrize("who", PEOPLE)
def test_search_finds_private_minutes_and_follow_ups_only_for_those_who_see_them(client, world, content, who):
    _login(client, world, who)
    page = client.get("/en/groups/?q=criminogen").content.decode()
    assert ("Zone cu potențial criminogen" in page) == (who in SEES)


def test_staff_who_create_a_private_group_coordinate_it(world):
    group = services.group_create(
        actor=world["staff"], organisation=world["ours"], name="Comisia", kind="committee", visibility="private"
    )
    assert group.members.get().position == "coordinator"
    assert world["staff"].has_perm("groups.manage_group", group)


def test_nul_characters_are_refused_as_invalid_input(client, world):
    client.force_login(world["admin"])
    # Refused at the door for the whole site (core.middleware), before any query runs.
    assert client.get("/api/v1/groups", {"q": "a\x00b"}).status_code == 400
    response = client.post(
        "/api/v1/groups",
        {"organisation": str(world["ours"].uuid), "name": "Grup\x00", "kind": "committee"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "NUL" in response.json()["detail"]
