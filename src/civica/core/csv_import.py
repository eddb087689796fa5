"""CSV imports checked line by line: every line is read and checked before anything is written, and
errors are reported by line number (the header is line 1). One bad line loads nothing."""

import csv
import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class CsvImportError(ValidationError):
    def __init__(self, errors: list[tuple[int, str]]):
        self.line_errors = errors
        super().__init__([_("Line %(line)s: %(error)s") % {"line": n, "error": e} for n, e in errors])


def read_rows(
    text: str, columns: list[str], optional: tuple[str, ...] = ()
) -> tuple[list[tuple[int, dict]], list[tuple[int, str]]]:
    """The rows with their line numbers and stripped values, and the lines whose shape is wrong.

    The header must be `columns`, then any of the `optional` columns (missing ones read as empty).
    Another header raises at once: nothing else can be read reliably."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [c.strip() for c in reader.fieldnames or []]
    extra = header[len(columns) :]
    if header[: len(columns)] != columns or len(set(extra)) != len(extra) or not set(extra) <= set(optional):
        expected = ",".join(columns) + "".join(f"[,{name}]" for name in optional)
        raise CsvImportError([(1, _("the header must be: %(columns)s") % {"columns": expected})])
    rows, errors = [], []
    for line_number, raw in enumerate(reader, start=2):
        if None in raw or any(value is None for value in raw.values()):
            errors.append((line_number, _("wrong number of columns")))
            continue
        values = dict.fromkeys(optional, "")
        values.update({key.strip(): (value or "").strip() for key, value in raw.items()})
        rows.append((line_number, values))
    return rows, errors
