"""The versioned fee and duration rules (data/fee_rules.json), picked by country and date."""

import datetime
import json
from decimal import Decimal
from functools import cache
from pathlib import Path

RULES_FILE = Path(__file__).resolve().parent / "data" / "fee_rules.json"


@cache
def _versions() -> tuple[dict, ...]:
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    return tuple(sorted(data["versions"], key=lambda v: (v["country"], v["valid_from"])))


def rules_for(country: str, on: datetime.date) -> dict | None:
    """The version in force in `country` on `on`, or None when none was in force."""
    chosen = None
    for version in _versions():
        if version["country"] == country and datetime.date.fromisoformat(version["valid_from"]) <= on:
            chosen = version
    return chosen


def decimal(value) -> Decimal:
    return Decimal(str(value))
