"""The estimator against the published figures (DM 150/2023 as summarised in DOMAIN.md)."""

import datetime
from decimal import Decimal

import pytest

from civica.mediation.eligibility import refusal_reason
from civica.mediation.estimates import estimate
from civica.mediation.fees import rules_for

TODAY = datetime.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("value", "first_meeting", "low", "high"),
    [
        (Decimal("800"), Decimal("100.00"), Decimal("80.00"), Decimal("160.00")),
        (Decimal("1000"), Decimal("100.00"), Decimal("80.00"), Decimal("160.00")),
        (Decimal("1000.01"), Decimal("195.00"), Decimal("160.00"), Decimal("290.00")),
        (Decimal("7000"), Decimal("195.00"), Decimal("290.00"), Decimal("440.00")),
        (Decimal("50000"), Decimal("195.00"), Decimal("720.00"), Decimal("1200.00")),
        (Decimal("120000"), Decimal("280.00"), Decimal("1200.00"), Decimal("1500.00")),
        (Decimal("500000"), Decimal("280.00"), Decimal("2500.00"), Decimal("3900.00")),
    ],
)
def test_italian_voluntary_mediation(value, first_meeting, low, high):
    result = estimate(country="IT", matter="civil_other", value=value, on=TODAY)
    assert not result.mandatory
    assert result.first_meeting == first_meeting
    assert (result.procedure.low, result.procedure.high) == (low, high)
    assert result.with_agreement_at_first_meeting.high == (high * Decimal("1.10")).quantize(Decimal("0.01"))
    assert result.with_agreement_later.low == (low * Decimal("1.25")).quantize(Decimal("0.01"))
    assert (result.statutory_months, result.extension_months) == (3, 3)
    assert "150" in result.source


def test_mandatory_matters_pay_one_fifth_less_at_the_first_meeting():
    """A condominium dispute of EUR 30,000: (75 + 120) less one fifth = 156."""
    result = estimate(country="IT", matter="condominium", value=Decimal("30000"), on=TODAY)
    assert result.mandatory and result.first_meeting == Decimal("156.00")
    assert estimate(
        country="IT", matter="civil_other", value=Decimal("30000"), court_referred=True, on=TODAY
    ).first_meeting == Decimal("156.00")


def test_values_above_the_recorded_scale_are_said_not_invented():
    result = estimate(country="IT", matter="civil_other", value=Decimal("600000"), on=TODAY)
    assert result.procedure is None and result.notes


def test_before_the_decree_no_italian_rules_apply():
    assert rules_for("IT", datetime.date(2023, 11, 14)) is None
    assert estimate(country="IT", matter="lease", value=Decimal("5000"), on=datetime.date(2023, 1, 1)).notes


def test_romania_shares_the_mediators_declared_fees_equally():
    result = estimate(
        country="RO",
        matter="public_service",
        parties=2,
        on=TODAY,
        mediator_fee_ranges=[(Decimal("500"), Decimal("1500")), (Decimal("800"), Decimal("2000"))],
    )
    assert result.currency == "RON"
    assert (result.procedure.low, result.procedure.high) == (Decimal("250.00"), Decimal("1000.00"))
    assert result.statutory_months is None
    assert estimate(country="RO", matter="public_service", on=TODAY).notes


def test_greece_mandatory_initial_session():
    assert estimate(country="GR", matter="family", on=TODAY).mandatory
    assert estimate(country="GR", matter="civil_other", value=Decimal("30001"), on=TODAY).mandatory
    assert not estimate(country="GR", matter="civil_other", value=Decimal("30000"), on=TODAY).mandatory


@pytest.mark.parametrize("matter", ["domestic_violence", "violence_against_women"])
def test_violence_is_refused_with_the_reason(matter):
    result = estimate(country="IT", matter=matter, value=Decimal("1000"), on=TODAY)
    assert result.refused and "48" in result.refused
    assert result.first_meeting is None
    assert refusal_reason("lease") is None


def test_median_needs_enough_closed_cases():
    few = estimate(country="IT", matter="lease", value=Decimal("5000"), past_durations_days=[30, 60], on=TODAY)
    enough = estimate(
        country="IT", matter="lease", value=Decimal("5000"), on=TODAY, past_durations_days=[30, 45, 60, 75, 120]
    )
    assert few.median_days is None and enough.median_days == 60


def test_at_least_two_parties():
    with pytest.raises(ValueError):
        estimate(country="IT", matter="lease", value=Decimal("1"), parties=1)


@pytest.mark.parametrize(
    ("value", "duty"),
    [
        # O.U.G. 80/2013 art. 3(1), worked by hand from the text of each bracket.
        (Decimal("100"), Decimal("20.00")),  # 8 % is 8 lei: the 20 lei minimum applies
        (Decimal("500"), Decimal("40.00")),
        (Decimal("3000"), Decimal("215.00")),  # 40 + 7 % of 2,500
        (Decimal("48000"), Decimal("2045.00")),  # 1,355 + 3 % of 23,000
        (Decimal("100000"), Decimal("3105.00")),  # 2,105 + 2 % of 50,000
        (Decimal("1000000"), Decimal("13605.00")),  # 6,105 + 1 % of 750,000
    ],
)
def test_romanian_court_fees_follow_the_stamp_duty_scale(value, duty):
    fees = estimate(country="RO", matter="public_service", value=value, on=TODAY).court_fees
    assert fees.court_action == duty
    assert fees.agreement_approval == Decimal("20.00")
    assert fees.refunded_if_settled_in_court
    assert "80/2013" in fees.source


def test_a_property_agreement_pays_half_the_action_duty_and_is_not_refunded():
    fees = estimate(country="RO", matter="division", value=Decimal("100000"), on=TODAY).court_fees
    assert fees.agreement_approval == Decimal("1572.50")  # 20 + 3,105 / 2
    assert not fees.refunded_if_settled_in_court
    assert not estimate(
        country="RO", matter="inheritance", value=Decimal("1000"), on=TODAY
    ).court_fees.refunded_if_settled_in_court


def test_court_fees_need_a_value_and_a_rule_in_force():
    assert estimate(country="RO", matter="public_service", on=TODAY).court_fees is None
    assert estimate(country="IT", matter="lease", value=Decimal("5000"), on=TODAY).court_fees is None
    # Before O.U.G. 80/2013 was in force, no court fees are recorded.
    assert (
        estimate(country="RO", matter="lease", value=Decimal("5000"), on=datetime.date(2010, 1, 1)).court_fees is None
    )
