"""A strategy of one organisation drafted by its private working group, with people in every position."""

import pytest

from civica.groups import services as group_services
from civica.strategy import services


@pytest.fixture
def world(two_organisations, make_member):
    ours, theirs, people = two_organisations
    coordinator = make_member(ours, role="member", email="coordinator@ours.example", first_name="Mihaela")
    member = make_member(theirs, role="member", email="member@theirs.example", first_name="Radu")
    group = group_services.group_create(
        actor=people["admin"],
        organisation=ours,
        name="Grupul de lucru pentru strategia serviciilor sociale",
        kind="working_group",
        visibility="private",
        language="ro",
    )
    group_services.member_add(actor=people["admin"], group=group, user=coordinator, position="coordinator")
    group_services.member_add(actor=people["admin"], group=group, user=member, position="member", organisation=theirs)
    strategy = services.strategy_create(
        actor=people["admin"],
        organisation=ours,
        title="Strategia de dezvoltare a serviciilor sociale 2025-2030",
        working_group=group,
        period="2025-2030",
        plan_year=2025,
    )
    return {
        "ours": ours,
        "theirs": theirs,
        "group": group,
        "strategy": strategy,
        "admin": people["admin"],
        "staff": people["staff"],  # works for the organisation, not in the working group
        "coordinator": coordinator,
        "member": member,
        "outsider": people["member"],
        "other_org": people["other_admin"],
    }


def run_to(world, kind):
    """Start and finish the stages in order until the stage of `kind` is active."""
    actor = world["coordinator"]
    for stage in world["strategy"].stages.order_by("position"):
        if stage.status == "done":
            continue
        if stage.status == "planned":
            services.stage_start(actor=actor, stage=stage)
        if stage.kind == kind:
            return stage
        services.stage_finish(actor=actor, stage=stage)
    raise AssertionError(kind)


def draft(world, texts=("# Viziune", "Bunăstarea beneficiarilor.", "Servicii integrate în comunitate.")):
    return services.version_create(
        actor=world["admin"],
        strategy=world["strategy"],
        paragraphs=services.paragraphs_from_text("\n\n".join(texts)),
        note="Prima versiune",
    )
