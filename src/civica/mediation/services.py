"""Writes for mediation: the mediator registry and its CSV import."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.cases import services as case_services
from civica.core import audit, notifications
from civica.core.csv_import import CsvImportError, read_rows
from civica.organisations import selectors as organisation_selectors

from .eligibility import refusal_reason
from .matters import MATTERS, is_mandatory
from .models import MediationCase, Mediator, MediatorSelection

MEDIATOR_COLUMNS = [
    "full_name",
    "email",
    "phone",
    "country",
    "authority",
    "authorisation_number",
    "specialisations",
    "languages",
    "territories",
    "availability",
    "public_bodies",
    "fee_min",
    "fee_max",
    "fee_policy",
]
_TRUE = {"yes", "da", "sì", "si", "ναι", "true", "1", "y"}
_FALSE = {"no", "nu", "όχι", "false", "0", "n", ""}
_LANGUAGES = {"en", "ro", "it", "el", "fr", "de", "es", "hu", "ar", "fa", "uk", "ru", "tr", "sq"}


MediatorImportError = CsvImportError


@dataclass
class MediatorImportReport:
    created: int = 0
    updated: int = 0


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.replace(";", "|").split("|") if item.strip()]


def _amount(value: str, name: str, errors: list[str]) -> Decimal | None:
    if not value:
        return None
    try:
        amount = Decimal(value.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        errors.append(_("%(field)s is not a number") % {"field": name})
        return None
    if amount < 0:
        errors.append(_("%(field)s cannot be negative") % {"field": name})
    return amount


def _parse_row(row: dict, territories: dict) -> tuple[dict, list[str]]:
    errors: list[str] = []
    if not row["full_name"]:
        errors.append(_("the name is missing"))
    if row["country"] not in {"RO", "IT", "GR"}:
        errors.append(_("unknown country %(value)r") % {"value": row["country"]})
    if row["authority"] not in Mediator.Authority.values:
        errors.append(_("unknown authority %(value)r") % {"value": row["authority"]})
    if not row["authorisation_number"]:
        errors.append(_("the authorisation number is missing"))
    if row["email"]:
        try:
            validate_email(row["email"])
        except ValidationError:
            errors.append(_("the e-mail address is not valid"))
    specialisations = _split(row["specialisations"])
    unknown = [s for s in specialisations if s not in MATTERS]
    if unknown:
        errors.append(_("unknown specialisations: %(values)s") % {"values": ", ".join(unknown)})
    languages = _split(row["languages"])
    if any(language not in _LANGUAGES for language in languages):
        errors.append(_("unknown language codes: %(values)s") % {"values": ", ".join(languages)})
    codes = _split(row["territories"])
    missing = [code for code in codes if code not in territories]
    if missing:
        errors.append(_("unknown territories: %(values)s") % {"values": ", ".join(missing)})
    availability = row["availability"] or Mediator.Availability.AVAILABLE
    if availability not in Mediator.Availability.values:
        errors.append(_("unknown availability %(value)r") % {"value": availability})
    public_bodies = row["public_bodies"].lower()
    if public_bodies not in _TRUE | _FALSE:
        errors.append(_("public_bodies must be yes or no"))
    fee_min, fee_max = _amount(row["fee_min"], "fee_min", errors), _amount(row["fee_max"], "fee_max", errors)
    if fee_min is not None and fee_max is not None and fee_min > fee_max:
        errors.append(_("fee_min is higher than fee_max"))
    values = {
        "full_name": row["full_name"],
        "email": row["email"],
        "phone": row["phone"],
        "country": row["country"],
        "authority": row["authority"],
        "authorisation_number": row["authorisation_number"],
        "specialisations": specialisations,
        "languages": languages,
        "availability": availability,
        "public_bodies": public_bodies in _TRUE,
        "fee_min": fee_min,
        "fee_max": fee_max,
        "fee_policy": row["fee_policy"],
        "territories": [territories[c] for c in codes if c in territories],
    }
    return values, errors


def mediators_import_csv(*, actor, organisation, text: str) -> MediatorImportReport:
    """Add or update a centre's mediators from CSV. Every line is checked first; one bad line loads nothing.

    A mediator is recognised by authority and authorisation number, so a second import updates."""
    if not actor.has_perm("organisations.change_organisation", organisation):
        raise PermissionDenied("mediation.import_mediators")
    rows, errors = read_rows(text, MEDIATOR_COLUMNS)
    territories = {t.code: t for t in organisation_selectors.territories()}
    parsed, seen = [], set()
    for line_number, row in rows:
        values, line_errors = _parse_row(row, territories)
        key = (values["authority"], values["authorisation_number"])
        if key in seen:
            line_errors.append(_("this authorisation appears twice in the file"))
        seen.add(key)
        errors.extend((line_number, message) for message in line_errors)
        parsed.append(values)
    if errors:
        raise MediatorImportError(sorted(errors))
    report = MediatorImportReport()
    with transaction.atomic():
        for values in parsed:
            places = values.pop("territories")
            mediator, created = Mediator.objects.update_or_create(
                authority=values["authority"],
                authorisation_number=values["authorisation_number"],
                defaults={**values, "organisation": organisation},
            )
            mediator.territories.set(places)
            report.created += created
            report.updated += not created
        audit.record_change(
            actor=actor,
            instance=organisation,
            action="event",
            organisation_uuid=organisation.uuid,
            summary=f"mediators imported: {report.created} created, {report.updated} updated",
        )
    return report


@transaction.atomic
def mediator_account_link(*, actor, mediator: Mediator, user) -> Mediator:
    """The centre ties a mediator of its registry to their Civica account, so that they act in their own name."""
    if actor is None or not actor.has_perm("organisations.change_organisation", mediator.organisation):
        raise PermissionDenied("mediation.link_mediator")
    before = {"user": mediator.user_id}
    mediator.user = user
    mediator.save(update_fields=["user"])
    audit.record_change(
        actor=actor,
        instance=mediator.organisation,
        action="update",
        before=before,
        after={"user": user.pk},
        organisation_uuid=mediator.organisation.uuid,
        summary=f"mediator {mediator.uuid} linked to an account",
    )
    return mediator


@transaction.atomic
def mediation_open(
    *,
    actor,
    organisation,
    title: str,
    country: str,
    matter: str,
    value=None,
    court_referred: bool = False,
    public_body_party: bool = False,
    requester_organisation=None,
    summary: str = "",
    language: str = "en",
    other_parties: str = "",
    topic: str = "",
) -> MediationCase:
    """Open a mediation at a mediation body or centre, unless the matter may not be mediated."""
    reason = refusal_reason(matter)
    if reason:
        raise ValidationError({"matter": reason})
    if matter not in MATTERS:
        raise ValidationError({"matter": _("Choose a kind of dispute from the list.")})
    if country not in {"IT", "RO"}:
        raise ValidationError({"country": _("The mediation procedure is available for Italy and Romania.")})
    case = case_services.case_open(
        actor=actor,
        workflow=f"mediation_{country.lower()}",
        organisation=organisation,
        title=title,
        summary=summary,
        requester_organisation=requester_organisation,
        language=language,
        topic=topic,
    )
    return MediationCase.objects.create(
        case=case,
        country=country,
        matter=matter,
        value=value,
        court_referred=court_referred,
        mandatory=is_mandatory(country, matter, court_referred=court_referred, value=value),
        public_body_party=public_body_party,
        other_parties=other_parties.strip(),
    )


@transaction.atomic
def mediation_contract_clauses_set(*, actor, mediation: MediationCase, clauses: list[str]) -> MediationCase:
    if not actor.has_perm("cases.work_on_case", mediation.case):
        raise PermissionDenied("cases.work_on_case")
    known = {key for key, _label in MediationCase.RO_MANDATORY_CLAUSES}
    unknown = set(clauses) - known
    if unknown:
        raise ValidationError({"clauses": _("Unknown clauses: %(values)s") % {"values": ", ".join(sorted(unknown))}})
    before = {"contract_clauses": mediation.contract_clauses}
    mediation.contract_clauses = sorted(set(clauses))
    mediation.save(update_fields=["contract_clauses"])
    audit.record_change(
        actor=actor,
        instance=mediation.case,
        action="update",
        before=before,
        after={"contract_clauses": mediation.contract_clauses},
        organisation_uuid=mediation.case.organisation.uuid,
        summary="contract clauses",
    )
    return mediation


OBJECTION_PERIOD = timedelta(days=5)
_OPEN_SELECTION = (MediatorSelection.Status.PROPOSED, MediatorSelection.Status.DECLARED)


def _require_handler(actor, mediation: MediationCase) -> None:
    if not actor.has_perm("cases.assign_case", mediation.case):
        raise PermissionDenied("mediation.select_mediator")


@transaction.atomic
def mediator_propose(*, actor, mediation: MediationCase, mediator: Mediator) -> MediatorSelection:
    """The handling side proposes a mediator of the registry from the mediation's country."""
    _require_handler(actor, mediation)
    if mediator.country != mediation.country:
        raise ValidationError({"mediator": _("Choose a mediator authorised in the mediation's country.")})
    if mediation.selections.filter(status__in=[*_OPEN_SELECTION, MediatorSelection.Status.CONFIRMED]).exists():
        raise ValidationError({"mediator": _("A mediator is already proposed or confirmed for this mediation.")})
    selection = MediatorSelection.objects.create(mediation=mediation, mediator=mediator, proposed_by=actor)
    case_services.record_event(mediation.case, actor, "mediator_proposed", mediator=str(mediator.uuid))
    _tell_mediator(selection, actor)
    return selection


