"""Import of HSDS files: a tabular datapackage (a folder or a .zip of CSV files, with or without
datapackage.json) or the JSON form (one full service, organization or service_at_location, a list
of them, or an HSDS API page). Everything is read and checked first; any problem is reported by
file, row and field and nothing is written. Then every row goes in, in one transaction."""

import csv
import dataclasses
import io
import json
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civica.core import audit

from . import hsds_checks, hsds_tables, indexing
from .hsds_nesting import DOCUMENTS, Many, One
from .hsds_values import is_empty, parse


@dataclass(frozen=True)
class Problem:
    file: str
    row: str  # a CSV line number (the header is line 1) or a JSON pointer
    field: str
    message: str

    def __str__(self):
        return f"{self.file}, {self.row}, {self.field}: {self.message}"


class HSDSImportError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems[:50]))


@dataclass
class Rows:
    """The raw rows of each table, each with where it was read."""

    by_table: dict
    # Where each checked record was read: (table, id) -> (file, row), for the link report.
    origins: dict = dataclasses.field(default_factory=dict)
    # What is reported but does not stop the import (fields and tables HSDS 3.1 added, for instance).
    warnings: list = dataclasses.field(default_factory=list)

    def add(self, table: str, row: dict, file: str, where: str) -> None:
        self.by_table.setdefault(table, []).append((file, where, row))


# --- reading -------------------------------------------------------------------------------------


def _read_csv(rows: Rows, name: str, text: str, problems: list[Problem]) -> None:
    table = hsds_tables.table_for_file(name)
    if table is None:
        rows.warnings.append(Problem(name, "-", "-", _("This file is not an HSDS 3.0 table: it is ignored.")))
        return
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    unknown = [column for column in reader.fieldnames or [] if column not in table.field_names]
    for column in unknown:
        rows.warnings.append(Problem(name, "1", column, _("This column is not an HSDS 3.0 field: it is ignored.")))
    for line, raw in enumerate(reader, start=2):
        if None in raw:
            problems.append(Problem(name, str(line), "-", _("This line has more cells than the header.")))
            continue
        rows.add(table.name, {key: value for key, value in raw.items() if key in table.field_names}, name, str(line))


def _flatten(rows: Rows, file: str, document: dict, table: str, tree: dict, pointer: str, problems) -> dict:
    if not isinstance(document, dict):
        problems.append(Problem(file, pointer or "/", "-", _("Expected an object.")))
        return {}
    row = {key: value for key, value in document.items() if key not in tree}
    for key, child in tree.items():
        if key not in document or document[key] is None:
            continue
        if isinstance(child, Many):
            items = document[key]
            if not isinstance(items, list):
                problems.append(Problem(file, f"{pointer}/{key}", key, _("Expected a list.")))
                continue
            for index, item in enumerate(items):
                child_row = _flatten(
                    rows, file, item, child.table, child.children, f"{pointer}/{key}/{index}", problems
                )
                if is_empty(child_row.get(child.link)):
                    child_row[child.link] = row.get("id")
        elif isinstance(child, One):
            child_row = _flatten(rows, file, document[key], child.table, child.children, f"{pointer}/{key}", problems)
            if is_empty(row.get(child.link)):
                row[child.link] = child_row.get("id")
    rows.add(table, row, file, pointer or "/")
    return row


def kind_of_file(name: str) -> str | None:
    """The record type of a JSON file from its name, as the HSDS API names its endpoints
    (`taxonomy_term_list.json`, `services.json`, `location.json`...); None when the name does not say."""
    stem = Path(name).stem.lower()
    for prefix, kind in (
        ("taxonomy_term", "taxonomy_term"),
        ("taxonomies", "taxonomy"),
        ("taxonomy", "taxonomy"),
        ("service_at_location", "service_at_location"),
        ("service", "service"),
        ("organization", "organization"),
        ("location", "location"),
    ):
        if stem.startswith(prefix):
            return kind
    return None


