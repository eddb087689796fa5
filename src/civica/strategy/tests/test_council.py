"""The roll-call vote: each councillor once, every seat accounted for, quorum then majority."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from civica.strategy import selectors, services

from .conftest import draft


@pytest.fixture
def decision(world):
    draft(world)
    return services.decision_submit(
        actor=world["coordinator"], strategy=world["strategy"], reference="Proiect de hotărâre 123/2025", seats=5
    )


def _votes(world, decision, options):
    for index, option in enumerate(options):
        services.vote_record(actor=world["admin"], decision=decision, councillor=f"Consilier {index}", option=option)


def test_each_councillor_votes_once_and_never_more_votes_than_seats(world, decision):
    services.vote_record(actor=world["admin"], decision=decision, councillor="Ion  Pop", option="yes")
    with pytest.raises(ValidationError, match="already"):
        services.vote_record(actor=world["admin"], decision=decision, councillor="ion pop", option="no")
    with pytest.raises(ValidationError):
        services.vote_record(actor=world["admin"], decision=decision, councillor="Ana", option="maybe")
    _votes(world, decision, ["no", "yes", "absent", "abstain"])
    with pytest.raises(ValidationError, match="seat"):
        services.vote_record(actor=world["admin"], decision=decision, councillor="Al șaselea", option="yes")


def test_the_vote_closes_only_when_every_seat_is_recorded(world, decision):
    _votes(world, decision, ["yes", "yes", "yes"])
    with pytest.raises(ValidationError, match="3 of 5"):
        services.vote_close(actor=world["admin"], decision=decision, voted_on=datetime.date.today())


@pytest.mark.parametrize(
    ("options", "majority", "result", "present", "needed"),
    [
        (["yes", "yes", "no", "absent", "absent"], "simple", "adopted", 3, 2),
        (["yes", "no", "abstain", "absent", "absent"], "simple", "rejected", 3, 2),  # abstaining counts against
        (["yes", "yes", "absent", "absent", "absent"], "simple", "no_quorum", 2, 2),
        (["yes", "yes", "no", "abstain", "absent"], "absolute", "rejected", 4, 3),
        (["yes", "yes", "yes", "no", "absent"], "absolute", "adopted", 4, 3),
    ],
)
def test_quorum_and_majority(world, options, majority, result, present, needed):
    draft(world)
    decision = services.decision_submit(
        actor=world["admin"], strategy=world["strategy"], reference="PH 1", seats=5, majority=majority
    )
    _votes(world, decision, options)
    counted = selectors.tally(decision)
    assert (counted["present"], counted["needed"]) == (present, needed)
    decision = services.vote_close(actor=world["admin"], decision=decision, voted_on=datetime.date(2025, 6, 26))
    assert decision.result == result
    world["strategy"].refresh_from_db()
    assert world["strategy"].is_locked == (result == "adopted")
    with pytest.raises(ValidationError, match="closed"):
        services.vote_record(actor=world["admin"], decision=decision, councillor="Târziu", option="yes")


def test_a_strategy_without_a_draft_cannot_be_submitted(world):
    with pytest.raises(ValidationError):
        services.decision_submit(actor=world["admin"], strategy=world["strategy"], reference="PH 2", seats=5)
