"""The events pages and API read a fixed number of queries, whatever the number of events and registrations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civica.events import services

from .conftest import make_event


def _grow(world, people, size):
    for index in range(size):
        event = make_event(world, days=index + 1, capacity=3, title=f"Seminar {index}")
        for person in people:
            services.registration_create(actor=person, event=event)


def _count(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/en/events/", "/api/v1/events", "/api/v1/events/registrations/mine"])
def test_same_queries_at_ten_times_the_data(client, world, make_user, path, django_assert_num_queries):
    people = [world["member"], world["outsider"]] + [make_user() for _i in range(3)]
    _grow(world, people, 2)
    client.force_login(world["member"])
    small = _count(client, path)
    _grow(world, people, 18)
    with django_assert_num_queries(small):
        client.get(path)


def test_event_page_queries_with_many_registrations(client, world, make_user, django_assert_num_queries):
    event = make_event(world, capacity=100)
    for _i in range(3):
        services.registration_create(actor=make_user(), event=event)
    client.force_login(world["staff"])
    small = _count(client, f"/en/events/{event.uuid}/")
    for _i in range(30):
        services.registration_create(actor=make_user(), event=event)
    with django_assert_num_queries(small):
        client.get(f"/en/events/{event.uuid}/")
