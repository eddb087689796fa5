"""SWOT analyses linked to a strategy (issue 4 item 5): only analyses of the groups the process uses, of its
organisation and seen by the person; run by the working group's coordinators and the organisation's admins;
shown with the strategy (drafts private), their entries linked to the minutes; cited by objectives."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civica.core.models import AuditEvent
from civica.groups import services as group_services
from civica.strategy import selectors, services

PEOPLE = ["admin", "staff", "coordinator", "member", "outsider", "other_org", "anonymous"]
SEES = {"admin", "coordinator", "member"}
RUNS = {"admin", "coordinator"}


def _minutes(actor, group, title="Întâlnirea grupurilor tematice"):
    start = timezone.now() - timedelta(days=7)
    meeting = group_services.meeting_schedule(
        actor=actor,
        group=group,
        title=title,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="Primăria",
        invite=False,
    )
    minutes = group_services.minutes_start(actor=actor, meeting=meeting)
    theme = group_services.theme_add(actor=actor, minutes=minutes, title="Servicii pentru vârstnici")
    problem = group_services.point_add(
        actor=actor, theme=theme, kind="problem", text="Lipsesc centrele de zi în cartierele periferice"
    )
    solution = group_services.point_add(
        actor=actor, theme=theme, kind="solution", text="Contractarea serviciilor cu furnizori privați"
    )
    return meeting, minutes, problem, solution


def make_swot(actor, group, entries=1, title="Analiza SWOT a serviciilor sociale"):
    meeting, minutes, problem, solution = _minutes(actor, group)
    analysis = group_services.swot_create(actor=actor, group=group, title=title, meeting=meeting)
    for n in range(entries):
        group_services.swot_entry_add(
            actor=actor, analysis=analysis, kind="strength", text=f"Furnizori privați experimentați {n}"
        )
        group_services.swot_entry_add(
            actor=actor, analysis=analysis, kind="weakness", text=f"Centre de zi puține {n}", points=[problem]
        )
        group_services.swot_entry_add(
            actor=actor, analysis=analysis, kind="opportunity", text=f"Fonduri PIDS {n}", points=[solution]
        )
        group_services.swot_entry_add(actor=actor, analysis=analysis, kind="threat", text=f"Îmbătrânirea {n}")
    return {"analysis": analysis, "minutes": minutes, "problem": problem, "solution": solution}


@pytest.fixture
def swot(world):
    return make_swot(world["coordinator"], world["group"])


@pytest.fixture
def foreign(world):
    """A SWOT analysis of another organisation's group, and one of our own group the process does not use."""
    theirs = group_services.group_create(
        actor=world["other_org"],
        organisation=world["theirs"],
        name="Grupul lor",
        kind="working_group",
        visibility="public",
    )
    ours_unused = group_services.group_create(
        actor=world["admin"],
        organisation=world["ours"],
        name="Grupul de siguranță",
        kind="working_group",
        visibility="public",
    )
    return {
        "theirs": group_services.swot_create(actor=world["other_org"], group=theirs, title="SWOT străin"),
        "unused_group": ours_unused,
        "unused": group_services.swot_create(actor=world["admin"], group=ours_unused, title="SWOT nefolosit"),
    }


