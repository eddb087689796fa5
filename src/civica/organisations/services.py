"""Every write to organisations, memberships and invitations: one transaction, audited."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from civica.core import audit
from civica.core.csv_import import CsvImportError, read_rows
from civica.core.permissions import is_system, require
from civica.core.tokens import fingerprint

from . import selectors
from .models import COUNTRIES, Invitation, Membership, Organisation, Role, Territory
from .validators import validate_fiscal_id

INVITATION_VALID_FOR = timedelta(days=14)
EDITABLE_FIELDS = (
    "name",
    "short_name",
    "description",
    "website",
    "email",
    "phone",
    "address",
    "fiscal_id",
    "territory",
    "language",
    "is_public",
    "contacts_confidential",
)


@transaction.atomic
def organisation_create(*, actor, data: dict) -> Organisation:
    """Platform administrators create organisations (the demo and the admin site use this too)."""
    if not is_system(actor) and not selectors.is_platform_admin(actor):
        raise PermissionDenied("organisations.add_organisation")
    organisation = Organisation(**data)
    organisation.fiscal_id = validate_fiscal_id(organisation.country, organisation.fiscal_id)
    organisation.full_clean()
    organisation.save()
    audit.record_change(
        actor=actor,
        instance=organisation,
        action="create",
        after=audit.snapshot(organisation),
        organisation_uuid=organisation.uuid,
    )
    return organisation


@transaction.atomic
def organisation_update(*, actor, organisation: Organisation, data: dict) -> Organisation:
    require(actor, "organisations.change_organisation", organisation)
    before = audit.snapshot(organisation, EDITABLE_FIELDS)
    for name, value in data.items():
        if name not in EDITABLE_FIELDS:
            raise ValidationError({name: _("This field cannot be changed here.")})
        setattr(organisation, name, value)
    try:
        organisation.fiscal_id = validate_fiscal_id(organisation.country, organisation.fiscal_id)
    except ValidationError as error:
        raise ValidationError({"fiscal_id": error.messages}) from error
    organisation.full_clean()
    organisation.save()
    after = audit.snapshot(organisation, EDITABLE_FIELDS)
    if before != after:
        audit.record_change(
            actor=actor,
            instance=organisation,
            action="update",
            before=before,
            after=after,
            organisation_uuid=organisation.uuid,
        )
    return organisation


def organisation_contacts_viewed(*, actor, organisation: Organisation, channel: str = "web") -> None:
    """Reading a confidential organisation's contacts leaves a line in its access log."""
    if organisation.contacts_confidential:
        audit.record_access(
            actor=actor,
            instance=organisation,
            organisation_uuid=organisation.uuid,
            channel=channel,
            reason="contacts",
        )


@transaction.atomic
def membership_add(
    *, actor, organisation: Organisation, user, role: str, position: str = "", handles_sensitive_data: bool = False
) -> Membership:
    require(actor, "organisations.manage_members", organisation)
    membership, created = Membership.objects.get_or_create(
        user=user,
        organisation=organisation,
        defaults={"role": role, "position": position, "handles_sensitive_data": handles_sensitive_data},
    )
    if created:
        audit.record_change(
            actor=actor,
            instance=membership,
            action="create",
            after=audit.snapshot(membership),
            organisation_uuid=organisation.uuid,
        )
    selectors.forget_roles(user)
    return membership


def _would_leave_no_admin(membership: Membership, new_role: str | None) -> bool:
    if membership.role != Role.ADMIN or new_role == Role.ADMIN:
        return False
    others = Membership.objects.filter(organisation=membership.organisation, role=Role.ADMIN).exclude(pk=membership.pk)
    return not others.exists()


@transaction.atomic
def membership_update(
    *, actor, membership: Membership, role: str, position: str, handles_sensitive_data: bool
) -> Membership:
    require(actor, "organisations.manage_members", membership.organisation)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if _would_leave_no_admin(membership, role):
        raise ValidationError({"role": _("An organisation needs at least one administrator.")})
    fields = ["role", "position", "handles_sensitive_data"]
    before = audit.snapshot(membership, fields)
    membership.role, membership.position = role, position
    membership.handles_sensitive_data = handles_sensitive_data
    membership.save(update_fields=[*fields, "updated_at"])
    audit.record_change(
        actor=actor,
        instance=membership,
        action="update",
        before=before,
        after=audit.snapshot(membership, fields),
        organisation_uuid=membership.organisation.uuid,
    )
    selectors.forget_roles(membership.user)
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    require(actor, "organisations.manage_members", membership.organisation)
    if _would_leave_no_admin(membership, None):
        raise ValidationError(_("An organisation needs at least one administrator."))
    audit.record_change(
        actor=actor,
        instance=membership,
        action="delete",
        before=audit.snapshot(membership),
        organisation_uuid=membership.organisation.uuid,
    )
    membership.delete()
    selectors.forget_roles(membership.user)


def _invitation_url(raw_token: str) -> str:
    return settings.SITE_URL + reverse("organisations:invitation", kwargs={"token": raw_token})