def _tell_mediator(selection: MediatorSelection, actor) -> None:
    """The mediator with an account hears of the proposal and finds the mediation from the link."""
    case = selection.mediation.case
    notifications.notify(
        recipients=[selection.mediator.user],
        subject=gettext_lazy("You are proposed as mediator for %(reference)s"),
        template="cases/email/changed.txt",
        exclude=actor,
        context={
            "reference": case.reference,
            "title": case.title,
            "what": gettext_lazy(
                "Please read the dispute, then declare your independence or a conflict of interest, or decline."
            ),
        },
        url=reverse("mediation:case", kwargs={"reference": case.reference}),
    )


@transaction.atomic
def mediator_declare(*, actor, selection: MediatorSelection, no_conflict: bool, declaration: str) -> MediatorSelection:
    """The mediator's declaration, by the mediator themself; the handling side records it from the signed
    form only for a mediator without an account (never in the name of one who can sign in)."""
    own_account = selection.mediator.user_id is not None
    if own_account:
        allowed = actor is not None and actor.pk == selection.mediator.user_id
    else:
        allowed = actor is not None and actor.has_perm("cases.assign_case", selection.mediation.case)
    if not allowed:
        raise PermissionDenied("mediation.declare")
    if selection.status != MediatorSelection.Status.PROPOSED:
        raise ValidationError(_("The declaration has already been recorded."))
    if not declaration.strip():
        raise ValidationError({"declaration": _("Write the declaration.")})
    now = timezone.now()
    selection.declaration, selection.declared_at = declaration.strip(), now
    if no_conflict:
        selection.status = MediatorSelection.Status.DECLARED
        selection.objection_deadline = now + OBJECTION_PERIOD
    else:
        selection.status = MediatorSelection.Status.CONFLICT
    selection.save()
    case_services.record_event(
        selection.mediation.case, actor, "mediator_declared", conflict=not no_conflict, visible_to_requester=True
    )
    _tell_handling_side(selection, actor)
    return selection


