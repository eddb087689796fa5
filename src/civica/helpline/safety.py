"""Safety helpers without database access: risk words per language, emergency numbers per country,
masking of contacts. Pure functions, so services, selectors and templates share one definition."""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

from civica.core import crypto

CONTACT_DIGEST_PURPOSE = "helpline.contact"

# Words and phrases that raise the risk flag (self-harm, suicide, violence, abuse), in every language
# Civica speaks, whatever the conversation's language: young people mix languages. Matched on word
# boundaries, case- and accent-insensitively; a trailing * matches any ending ("suicid*": suicidio,
# suicidarmi), otherwise the whole word must match ("viol" is not "violino").
RISK_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "suicid*",
        "kill myself",
        "end my life",
        "self-harm",
        "self harm",
        "cut myself",
        "cutting myself",
        "want to die",
        "hurt myself",
        "hits me",
        "beats me",
        "abus*",
        "rape",
        "violence",
        "threatens me",
    ),
    "it": (
        "suicid*",
        "uccidermi",
        "ammazzarmi",
        "farla finita",
        "farmi del male",
        "tagliarmi",
        "mi taglio",
        "autolesion*",
        "voglio morire",
        "togliermi la vita",
        "mi picchia",
        "mi picchiano",
        "violenz*",
        "abus*",
        "stupro",
        "mi minaccia",
    ),
    "ro": (
        "sinucid*",
        "sinucigaș*",
        "să mă omor",
        "vreau să mor",
        "mă tai",
        "automutil*",
        "mă bate",
        "violenț*",
        "abuz*",
        "viol",
        "mă amenință",
    ),
    "el": (
        "αυτοκτον*",
        "να πεθάνω",
        "αυτοτραυματ*",
        "κόβω τον εαυτό μου",
        "με χτυπάει",
        "με δέρνει",
        "βία",
        "κακοποίηση",
        "βιασμ*",
        "με απειλεί",
    ),
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _word(word: str) -> str:
    if word.endswith("*"):
        return re.escape(_fold(word[:-1])) + r"\w*"
    return re.escape(_fold(word)) + r"(?!\w)"


_PATTERN = re.compile(
    r"(?<!\w)(?:" + "|".join(_word(w) for words in RISK_WORDS.values() for w in words) + r")",
    re.UNICODE,
)


def risk_words_in(text: str) -> list[str]:
    """The risk words found in `text` (folded), empty when none."""
    return sorted(set(_PATTERN.findall(_fold(text or ""))))


EMERGENCY = {"label": _("European emergency number"), "number": "112"}

# National lines shown beside 112 unless the helpline configures its own.
NATIONAL_NUMBERS: dict[str, list[dict]] = {
    "IT": [
        {"label": _("Telefono Azzurro, children and teenagers"), "number": "19696"},
        {"label": _("Anti-violence and stalking line"), "number": "1522"},
        {"label": _("Childhood emergency"), "number": "114"},
    ],
    "RO": [
        {"label": _("Child helpline"), "number": "116 111"},
        {"label": _("Suicide prevention line"), "number": "0800 801 200"},
    ],
    "GR": [
        {"label": _("The Smile of the Child, SOS line"), "number": "1056"},
        {"label": _("Mental health and suicide prevention line"), "number": "1018"},
    ],
}


def emergency_numbers(country: str, configured: list | None = None) -> list[dict]:
    """112 first, then the helpline's own numbers, or the country's national lines."""
    extra = [n for n in (configured or []) if isinstance(n, dict) and n.get("number")]
    return [EMERGENCY, *(extra or NATIONAL_NUMBERS.get(country, []))]


def mask(contact: str) -> str:
    """A phone number keeps its last three digits, an e-mail address the first letter of each part."""
    if not contact:
        return ""
    if "@" in contact:
        local, _sep, domain = contact.partition("@")
        name, _dot, tld = domain.rpartition(".")
        return f"{local[:1]}•••@{(name or tld)[:1]}•••.{tld if name else ''}".rstrip(".")
    digits = [c for c in contact if c.isdigit()]
    return "•" * max(len(digits) - 3, 3) + "".join(digits[-3:])


def contact_digest(contact: str) -> str:
    """The blind index conversations are found by: a keyed digest of the contact without spaces and
    case, so "+39 333 1234567" and "+393331234567", or "Anna@X.it" and "anna@x.it", are the same person."""
    normalised = re.sub(r"\s+", "", contact or "").casefold()
    return crypto.blind_index(normalised, CONTACT_DIGEST_PURPOSE)