def _login(client, world, who):
    if who != "anonymous":
        client.force_login(world[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_linking_matrix(client, world, swot, who):
    strategy, analysis = world["strategy"], swot["analysis"]
    _login(client, world, who)
    response = client.post(f"/en/strategies/{strategy.uuid}/swot/", {"swot-analysis": str(analysis.uuid)})
    linked = strategy.swot_analyses.filter(pk=analysis.pk).exists()
    assert linked == (who in RUNS), (who, response.status_code)
    if who == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif who in RUNS:
        assert response.status_code == 302
    else:
        assert response.status_code == 404
    if not linked:
        services.strategy_swot_link(actor=world["admin"], strategy=strategy, analysis=analysis)
    response = client.post(f"/en/strategies/{strategy.uuid}/swot/{analysis.uuid}/unlink/")
    unlinked = not strategy.swot_analyses.filter(pk=analysis.pk).exists()
    assert unlinked == (who in RUNS), (who, response.status_code)


def test_other_analyses_are_refused_by_field_and_nothing_changes(client, world, swot, foreign):
    strategy = world["strategy"]
    client.force_login(world["admin"])
    events = AuditEvent.objects.count()
    for analysis in (foreign["theirs"], foreign["unused"]):
        response = client.post(f"/en/strategies/{strategy.uuid}/swot/", {"swot-analysis": str(analysis.uuid)})
        assert response.status_code == 200
        assert 'id="id_swot-analysis_error"' in response.content.decode()
    assert not strategy.swot_analyses.exists() and AuditEvent.objects.count() == events
    # The service refuses them by field as well, whoever asks.
    with pytest.raises(ValidationError) as error:
        services.strategy_swot_link(actor=world["admin"], strategy=strategy, analysis=foreign["theirs"])
    assert "analysis" in error.value.message_dict
    # A group linked to a stage is one the process uses: its analyses become linkable.
    stage = strategy.stages.get(kind="processing")
    services.stage_update(
        actor=world["admin"], stage=stage, title=stage.title, starts_on=None, ends_on=None,
        groups=[foreign["unused_group"]],
    )  # fmt: skip
    client.post(f"/en/strategies/{strategy.uuid}/swot/", {"swot-analysis": str(foreign["unused"].uuid)})
    assert strategy.swot_analyses.filter(pk=foreign["unused"].pk).exists()


def test_another_organisations_strategy_is_404_and_its_analysis_not_linkable(client, world, swot, foreign):
    other = services.strategy_create(actor=world["other_org"], organisation=world["theirs"], title="Străină")
    client.force_login(world["admin"])
    response = client.post(f"/en/strategies/{other.uuid}/swot/", {"swot-analysis": str(swot["analysis"].uuid)})
    assert response.status_code == 404 and not other.swot_analyses.exists()
    services.strategy_swot_link(actor=world["admin"], strategy=world["strategy"], analysis=swot["analysis"])
    response = client.post(f"/en/strategies/{world['strategy'].uuid}/swot/{foreign['theirs'].uuid}/unlink/")
    assert response.status_code == 404


def test_the_strategy_page_shows_the_quadrants_and_keeps_drafts_private(client, world, swot):
    strategy, analysis = world["strategy"], swot["analysis"]
    services.strategy_swot_link(actor=world["coordinator"], strategy=strategy, analysis=analysis)
    client.force_login(world["coordinator"])
    page = client.get(f"/en/strategies/{strategy.uuid}/").content.decode()
    for label in ("Strength", "Weakness", "Opportunity", "Threat"):
        assert label in page
    assert "Centre de zi puține 0" in page and "Fonduri PIDS 0" in page
    minutes_link = f"/en/minutes/{swot['minutes'].uuid}/#theme-{swot['problem'].theme_id}"
    assert minutes_link in page  # each entry leads to the problem or solution it came from
    assert f"/en/groups/swot/{analysis.uuid}/" in page
    assert f'action="/en/strategies/{strategy.uuid}/swot/{analysis.uuid}/unlink/"' in page
    client.logout()
    assert client.get(f"/en/strategies/{strategy.uuid}/").status_code == 404  # a draft: working group only
    services.strategy_publish(actor=world["admin"], strategy=strategy)
    page = client.get(f"/en/strategies/{strategy.uuid}/").content.decode()
    assert "Centre de zi puține 0" in page  # the published strategy shows what it was built on
    assert minutes_link not in page and "Lipsesc centrele de zi" not in page  # not the unpublished minutes
    assert "/unlink/" not in page and f"/en/groups/swot/{analysis.uuid}/" not in page  # private group


def test_unlinking_stops_the_objectives_citing_its_entries(world, swot):
    strategy, analysis = world["strategy"], swot["analysis"]
    services.strategy_swot_link(actor=world["coordinator"], strategy=strategy, analysis=analysis)
    objective = services.objective_add(actor=world["coordinator"], strategy=strategy, code="O1", title="Centre")
    entries = list(selectors.citable_swot_entries(strategy).filter(kind="weakness"))
    services.objective_cite_swot(actor=world["coordinator"], objective=objective, entries=entries)
    assert list(objective.swot_entries.all()) == entries
    services.strategy_swot_unlink(actor=world["coordinator"], strategy=strategy, analysis=analysis)
    assert not objective.swot_entries.exists()


def test_objectives_cite_entries_of_linked_analyses_only(client, world, swot, foreign):
    strategy = world["strategy"]
    services.strategy_swot_link(actor=world["admin"], strategy=strategy, analysis=swot["analysis"])
    objective = services.objective_add(actor=world["admin"], strategy=strategy, code="O1", title="Centre de zi")
    weakness = swot["analysis"].entries.get(kind="weakness")
    stranger = group_services.swot_entry_add(
        actor=world["other_org"], analysis=foreign["theirs"], kind="threat", text="Intrus"
    )
    client.force_login(world["coordinator"])
    path = f"/en/strategies/{strategy.uuid}/plan/cite/"
    response = client.post(path, {"cite-objective": str(objective.uuid), "cite-swot_entries": [stranger.pk]})
    assert response.status_code == 200 and 'id="id_cite-swot_entries_error"' in response.content.decode()
    assert not objective.swot_entries.exists()
    with pytest.raises(ValidationError):
        services.objective_cite_swot(actor=world["admin"], objective=objective, entries=[stranger])
    response = client.post(path, {"cite-objective": str(objective.uuid), "cite-swot_entries": [weakness.pk]})
    assert response.status_code == 302 and list(objective.swot_entries.all()) == [weakness]
    plan = client.get(f"/en/strategies/{strategy.uuid}/plan/").content.decode()
    assert "Answers the SWOT analysis:" in plan and f"#swot-entry-{weakness.pk}" in plan
    page = client.get(f"/en/strategies/{strategy.uuid}/").content.decode()
    assert "Answered by the objectives:" in page
    client.force_login(world["member"])  # sees the strategy, does not run it
    response = client.post(path, {"cite-objective": str(objective.uuid), "cite-swot_entries": []})
    assert response.status_code == 404 and objective.swot_entries.exists()


@pytest.mark.parametrize("who", PEOPLE)
def test_api_detail_and_linking(client, world, swot, foreign, who):
    strategy, analysis = world["strategy"], swot["analysis"]
    _login(client, world, who)
    path = f"/api/v1/strategies/{strategy.uuid}"
    response = client.post(f"{path}/swot", {"analysis": str(analysis.uuid)}, content_type="application/json")
    expected = 201 if who in RUNS else (401 if who == "anonymous" else 404)
    assert response.status_code == expected, (who, response.status_code)
    if who in RUNS:
        body = response.json()
        entries = body["swot_analyses"][0]["entries"]
        assert [entry["kind"] for entry in entries] == ["strength", "weakness", "opportunity", "threat"]
        weakness = entries[1]
        assert weakness["sources"] == [
            {
                "uuid": str(swot["problem"].uuid),
                "kind": "problem",
                "text": swot["problem"].text,
                "minutes": str(swot["minutes"].uuid),
            }
        ]
        refused = client.post(
            f"{path}/swot", {"analysis": str(foreign["theirs"].uuid)}, content_type="application/json"
        )
        assert refused.status_code in (400, 422) and "analysis" in str(refused.json())
        assert strategy.swot_analyses.count() == 1
        assert client.delete(f"{path}/swot/{analysis.uuid}").json()["swot_analyses"] == []
    else:
        services.strategy_swot_link(actor=world["admin"], strategy=strategy, analysis=analysis)
    detail = client.get(path)
    assert detail.status_code == (200 if who in SEES else 404)
    if who in SEES and who not in RUNS:
        assert detail.json()["swot_analyses"][0]["title"] == analysis.title
    services.strategy_publish(actor=world["admin"], strategy=strategy)
    body = client.get(path).json()
    linked = body["swot_analyses"]
    if linked:
        sources = [source for entry in linked[0]["entries"] for source in entry["sources"]]
        assert bool(sources) == (who in SEES)  # the minutes are a draft: their members and runners only


def _count(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_strategy_page_keeps_its_query_count_at_ten_times_the_entries(client, world, django_assert_num_queries):
    strategy = world["strategy"]
    small = make_swot(world["coordinator"], world["group"], entries=1, title="Mică")
    services.strategy_swot_link(actor=world["coordinator"], strategy=strategy, analysis=small["analysis"])
    objective = services.objective_add(actor=world["coordinator"], strategy=strategy, code="O1", title="Obiectiv")
    services.objective_cite_swot(
        actor=world["coordinator"], objective=objective, entries=list(selectors.citable_swot_entries(strategy))
    )
    client.force_login(world["coordinator"])
    pages = [
        f"/en/strategies/{strategy.uuid}/",
        f"/en/strategies/{strategy.uuid}/plan/",
        f"/api/v1/strategies/{strategy.uuid}",
    ]
    before = [_count(client, path) for path in pages]
    large = make_swot(world["coordinator"], world["group"], entries=10, title="Mare")
    services.strategy_swot_link(actor=world["coordinator"], strategy=strategy, analysis=large["analysis"])
    services.objective_cite_swot(
        actor=world["coordinator"], objective=objective, entries=list(selectors.citable_swot_entries(strategy))
    )
    after = [_count(client, path) for path in pages]
    assert before == after
    # The linked analyses cost a fixed set of queries (analyses, entries, sources, citations, readable minutes,
    # and for the form the process's groups and the linkable analyses), whatever their number.
    with django_assert_num_queries(19):
        client.get(pages[0])
