"""Loading the UN SDG 16 framework from the JSON shipped in data/ (and its translations). Idempotent."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def framework() -> dict:
    return json.loads((DATA / "sdg16.json").read_text(encoding="utf-8"))


def translations() -> dict:
    return json.loads((DATA / "sdg16_translations.json").read_text(encoding="utf-8"))


def load(target_model, indicator_model) -> tuple[int, int]:
    """Create or update every target and indicator; the models are passed in so a migration can use
    its historical ones. Returns (targets, indicators) written."""
    data, titles = framework(), translations()
    targets = indicators = 0
    for target_position, target in enumerate(data["targets"]):
        target_row, _created = target_model.objects.update_or_create(
            code=target["code"],
            defaults={
                "title": target["title"],
                "translations": titles.get(target["code"], {}),
                "position": target_position,
            },
        )
        targets += 1
        for position, indicator in enumerate(target["indicators"]):
            indicator_model.objects.update_or_create(
                code=indicator["code"],
                defaults={
                    "target": target_row,
                    "title": indicator["title"],
                    "translations": titles.get(indicator["code"], {}),
                    "position": target_position * 100 + position,
                },
            )
            indicators += 1
    return targets, indicators
