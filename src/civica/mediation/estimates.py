"""What a mediation would cost each party, and how long it would take.

Reads the versioned rules in data/fee_rules.json (by country and date) and never keeps a figure of
its own. Italy follows the D.M. 150/2023 scale; in Romania and Greece fees are negotiated, so the
estimate comes from the chosen mediators' declared fee ranges, shared equally by default.
"""

import datetime
import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from .eligibility import refusal_reason
from .fees import decimal, rules_for
from .matters import is_mandatory

CENT = Decimal("0.01")
# Below this many closed cases of a kind, a median says more about chance than about practice.
MIN_CASES_FOR_MEDIAN = 5


@dataclass(frozen=True)
class Range:
    low: Decimal
    high: Decimal

    def scaled(self, factor: Decimal) -> "Range":
        return Range(_money(self.low * factor), _money(self.high * factor))


@dataclass(frozen=True)
class CourtFees:
    """Romania's judicial stamp duty around a mediation, in total (paid by whoever files), not per party."""

    # What suing for the same value would cost: the comparison that makes mediation's saving visible.
    court_action: Decimal
    # What asking a court to approve the mediation agreement costs.
    agreement_approval: Decimal
    # Whether a duty already paid for a case in court comes back once mediation settles it.
    refunded_if_settled_in_court: bool
    source: str


@dataclass
class Estimate:
    country: str
    matter: str
    currency: str = "EUR"
    refused: str | None = None
    mandatory: bool = False
    source: str = ""
    first_meeting: Decimal | None = None
    procedure: Range | None = None
    with_agreement_at_first_meeting: Range | None = None
    with_agreement_later: Range | None = None
    tax_credit_max: Decimal | None = None
    statutory_months: int | None = None
    extension_months: int | None = None
    median_days: float | None = None
    court_fees: CourtFees | None = None
    notes: list[str] = field(default_factory=list)


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _bracket(brackets: list[dict], value: Decimal) -> dict | None:
    for bracket in brackets:
        if bracket["up_to"] is None or value <= decimal(bracket["up_to"]):
            return bracket
    return None


def estimate(
    *,
    country: str,
    matter: str,
    value: Decimal | None = None,
    parties: int = 2,
    court_referred: bool = False,
    mediator_fee_ranges: list[tuple[Decimal, Decimal]] | None = None,
    past_durations_days: list[int] | None = None,
    on: datetime.date | None = None,
) -> Estimate:
    if parties < 2:
        raise ValueError("A mediation has at least two parties.")
    result = Estimate(country=country, matter=matter)
    reason = refusal_reason(matter)
    if reason:
        result.refused = reason
        return result
    rules = rules_for(country, on or datetime.date.today())
    if rules is None:
        result.notes.append(_("No fee rules are recorded for this country and date."))
        return result
    result.source, result.currency = rules["source"], rules["currency"]
    result.mandatory = is_mandatory(country, matter, court_referred=court_referred, value=value)
    duration = rules["duration"]
    result.statutory_months, result.extension_months = duration["statutory_months"], duration["extension_months"]
    if past_durations_days and len(past_durations_days) >= MIN_CASES_FOR_MEDIAN:
        result.median_days = statistics.median(past_durations_days)

    if "scale" in rules:
        _italian_scale(result, rules, value)
    elif mediator_fee_ranges:
        # Fees are negotiated; each party pays an equal share unless the contract says otherwise.
        low = min(decimal(r[0]) for r in mediator_fee_ranges) / parties
        high = max(decimal(r[1]) for r in mediator_fee_ranges) / parties
        result.procedure = Range(_money(low), _money(high))
    else:
        result.notes.append(_("Fees are negotiated with the mediator: choose mediators to see their declared fees."))
    if "court_fees" in rules and value is not None:
        result.court_fees = _court_fees(rules["court_fees"], matter, decimal(value))
    return result


def _stamp_duty(scale: list[dict], value: Decimal) -> Decimal:
    bracket = _bracket(scale, value)
    duty = decimal(bracket["base"]) + decimal(bracket["rate"]) * (value - decimal(bracket["over"]))
    return _money(max(duty, decimal(bracket.get("minimum", 0))))


def _court_fees(rules: dict, matter: str, value: Decimal) -> CourtFees:
    action = _stamp_duty(rules["action_scale"], value)
    approval = decimal(rules["agreement_approval"])
    if matter in rules["property_matters"]:
        approval += action * decimal(rules["agreement_approval_property_share"])
    return CourtFees(
        court_action=action,
        agreement_approval=_money(approval),
        refunded_if_settled_in_court=matter not in rules["no_refund_matters"],
        source=rules["_comment"],
    )


def _italian_scale(result: Estimate, rules: dict, value: Decimal | None) -> None:
    if value is None:
        result.notes.append(_("Enter the value of the dispute to see the fees."))
        return
    value = decimal(value)
    first = _bracket(rules["first_meeting"], value)
    amount = decimal(first["fee"]) + decimal(first["expenses"])
    if result.mandatory:
        amount *= 1 - decimal(rules["first_meeting_reduction_when_mandatory"])
    result.first_meeting = _money(amount)
    bracket = _bracket(rules["scale"], value)
    if bracket is None:
        result.notes.append(_("The value is above the last bracket of the scale recorded here."))
        return
    procedure = Range(_money(decimal(bracket["min"])), _money(decimal(bracket["max"])))
    result.procedure = procedure
    result.with_agreement_at_first_meeting = procedure.scaled(
        1 + decimal(rules["increase_on_agreement_at_first_meeting"])
    )
    result.with_agreement_later = procedure.scaled(1 + decimal(rules["increase_on_agreement_later"]))
    result.tax_credit_max = decimal(rules["tax_credit"]["fees_max"])
