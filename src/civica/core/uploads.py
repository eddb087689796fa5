"""The one upload check: a file is accepted only when its name, its size and its content agree with
one of the kinds the caller accepts. The type is read from the first bytes, never trusted from the
browser's Content-Type or the extension alone.

    content_type = uploads.check_upload(upload, kinds={"pdf", "docx", "image"})

Raises a translated ValidationError (no field: callers wrap it in their own field name).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Kind:
    label: object  # lazy translated text, shown in the error message
    extensions: dict  # extension -> content type
    sniff: object  # callable(head: bytes, file) -> bool


def _zip_with(member_prefix: str):
    def sniff(head: bytes, file) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            file.seek(0)
            with zipfile.ZipFile(file) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
        finally:
            file.seek(0)
        return not member_prefix or any(name.startswith(member_prefix) for name in names)

    return sniff


def _text(head: bytes, file) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the 8 KB window is still text.
        return error.start >= len(head) - 3
    return True


def _odf(head: bytes, file) -> bool:
    return head.startswith(b"PK\x03\x04") and b"mimetypeapplication/vnd.oasis.opendocument" in head[:200]


KINDS: dict[str, Kind] = {
    "pdf": Kind(gettext_lazy("PDF"), {"pdf": "application/pdf"}, lambda head, f: head.startswith(b"%PDF-")),
    "docx": Kind(
        gettext_lazy("Word (DOCX)"),
        {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        _zip_with("word/"),
    ),
    "odt": Kind(gettext_lazy("OpenDocument text"), {"odt": "application/vnd.oasis.opendocument.text"}, _odf),
    "rtf": Kind(gettext_lazy("RTF"), {"rtf": "application/rtf"}, lambda head, f: head.startswith(b"{\\rtf")),
    "text": Kind(gettext_lazy("plain text"), {"txt": "text/plain"}, _text),
    "image": Kind(
        gettext_lazy("image (PNG, JPEG, GIF, WebP)"),
        {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"},
        lambda head, f: (
            head.startswith(b"\x89PNG\r\n\x1a\n")
            or head.startswith(b"\xff\xd8\xff")
            or head[:6] in (b"GIF87a", b"GIF89a")
            or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        ),
    ),
    "csv": Kind(gettext_lazy("CSV"), {"csv": "text/csv"}, _text),
    "xlsx": Kind(
        gettext_lazy("Excel (XLSX)"),
        {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        _zip_with("xl/"),
    ),
    "json": Kind(gettext_lazy("JSON"), {"json": "application/json"}, _text),
    "zip": Kind(gettext_lazy("ZIP archive"), {"zip": "application/zip"}, _zip_with("")),
}

DOCUMENT_KINDS = frozenset({"pdf", "docx", "odt", "rtf", "text", "image"})


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def safe_name(name: str) -> str:
    """A file name safe to store: no path, no odd characters, at most 120 characters."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = get_valid_filename(base) if base.strip(". ") else ""
    return cleaned[-120:] or "file"


def check_upload(upload, *, kinds, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the content type of `upload` when it is one of `kinds`; raise ValidationError otherwise."""
    kinds = [KINDS[k] for k in kinds]
    accepted = ", ".join(str(k.label) for k in kinds)
    if upload is None:
        raise ValidationError(_("Choose a file."), code="required")
    if not upload.size:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is larger than %(limit)s.") % {"limit": filesizeformat(max_bytes)}, code="too_large"
        )
    extension = extension_of(upload.name or "")
    candidates = [k for k in kinds if extension in k.extensions]
    if not candidates:
        raise ValidationError(_("Upload a file of one of these kinds: %(kinds)s.") % {"kinds": accepted}, code="kind")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    for kind in candidates:
        if kind.sniff(head, upload):
            return kind.extensions[extension]
    raise ValidationError(
        _("The file's content is not what its name says (%(kinds)s expected).") % {"kinds": accepted},
        code="content",
    )
