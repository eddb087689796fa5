"""Fiscal identifiers: Romanian CUI, Italian codice fiscale and partita IVA, Greek AFM are checked,
normalised, and explained when wrong."""

import pytest
from django.core.exceptions import ValidationError

from civica.organisations.validators import (
    is_valid_gr_afm,
    is_valid_it_codice_fiscale,
    is_valid_it_partita_iva,
    is_valid_ro_cui,
    validate_fiscal_id,
)


@pytest.mark.parametrize("value", ["4267117", "RO4267117", "14399840", "18547290"])
def test_valid_romanian_cui(value):
    assert is_valid_ro_cui(value)


@pytest.mark.parametrize("value", ["4267118", "RO", "1", "12345678901", "RO42671X7"])
def test_invalid_romanian_cui(value):
    assert not is_valid_ro_cui(value)


def test_italian_identifiers():
    """The partita IVA's Luhn-style digit and the personal codice fiscale's check letter."""
    assert is_valid_it_partita_iva("00743110157")
    assert not is_valid_it_partita_iva("00743110158")
    assert is_valid_it_codice_fiscale("RSSMRA85T10A562S")
    assert not is_valid_it_codice_fiscale("RSSMRA85T10A562T")


def test_greek_afm():
    assert is_valid_gr_afm("090000045")
    assert is_valid_gr_afm("EL090025537")
    assert not is_valid_gr_afm("090000046")
    assert not is_valid_gr_afm("000000000")


def test_validate_normalises_and_explains():
    assert validate_fiscal_id("RO", " ro 4267117 ") == "RO4267117"
    assert validate_fiscal_id("GR", "") == ""
    with pytest.raises(ValidationError) as error:
        validate_fiscal_id("IT", "12345")
    assert error.value.code == "invalid_fiscal_id"
