"""Writes to charters and their signatures."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import audit
from civica.core.permissions import require

from ..models import (
    Charter,
    Signature,
)
from ._shared import _record

# --- The charter ----------------------------------------------------------------------------------


@transaction.atomic
def charter_create(*, actor, organisation, title: str, text: str = "", strategy=None, language="ro") -> Charter:
    require(actor, "strategy.manage_charter", organisation)
    if not title.strip():
        raise ValidationError({"title": _("Give the charter a title.")})
    charter = Charter.objects.create(
        organisation=organisation, title=title.strip(), text=text.strip(), strategy=strategy, language=language
    )
    _record(actor, charter, "create", organisation, after=audit.snapshot(charter))
    return charter


@transaction.atomic
def charter_sign(
    *, actor, charter: Charter, organisation_name: str, representative: str, signed_on: date, organisation=None
) -> Signature:
    require(actor, "strategy.manage_charter", charter.organisation)
    errors = {}
    name = (organisation.name if organisation else organisation_name).strip()
    if not name:
        errors["organisation_name"] = _("Give the organisation's name.")
    elif charter.signatures.filter(organisation_name__iexact=name).exists():
        errors["organisation_name"] = _("This organisation has already signed the charter.")
    if not representative.strip():
        errors["representative"] = _("Give the name of the representative who signed.")
    if signed_on is None or signed_on > timezone.localdate():
        errors["signed_on"] = _("Give the date of signature (not in the future).")
    if errors:
        raise ValidationError(errors)
    signature = Signature.objects.create(
        charter=charter,
        organisation=organisation,
        organisation_name=name,
        representative=representative.strip(),
        signed_on=signed_on,
    )
    _record(actor, signature, "create", charter.organisation, after=audit.snapshot(signature))
    return signature
