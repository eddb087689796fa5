"""Writes of the verification methods: the organisation's setup, the census file, codes, and a person
verifying by census or code. Each ends in `services.verification_grant`."""

from __future__ import annotations

import datetime as dt
import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core.audit import record_change, snapshot
from civica.core.csv_import import CsvImportError, read_rows
from civica.core.permissions import SYSTEM, require
from civica.core.ratelimit import allow

from . import hashing, identifiers
from .models import CensusEntry, CensusFile, VerificationCode, VerificationSetup
from .services import verification_grant

CENSUS_COLUMNS = ["identifier", "birth_date"]
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on paper
SETUP_FIELDS = (
    "territory",
    "census_enabled",
    "code_enabled",
    "oidc_enabled",
    "oidc_provider",
    "validity_days",
    "signup_open",
)


@transaction.atomic
def setup_save(*, actor, organisation, data: dict) -> VerificationSetup:
    require(actor, "citizens.manage_verification", organisation)
    setup = VerificationSetup.objects.select_for_update().filter(organisation=organisation).first()
    before = snapshot(setup, SETUP_FIELDS) if setup else None
    setup = setup or VerificationSetup(organisation=organisation)
    for field in SETUP_FIELDS:
        if field in data:
            setattr(setup, field, data[field])
    setup.full_clean()
    setup.save()
    record_change(
        actor=actor,
        instance=setup,
        action="update" if before else "create",
        before=before,
        after=snapshot(setup, SETUP_FIELDS),
        organisation_uuid=organisation.uuid,
    )
    return setup


def _expiry(setup: VerificationSetup):
    return timezone.now() + timedelta(days=setup.validity_days) if setup.validity_days else None


@transaction.atomic
def census_upload(*, actor, setup: VerificationSetup, text: str) -> CensusFile:
    """Replace the organisation's census with the CSV `text` (identifier,birth_date as YYYY-MM-DD).

    Every line is checked first (the identifier by its country's rule, the birth date against the one
    inside the identifier); one bad line loads nothing. Only keyed hashes are stored."""
    require(actor, "citizens.manage_verification", setup.organisation)
    country = setup.territory.country
    rows, errors = read_rows(text, CENSUS_COLUMNS)
    entries, seen = [], set()
    for line, row in rows:
        try:
            identifier = identifiers.normalise(country, row["identifier"])
            born = dt.date.fromisoformat(row["birth_date"])
        except ValueError as error:
            message = str(error) if "Invalid isoformat" not in str(error) else _("the birth date must be YYYY-MM-DD")
            errors.append((line, message))
            continue
        if identifiers.BIRTH_DATES[country](identifier) != born:
            errors.append((line, _("the birth date does not match the one inside the identifier")))
            continue
        digest = hashing.identity_hash(country, identifier)
        if digest in seen:
            errors.append((line, _("this person is already on an earlier line")))
            continue
        seen.add(digest)
        entries.append((digest, hashing.birth_hash(country, identifier, born)))
    if errors:
        raise CsvImportError(sorted(errors))
    if not entries:
        raise ValidationError(_("The census file has no people in it."))
    CensusFile.objects.filter(organisation=setup.organisation, is_current=True).update(is_current=False)
    CensusEntry.objects.filter(census__organisation=setup.organisation).delete()
    census = CensusFile.objects.create(
        organisation=setup.organisation,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
        row_count=len(entries),
    )
    CensusEntry.objects.bulk_create(
        [CensusEntry(census=census, identity_hash=digest, birth_hash=birth) for digest, birth in entries],
        batch_size=2000,
    )
    record_change(
        actor=actor,
        instance=census,
        action="create",
        after={"row_count": census.row_count},
        organisation_uuid=setup.organisation.uuid,
    )
    return census


def _attempts_left(user, setup) -> None:
    if not allow("citizens.verify", f"{user.pk}:{setup.pk}", limit=10, window=3600):
        raise ValidationError(_("Too many attempts. Please try again in an hour."))


def _require_citizen(actor):
    if actor is SYSTEM or actor is None or not actor.is_authenticated:
        raise PermissionDenied("citizens.verify")


@transaction.atomic
def census_verify(*, actor, setup: VerificationSetup, identifier: str, birth_date):
    """The person `actor` proves to be on the census with their identifier and birth date."""
    _require_citizen(actor)
    if not setup.census_enabled:
        raise PermissionDenied("citizens.verify")
    _attempts_left(actor, setup)
    country = setup.territory.country
    try:
        identifier = identifiers.normalise(country, identifier)
    except ValueError as error:
        raise ValidationError({"identifier": str(error)}) from error
    digest = hashing.identity_hash(country, identifier)
    found = CensusEntry.objects.filter(
        census__organisation=setup.organisation,
        census__is_current=True,
        identity_hash=digest,
        birth_hash=hashing.birth_hash(country, identifier, birth_date),
    ).exists()
    if not found:
        raise ValidationError(
            _("We could not find these details in the census of %(place)s.") % {"place": setup.territory}
        )
    return verification_grant(
        actor=SYSTEM,
        user=actor,
        territory=setup.territory,
        organisation=setup.organisation,
        method="census",
        identity_hash=digest,
        expires_at=_expiry(setup),
    )


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[index : index + 4] for index in range(0, 12, 4))


@transaction.atomic
def codes_issue(*, actor, setup: VerificationSetup, count: int, valid_days: int = 60) -> list[str]:
    """Make `count` single-use codes to hand out. They are returned once; only their hashes stay."""
    require(actor, "citizens.manage_verification", setup.organisation)
    if not 1 <= count <= 500:
        raise ValidationError(_("Issue between 1 and 500 codes at a time."))
    if not 1 <= valid_days <= 365:
        raise ValidationError(_("A code is valid between 1 and 365 days."))
    expires_at = timezone.now() + timedelta(days=valid_days)
    codes = [new_code() for _ in range(count)]
    VerificationCode.objects.bulk_create(
        [
            VerificationCode(
                organisation=setup.organisation,
                code_hash=hashing.code_hash(code),
                expires_at=expires_at,
                issued_by=actor if getattr(actor, "pk", None) else None,
            )
            for code in codes
        ]
    )
    return codes


@transaction.atomic
def code_redeem(*, actor, setup: VerificationSetup, code: str):
    """The person `actor` uses a code: once, before it expires."""
    _require_citizen(actor)
    if not setup.code_enabled:
        raise PermissionDenied("citizens.verify")
    _attempts_left(actor, setup)
    digest = hashing.code_hash(code or "")
    found = (
        VerificationCode.objects.select_for_update()
        .filter(organisation=setup.organisation, code_hash=digest, used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if found is None:
        raise ValidationError({"code": _("This code is not valid: it may be mistyped, used or expired.")})
    found.used_at = timezone.now()
    found.save(update_fields=["used_at", "updated_at"])
    return verification_grant(
        actor=SYSTEM,
        user=actor,
        territory=setup.territory,
        organisation=setup.organisation,
        method="code",
        identity_hash=digest,
        expires_at=_expiry(setup),
    )
