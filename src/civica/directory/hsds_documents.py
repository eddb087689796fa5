"""Full HSDS JSON documents (a service with its organization, locations, phones...) built from the
public tables, level by level: one query per kind of child, however many documents are built."""

from collections import defaultdict

from . import hsds_tables, visibility
from .hsds_nesting import DOCUMENTS, Many, One
from .hsds_values import written

__all__ = ["build", "flat", "row_to_json", "written"]


def row_to_json(table: hsds_tables.Table, row) -> dict:
    """The HSDS fields of a row that have a value (the schemas allow no nulls)."""
    result = {}
    for field in table.fields:
        value = written(getattr(row, field.name))
        if value is not None:
            result[field.name] = value
    return result


def _attach(table_name: str, rows: list, tree: dict) -> list[dict]:
    table = hsds_tables.tables()[table_name]
    documents = [row_to_json(table, row) for row in rows]
    for key, child in tree.items():
        child_table = hsds_tables.tables()[child.table]
        queryset = visibility.public(child_table.model)
        if isinstance(child, Many):
            parent_ids = [row.id for row in rows]
            children = list(queryset.filter(**{f"{child.link}__in": parent_ids}).order_by("id"))
            built = _attach(child.table, children, child.children)
            grouped = defaultdict(list)
            for child_row, child_document in zip(children, built, strict=True):
                grouped[getattr(child_row, child.link)].append(child_document)
            for row, document in zip(rows, documents, strict=True):
                if grouped.get(row.id):
                    document[key] = grouped[row.id]
        elif isinstance(child, One):
            wanted = {getattr(row, child.link) for row in rows} - {None}
            children = list(queryset.filter(id__in=wanted)) if wanted else []
            built = dict(zip([row.id for row in children], _attach(child.table, children, child.children), strict=True))
            for row, document in zip(rows, documents, strict=True):
                target = getattr(row, child.link)
                if target in built:
                    document[key] = built[target]
    return documents


def build(kind: str, rows: list) -> list[dict]:
    """Full documents ("service", "organization" or "service_at_location") for public rows."""
    return _attach(kind, rows, DOCUMENTS[kind])


def flat(kind: str, rows: list) -> list[dict]:
    """The rows alone, as the HSDS API lists them without `full`."""
    table = hsds_tables.tables()[kind]
    return [row_to_json(table, row) for row in rows]
