"""Item 1 of issue 4 through the pages: the minutes' introduction and signatories, changing and removing
draft themes and points, SWOT analyses and their entries, SDG 16 links of points and follow-ups."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.core.models import AuditEvent
from civica.groups import services
from civica.groups.models import Point, SwotEntry, Theme

from .conftest import minutes_with_information, schedule

PEOPLE = ["admin", "staff", "coordinator", "member", "outsider", "other_org", "anonymous"]
RUNS = {"admin", "coordinator"}
SEES = {"admin", "coordinator", "member"}


@pytest.fixture
def draft(world):
    meeting = schedule(world)
    minutes = minutes_with_information(world, meeting)
    theme = minutes.themes.get()
    return {"meeting": meeting, "minutes": minutes, "theme": theme, "problem": theme.points.get(kind="problem")}


def _login(client, world, who):
    if who != "anonymous":
        client.force_login(world[who])


def test_introduction_and_signatories_are_saved_from_the_page(client, world, draft):
    client.force_login(world["coordinator"])
    minutes = draft["minutes"]
    response = client.post(
        f"/en/minutes/{minutes.uuid}/introduction/",
        {
            "introduction-introduction": "Au fost stabilite trei subiecte extinse de discuție.",
            "introduction-prepared_by": str(world["coordinator"].uuid),
            "introduction-coordinator": str(world["coordinator"].uuid),
            "introduction-expert": str(world["member"].uuid),
        },
    )
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.introduction.startswith("Au fost stabilite")
    assert minutes.expert == world["member"] and minutes.prepared_by == world["coordinator"]
    page = client.get(f"/en/minutes/{minutes.uuid}/").content.decode()
    assert "Au fost stabilite" in page and world["member"].display_name in page


def test_a_signatory_outside_the_group_is_refused_and_the_text_kept(client, world, draft):
    client.force_login(world["coordinator"])
    minutes = draft["minutes"]
    response = client.post(
        f"/en/minutes/{minutes.uuid}/introduction/",
        {"introduction-introduction": "Textul meu", "introduction-expert": str(world["outsider"].uuid)},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Textul meu" in page and "govuk-error-summary" in page
    minutes.refresh_from_db()
    assert minutes.introduction == "" and minutes.expert != world["outsider"]


def test_draft_points_are_changed_and_removed_then_locked_once_in_review(client, world, draft):
    client.force_login(world["coordinator"])
    minutes, problem = draft["minutes"], draft["problem"]
    edit = f"/en/minutes/{minutes.uuid}/points/{problem.uuid}/edit/"
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "point-kind": "problem",
            "point-text": "Victimele neînregistrate ale violenței",
            "point-sdg_targets": ["16.1"],
            "point-sdg_indicators": ["16.1.3"],
        },
    )
    assert response.status_code == 302
    problem.refresh_from_db()
    assert problem.text == "Victimele neînregistrate ale violenței"
    assert [t.code for t in problem.sdg_targets.all()] == ["16.1"]
    assert [i.code for i in problem.sdg_indicators.all()] == ["16.1.3"]
    # Bad input: an empty text is refused, what was typed stays, nothing changes.
    response = client.post(edit, {"point-kind": "information", "point-text": "Ceva de furnizat"})
    assert response.status_code == 200 and "Ceva de furnizat" in response.content.decode()
    problem.refresh_from_db()
    assert problem.kind == "problem"
    theme_edit = f"/en/minutes/{minutes.uuid}/themes/{draft['theme'].pk}/edit/"
    assert client.post(theme_edit, {"theme-title": "Infracționalitate", "theme-sdg_targets": ["16.1", "16.2"]})[
        "Location"
    ].endswith(f"/minutes/{minutes.uuid}/")
    assert sorted(t.code for t in Theme.objects.get().sdg_targets.all()) == ["16.1", "16.2"]
    assert client.post(f"/en/minutes/{minutes.uuid}/points/{problem.uuid}/delete/").status_code == 302
    assert not Point.objects.filter(pk=problem.pk).exists()
    assert AuditEvent.objects.filter(action="delete", record_uuid=problem.uuid).exists()
    services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition="submit")
    remaining = Point.objects.get()
    assert client.get(f"/en/minutes/{minutes.uuid}/points/{remaining.uuid}/edit/").status_code == 404
    assert client.post(f"/en/minutes/{minutes.uuid}/points/{remaining.uuid}/delete/").status_code == 404
    with pytest.raises(ValidationError):
        services.point_delete(actor=world["coordinator"], point=remaining)
    assert client.post(f"/en/minutes/{minutes.uuid}/themes/{draft['theme'].pk}/delete/").status_code == 404
    assert Theme.objects.count() == 1


@pytest.mark.parametrize("who", PEOPLE)
def test_who_may_change_draft_minutes(client, world, draft, who):
    _login(client, world, who)
    minutes, problem = draft["minutes"], draft["problem"]
    status = client.get(f"/en/minutes/{minutes.uuid}/points/{problem.uuid}/edit/").status_code
    expected = 200 if who in RUNS else (302 if who == "anonymous" else 404)
    assert status == expected, who
    status = client.post(f"/en/minutes/{minutes.uuid}/points/{problem.uuid}/delete/").status_code
    assert status == (302 if who in RUNS or who == "anonymous" else 404), who
    assert Point.objects.filter(pk=problem.pk).exists() == (who not in RUNS)


def test_swot_from_the_pages_links_problems_and_solutions_of_the_group(client, world, draft):
    client.force_login(world["coordinator"])
    group = world["group"]
    response = client.post(
        f"/en/groups/{group.uuid}/swot/",
        {"swot-title": "Analiza SWOT a Sectorului 1", "swot-meeting": str(draft["meeting"].uuid)},
    )
    analysis = group.swots.get()
    assert response["Location"].endswith(f"/groups/swot/{analysis.uuid}/") and analysis.meeting == draft["meeting"]
    problem = draft["problem"]
    response = client.post(
        f"/en/groups/swot/{analysis.uuid}/entries/",
        {"entry-kind": "weakness", "entry-text": "Date lipsă despre victime", "entry-points": [str(problem.uuid)]},
    )
    assert response.status_code == 302
    entry = SwotEntry.objects.get()
    assert list(entry.points.all()) == [problem]
    page = client.get(f"/en/groups/swot/{analysis.uuid}/").content.decode()
    assert "Date lipsă despre victime" in page and problem.text in page
    information = Point.objects.get(kind="information")
    response = client.post(
        f"/en/groups/swot/{analysis.uuid}/entries/",
        {"entry-kind": "threat", "entry-text": "Text păstrat", "entry-points": [str(information.uuid)]},
    )
    assert response.status_code == 200 and "Text păstrat" in response.content.decode()
    assert SwotEntry.objects.count() == 1
    assert client.post(f"/en/groups/swot/{analysis.uuid}/entries/{entry.pk}/delete/").status_code == 302
    assert not SwotEntry.objects.exists()


def test_swot_entries_cannot_come_from_another_groups_minutes(world, draft, two_organisations):
    other = services.group_create(
        actor=world["admin"], organisation=world["ours"], name="Alt grup", kind="thematic", visibility="public"
    )
    analysis = services.swot_create(actor=world["admin"], group=other, title="SWOT")
    with pytest.raises(ValidationError) as error:
        services.swot_entry_add(
            actor=world["admin"], analysis=analysis, kind="strength", text="x", points=[draft["problem"]]
        )
    assert "points" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.swot_create(actor=world["member"], group=world["group"], title="SWOT")


@pytest.mark.parametrize("who", PEOPLE)
def test_who_sees_and_edits_a_swot(client, world, draft, who):
    analysis = services.swot_create(actor=world["coordinator"], group=world["group"], title="SWOT")
    _login(client, world, who)
    status = client.get(f"/en/groups/swot/{analysis.uuid}/").status_code
    assert status == (200 if who in SEES else 404), who
    status = client.post(
        f"/en/groups/swot/{analysis.uuid}/entries/", {"entry-kind": "strength", "entry-text": "Parteneriate"}
    ).status_code
    assert status == (302 if who in RUNS or who == "anonymous" else 404), who
    assert SwotEntry.objects.exists() == (who in RUNS)


def test_follow_up_page_links_sdg_indicators(client, world, draft):
    minutes = draft["minutes"]
    for step in ("submit", "approve"):
        minutes = services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition=step)
    follow_up = Point.objects.get(kind="information").follow_up
    client.force_login(world["member"])  # the owner of the follow-up
    page = client.get(f"/en/follow-ups/{follow_up.uuid}/").content.decode()
    assert follow_up.description in page and "Raised in" in page
    response = client.post(f"/en/follow-ups/{follow_up.uuid}/sdg/", {"sdg-sdg_indicators": ["16.1.4", "16.3.1"]})
    assert response.status_code == 302
    assert sorted(i.code for i in follow_up.sdg_indicators.all()) == ["16.1.4", "16.3.1"]
    response = client.post(f"/en/follow-ups/{follow_up.uuid}/sdg/", {"sdg-sdg_indicators": ["99.9.9"]})
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    client.force_login(world["outsider"])
    assert client.get(f"/en/follow-ups/{follow_up.uuid}/").status_code == 404
    assert client.post(f"/en/follow-ups/{follow_up.uuid}/sdg/", {"sdg-sdg_indicators": []}).status_code == 404
    assert follow_up.sdg_indicators.count() == 2


def test_swot_page_keeps_its_query_count(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    analysis = services.swot_create(actor=world["coordinator"], group=world["group"], title="SWOT")

    def grow(size):
        for index in range(size):
            meeting = schedule(world, days=index + 1, title=f"Întâlnire {index}")
            minutes = minutes_with_information(world, meeting)
            points = list(Point.objects.filter(theme__minutes=minutes, kind="problem"))
            services.swot_entry_add(
                actor=world["coordinator"],
                analysis=analysis,
                kind="weakness",
                text=f"Slăbiciune {index}",
                points=points,
            )

    def count(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    client.force_login(world["coordinator"])
    grow(1)
    small = count(f"/en/groups/swot/{analysis.uuid}/")
    grow(9)
    assert count(f"/en/groups/swot/{analysis.uuid}/") == small
