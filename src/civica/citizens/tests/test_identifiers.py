"""Each country's personal identifier is checked by its own rule: CNP (Romania, weighted check digit),
codice fiscale (Italy, check character, omocodia) and ΑΜΚΑ (Greece, Luhn), with their birth dates."""

import datetime as dt

import pytest

from civica.citizens.identifiers import BIRTH_DATES, normalise


@pytest.mark.parametrize(
    "country, text, canonical, born",
    [
        ("RO", "1800101420010", "1800101420010", dt.date(1980, 1, 1)),
        ("RO", "2960522 123456", "2960522123456", dt.date(1996, 5, 22)),
        ("RO", "5010612420011", "5010612420011", dt.date(2001, 6, 12)),
        ("IT", "RSSMRA85T10A562S", "RSSMRA85T10A562S", dt.date(1985, 12, 10)),
        ("IT", "bncgli80a41f205f", "BNCGLI80A41F205F", dt.date(1980, 1, 1)),
        ("IT", "RSSMRA85T10A56NH", "RSSMRA85T10A56NH", dt.date(1985, 12, 10)),
        ("GR", "01018512341", "01018512341", dt.date(1985, 1, 1)),
    ],
)
def test_real_format_numbers_are_accepted_with_their_birth_date(country, text, canonical, born):
    assert normalise(country, text) == canonical
    assert BIRTH_DATES[country](canonical) == born


@pytest.mark.parametrize(
    "country, text",
    [
        ("RO", "1800101420011"),  # wrong check digit
        ("RO", "1801301420010"),  # month 13
        ("RO", "1800101990010"),  # county 99
        ("RO", "0800101420010"),  # sex and century 0
        ("RO", "180010142001"),  # 12 digits
        ("RO", "18001014200A0"),
        ("IT", "RSSMRA85T10A562T"),  # wrong check character
        ("IT", "RSSMRA85Z10A562S"),  # month letter Z
        ("IT", "RSSMRA85T10A562"),  # 15 characters
        ("IT", "123MRA85T10A562S"),
        ("IT", "RSSMRA85T72A562S"),  # day 32 (72 - 40) does not exist
        ("GR", "01018512342"),  # Luhn fails
        ("GR", "32018512345"),  # 32 January
        ("GR", "0101851234"),  # 10 digits
        ("FR", "1800101420010"),  # no rule for this country
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(country, text):
    with pytest.raises(ValueError) as error:
        normalise(country, text)
    assert str(error.value)
