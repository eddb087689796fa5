"""The impact figures are counted from the data, by one selector with a pinned number of queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civica.events import services as event_services
from civica.hub import services as hub_services
from civica.partnerships import selectors, services

from .conftest import make_action, make_memorandum


def _held_training(world, people, attended):
    start = timezone.now() + timedelta(days=1)
    event = event_services.event_create(
        actor=world["centre_staff"],
        organisation=world["centre"],
        title="Σεμινάριο",
        kind="training",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        capacity=100,
        place="Αθήνα",
    )
    registrations = [event_services.registration_create(actor=person, event=event) for person in people]
    past = timezone.now() - timedelta(days=2)
    type(event).objects.filter(pk=event.pk).update(starts_at=past, ends_at=past + timedelta(hours=2))
    event.refresh_from_db()
    event_services.attendance_record(
        actor=world["centre_staff"], event=event, present={r.uuid for r in registrations[:attended]}
    )
    return event


def _grow(world, make_organisation, make_user, size):
    today = timezone.localdate()
    for index in range(size):
        organisation = make_organisation(kind="ngo", country="GR")
        membership = hub_services.membership_request(
            actor=None, centre=world["centre"], organisation=organisation, motivation="x", system=True
        )
        hub_services.membership_decide(actor=world["centre_admin"], membership=membership, approve=True)
        membership.representatives.create(user=make_user())
        make_action(world, actor=world["centre_staff"], title=f"Δράση {index}")
        make_memorandum(world, title=f"Μνημόνιο {index}", expires_on=today + timedelta(days=400))
        _held_training(world, [make_user(), make_user()], attended=1)


def test_figures_are_computed_from_the_data(world, make_user):
    today = timezone.localdate()
    action = make_action(world)
    services.pilot_action_transition(actor=world["centre_staff"], action=action, transition="approve")
    make_action(world, title="Δεύτερη")
    make_memorandum(world, expires_on=today + timedelta(days=100))
    make_memorandum(world, title="Expired", expires_on=today - timedelta(days=1))
    make_memorandum(world, title="Draft", signed_on=None, expires_on=None, document=False)
    old = make_memorandum(world, title="Old", expires_on=today + timedelta(days=5))
    make_memorandum(world, title="New", renews=old, signed_on=today, expires_on=date(2030, 1, 1))
    _held_training(world, [make_user() for _i in range(3)], attended=2)
    figures = selectors.impact(world["centre"])
    assert figures["members"] == 1 and figures["representatives"] == 0
    assert figures["memoranda_active"] == 2  # the first and the renewal; not expired, draft or renewed
    assert (figures["events_held"], figures["trainings_held"], figures["participants"]) == (1, 1, 2)
    assert {state: n for state, _label, n in figures["pilot_actions"]} == {
        "proposed": 1,
        "approved": 1,
        "rejected": 0,
        "running": 0,
        "evaluated": 0,
    }


def test_impact_selector_runs_five_queries(world, django_assert_num_queries):
    with django_assert_num_queries(5):
        selectors.impact(world["centre"])


@pytest.mark.parametrize(
    "path",
    [
        "/en/partnerships/centres/centre/impact/",
        "/api/v1/centres/centre/impact",
        "/en/partnerships/pilot-actions/",
        "/en/partnerships/memoranda/",
        "/api/v1/pilot-actions",
        "/api/v1/memoranda",
    ],
)
def test_same_queries_at_ten_times_the_data(
    client, world, make_organisation, make_user, path, django_assert_num_queries
):
    client.force_login(world["centre_staff"])
    _grow(world, make_organisation, make_user, 2)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    small = len(queries)
    _grow(world, make_organisation, make_user, 18)
    with django_assert_num_queries(small):
        client.get(path)


def test_pilot_action_page_queries_do_not_grow_with_indicators(client, world, django_assert_num_queries):
    from decimal import Decimal

    action = make_action(world)
    client.force_login(world["centre_staff"])
    path = f"/en/partnerships/pilot-actions/{action.uuid}/"
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    for index in range(10):
        services.indicator_add(
            actor=world["centre_staff"], action=action, name=f"Δείκτης {index}", baseline=Decimal(0), target=Decimal(10)
        )
    with django_assert_num_queries(len(queries)):
        client.get(path)
