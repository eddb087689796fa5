"""Writes to the council: decisions, votes, and the vote that adopts a strategy."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import audit
from civica.core.permissions import require

from .. import selectors
from ..models import (
    CouncilDecision,
    Stage,
    Strategy,
    Vote,
)
from ._shared import _locked, _record

# --- The council ----------------------------------------------------------------------------------


@transaction.atomic
def decision_submit(
    *, actor, strategy: Strategy, reference: str, seats: int, majority: str = CouncilDecision.Majority.SIMPLE
) -> CouncilDecision:
    """The newest version goes to the council as a draft decision."""
    require(actor, "strategy.manage_strategy", strategy)
    _locked(strategy)
    errors = {}
    version = selectors.latest_version(strategy)
    if version is None:
        errors["reference"] = _("Write a draft of the strategy before submitting it.")
    if not reference.strip():
        errors["reference"] = _("Give the number of the draft decision.")
    if not 1 <= int(seats) <= 200:
        errors["seats"] = _("Give the number of councillors in office.")
    if majority not in CouncilDecision.Majority.values:
        errors["majority"] = _("Choose the majority required.")
    if CouncilDecision.objects.filter(strategy=strategy).exists():
        errors["reference"] = _("The strategy has already been submitted to the council.")
    if errors:
        raise ValidationError(errors)
    decision = CouncilDecision.objects.create(
        strategy=strategy,
        version=version,
        reference=reference.strip(),
        seats=int(seats),
        majority=majority,
        submitted_at=timezone.now(),
    )
    _record(actor, decision, "create", strategy, after=audit.snapshot(decision))
    return decision


@transaction.atomic
def vote_record(*, actor, decision: CouncilDecision, councillor: str, option: str, group: str = "") -> Vote:
    """One councillor's vote in the roll call: each councillor once, never more votes than seats."""
    require(actor, "strategy.manage_strategy", decision.strategy)
    decision = CouncilDecision.objects.select_for_update().get(pk=decision.pk)
    errors = {}
    name = " ".join(councillor.split())
    if decision.result != CouncilDecision.Result.PENDING:
        raise ValidationError(_("The vote is closed."))
    if not name:
        errors["councillor"] = _("Give the councillor's name.")
    elif decision.votes.filter(councillor__iexact=name).exists():
        errors["councillor"] = _("This councillor's vote is already recorded.")
    if option not in Vote.Option.values:
        errors["option"] = _("Choose yes, no, abstain or absent.")
    if decision.votes.count() >= decision.seats:
        errors.setdefault("councillor", _("Every seat already has a vote recorded."))
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            vote = Vote.objects.create(decision=decision, councillor=name, option=option, group=group.strip()[:100])
    except IntegrityError as error:
        raise ValidationError({"councillor": _("This councillor's vote is already recorded.")}) from error
    _record(actor, decision, "event", decision.strategy, summary=f"vote: {name} {option}")
    return vote


@transaction.atomic
def vote_close(*, actor, decision: CouncilDecision, voted_on: date) -> CouncilDecision:
    """The outcome from the roll call: quorum, then majority. Adopted: the submitted version is locked."""
    require(actor, "strategy.manage_strategy", decision.strategy)
    decision = CouncilDecision.objects.select_for_update().select_related("strategy").get(pk=decision.pk)
    if decision.result != CouncilDecision.Result.PENDING:
        raise ValidationError(_("The vote is closed."))
    if voted_on is None or voted_on > timezone.localdate():
        raise ValidationError({"voted_on": _("Give the date of the vote (not in the future).")})
    counted = selectors.tally(decision)
    if counted["recorded"] != decision.seats:
        raise ValidationError(
            _("Record a vote (or absence) for every councillor: %(recorded)s of %(seats)s recorded.")
            % {"recorded": counted["recorded"], "seats": decision.seats}
        )
    if not counted["quorum"]:
        decision.result = CouncilDecision.Result.NO_QUORUM
    elif counted["majority"]:
        decision.result = CouncilDecision.Result.ADOPTED
    else:
        decision.result = CouncilDecision.Result.REJECTED
    decision.voted_on = voted_on
    decision.save(update_fields=["result", "voted_on", "updated_at"])
    strategy = decision.strategy
    if decision.result == CouncilDecision.Result.ADOPTED:
        strategy.adopted_version = decision.version
        strategy.published_at = strategy.published_at or timezone.now()
        strategy.save(update_fields=["adopted_version", "published_at", "updated_at"])
        council = strategy.stages.filter(kind=Stage.Kind.COUNCIL, status=Stage.Status.ACTIVE).first()
        if council is not None:
            council.status, council.ends_on = Stage.Status.DONE, voted_on
            council.save(update_fields=["status", "ends_on", "updated_at"])
    _record(
        actor,
        decision,
        "update",
        strategy,
        summary=f"vote closed: {decision.result}",
        after={"result": decision.result, "voted_on": str(voted_on), "counts": counted["counts"]},
    )
    return decision
