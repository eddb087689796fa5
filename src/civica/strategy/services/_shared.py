"""What every part of this package shares: constants and small helpers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from civica.core import audit

from ..models import (
    Stage,
    Strategy,
)

# Seed 001: the stages the three cities' working group proposed for a participatory strategy.
SEED_001_STAGES = [
    Stage.Kind.VISION,
    Stage.Kind.PROVIDERS,
    Stage.Kind.THEMATIC_GROUPS,
    Stage.Kind.PROCESSING,
    Stage.Kind.CONSULTATION,
    Stage.Kind.ACTION_PLAN,
    Stage.Kind.COUNCIL,
]
MAX_DOCUMENT = 10 * 1024 * 1024
DOCUMENT_TYPES = {"pdf", "doc", "docx", "odt", "ods", "xls", "xlsx", "ppt", "pptx", "odp", "txt", "csv"}
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: codes are typed from paper


def _record(actor, instance, action, strategy_or_organisation, **values) -> None:
    organisation = getattr(strategy_or_organisation, "organisation", strategy_or_organisation)
    audit.record_change(actor=actor, instance=instance, action=action, organisation_uuid=organisation.uuid, **values)


def _locked(strategy: Strategy) -> None:
    if strategy.is_locked:
        raise ValidationError(_("The strategy has been adopted by the council: its text can no longer change."))
