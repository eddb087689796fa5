"""HSDS exchange: the official examples go in and come out without loss, exports validate against the
official schemas, and a bad file is reported by file, row and field with nothing imported."""

import csv
import json
import shutil
from pathlib import Path

import pytest

from civica.directory import hsds_export, hsds_import, hsds_tables, sectors
from civica.directory.models import Location, Phone, Service

DATA = Path(__file__).parent / "data"
SECTOR_IDS = {str(sectors.TAXONOMY_ID)} | {str(sectors.term_id(code)) for code in sectors.SECTORS}


def _without_empty(value):
    """JSON without null or empty values: the schemas allow neither, so they carry no information."""
    if isinstance(value, dict):
        return {key: _without_empty(item) for key, item in value.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


def _contains(exported, original, path="") -> list[str]:
    """Every value of `original` is in `exported` (which may say more: links the example leaves implied)."""
    missing = []
    if isinstance(original, dict):
        for key, value in original.items():
            if key not in exported:
                missing.append(f"{path}/{key}")
            else:
                missing += _contains(exported[key], value, f"{path}/{key}")
    elif isinstance(original, list):
        by_id = {item.get("id"): item for item in exported if isinstance(item, dict)}
        for index, item in enumerate(original):
            match = by_id.get(item.get("id")) if isinstance(item, dict) else None
            if match is None:
                missing.append(f"{path}/{index}")
            else:
                missing += _contains(match, item, f"{path}/{index}")
    elif exported != original:
        missing.append(f"{path}: {original!r} became {exported!r}")
    return missing


def _csv_rows(directory: Path, name: str) -> list[dict]:
    with (directory / name).open(encoding="utf-8") as handle:
        return [{key: value for key, value in row.items() if value != ""} for row in csv.DictReader(handle)]


def _numeric(row: dict) -> dict:
    def normal(value):
        try:
            number = float(value)
        except ValueError:
            return value
        return str(int(number)) if number.is_integer() else str(number)

    return {key: normal(value) for key, value in row.items()}


# The four links the official tabular example leaves dangling (frictionless reports the same four).
BROKEN = {
    ("contacts.csv", "organization_id"),
    ("contacts.csv", "service_at_location_id"),
    ("locations.csv", "organization_id"),
    ("taxonomy_terms.csv", "taxonomy_id"),
}


@pytest.mark.django_db
def test_official_csv_datapackage_round_trip_is_lossless(tmp_path):
    """Every row and value of the official tabular example comes back out of the export, but for the
    four broken links, which the import reports and leaves empty when asked to import the rest."""
    report = hsds_import.import_path(DATA / "csv", skip_broken_links=True)
    assert {(w.file, w.field) for w in report.warnings} == BROKEN
    hsds_export.write_datapackage(tmp_path)
    for table in hsds_tables.tables().values():
        original = [
            _numeric({key: value for key, value in row.items() if (table.path, key) not in BROKEN})
            for row in _csv_rows(DATA / "csv", table.path)
        ]
        exported = [_numeric(row) for row in _csv_rows(tmp_path, table.path)]
        # Civica's own sector taxonomy is always present besides what was imported.
        exported = [row for row in exported if row["id"] not in SECTOR_IDS]
        assert sorted(original, key=lambda r: r["id"]) == sorted(exported, key=lambda r: r["id"]), table.name


@pytest.mark.django_db
def test_the_official_datapackage_is_refused_with_its_four_broken_links_listed_and_nothing_imported():
    """The links are checked as frictionless checks foreign keys, before anything is written."""
    with pytest.raises(hsds_import.HSDSImportError) as raised:
        hsds_import.import_path(DATA / "csv")
    assert {(p.file, p.row, p.field) for p in raised.value.problems} == {(f, "2", c) for f, c in BROKEN}
    assert len(hsds_export.datapackage_problems(DATA / "csv")) == 4
    assert Service.objects.count() == 0 and Location.objects.count() == 0


@pytest.mark.django_db
def test_an_accepted_import_never_blocks_the_export(tmp_path):
    """What the import lets in exports: frictionless and the JSON schemas find nothing."""
    hsds_import.import_path(DATA / "csv", skip_broken_links=True)
    hsds_import.import_path(DATA / "service_full.json", skip_broken_links=True)
    hsds_export.export(tmp_path)
    assert hsds_export.datapackage_problems(tmp_path) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("file", "kind"),
    [
        ("service_full.json", "service"),
        ("organization_full.json", "organization"),
        ("service_at_location_full.json", "service_at_location"),
    ],
)
def test_official_json_examples_round_trip_and_validate(file, kind):
    original = json.loads((DATA / file).read_text())
    report = hsds_import.import_path(DATA / file, skip_broken_links=True)
    for warning in report.warnings:  # a broken link is left empty: not expected back
        target = original
        for step in [part for part in warning.row.split("/") if part]:
            target = target[int(step) if isinstance(target, list) else step]
        target.pop(warning.field, None)
    model = hsds_tables.tables()[kind].model
    [exported] = hsds_export.hsds_documents.build(kind, [model.objects.get(id=original["id"])])
    assert _contains(exported, _without_empty(original)) == []
    assert hsds_export.json_problems(kind, [exported]) == []


@pytest.mark.django_db
def test_full_export_validates_for_a_directory_without_dangling_references(tmp_path):
    hsds_import.import_path(DATA / "service_full.json", skip_broken_links=True)
    from civica.directory.models import Organization, TaxonomyTerm

    # parent_id and parent_organization_id are not foreign keys of the datapackage; the export's
    # frictionless check is stricter about them (self references), so they are cleared here.
    TaxonomyTerm.objects.update(parent_id=None)
    Organization.objects.update(parent_organization_id=None)
    paths = hsds_export.export(tmp_path)
    assert (tmp_path / "datapackage.json") in paths
    assert (tmp_path / "json" / "services.json").exists()


def _bad_package(tmp_path) -> Path:
    target = tmp_path / "bad"
    shutil.copytree(DATA / "csv", target)
    services = (target / "services.csv").read_text().splitlines()
    header, row = services[0], services[1]
    second = row.replace("ac148810-d857-441c-9679-408f346de14b", "not-a-uuid", 1).replace(",12,100,", ",twelve,100,", 1)
    (target / "services.csv").write_text("\n".join([header, row, second]) + "\n")
    return target


@pytest.mark.django_db
def test_a_bad_file_is_reported_by_file_row_and_field_and_nothing_is_imported(tmp_path):
    with pytest.raises(hsds_import.HSDSImportError) as raised:
        hsds_import.import_path(_bad_package(tmp_path))
    problems = {(p.file, p.row, p.field) for p in raised.value.problems}
    assert ("services.csv", "3", "id") in problems
    assert ("services.csv", "3", "minimum_age") in problems
    assert Service.objects.count() == 0 and Phone.objects.count() == 0


@pytest.mark.django_db
def test_bad_json_is_reported_by_pointer(tmp_path):
    document = json.loads((DATA / "service_full.json").read_text())
    document["phones"][0]["id"] = "nope"
    del document["name"]
    path = tmp_path / "service.json"
    path.write_text(json.dumps(document))
    with pytest.raises(hsds_import.HSDSImportError) as raised:
        hsds_import.import_path(path)
    problems = {(p.file, p.row, p.field) for p in raised.value.problems}
    assert ("service.json", "/", "name") in problems
    assert ("service.json", "/phones/0", "id") in problems
    assert Service.objects.count() == 0
