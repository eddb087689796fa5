"""The draft in versions: paragraphs keep their identity, comments follow them, adoption locks the text."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.strategy import selectors, services

from .conftest import draft, run_to


def _next_version(world, version, change):
    """A new version that keeps every paragraph, with `change(index, text)` applied to their texts."""
    texts = list(version.texts.select_related("paragraph").order_by("position"))
    items = [
        {"paragraph": t.paragraph.uuid, "text": change(index, t.text), "heading": t.is_heading}
        for index, t in enumerate(texts)
    ]
    return services.version_create(actor=world["coordinator"], strategy=world["strategy"], paragraphs=items)


def test_comments_only_during_the_consultation_on_the_draft(world):
    version = draft(world)
    paragraph = version.texts.get(position=2).paragraph
    with pytest.raises(ValidationError, match="consultation"):
        services.comment_add(actor=world["member"], strategy=world["strategy"], paragraph_uuid=paragraph.uuid, text="x")
    run_to(world, "consultation")
    comment = services.comment_add(
        actor=world["member"], strategy=world["strategy"], paragraph_uuid=paragraph.uuid, text="Adăugați copiii."
    )
    assert comment.on_text.version == version


def test_a_comment_stays_with_its_paragraph_across_versions_and_flags_a_change(world):
    v1 = draft(world)
    run_to(world, "consultation")
    second = v1.texts.get(position=2).paragraph
    third = v1.texts.get(position=3).paragraph
    on_second = services.comment_add(
        actor=world["member"], strategy=world["strategy"], paragraph_uuid=second.uuid, text="Definiți bunăstarea."
    )
    on_third = services.comment_add(
        actor=world["member"], strategy=world["strategy"], paragraph_uuid=third.uuid, text="De acord."
    )
    # Version 2: a new paragraph first (positions move), the second paragraph's text changed.
    texts = list(v1.texts.select_related("paragraph").order_by("position"))
    items = [{"paragraph": None, "text": "Introducere nouă."}]
    items += [
        {
            "paragraph": t.paragraph.uuid,
            "text": t.text + (" (definită de beneficiari)" if t.paragraph == second else ""),
        }
        for t in texts
    ]
    v2 = services.version_create(actor=world["coordinator"], strategy=world["strategy"], paragraphs=items)
    shown = {t.paragraph_id: t for t in selectors.paragraphs_with_comments(v2)}
    assert [c.pk for c in shown[second.pk].thread] == [on_second.pk]
    assert shown[second.pk].thread[0].text_changed is True
    assert shown[second.pk].position == 3
    assert [c.pk for c in shown[third.pk].thread] == [on_third.pk]
    assert shown[third.pk].thread[0].text_changed is False
    # The paragraph identities are the same records in both versions.
    assert set(v1.texts.values_list("paragraph_id", flat=True)) < set(v2.texts.values_list("paragraph_id", flat=True))


def test_a_removed_paragraph_keeps_its_comments_aside(world):
    v1 = draft(world)
    run_to(world, "consultation")
    dropped = v1.texts.get(position=3).paragraph
    services.comment_add(actor=world["member"], strategy=world["strategy"], paragraph_uuid=dropped.uuid, text="Nu.")
    v2 = _next_version(world, v1, lambda index, text: "" if index == 2 else text)
    assert v2.texts.count() == 2
    assert [c.paragraph_id for c in selectors.orphan_comments(v2)] == [dropped.pk]


def test_paragraphs_of_another_strategy_cannot_be_kept(world):
    other = services.strategy_create(actor=world["admin"], organisation=world["ours"], title="Alta")
    foreign = draft({**world, "strategy": other}).texts.first().paragraph
    with pytest.raises(ValidationError):
        services.version_create(
            actor=world["coordinator"],
            strategy=world["strategy"],
            paragraphs=[{"paragraph": foreign.uuid, "text": "x"}],
        )


def test_every_comment_gets_an_answer_with_a_reason_unless_accepted(world):
    version = draft(world)
    run_to(world, "consultation")
    comment = services.comment_add(
        actor=world["member"],
        strategy=world["strategy"],
        paragraph_uuid=version.texts.get(position=2).paragraph.uuid,
        text="Mai mult buget.",
    )
    with pytest.raises(ValidationError) as error:
        services.comment_answer(actor=world["coordinator"], comment=comment, verdict="rejected", reason=" ")
    assert "reason" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        services.comment_answer(actor=world["member"], comment=comment, verdict="accepted", reason="")
    services.comment_answer(actor=world["coordinator"], comment=comment, verdict="partly", reason="Bugetul e limitat.")
    comment.refresh_from_db()
    assert comment.verdict == "partly" and comment.answered_by == world["coordinator"]


def _adopt(world):
    run_to(world, "council")
    decision = services.decision_submit(
        actor=world["coordinator"], strategy=world["strategy"], reference="PH 12", seats=3
    )
    for name, option in (("A", "yes"), ("B", "yes"), ("C", "no")):
        services.vote_record(actor=world["coordinator"], decision=decision, councillor=name, option=option)
    return services.vote_close(actor=world["coordinator"], decision=decision, voted_on=datetime.date.today())


def test_the_adopted_version_is_locked(world):
    version = draft(world)
    run_to(world, "consultation")
    comment = services.comment_add(
        actor=world["member"],
        strategy=world["strategy"],
        paragraph_uuid=version.texts.get(position=2).paragraph.uuid,
        text="Bine.",
    )
    services.stage_finish(actor=world["coordinator"], stage=world["strategy"].stages.get(kind="consultation"))
    decision = _adopt(world)
    assert decision.result == "adopted"
    world["strategy"].refresh_from_db()
    assert world["strategy"].adopted_version == version and world["strategy"].published_at
    assert world["strategy"].stages.get(kind="council").status == "done"
    with pytest.raises((ValidationError, PermissionDenied)):
        _next_version(world, version, lambda index, text: text + "!")
    with pytest.raises((ValidationError, PermissionDenied)):
        services.comment_answer(actor=world["coordinator"], comment=comment, verdict="accepted", reason="")
    with pytest.raises((ValidationError, PermissionDenied)):
        services.comment_add(
            actor=world["member"], strategy=world["strategy"], paragraph_uuid=comment.paragraph.uuid, text="Prea târziu"
        )
    assert world["strategy"].versions.count() == 1
