"""Fiscal identifiers of organisations, checked by each country's official check-digit rule."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_RO_CUI_KEY = "753217532"
_IT_CF_ODD = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [
            1,
            0,
            5,
            7,
            9,
            13,
            15,
            17,
            19,
            21,
            1,
            0,
            5,
            7,
            9,
            13,
            15,
            17,
            19,
            21,
            2,
            4,
            18,
            20,
            11,
            3,
            6,
            8,
            12,
            14,
            16,
            10,
            22,
            25,
            24,
            23,
        ],
        strict=True,
    )
)


def normalise_fiscal_id(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value or "").upper()


def is_valid_ro_cui(value: str) -> bool:
    """Romanian CUI/CIF: 2 to 10 digits, an optional RO prefix, the last digit a check digit (key 753217532)."""
    digits = value[2:] if value.startswith("RO") else value
    if not re.fullmatch(r"\d{2,10}", digits):
        return False
    body, check = digits[:-1].zfill(9), int(digits[-1])
    total = sum(int(d) * int(k) for d, k in zip(body, _RO_CUI_KEY, strict=True))
    return (total * 10) % 11 % 10 == check


def is_valid_it_partita_iva(value: str) -> bool:
    """Italian partita IVA (and an organisation's numeric codice fiscale): 11 digits, Luhn-style check."""
    digits = value[2:] if value.startswith("IT") else value
    if not re.fullmatch(r"\d{11}", digits):
        return False
    total = 0
    for index, char in enumerate(digits[:10]):
        number = int(char)
        if index % 2 == 1:
            number *= 2
            if number > 9:
                number -= 9
        total += number
    return (10 - total % 10) % 10 == int(digits[10])


def is_valid_it_codice_fiscale(value: str) -> bool:
    """A person's 16-character codice fiscale (sole traders, informal groups' representatives)."""
    if not re.fullmatch(r"[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]", value):
        return False
    total = 0
    for index, char in enumerate(value[:15]):
        if index % 2 == 0:
            total += _IT_CF_ODD[char]
        else:
            total += int(char) if char.isdigit() else ord(char) - ord("A")
    return chr(total % 26 + ord("A")) == value[15]


def is_valid_gr_afm(value: str) -> bool:
    """Greek tax number (ΑΦΜ): 9 digits, the last a check digit over powers of two."""
    digits = value[2:] if value.startswith(("EL", "GR")) else value
    if not re.fullmatch(r"\d{9}", digits) or digits == "000000000":
        return False
    total = sum(int(d) * 2 ** (8 - i) for i, d in enumerate(digits[:8]))
    return total % 11 % 10 == int(digits[8])


def validate_fiscal_id(country: str, value: str) -> str:
    """Return the normalised identifier, or raise a ValidationError that names the expected form."""
    normalised = normalise_fiscal_id(value)
    if not normalised:
        return ""
    checks = {
        "RO": (is_valid_ro_cui, _("Enter a valid Romanian fiscal code (CUI), for example RO4267117.")),
        "IT": (
            lambda v: is_valid_it_partita_iva(v) or is_valid_it_codice_fiscale(v),
            _("Enter a valid Italian codice fiscale or partita IVA (11 digits, or 16 characters)."),
        ),
        "GR": (is_valid_gr_afm, _("Enter a valid Greek tax number (ΑΦΜ, 9 digits).")),
    }
    if country in checks:
        check, message = checks[country]
        if not check(normalised):
            raise ValidationError(message, code="invalid_fiscal_id")
    return normalised