def _read_json(rows: Rows, name: str, text: str, problems: list[Problem], kind: str | None = None) -> None:
    kind = kind or kind_of_file(name)
    if kind not in DOCUMENTS:
        message = _("Say which HSDS records this file holds (services, organizations...).")
        problems.append(Problem(name, "-", "-", message))
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(Problem(name, f"line {error.lineno}", "-", _("This is not valid JSON.")))
        return
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data, prefix = data["contents"], "/contents"
    else:
        prefix = ""
    documents = data if isinstance(data, list) else [data]
    for index, document in enumerate(documents):
        pointer = f"{prefix}/{index}" if isinstance(data, list) else ""
        _flatten(rows, name, document, kind, DOCUMENTS[kind], pointer, problems)
    _infer_program_organizations(rows)


def _infer_program_organizations(rows: Rows) -> None:
    """A program nested in a service belongs to that service's organization (the JSON form leaves it implied)."""
    organization_of = {
        row.get("program_id"): row.get("organization_id") for _file, _where, row in rows.by_table.get("service", [])
    }
    for _file, _where, row in rows.by_table.get("program", []):
        if is_empty(row.get("organization_id")) and organization_of.get(row.get("id")):
            row["organization_id"] = organization_of[row["id"]]


def read(path: Path, kind: str | None = None) -> tuple[Rows, list[Problem]]:
    rows, problems = Rows(by_table={}), []
    path = Path(path)
    if path.is_dir():
        for file in sorted(path.glob("*.csv")):
            _read_csv(rows, file.name, file.read_text(encoding="utf-8-sig"), problems)
        for file in sorted(path.glob("*.json")):
            if file.name != "datapackage.json":
                _read_json(rows, file.name, file.read_text(encoding="utf-8"), problems)
    elif path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            for member in sorted(archive.namelist()):
                base = member.rsplit("/", 1)[-1]
                if base.endswith(".csv"):
                    _read_csv(rows, base, archive.read(member).decode("utf-8-sig"), problems)
    elif path.suffix.lower() == ".json":
        _read_json(rows, path.name, path.read_text(encoding="utf-8"), problems, kind)
    elif path.suffix.lower() == ".csv":
        _read_csv(rows, path.name, path.read_text(encoding="utf-8-sig"), problems)
    else:
        problems.append(Problem(path.name, "-", "-", _("Give a folder, a .zip of CSV files, a .csv or a .json file.")))
    if not problems and not rows.by_table:
        problems.append(Problem(path.name, "-", "-", _("No HSDS records were found.")))
    return rows, problems


# --- checking ------------------------------------------------------------------------------------


def check(rows: Rows) -> tuple[dict[str, dict], list[Problem]]:
    """{table: {id: values}} ready to store, and every problem found. The same record met twice (the
    JSON form repeats a phone under its service, location and contact) is merged, value by value."""
    problems, records, warned = [], {}, set()
    for table_name, entries in rows.by_table.items():
        table = hsds_tables.tables()[table_name]
        seen_in_csv = {}
        for file, where, raw in entries:
            for key in raw:
                if key not in table.field_names and (file, where, key) not in warned:
                    warned.add((file, where, key))
                    rows.warnings.append(
                        Problem(
                            file,
                            where,
                            key,
                            _("This is not an HSDS 3.0 field of %(table)s: it is ignored.") % {"table": table_name},
                        )
                    )
            values, ok = {}, True
            for field in table.fields:
                if not file.endswith(".csv") and field.format == "uuid" and field.name != "id":
                    # The JSON form links records by nesting them: an absent link is allowed there.
                    field = replace(field, required=False)
                try:
                    values[field.name] = parse(field, raw.get(field.name))
                except ValidationError as error:
                    ok = False
                    problems.append(Problem(file, where, field.name, " ".join(error.messages)))
            if not ok:
                continue
            if file.endswith(".csv"):
                if values["id"] in seen_in_csv:
                    problems.append(
                        Problem(
                            file,
                            where,
                            "id",
                            _("This id is already used on line %(line)s.") % {"line": seen_in_csv[values["id"]]},
                        )
                    )
                    continue
                seen_in_csv[values["id"]] = where
            rows.origins.setdefault((table_name, values["id"]), (file, where))
            existing = records.setdefault(table_name, {}).get(values["id"])
            if existing is None:
                records[table_name][values["id"]] = values
            else:
                for key, value in values.items():
                    if existing.get(key) in (None, "") and value not in (None, ""):
                        existing[key] = value
    return records, problems


