"""Every write to pilot actions and memoranda: atomic, audited, keyword-only actor."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civica.core import audit
from civica.core.permissions import require

from . import selectors
from .models import CURRENCIES, ActionIndicator, Memorandum, PilotAction

State = PilotAction.State
# transition: (from, to). Each one is a step someone takes and answers for in the audit trail.
TRANSITIONS = {
    "approve": (State.PROPOSED, State.APPROVED),
    "reject": (State.PROPOSED, State.REJECTED),
    "start": (State.APPROVED, State.RUNNING),
    "evaluate": (State.RUNNING, State.EVALUATED),
}
MAX_DOCUMENT = 10 * 1024 * 1024


def _check_action_values(*, title, budget, currency, starts_on, ends_on) -> None:
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the pilot action a title.")
    if budget is not None and budget < 0:
        errors["budget"] = _("The budget cannot be negative.")
    if currency not in dict(CURRENCIES):
        errors["currency"] = _("Choose a currency.")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The action must end after it starts.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def pilot_action_propose(
    *,
    actor,
    centre,
    lead,
    title: str,
    description: str = "",
    partners=(),
    territory=None,
    budget: Decimal | None = None,
    currency: str = "EUR",
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> PilotAction:
    """A member (or the centre) proposes a pilot action; the centre decides on it."""
    require(actor, "partnerships.propose_action", centre)
    if not selectors.lead_choices(actor, centre).filter(pk=lead.pk).exists():
        raise ValidationError({"lead": _("The lead must be the centre or one of its members you work for.")})
    _check_action_values(title=title, budget=budget, currency=currency, starts_on=starts_on, ends_on=ends_on)
    action = PilotAction.objects.create(
        centre=centre,
        lead=lead,
        title=title.strip(),
        description=description.strip(),
        territory=territory,
        budget=budget,
        currency=currency,
        starts_on=starts_on,
        ends_on=ends_on,
        proposed_by=actor,
    )
    action.partners.set([partner for partner in partners if partner.pk != lead.pk])
    audit.record_change(
        actor=actor,
        instance=action,
        action="create",
        after=audit.snapshot(action) | {"partners": [str(p.uuid) for p in action.partners.all()]},
        organisation_uuid=centre.uuid,
    )
    return action


def transitions_for(actor, action: PilotAction) -> list[str]:
    if actor is None or not actor.has_perm("partnerships.decide_action", action):
        return []
    return [name for name, (source, _target) in TRANSITIONS.items() if source == action.state]


@transaction.atomic
def pilot_action_transition(*, actor, action: PilotAction, transition: str, text: str = "") -> PilotAction:
    """approve, reject (with a reason), start, evaluate (with the evaluation); any other step is refused."""
    require(actor, "partnerships.decide_action", action)
    action = PilotAction.objects.select_for_update().select_related("centre", "lead").get(pk=action.pk)
    if transition not in TRANSITIONS or TRANSITIONS[transition][0] != action.state:
        raise ValidationError(
            {
                "transition": _("This step is not possible from the state “%(state)s”.")
                % {"state": action.get_state_display()}
            }
        )
    text = text.strip()
    if transition == "reject" and not text:
        raise ValidationError({"text": _("Say why the pilot action is rejected.")})
    if transition == "evaluate" and not text:
        raise ValidationError({"text": _("Write the evaluation of the pilot action.")})
    before = {"state": action.state}
    action.state = TRANSITIONS[transition][1]
    if transition in {"approve", "reject"}:
        action.decision_reason = text
    if transition == "evaluate":
        action.evaluation = text
    action.save(update_fields=["state", "decision_reason", "evaluation", "updated_at"])
    audit.record_change(
        actor=actor,
        instance=action,
        action="update",
        before=before,
        after={"state": action.state, "text": text},
        summary=transition,
        organisation_uuid=action.centre.uuid,
    )
    return action


@transaction.atomic
def indicator_add(
    *,
    actor,
    action: PilotAction,
    name: str,
    baseline: Decimal,
    target: Decimal,
    unit: str = "",
    achieved: Decimal | None = None,
    sdg_indicator=None,
) -> ActionIndicator:
    require(actor, "partnerships.report_on_action", action)
    if not name.strip():
        raise ValidationError({"name": _("Name the indicator.")})
    indicator = ActionIndicator.objects.create(
        action=action,
        name=name.strip(),
        unit=unit.strip(),
        baseline=baseline,
        target=target,
        achieved=achieved,
        sdg_indicator=sdg_indicator,
    )
    audit.record_change(
        actor=actor,
        instance=indicator,
        action="create",
        after=audit.snapshot(indicator),
        organisation_uuid=action.centre.uuid,
    )
    return indicator


@transaction.atomic
def indicator_record_achieved(*, actor, indicator: ActionIndicator, achieved: Decimal) -> ActionIndicator:
    require(actor, "partnerships.report_on_action", indicator.action)
    before = {"achieved": str(indicator.achieved) if indicator.achieved is not None else None}
    indicator.achieved = achieved
    indicator.save(update_fields=["achieved", "updated_at"])
    audit.record_change(
        actor=actor,
        instance=indicator,
        action="update",
        before=before,
        after={"achieved": str(achieved)},
        organisation_uuid=indicator.action.centre.uuid,
    )
    return indicator


# --- Memoranda -----------------------------------------------------------------------------------


def _check_document(document) -> None:
    """A PDF, at most 10 MB: its name, its declared type and its first bytes must all say so."""
    if document is None:
        return
    if document.size > MAX_DOCUMENT:
        raise ValidationError({"document": _("The document is larger than 10 MB.")})
    head = document.read(5)
    document.seek(0)
    if not document.name.lower().endswith(".pdf") or head != b"%PDF-":
        raise ValidationError({"document": _("Attach the signed memorandum as a PDF file.")})


def _check_memorandum_values(*, title, scope, parties, signed_on, expires_on, document) -> None:
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the memorandum a title.")
    if not scope.strip():
        errors["scope"] = _("Describe the scope of the memorandum.")
    if not parties:
        errors["parties"] = _("Choose at least one other party.")
    if expires_on and not signed_on:
        errors["expires_on"] = _("An expiry date needs a signature date.")
    elif signed_on and expires_on and expires_on <= signed_on:
        errors["expires_on"] = _("The memorandum must expire after it is signed.")
    if errors:
        raise ValidationError(errors)
    _check_document(document)


@transaction.atomic
def memorandum_create(
    *,
    actor,
    organisation,
    title: str,
    scope: str,
    parties,
    signed_on: date | None = None,
    expires_on: date | None = None,
    document=None,
    is_public: bool = True,
    renews: Memorandum | None = None,
) -> Memorandum:
    """A memorandum with organisations or municipalities; a draft until a signature date is given."""
    require(actor, "partnerships.create_memorandum", organisation)
    parties = [party for party in parties if party.pk != organisation.pk]
    _check_memorandum_values(
        title=title, scope=scope, parties=parties, signed_on=signed_on, expires_on=expires_on, document=document
    )
    if renews is not None:
        if renews.organisation_id != organisation.pk:
            raise ValidationError({"renews": _("Only the organisation that keeps a memorandum can renew it.")})
        if Memorandum.objects.filter(renews=renews).exists():
            raise ValidationError({"renews": _("This memorandum has already been renewed.")})
    memorandum = Memorandum(
        organisation=organisation,
        title=title.strip(),
        scope=scope.strip(),
        signed_on=signed_on,
        expires_on=expires_on,
        is_public=is_public,
        renews=renews,
    )
    if document is not None:
        memorandum.document.save(document.name.rsplit("/", 1)[-1], document, save=False)
    memorandum.save()
    memorandum.parties.set(parties)
    audit.record_change(
        actor=actor,
        instance=memorandum,
        action="create",
        after=audit.snapshot(memorandum, fields=["title", "signed_on", "expires_on", "is_public"])
        | {"document": memorandum.document.name or ""}
        | {"parties": [str(p.uuid) for p in parties], "renews": str(renews.uuid) if renews else None},
        organisation_uuid=organisation.uuid,
    )
    return memorandum


def _signature(memorandum: Memorandum) -> dict:
    return audit.snapshot(memorandum, fields=["signed_on", "expires_on"]) | {"document": memorandum.document.name or ""}


@transaction.atomic
def memorandum_record_signature(
    *, actor, memorandum: Memorandum, signed_on: date, expires_on: date | None, document=None
) -> Memorandum:
    """The signature date, the expiry date and the signed document (a PDF) of a memorandum."""
    require(actor, "partnerships.manage_memorandum", memorandum)
    errors = {}
    if signed_on is None:
        errors["signed_on"] = _("Give the date of signature.")
    elif expires_on and expires_on <= signed_on:
        errors["expires_on"] = _("The memorandum must expire after it is signed.")
    if errors:
        raise ValidationError(errors)
    _check_document(document)
    before = _signature(memorandum)
    memorandum.signed_on, memorandum.expires_on = signed_on, expires_on
    if document is not None:
        memorandum.document.save(document.name.rsplit("/", 1)[-1], document, save=False)
    memorandum.save()
    audit.record_change(
        actor=actor,
        instance=memorandum,
        action="update",
        before=before,
        after=_signature(memorandum),
        organisation_uuid=memorandum.organisation.uuid,
    )
    return memorandum