def _tell_handling_side(selection: MediatorSelection, actor) -> None:
    """The centre hears of the mediator's answer (declaration, conflict or refusal)."""
    case = selection.mediation.case
    case_services.tell(
        case,
        actor,
        case_services.handling_side(case),
        gettext_lazy("The mediator answered for %(reference)s"),
        MediatorSelection.Status(selection.status).label,  # lazy: in each recipient's language
    )


@transaction.atomic
def mediator_decline(*, actor, selection: MediatorSelection, reason: str) -> MediatorSelection:
    """The proposed mediator refuses the mediation, in their own name, before declaring."""
    if actor is None or actor.pk is None or actor.pk != selection.mediator.user_id:
        raise PermissionDenied("mediation.decline")
    if selection.status != MediatorSelection.Status.PROPOSED:
        raise ValidationError(_("You can decline only before your declaration."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why you decline.")})
    selection.status, selection.declaration, selection.declared_at = (
        MediatorSelection.Status.DECLINED,
        reason.strip(),
        timezone.now(),
    )
    selection.save(update_fields=["status", "declaration", "declared_at"])
    case_services.record_event(selection.mediation.case, actor, "mediator_declined", visible_to_requester=True)
    _tell_handling_side(selection, actor)
    return selection


@transaction.atomic
def mediator_object(*, actor, selection: MediatorSelection, reason: str) -> MediatorSelection:
    """A party objects to the mediator, with a reason, before the deadline."""
    _require_party(actor, selection)
    if selection.status != MediatorSelection.Status.DECLARED or timezone.now() > selection.objection_deadline:
        raise ValidationError(_("Objections are no longer possible for this mediator."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why you object.")})
    selection.status, selection.objection_reason, selection.objected_by = (
        MediatorSelection.Status.OBJECTED,
        reason.strip(),
        actor,
    )
    selection.save()
    case_services.record_event(selection.mediation.case, actor, "mediator_objected", visible_to_requester=True)
    return selection


def _require_party(actor, selection: MediatorSelection) -> None:
    """The requesting side speaks for its party; the handling side cannot speak in the parties' place."""
    case = selection.mediation.case
    if not actor.has_perm("cases.add_shared_note", case) or actor.has_perm("cases.assign_case", case):
        raise PermissionDenied("mediation.party")


@transaction.atomic
def mediator_accept(*, actor, selection: MediatorSelection) -> MediatorSelection:
    """The requesting party accepts the mediator, waiving its right to object."""
    _require_party(actor, selection)
    if selection.status != MediatorSelection.Status.DECLARED or timezone.now() > selection.objection_deadline:
        raise ValidationError(_("This mediator cannot be accepted now."))
    selection.accepted_at, selection.accepted_by = timezone.now(), actor
    selection.save(update_fields=["accepted_at", "accepted_by"])
    case_services.record_event(selection.mediation.case, actor, "mediator_accepted", visible_to_requester=True)
    return selection


@transaction.atomic
def mediator_confirm(*, actor, selection: MediatorSelection, others_accepted: bool = False) -> MediatorSelection:
    """After the declaration, once the objection period is over without objection, or earlier when the
    requesting party accepted the mediator and every other party did so in writing."""
    _require_handler(actor, selection.mediation)
    if selection.status != MediatorSelection.Status.DECLARED:
        raise ValidationError(_("Only a mediator who declared no conflict of interest can be confirmed."))
    everyone_accepted = selection.accepted_at is not None and (others_accepted or len(selection.mediation.parties) <= 1)
    if timezone.now() <= selection.objection_deadline and not everyone_accepted:
        raise ValidationError(
            _(
                "The parties can still object until %(date)s. Confirm earlier only when every party has "
                "accepted the mediator."
            )
            % {"date": timezone.localtime(selection.objection_deadline).strftime("%Y-%m-%d %H:%M")}
        )
    selection.status = MediatorSelection.Status.CONFIRMED
    selection.save(update_fields=["status"])
    case_services.record_event(
        selection.mediation.case,
        actor,
        "mediator_confirmed",
        mediator=str(selection.mediator.uuid),
        visible_to_requester=True,
    )
    return selection
