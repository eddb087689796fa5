"""The territories reference data: the shipped levels load, reloading changes nothing, bad lines
and wrong headers are refused with their line numbers, and the shipped file is well formed."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from civica.organisations.models import Territory
from civica.organisations.services import TerritoryImportError, territories_load_csv

HEADER = "code,parent_code,level,country,official_code,nuts_code,name,name_en\n"


def test_shipped_upper_levels(territories):
    """Romania's 41 counties and Bucharest (with its six sectors), Italy's 20 regions and provinces,
    Greece's 13 regions, each with its official code."""
    counts = {
        (country, level): Territory.objects.filter(country=country, level=level).count()
        for country, level in [
            ("RO", "county"),
            ("RO", "sector"),
            ("IT", "region"),
            ("IT", "province"),
            ("GR", "region"),
        ]
    }
    assert counts[("RO", "county")] == 42
    assert counts[("RO", "sector")] == 6
    assert counts[("IT", "region")] == 20
    assert counts[("IT", "province")] >= 107
    assert counts[("GR", "region")] == 13
    cluj = Territory.objects.get(code="RO-127")
    assert (cluj.official_code, cluj.parent.code) == ("127", "RO")
    assert Territory.objects.get(code="RO-179141").parent.name == "Municipiul București"


def test_reload_is_idempotent(territories):
    from civica.organisations.management.commands.load_territories import SHIPPED

    report = territories_load_csv(text=SHIPPED.read_text(encoding="utf-8"))
    assert (report.created, report.updated) == (0, 0)


def test_bad_lines_are_reported_by_number_and_nothing_is_loaded(territories):
    text = (
        HEADER
        + "\n".join(
            [
                "RO-999001,RO-127,municipality,RO,999001,,Comuna Bună,",
                "RO-999002,RO-404040,municipality,RO,999002,,Părinte lipsă,",
                "RO-999003,RO-127,village,RO,999003,,Nivel greșit,",
                "RO-999004,GR-09,municipality,RO,999004,,Altă țară,",
                ",RO-127,municipality,RO,,,,",
            ]
        )
        + "\n"
    )
    before = Territory.objects.count()
    with pytest.raises(TerritoryImportError) as error:
        territories_load_csv(text=text)
    lines = sorted({line for line, _message in error.value.line_errors})
    assert lines == [3, 4, 5, 6]
    assert Territory.objects.count() == before


def test_wrong_header_is_refused(db):
    with pytest.raises(TerritoryImportError) as error:
        territories_load_csv(text="name,code\nX,Y\n")
    assert error.value.line_errors[0][0] == 1


def test_command_loads_municipalities_and_reports_errors(territories, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text(
        HEADER + "RO-54975,RO-127,municipality,RO,54975,,Municipiul Cluj-Napoca,Cluj-Napoca\n", encoding="utf-8"
    )
    call_command("load_territories", str(good))
    assert Territory.objects.get(code="RO-54975").parent.code == "RO-127"
    call_command("load_territories", str(good))
    assert "0 created, 0 updated" in capsys.readouterr().out

    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "RO-1,RO-nowhere,municipality,RO,1,,X,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing was loaded"):
        call_command("load_territories", str(bad))
    assert "bad.csv, line 2" in capsys.readouterr().err
    assert not Territory.objects.filter(code="RO-1").exists()


def test_shipped_file_is_well_formed():
    from civica.organisations.management.commands.load_territories import SHIPPED

    rows = list(csv.DictReader(io.StringIO(SHIPPED.read_text(encoding="utf-8"))))
    codes = [row["code"] for row in rows]
    assert len(codes) == len(set(codes))
    assert all(row["name"] for row in rows)


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        ("RO-38", "en", "Argeș"),  # diacritics kept in English too
        ("RO-38", "it", "Argeș"),
        ("RO-83", "el", "Brașov"),
        ("RO-403", "ro", "Municipiul București"),
        ("RO-403", "it", "Bucarest"),
        ("RO-403", "el", "Βουκουρέστι"),
        ("RO-403", "en", "Bucharest"),
        ("RO-179141", "it", "Settore 1"),
        ("IT-015", "it", "Milano"),
        ("IT-015", "ro", "Milano"),
        ("IT-015", "el", "Μιλάνο"),
        ("IT-015", "en", "Milan"),
        ("GR-09", "ro", "Atica"),
        ("GR-09", "it", "Attica"),
        ("GR-09", "el", "Αττική"),
        ("GR-09", "en", "Attica"),
        ("GR", "it", "Grecia"),
    ],
)
def test_a_territory_is_named_as_readers_of_each_language_know_it(territories, code, language, expected):
    """Official names with their diacritics, the reader's own exonym where one exists (never the English
    one in Italian or Romanian menus), and Latin names for Greek places outside Greek."""
    from django.utils import translation

    with translation.override(language):
        assert str(Territory.objects.get(code=code)) == expected


def test_names_in_other_languages_are_optional_columns(db):
    """A file may carry name_ro, name_it and name_el after the required columns; older files still load."""
    territories_load_csv(text=HEADER + "RO,,country,RO,,,România,Romania\n")
    territories_load_csv(
        text=HEADER.strip() + ",name_it,name_el\n" + "RO-1,RO,county,RO,1,,Alba,Alba,Alba (IT),Άλμπα\n"
    )
    assert Territory.objects.get(code="RO-1").names == {"it": "Alba (IT)", "el": "Άλμπα"}
    with pytest.raises(TerritoryImportError):
        territories_load_csv(text=HEADER.strip() + ",name_xx\n" + "RO-2,RO,county,RO,2,,Arad,Arad,x\n")
