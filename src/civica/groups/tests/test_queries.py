"""Query counts stay the same when the data grows tenfold."""

from datetime import date, timedelta

import pytest

from civica.groups import services

from .conftest import schedule


def _grow(world, size):
    for index in range(size):
        meeting = schedule(world, days=index + 1, title=f"Întâlnire {index}")
        minutes = services.minutes_start(actor=world["coordinator"], meeting=meeting)
        theme = services.theme_add(actor=world["coordinator"], minutes=minutes, title=f"Tema {index}")
        services.point_add(actor=world["coordinator"], theme=theme, kind="problem", text=f"Problema {index}")
        services.point_add(
            actor=world["coordinator"],
            theme=theme,
            kind="information",
            text=f"Informația {index}",
            institution=world["theirs"],
            owner=world["member"],
            due_on=date.today() + timedelta(days=index),
        )
        for step in ("submit", "approve"):
            minutes = services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition=step)
        services.agenda_item_add(actor=world["coordinator"], meeting=meeting, title="Punct", duration_minutes=10)


def _count(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


PAGES = [
    lambda w, m: "/en/groups/",
    lambda w, m: f"/en/groups/{w['group'].uuid}/",
    lambda w, m: f"/en/groups/{w['group'].uuid}/follow-ups/?status=",
    lambda w, m: f"/en/groups/institutions/{w['theirs'].slug}/follow-ups/?status=",
    lambda w, m: f"/en/meetings/{m.uuid}/",
    lambda w, m: f"/en/minutes/{m.minutes.uuid}/",
    lambda w, m: f"/api/v1/groups/{w['group'].uuid}/follow-ups",
    lambda w, m: f"/api/v1/groups/minutes/{m.minutes.uuid}",
]


@pytest.mark.parametrize("page", range(len(PAGES)))
def test_same_queries_at_ten_times_the_data(client, world, page, django_assert_num_queries):
    client.force_login(world["coordinator"])
    _grow(world, 2)
    meeting = world["group"].meetings.order_by("starts_at").last()
    small = _count(client, PAGES[page](world, meeting))
    assert small <= 25, (PAGES[page](world, meeting), small)
    _grow(world, 18)
    meeting = world["group"].meetings.order_by("starts_at").last()
    path = PAGES[page](world, meeting)
    with django_assert_num_queries(small):  # ten times the meetings, minutes and follow-ups: the same count
        assert client.get(path).status_code == 200
