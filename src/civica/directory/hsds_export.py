"""Export of the public directory in both HSDS forms, each checked against the official schemas
before it is handed over: the tabular datapackage (CSV files and datapackage.json, checked with
frictionless) and the JSON form (full services, organizations and service_at_locations, checked
with jsonschema). Confidential locations never leave: every row comes from `visibility.public`."""

import csv
import json
from pathlib import Path

from django.utils.translation import gettext as _

from . import hsds_documents, hsds_tables, visibility
from .hsds_values import cell

JSON_FILES = {
    "service": "services.json",
    "organization": "organizations.json",
    "service_at_location": "service_at_locations.json",
}


class ExportInvalid(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems[:10]))


def write_datapackage(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in hsds_tables.tables().values():
        path = directory / table.path
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.field_names)
            for row in visibility.public(table.model).order_by("id"):
                writer.writerow([cell(getattr(row, name)) for name in table.field_names])
        written.append(path)
    package = directory / "datapackage.json"
    package.write_text(json.dumps(hsds_tables.datapackage(), indent=2, ensure_ascii=False), encoding="utf-8")
    return [package, *written]


def datapackage_problems(directory: Path) -> list[str]:
    """frictionless's findings on a datapackage, one sentence each; empty when it is valid."""
    from frictionless import validate

    report = validate(str(directory / "datapackage.json"))
    return [f"{task.name}: {error.note}" for task in report.tasks for error in task.errors] + [
        error.note for error in report.errors
    ]


def json_problems(kind: str, documents: list[dict]) -> list[str]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(hsds_tables.json_schema(kind))
    return [
        f"{kind} {document.get('id', '?')}: /{'/'.join(map(str, error.absolute_path))} {error.message}"
        for document in documents
        for error in validator.iter_errors(document)
    ]


def json_documents(kind: str) -> list[dict]:
    model = hsds_tables.tables()[kind].model
    return hsds_documents.build(kind, list(visibility.public(model).order_by("id")))


def write_json(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind, name in JSON_FILES.items():
        documents = json_documents(kind)
        problems = json_problems(kind, documents)
        if problems:
            raise ExportInvalid(problems)
        path = directory / name
        path.write_text(json.dumps(documents, indent=2, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def export(directory: Path) -> list[Path]:
    """Both forms into `directory` (CSV datapackage at the top, JSON in json/); refuses to hand over
    anything the official schemas reject."""
    paths = write_datapackage(directory)
    problems = datapackage_problems(directory)
    if problems:
        raise ExportInvalid([_("The datapackage does not validate: %(problem)s") % {"problem": p} for p in problems])
    return paths + write_json(directory / "json")