@transaction.atomic
def invitation_create(*, actor, organisation: Organisation, email: str, role: str) -> Invitation:
    require(actor, "organisations.manage_members", organisation)
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError({"email": _("This person is already a member of the organisation.")})
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    raw_token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        invited_by=actor,
        token_hash=fingerprint(raw_token),
        expires_at=timezone.now() + INVITATION_VALID_FOR,
    )
    audit.record_change(
        actor=actor,
        instance=invitation,
        action="create",
        after={"email": email, "role": role},
        organisation_uuid=organisation.uuid,
    )
    language = translation.get_language() or settings.LANGUAGE_CODE
    context = {
        "organisation": organisation,
        "inviter": actor,
        "role": invitation.get_role_display(),
        "url": _invitation_url(raw_token),
        "expires_at": invitation.expires_at,
    }

    def send():
        with translation.override(language):
            subject = _("You are invited to join %(organisation)s on Civica") % {"organisation": organisation.name}
            body = render_to_string("organisations/email/invitation.txt", context)
            send_mail(subject, body, None, [email])

    transaction.on_commit(send)
    return invitation


def invitation_find(raw_token: str) -> Invitation | None:
    """The open invitation behind a token, or None when it is unknown, used, revoked or expired."""
    try:
        invitation = selectors.invitation_by_token_hash(fingerprint(raw_token))
    except Invitation.DoesNotExist:
        return None
    if invitation.accepted_at or invitation.revoked_at or invitation.expires_at <= timezone.now():
        return None
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    if user.email.lower() != invitation.email.lower():
        raise PermissionDenied("The invitation was sent to another address.")
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at:
        raise ValidationError(_("This invitation has already been used."))
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    audit.record_change(
        actor=user,
        instance=membership,
        action="create",
        after=audit.snapshot(membership),
        organisation_uuid=invitation.organisation.uuid,
        summary="invitation accepted",
    )
    selectors.forget_roles(user)
    return membership


@transaction.atomic
def invitation_signup(*, invitation: Invitation, first_name: str, last_name: str, password: str):
    """A newcomer creates their account from an invitation. Following the link proved the address."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        email=invitation.email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        preferred_language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    audit.record_change(actor=user, instance=user, action="create", after={"email": user.email})
    invitation_accept(invitation=invitation, user=user)
    return user


@transaction.atomic
def invitation_revoke(*, actor, invitation: Invitation) -> None:
    require(actor, "organisations.manage_members", invitation.organisation)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])
    audit.record_change(
        actor=actor,
        instance=invitation,
        action="update",
        summary="revoked",
        organisation_uuid=invitation.organisation.uuid,
    )


TERRITORY_COLUMNS = ["code", "parent_code", "level", "country", "official_code", "nuts_code", "name", "name_en"]
# The name in each other interface language, where it differs from the official one.
TERRITORY_NAME_COLUMNS = ("name_ro", "name_it", "name_el")


@dataclass
class TerritoryImportReport:
    created: int = 0
    updated: int = 0


# Kept under its own name for callers and the command; the mechanism is the shared one.
TerritoryImportError = CsvImportError


def _territory_line_errors(row: dict, known: dict[str, str]) -> list[str]:
    errors = []
    code, parent_code, country = row["code"], row["parent_code"], row["country"]
    if not code:
        errors.append(_("the code is missing"))
    if country not in dict(COUNTRIES):
        errors.append(_("unknown country %(value)r") % {"value": country})
    if row["level"] not in Territory.Level.values:
        errors.append(_("unknown level %(value)r") % {"value": row["level"]})
    if not row["name"]:
        errors.append(_("the name is missing"))
    if parent_code:
        if parent_code not in known:
            errors.append(_("parent %(code)s is neither loaded nor earlier in the file") % {"code": parent_code})
        elif known[parent_code] != country:
            errors.append(_("parent %(code)s is in another country") % {"code": parent_code})
    elif row["level"] != Territory.Level.COUNTRY:
        errors.append(_("only a country may have no parent"))
    return errors


def territories_load_csv(*, text: str) -> TerritoryImportReport:
    """Load or update territories from CSV. Every line is checked first; one bad line loads nothing."""
    parsed, errors = read_rows(text, TERRITORY_COLUMNS, optional=TERRITORY_NAME_COLUMNS)
    known = dict(Territory.objects.values_list("code", "country"))
    seen: set[str] = set()
    rows = []
    for line_number, row in parsed:
        line_errors = _territory_line_errors(row, known)
        if row["code"] in seen:
            line_errors.append(_("code %(code)s appears twice in the file") % {"code": row["code"]})
        errors.extend((line_number, message) for message in line_errors)
        if row["code"]:
            seen.add(row["code"])
            known.setdefault(row["code"], row["country"])
        rows.append(row)
    if errors:
        raise TerritoryImportError(sorted(errors))
    report = TerritoryImportReport()
    with transaction.atomic():
        by_code = {
            t.code: t
            for t in Territory.objects.filter(code__in=[r["code"] for r in rows] + [r["parent_code"] for r in rows])
        }
        for row in rows:
            values = {
                "parent": by_code.get(row["parent_code"]) if row["parent_code"] else None,
                "level": row["level"],
                "country": row["country"],
                "official_code": row["official_code"],
                "nuts_code": row["nuts_code"],
                "name": row["name"],
                "name_en": row["name_en"],
                "names": {c.removeprefix("name_"): row[c] for c in TERRITORY_NAME_COLUMNS if row[c]},
            }
            territory = by_code.get(row["code"])
            if territory is None:
                territory = Territory.objects.create(code=row["code"], **values)
                report.created += 1
            elif any(getattr(territory, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(territory, key, value)
                territory.save()
                report.updated += 1
            by_code[row["code"]] = territory
    return report
