"""Stages: seed 001's template, order, one active stage at a time."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from civica.core.models import AuditEvent
from civica.strategy import services
from civica.strategy.models import Stage


def test_template_creates_the_seven_stages_of_seed_001_in_order(world):
    stages = list(world["strategy"].stages.order_by("position"))
    assert [stage.kind for stage in stages] == [
        "vision",
        "providers",
        "thematic_groups",
        "processing",
        "consultation",
        "action_plan",
        "council",
    ]
    assert all(stage.status == "planned" for stage in stages)
    # Titled in the strategy's language (Romanian here), whoever creates it.
    assert stages[0].title == "Viziunea beneficiarilor despre bunăstare"
    assert stages[-1].title == "Transmiterea către consiliul local"


def test_stages_start_in_order_and_one_at_a_time(world):
    first, second, third = list(world["strategy"].stages.order_by("position"))[:3]
    actor = world["coordinator"]
    with pytest.raises(ValidationError, match="in order"):
        services.stage_start(actor=actor, stage=second)
    services.stage_start(actor=actor, stage=first)
    with pytest.raises(ValidationError):
        services.stage_start(actor=actor, stage=first)
    with pytest.raises(ValidationError):
        services.stage_finish(actor=actor, stage=second)
    services.stage_finish(actor=actor, stage=first)
    services.stage_start(actor=actor, stage=second)
    with pytest.raises(ValidationError, match=r"in order|active"):
        services.stage_start(actor=actor, stage=third)
    first.refresh_from_db()
    assert first.status == "done" and first.starts_on and first.ends_on
    assert AuditEvent.objects.filter(record_type="strategy.stage", summary="started").count() == 2


def test_the_database_holds_one_active_stage(world):
    first, second = list(world["strategy"].stages.order_by("position"))[:2]
    Stage.objects.filter(pk=first.pk).update(status="active")
    with pytest.raises(IntegrityError), transaction.atomic():
        Stage.objects.filter(pk=second.pk).update(status="active")


def test_a_stage_links_groups_and_meetings_of_the_organisation_only(world, make_organisation):
    from civica.groups import services as group_services

    stage = world["strategy"].stages.get(kind="thematic_groups")
    foreign = group_services.group_create(
        actor=world["other_org"], organisation=world["theirs"], name="Alt grup", kind="thematic", visibility="public"
    )
    with pytest.raises(ValidationError):
        services.stage_update(
            actor=world["coordinator"], stage=stage, title=stage.title, starts_on=None, ends_on=None, groups=[foreign]
        )
    services.stage_update(
        actor=world["coordinator"],
        stage=stage,
        title=stage.title,
        starts_on=None,
        ends_on=None,
        groups=[world["group"]],
    )
    assert list(stage.groups.all()) == [world["group"]]


def test_only_those_who_run_the_strategy_move_its_stages(world):
    first = world["strategy"].stages.order_by("position").first()
    for who in ("member", "staff", "outsider", "other_org"):
        with pytest.raises(PermissionDenied):
            services.stage_start(actor=world[who], stage=first)


def test_dates_in_the_wrong_order_are_refused(world):
    import datetime

    stage = world["strategy"].stages.first()
    with pytest.raises(ValidationError) as error:
        services.stage_update(
            actor=world["admin"],
            stage=stage,
            title="Etapa 1",
            starts_on=datetime.date(2025, 3, 1),
            ends_on=datetime.date(2025, 2, 1),
        )
    assert "ends_on" in error.value.message_dict
