"""Helplines, operators and quick replies: what a helpline's coordinator sets up."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civica.core import audit
from civica.core.permissions import require
from civica.organisations import selectors as organisation_selectors

from .. import selectors
from ..models import Conversation, Helpline, Operator, QuickReply
from .common import _org_uuid


@transaction.atomic
def helpline_create(*, actor, organisation, data: dict) -> Helpline:
    """An organisation's administrator opens a helpline and becomes its coordinator."""
    if organisation_selectors.role_in(actor, organisation) != "admin":
        raise PermissionDenied("helpline.create")
    if not (data.get("name") or "").strip():
        raise ValidationError({"name": _("Give the helpline a name.")})
    values = {k: v for k, v in data.items() if k in {f.name for f in Helpline._meta.fields}}
    values.setdefault("country", organisation.country)
    values.setdefault("language", organisation.language)
    values.setdefault("open_weekdays", [0, 1, 2, 3, 4])
    helpline = Helpline.objects.create(organisation=organisation, **values)
    Operator.objects.create(
        helpline=helpline, user=actor, role=Operator.Role.COORDINATOR, sees_contacts=True, is_available=True
    )
    audit.record_change(
        actor=actor,
        instance=helpline,
        action="create",
        after=audit.snapshot(helpline),
        organisation_uuid=organisation.uuid,
    )
    return helpline


@transaction.atomic
def helpline_update(*, actor, helpline: Helpline, data: dict) -> Helpline:
    require(actor, "helpline.manage", helpline)
    before = audit.snapshot(helpline)
    opens, closes = data.get("opens_at", helpline.opens_at), data.get("closes_at", helpline.closes_at)
    if opens and closes and opens >= closes:
        raise ValidationError({"closes_at": _("The helpline must close after it opens.")})
    for name, value in data.items():
        if name in {
            "name",
            "open_weekdays",
            "opens_at",
            "closes_at",
            "outside_hours_message",
            "retention_days",
            "whatsapp_template",
            "web_chat_enabled",
            "emergency_numbers",
            "time_zone",
        }:
            setattr(helpline, name, value)
    helpline.save()
    audit.record_change(
        actor=actor,
        instance=helpline,
        action="update",
        before=before,
        after=audit.snapshot(helpline),
        organisation_uuid=_org_uuid(helpline),
    )
    return helpline


@transaction.atomic
def operator_add(
    *, actor, helpline: Helpline, role: str, sees_contacts: bool = False, user=None, email: str = ""
) -> Operator:
    """Let a member of the helpline's organisation answer for it. From the coordinator's page the person
    is named by `email` and must not answer already; `user` (demo, setup) adds or updates them."""
    require(actor, "helpline.manage", helpline)
    if role not in Operator.Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    if user is None:
        membership = (
            organisation_selectors.members_of(helpline.organisation)
            .filter(user__email__iexact=(email or "").strip())
            .first()
        )
        if not (email or "").strip() or membership is None:
            raise ValidationError(
                {
                    "email": _(
                        "Nobody with this e-mail address is a member of %(organisation)s. "
                        "Invite them to the organisation first."
                    )
                    % {"organisation": helpline.organisation.name}
                }
            )
        user = membership.user
        if Operator.objects.filter(helpline=helpline, user=user).exists():
            raise ValidationError({"email": _("This person already answers for this helpline.")})
    elif organisation_selectors.role_in(user, helpline.organisation) is None:
        raise ValidationError({"user": _("Only members of the helpline's organisation can answer for it.")})
    operator, created = Operator.objects.update_or_create(
        helpline=helpline, user=user, defaults={"role": role, "sees_contacts": sees_contacts}
    )
    audit.record_change(
        actor=actor,
        instance=operator,
        action="create" if created else "update",
        after=audit.snapshot(operator),
        organisation_uuid=_org_uuid(helpline),
    )
    return operator


def _other_coordinators(operator: Operator) -> bool:
    return (
        Operator.objects.filter(helpline_id=operator.helpline_id, role=Operator.Role.COORDINATOR)
        .exclude(pk=operator.pk)
        .exists()
    )


@transaction.atomic
def operator_update(*, actor, operator: Operator, role: str, sees_contacts: bool) -> Operator:
    """Change an operator's role or whether they see contacts; a helpline always keeps a coordinator."""
    helpline = operator.helpline
    require(actor, "helpline.manage", helpline)
    if role not in Operator.Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    # Lock the helpline so two coordinators demoting or removing each other cannot leave it with none.
    Helpline.objects.select_for_update().filter(pk=helpline.pk).first()
    operator = Operator.objects.get(pk=operator.pk)
    if (
        operator.role == Operator.Role.COORDINATOR
        and role != Operator.Role.COORDINATOR
        and not _other_coordinators(operator)
    ):
        raise ValidationError({"role": _("The helpline needs a coordinator: name another one first.")})
    before = audit.snapshot(operator)
    operator.role = role
    operator.sees_contacts = sees_contacts
    operator.save(update_fields=["role", "sees_contacts", "updated_at"])
    audit.record_change(
        actor=actor,
        instance=operator,
        action="update",
        before=before,
        after=audit.snapshot(operator),
        organisation_uuid=_org_uuid(helpline),
    )
    return operator


@transaction.atomic
def operator_remove(*, actor, operator: Operator) -> None:
    """Stop someone answering for the helpline. Their open conversations go back to the queue; the last
    coordinator cannot be removed."""
    helpline = operator.helpline
    require(actor, "helpline.manage", helpline)
    Helpline.objects.select_for_update().filter(pk=helpline.pk).first()
    operator = Operator.objects.get(pk=operator.pk)
    if operator.role == Operator.Role.COORDINATOR and not _other_coordinators(operator):
        raise ValidationError(_("The helpline needs a coordinator: name another one before removing this one."))
    before = audit.snapshot(operator)
    Conversation.objects.filter(helpline=helpline, assigned_to_id=operator.user_id).exclude(
        state=Conversation.State.CLOSED
    ).update(assigned_to=None)
    audit.record_change(
        actor=actor, instance=operator, action="delete", before=before, organisation_uuid=_org_uuid(helpline)
    )
    operator.delete()


@transaction.atomic
def availability_set(*, actor, helpline: Helpline, available: bool) -> Operator:
    operator = selectors.operator_of(actor, helpline)
    if operator is None:
        raise PermissionDenied("helpline.operate")
    operator.is_available = available
    operator.save(update_fields=["is_available", "updated_at"])
    return operator


@transaction.atomic
def quick_reply_save(*, actor, helpline: Helpline, key: str, language: str, title: str, body: str) -> QuickReply:
    require(actor, "helpline.manage", helpline)
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose a language from the list.")})
    if not title.strip() or not body.strip():
        raise ValidationError({"body": _("A quick reply needs a title and a text.")})
    reply, _created = QuickReply.objects.update_or_create(
        helpline=helpline, key=key, language=language, defaults={"title": title.strip(), "body": body.strip()}
    )
    return reply


# --- receiving ---------------------------------------------------------------------------------------