# --- storing -------------------------------------------------------------------------------------


@dataclass
class Report:
    """What an accepted import stored, table by table, and what it reported without refusing."""

    counts: dict
    warnings: list


@transaction.atomic
def store(records: dict[str, dict], *, centre=None) -> dict[str, int]:
    counts = {}
    for table_name, by_id in records.items():
        if not by_id:
            continue
        table = hsds_tables.tables()[table_name]
        model = table.model
        instances = [model(**values) for values in by_id.values()]
        if table_name == "organization" and centre is not None:
            for instance in instances:
                instance.centre = centre
        if table_name in hsds_checks.SHARED:
            # A shared vocabulary (the sector taxonomy...) is added to, never changed by an import.
            model.objects.bulk_create(instances, ignore_conflicts=True)
        else:
            update = [model.hsds_fields.get(name, name) for name in table.field_names if name != "id"]
            model.objects.bulk_create(instances, update_conflicts=True, unique_fields=["id"], update_fields=update)
        counts[table_name] = len(instances)
    return counts


def _where(rows: Rows, table: str, record_id) -> tuple[str, str]:
    return rows.origins.get((table, record_id), (table, "-"))


def validate(path, *, centre=None, kind=None, skip_broken_links=False) -> tuple[dict, list[Problem], Rows]:
    """Everything an import checks, without writing: (records to store, problems, rows with warnings)."""
    rows, problems = read(Path(path), kind)
    records, more = check(rows)
    problems += more
    if problems:
        return records, problems, rows
    directory = hsds_checks.Directory(records)
    broken = hsds_checks.link_problems(directory, rows.origins)
    if broken and skip_broken_links:
        dropped = hsds_checks.skip_broken(records, broken, directory)
        for table, record_id, column, message in broken:
            rows.warnings.append(
                Problem(*_where(rows, table, record_id), column, message + " " + _("The link is left empty."))
            )
        for table, record_id in sorted(dropped, key=str):
            rows.warnings.append(
                Problem(*_where(rows, table, record_id), "id", _("Left out: it links to a record that is missing."))
            )
    else:
        problems += [Problem(*_where(rows, t, rid), column, message) for t, rid, column, message in broken]
    if centre is not None:
        owned = hsds_checks.ownership_problems(directory, centre)
        problems += [Problem(*_where(rows, t, rid), column, message) for t, rid, column, message in owned]
    return records, problems, rows


def import_path(path, *, actor=None, centre=None, kind=None, skip_broken_links=False) -> Report:
    """Read, check and store an HSDS file or folder; HSDSImportError lists every problem, and then
    nothing has been stored. Links between records are checked as frictionless checks a datapackage's
    foreign keys: a broken link refuses the file, unless `skip_broken_links` (each reported) empties
    an optional broken link and leaves out a record whose required link is broken, so that what is
    stored always exports as a valid datapackage."""
    records, problems, rows = validate(path, centre=centre, kind=kind, skip_broken_links=skip_broken_links)
    if problems:
        raise HSDSImportError(problems)
    with transaction.atomic():
        counts = store(records, centre=centre)
        if centre is not None:
            audit.record_change(
                actor=actor,
                instance=centre,
                action="event",
                summary="HSDS import: " + ", ".join(f"{name} {count}" for name, count in sorted(counts.items())),
                organisation_uuid=centre.uuid,
            )
        indexing.reindex_all()
    return Report(counts=counts, warnings=rows.warnings)
