"""What an HSDS import is checked for once its values are read, before anything is written:

- links between records, as frictionless checks a datapackage's foreign keys, except that a link may
  also point to a record already in the directory (a file of taxonomy terms for a known taxonomy);
- ownership: an import creates records for the importing centre, and updates only records the centre
  owns. A record of another centre, or of a member organisation (whose changes go through review), is
  a problem, and then nothing is imported.

Records are resolved to their organization through their links (a phone to its contact, the contact
to its service, the service to its organization), in the file first and then in the database."""

from django.utils.translation import gettext as _

from . import hsds_tables

# The columns that lead from a record towards its organization, in the order they are followed.
TOWARDS_OWNER = (
    ("organization_id", "organization"),
    ("service_id", "service"),
    ("location_id", "location"),
    ("service_at_location_id", "service_at_location"),
    ("contact_id", "contact"),
    ("phone_id", "phone"),
    ("program_id", "program"),
    ("link_id", "service"),
)
# Shared vocabularies: anyone may add to them, nobody changes an existing one through an import.
SHARED = frozenset({"taxonomy", "taxonomy_term", "metadata", "meta_table_description"})


def foreign_keys(table_name: str) -> list[tuple[str, str]]:
    """(column, target table) for each foreign key the official datapackage declares."""
    for resource in hsds_tables.datapackage()["resources"]:
        if resource["name"] == table_name:
            return [(key["fields"], key["reference"]["resource"]) for key in resource["schema"].get("foreignKeys", [])]
    return []


class Directory:
    """The records of an import laid over the directory's, read from the database in batches."""

    def __init__(self, records: dict[str, dict]):
        self.records = records
        self.stored: dict[str, dict] = {}  # table -> {id: {column: value}} of records already stored

    def fetch(self, table_name: str, ids) -> None:
        known = self.stored.setdefault(table_name, {})
        wanted = {value for value in ids if value is not None} - set(known)
        if not wanted:
            return
        table = hsds_tables.tables()[table_name]
        columns = [column for column, _target in TOWARDS_OWNER if column in table.field_names]
        model = table.model
        names = {column: model.hsds_fields.get(column, column) for column in columns}
        extra = ["centre_id", "organisation_id"] if table_name == "organization" else []
        for row in model.objects.filter(id__in=wanted).values("id", *names.values(), *extra):
            known[row["id"]] = {column: row[name] for column, name in names.items()} | {key: row[key] for key in extra}
        for missing in wanted - set(known):
            known[missing] = None

    def exists(self, table_name: str, record_id) -> bool:
        self.fetch(table_name, [record_id])
        return self.stored[table_name].get(record_id) is not None

    def organization_of(self, table_name: str, record_id, *, stored_only: bool, depth: int = 0):
        """The organization id a record belongs to, following its links; None when it has none."""
        if table_name == "organization":
            return record_id
        if depth > 6:
            return None
        row = None if stored_only else self.records.get(table_name, {}).get(record_id)
        if row is None:
            self.fetch(table_name, [record_id])
            row = self.stored[table_name].get(record_id)
        if row is None:
            return None
        for column, target in TOWARDS_OWNER:
            if row.get(column) is not None:
                found = self.organization_of(target, row[column], stored_only=stored_only, depth=depth + 1)
                if found is not None:
                    return found
        return None


def link_problems(directory: Directory, origins: dict) -> list[tuple[str, object, str, str]]:
    """(table, id, column, message) for every link to a record neither in the file nor stored."""
    problems = []
    for table_name, by_id in directory.records.items():
        for column, target in foreign_keys(table_name):
            values = {values.get(column) for values in by_id.values()} - set(directory.records.get(target, {}))
            directory.fetch(target, values)
            for record_id, values in by_id.items():
                value = values.get(column)
                if value is None or value in directory.records.get(target, {}) or directory.exists(target, value):
                    continue
                problems.append(
                    (
                        table_name,
                        record_id,
                        column,
                        _("No %(target)s has the id %(value)s, in this file or in the directory.")
                        % {"target": target, "value": value},
                    )
                )
    return problems


def ownership_problems(directory: Directory, centre) -> list[tuple[str, object, str, str]]:
    """(table, id, column, message) for every record the centre may not create or change."""
    problems = []
    for table_name in directory.records:
        directory.fetch(table_name, directory.records[table_name].keys())
    organizations = directory.stored.get("organization", {})

    def ours(organization_id) -> bool:
        directory.fetch("organization", [organization_id])
        stored = organizations.get(organization_id) or directory.stored["organization"].get(organization_id)
        if stored is None:
            return True  # a new organization: the import creates it for the centre
        return stored["centre_id"] == centre.pk and stored["organisation_id"] in (None, centre.pk)

    for table_name, by_id in directory.records.items():
        if table_name in SHARED:
            continue
        for record_id in by_id:
            before = directory.organization_of(table_name, record_id, stored_only=True)
            after = directory.organization_of(table_name, record_id, stored_only=False)
            if (before is not None and not ours(before)) or (after is not None and not ours(after)):
                problems.append(
                    (
                        table_name,
                        record_id,
                        "id",
                        _(
                            "This record belongs to another centre or to a member organisation: "
                            "an import may only create records for your centre or change those it owns."
                        ),
                    )
                )
    return problems


def skip_broken(records: dict[str, dict], broken: list, directory: Directory) -> set:
    """Import the rest of a file whose links are broken: an optional broken link is left empty (the
    record stays); a record whose required link is broken is left out, and so is any record whose
    required link leads to one left out. Returns the (table, id) left out."""
    required = {
        (name, field.name) for name, table in hsds_tables.tables().items() for field in table.fields if field.required
    }
    dropped = set()
    for table_name, record_id, column, _message in broken:
        if (table_name, column) in required:
            dropped.add((table_name, record_id))
        else:
            records[table_name][record_id][column] = None
    changed = bool(dropped)
    while changed:
        changed = False
        for table_name, by_id in records.items():
            for record_id, values in by_id.items():
                if (table_name, record_id) in dropped:
                    continue
                for column, target in foreign_keys(table_name):
                    if (target, values.get(column)) not in dropped or directory.exists(target, values.get(column)):
                        continue
                    if (table_name, column) in required:
                        dropped.add((table_name, record_id))
                        changed = True
                        break
                    values[column] = None
    for table_name, record_id in dropped:
        records.get(table_name, {}).pop(record_id, None)
    return dropped
