"""The HSDS 3.0 tables as the official tabular datapackage defines them (bundled in hsds/), each with
the Civica model that stores it. Import, export and validation all read their field lists from here."""

import gzip
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.apps import apps

HSDS_VERSION = "3.0"
SCHEMA_DIR = Path(__file__).parent / "hsds"

MODELS = {
    "organization": "Organization",
    "program": "Program",
    "service": "Service",
    "attribute": "Attribute",
    "service_at_location": "ServiceAtLocation",
    "location": "Location",
    "phone": "Phone",
    "contact": "Contact",
    "address": "Address",
    "schedule": "Schedule",
    "funding": "Funding",
    "service_area": "ServiceArea",
    "required_document": "RequiredDocument",
    "language": "Language",
    "accessibility": "Accessibility",
    "taxonomy_term": "TaxonomyTerm",
    "metadata": "Metadata",
    "meta_table_description": "MetaTableDescription",
    "cost_option": "CostOption",
    "organization_identifier": "OrganizationIdentifier",
    "taxonomy": "Taxonomy",
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string, number, date, datetime, time
    format: str  # uuid, email, uri or ""
    required: bool


@dataclass(frozen=True)
class Table:
    name: str
    path: str  # the CSV file name in a datapackage
    fields: tuple[Field, ...]

    @property
    def model(self):
        return apps.get_model("directory", MODELS[self.name])

    @property
    def field_names(self) -> list[str]:
        return [field.name for field in self.fields]


@cache
def datapackage() -> dict:
    return json.loads((SCHEMA_DIR / "datapackage.json").read_text())


@cache
def tables() -> dict[str, Table]:
    result = {}
    for resource in datapackage()["resources"]:
        fields = tuple(
            Field(
                name=field["name"],
                type=field["type"],
                format=field.get("format", ""),
                required=bool(field.get("constraints", {}).get("required")),
            )
            for field in resource["schema"]["fields"]
        )
        result[resource["name"]] = Table(name=resource["name"], path=resource["path"], fields=fields)
    return result


def table_for_file(file_name: str) -> Table | None:
    return next((table for table in tables().values() if table.path == file_name), None)


@cache
def json_schema(kind: str) -> dict:
    """The official compiled schema of a full service, organization or service_at_location."""
    with gzip.open(SCHEMA_DIR / f"{kind}.json.gz", "rt", encoding="utf-8") as handle:
        return json.load(handle)
