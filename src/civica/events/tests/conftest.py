from datetime import timedelta

import pytest
from django.utils import timezone

from civica.events import services


@pytest.fixture
def world(two_organisations, make_member, make_user):
    """`ours` organises events: admin and staff run them; `member` is a plain member of ours; `outsider`
    belongs to no organisation; `other_admin` runs another organisation."""
    ours, theirs, people = two_organisations
    people["outsider"] = make_user(email="outsider@test.example", first_name="Ola", last_name="Outside")
    return {"ours": ours, "theirs": theirs, **people}


def make_event(world, *, days=7, capacity=2, is_public=True, video=False, title="Formare: medierea comunitară"):
    start = timezone.now() + timedelta(days=days)
    return services.event_create(
        actor=world["staff"],
        organisation=world["ours"],
        title=title,
        kind="training",
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        capacity=capacity,
        place="" if video else "Sala de consiliu",
        video=video,
        is_public=is_public,
        language="ro",
    )


def held(event, days_ago=1):
    """Move an event into the past (as if time had passed) so attendance can be taken."""
    start = timezone.now() - timedelta(days=days_ago)
    type(event).objects.filter(pk=event.pk).update(starts_at=start, ends_at=start + timedelta(hours=3))
    event.refresh_from_db()
    return event
