"""What every part of this package shares: constants and small helpers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from civica.organisations import selectors as organisation_selectors

from ..models import (
    SECTORS,
)

SECTOR_CODES = {code for code, _label in SECTORS}


def _staff_of(organisation):
    return [m.user for m in organisation_selectors.members_of(organisation) if m.role in {"admin", "staff"}]


def _check_sectors(sectors) -> list[str]:
    sectors = list(sectors or [])
    if any(code not in SECTOR_CODES for code in sectors):
        raise ValidationError({"sectors": _("Choose sectors from the list.")})
    return sectors
