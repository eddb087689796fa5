"""A private working group of one organisation, with people in every position that matters."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from civica.groups import services


@pytest.fixture
def world(two_organisations, make_member, make_user):
    ours, theirs, people = two_organisations
    coordinator = make_member(ours, role="member", email="coordinator@ours.example", first_name="Măriuca")
    member = make_member(theirs, role="member", email="member@theirs.example", first_name="Oana")
    outsider_same_org = people["member"]  # member of the organisation, not of the group
    group = services.group_create(
        actor=people["admin"],
        organisation=ours,
        name="Siguranța cetățeanului și buna guvernare",
        kind="working_group",
        visibility="private",
        language="ro",
    )
    services.member_add(actor=people["admin"], group=group, user=coordinator, position="coordinator", organisation=ours)
    services.member_add(
        actor=people["admin"],
        group=group,
        user=member,
        position="expert",
        organisation=theirs,
        starts_on=date(2019, 12, 1),
    )
    return {
        "ours": ours,
        "theirs": theirs,
        "group": group,
        "admin": people["admin"],
        "staff": people["staff"],  # staff of the organisation, not in the group
        "coordinator": coordinator,
        "member": member,
        "outsider": outsider_same_org,
        "other_org": people["other_admin"],
    }


def schedule(world, *, days=1, **values):
    start = timezone.now() + timedelta(days=days)
    values.setdefault("title", "Întâlnire restrânsă")
    values.setdefault("place", "Primăria Sectorului 1")
    return services.meeting_schedule(
        actor=world["coordinator"], group=world["group"], starts_at=start, ends_at=start + timedelta(hours=2), **values
    )


def minutes_with_information(world, meeting, *, due_on=None):
    """Minutes with one theme, a problem and an 'information to be provided' by the other institution."""
    minutes = services.minutes_start(actor=world["coordinator"], meeting=meeting)
    theme = services.theme_add(actor=world["coordinator"], minutes=minutes, title="Infracționalitate și violență")
    services.point_add(actor=world["coordinator"], theme=theme, kind="problem", text="Victime neînregistrate")
    services.point_add(
        actor=world["coordinator"],
        theme=theme,
        kind="information",
        text="Zone cu potențial criminogen",
        owner=world["member"],
        institution=world["theirs"],
        due_on=due_on or date.today() + timedelta(days=10),
    )
    return minutes
