"""National personal identifiers, each checked by its own rule, and their birth dates.

- Romania, CNP (cod numeric personal): 13 digits SAALLZZJJNNNC; S gives sex and century, then the
  birth date, the county (01-52, 70), a serial and a check digit (weights 279146358279, sum mod 11,
  10 counts as 1).
- Italy, codice fiscale: 16 characters; surname and name letters, birth year, month letter, day (plus
  40 for women), the municipality's cadastral code, then a check character computed from odd- and
  even-position tables. Digits may be replaced by letters (omocodia: LMNPQRSTUV for 0-9).
- Greece, ΑΜΚΑ: 11 digits, the first six the birth date DDMMYY, the last a Luhn check digit.

`normalise(country, text)` returns the canonical form or raises ValueError with a translated reason.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

_CNP_WEIGHTS = (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9)
_CNP_CENTURY = {"1": 1900, "2": 1900, "3": 1800, "4": 1800, "5": 2000, "6": 2000, "7": 1900, "8": 1900, "9": 1900}
_CNP_COUNTIES = {f"{number:02d}" for number in range(1, 53)} | {"70"}

_CF_MONTHS = "ABCDEHLMPRST"
_CF_OMOCODIA = "LMNPQRSTUV"
_CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def _date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise ValueError(_("The birth date inside the number is not a real date.")) from error


def cnp_check_digit(first_twelve: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first_twelve, _CNP_WEIGHTS, strict=True)) % 11
    return "1" if total == 10 else str(total)


def cnp_birth_date(cnp: str) -> dt.date:
    return _date(_CNP_CENTURY[cnp[0]] + int(cnp[1:3]), int(cnp[3:5]), int(cnp[5:7]))


def check_cnp(text: str) -> str:
    cnp = "".join(text.split())
    if len(cnp) != 13 or not cnp.isdigit():
        raise ValueError(_("A CNP has exactly 13 digits."))
    if cnp[0] == "0":
        raise ValueError(_("A CNP cannot start with 0."))
    cnp_birth_date(cnp)
    if cnp[7:9] not in _CNP_COUNTIES:
        raise ValueError(_("The county code inside the CNP does not exist."))
    if cnp_check_digit(cnp[:12]) != cnp[12]:
        raise ValueError(_("The check digit of the CNP is wrong: please look for a typing error."))
    return cnp


def _cf_value(char: str, odd: bool) -> int:
    index = int(char) if char.isdigit() else ord(char) - ord("A")
    return _CF_ODD[index] if odd else index


def codice_fiscale_check_character(first_fifteen: str) -> str:
    # Positions are counted from 1: the odd ones (index 0, 2, ...) use the odd table.
    total = sum(_cf_value(char, index % 2 == 0) for index, char in enumerate(first_fifteen))
    return chr(ord("A") + total % 26)


def _cf_digits(text: str) -> str:
    """Undo omocodia: letters standing for digits in the numeric positions become digits again."""
    chars = list(text)
    for index in (6, 7, 9, 10, 12, 13, 14):
        if chars[index] in _CF_OMOCODIA:
            chars[index] = str(_CF_OMOCODIA.index(chars[index]))
    return "".join(chars)


def codice_fiscale_birth_date(code: str) -> dt.date:
    plain = _cf_digits(code)
    year = int(plain[6:8])
    day = int(plain[9:11])
    day = day - 40 if day > 40 else day
    # Two-digit year: the most recent century that does not put the birth in the future.
    century = 2000 if 2000 + year <= dt.date.today().year else 1900
    return _date(century + year, _CF_MONTHS.index(plain[8]) + 1, day)


def check_codice_fiscale(text: str) -> str:
    code = "".join(text.split()).upper()
    if len(code) != 16 or not code.isalnum() or not code.isascii():
        raise ValueError(_("A codice fiscale has exactly 16 letters and digits."))
    if not code[:6].isalpha() or not code[15].isalpha():
        raise ValueError(_("This is not the form of a codice fiscale."))
    plain = _cf_digits(code)
    if not (plain[6:8] + plain[9:11] + plain[12:15]).isdigit() or not plain[11].isalpha():
        raise ValueError(_("This is not the form of a codice fiscale."))
    if plain[8] not in _CF_MONTHS:
        raise ValueError(_("The month letter of the codice fiscale does not exist."))
    codice_fiscale_birth_date(code)
    if codice_fiscale_check_character(code[:15]) != code[15]:
        raise ValueError(_("The check character of the codice fiscale is wrong: please look for a typing error."))
    return code


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def amka_birth_date(amka: str) -> dt.date:
    year = int(amka[4:6])
    century = 2000 if 2000 + year <= dt.date.today().year else 1900
    return _date(century + year, int(amka[2:4]), int(amka[0:2]))


def check_amka(text: str) -> str:
    amka = "".join(text.split())
    if len(amka) != 11 or not amka.isdigit():
        raise ValueError(_("An AMKA has exactly 11 digits."))
    amka_birth_date(amka)
    if not luhn_valid(amka):
        raise ValueError(_("The check digit of the AMKA is wrong: please look for a typing error."))
    return amka


CHECKS = {"RO": check_cnp, "IT": check_codice_fiscale, "GR": check_amka}
BIRTH_DATES = {"RO": cnp_birth_date, "IT": codice_fiscale_birth_date, "GR": amka_birth_date}


def normalise(country: str, text: str) -> str:
    """The identifier in canonical form, checked by its country's rule; ValueError says why not."""
    check = CHECKS.get(country)
    if check is None:
        raise ValueError(_("Civica does not know the personal identifier of this country."))
    return check(text or "")
