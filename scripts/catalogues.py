"""Translation catalogues: `check` fails on any untranslated or fuzzy entry in ro, it and el (and on
placeholders that differ from the source); `compile` writes the .mo files. Pure Python (polib), so no
system gettext is needed."""

import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ro", "it", "el")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{?\s*\w+\s*\}?\}")


def catalogues():
    # English is the source language: its strings are the msgids, so it has no catalogue.
    for language in LANGUAGES:
        for domain in ("django", "djangojs"):
            path = ROOT / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
            if path.exists():
                yield language, path


def check() -> int:
    problems = []
    for _language, path in catalogues():
        po = polib.pofile(str(path))
        for entry in po:
            if entry.obsolete:
                continue
            where = f"{path.relative_to(ROOT)}: {entry.msgid[:60]!r}"
            if "fuzzy" in entry.flags:
                problems.append(f"{where} is fuzzy")
            translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
            if not all(t.strip() for t in translations):
                problems.append(f"{where} is untranslated")
                continue
            expected = sorted(set(PLACEHOLDER.findall(entry.msgid)))
            for translation in translations:
                if sorted(set(PLACEHOLDER.findall(translation))) != expected and not entry.msgid_plural:
                    problems.append(f"{where} has placeholders {expected} but the translation has others")
    for problem in problems:
        print(problem)
    print(f"catalogues: {len(problems)} problem(s)")
    return 1 if problems else 0


def compile_all() -> int:
    for _language, path in catalogues():
        polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))
    return 0


if __name__ == "__main__":
    sys.exit({"check": check, "compile": compile_all}[sys.argv[1]]())
