"""Encryption at rest for sensitive fields (violence, minors, health), with keys that can be rotated.

Keys come from the setting CIVICA_ENCRYPTION_KEYS (the environment variable of the same name, comma
separated): the first encrypts, every one decrypts (cryptography's MultiFernet). A value that is a
Fernet key is used as it is; any other text is stretched into one with HKDF-SHA256. Without the
setting a development key is derived from SECRET_KEY, and `check --deploy` warns about it.

`EncryptedTextField` and `EncryptedJSONField` store only the Fernet token. Reading a row gives a
`Sealed` value: its str() and repr() never show the content, so a stray log line, a template that
prints the object or an error report leaks nothing; `reveal()` decrypts it, and callers that reveal
are the selectors that log the read. `rotate_all()` (the `civica rotate-keys` command) re-encrypts
every encrypted field of every model with the current key, in batches; a second run changes nothing.

An encrypted field cannot be looked up. When a record must be found by a sensitive value (a phone
number, an e-mail address), store beside it `blind_index(value, purpose)`: an HMAC-SHA256 keyed by
CIVICA_BLIND_INDEX_KEY (setting or environment variable). It is deliberately independent of the
encryption keys, so rotating them leaves every digest valid; without it the key is derived from
SECRET_KEY (changing SECRET_KEY then means recomputing the digests), and `check --deploy` warns.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
from collections.abc import Iterator
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db import models, transaction

PLACEHOLDER = "[encrypted]"


class DecryptionError(Exception):
    """A stored value no configured key opens: a key was dropped before `rotate-keys` ran."""


def _as_fernet_key(text: str) -> bytes:
    raw = text.strip().encode()
    try:
        if len(base64.urlsafe_b64decode(raw)) == 32:
            return raw
    except (ValueError, binascii.Error):
        pass
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"civica field encryption").derive(raw)
    return base64.urlsafe_b64encode(derived)


def configured_keys() -> tuple[str, ...]:
    keys = tuple(key for key in getattr(settings, "CIVICA_ENCRYPTION_KEYS", None) or () if key.strip())
    return keys or (settings.SECRET_KEY,)


@lru_cache(maxsize=8)
def _fernets(keys: tuple[str, ...]) -> tuple[MultiFernet, Fernet]:
    fernets = [Fernet(_as_fernet_key(key)) for key in keys]
    return MultiFernet(fernets), fernets[0]


def _multi() -> MultiFernet:
    return _fernets(configured_keys())[0]


def _current() -> Fernet:
    return _fernets(configured_keys())[1]


def encrypt(text: str) -> str:
    return _multi().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _multi().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise DecryptionError("No configured key decrypts this value.") from error


def _blind_index_secret() -> str:
    return getattr(settings, "CIVICA_BLIND_INDEX_KEY", "") or os.environ.get("CIVICA_BLIND_INDEX_KEY", "")


@lru_cache(maxsize=4)
def _blind_index_key(secret: str, fallback: str) -> bytes:
    raw = (secret or fallback).strip().encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"civica blind index").derive(raw)


def blind_index(text: str, purpose: str) -> str:
    """A keyed digest (64 hex characters) of `text` to look a record up by without storing it in clear.

    `purpose` separates the uses (the same address gives different digests for different purposes).
    Callers normalise `text` first; empty text gives an empty digest. The key never rotates with
    CIVICA_ENCRYPTION_KEYS."""
    if not text:
        return ""
    key = _blind_index_key(_blind_index_secret(), settings.SECRET_KEY)
    return hmac.new(key, f"{purpose}\x00{text}".encode(), hashlib.sha256).hexdigest()


def generate_key() -> str:
    return Fernet.generate_key().decode()


class Sealed:
    """An encrypted value as read from the database. Never shows its content unless revealed."""

    __slots__ = ("is_json", "token")

    def __init__(self, token: str, *, is_json: bool = False):
        self.token = token or ""
        self.is_json = is_json

    def reveal(self):
        if not self.token:
            return None if self.is_json else ""
        text = decrypt(self.token)
        return json.loads(text) if self.is_json else text

    def __bool__(self):
        return bool(self.token)

    def __str__(self):
        return PLACEHOLDER if self.token else ""

    __repr__ = __str__

    def __eq__(self, other):
        return isinstance(other, Sealed) and other.token == self.token

    def __hash__(self):
        return hash(self.token)


def reveal(value, *, is_json: bool = False):
    """The clear value of a field, whether it was just assigned (clear) or read (Sealed)."""
    if isinstance(value, Sealed):
        return value.reveal()
    if value is None or value == "":
        return None if is_json else ""
    return value


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token. Never indexed for search, never filtered on."""

    is_json = False
    description = "Encrypted text"

    def _serialise(self, value) -> str:
        return str(value)

    def from_db_value(self, value, expression, connection):
        if not value:
            # None or an empty value: nothing is sealed, nothing to hide (and the audit trail can copy it).
            return value
        return Sealed(value, is_json=self.is_json)

    def to_python(self, value):
        return value

    def get_prep_value(self, value):
        if value is None:
            return None
        if isinstance(value, Sealed):
            return value.token
        if value == "" and not self.is_json:
            return ""
        return encrypt(self._serialise(value))

    def value_to_string(self, obj):
        # Fixtures and dumpdata carry the token, never the clear text.
        value = self.value_from_object(obj)
        return value.token if isinstance(value, Sealed) else self.get_prep_value(value)


class EncryptedJSONField(EncryptedTextField):
    """A JSON value (a list of children, a questionnaire's answers) stored as one Fernet token."""

    is_json = True
    description = "Encrypted JSON"

    def _serialise(self, value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)


def encrypted_fields() -> Iterator[tuple[type[models.Model], list[str]]]:
    for model in apps.get_models():
        names = [field.attname for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField)]
        if names:
            yield model, names


def _needs_rotation(token: str) -> bool:
    try:
        _current().decrypt(token.encode())
    except InvalidToken:
        return True
    return False


def rotate_all(*, batch_size: int = 500) -> dict[str, int]:
    """Re-encrypt with the current key every value still encrypted with an older one.

    Rows are read in primary-key order, a batch per transaction; values the current key already opens
    are left alone, so the command can be stopped and started again, and a second run changes nothing.
    Returns how many values were re-encrypted per model."""
    done: dict[str, int] = {}
    multi = _multi()
    for model, names in encrypted_fields():
        count, last_pk = 0, None
        manager = model._base_manager
        while True:
            queryset = manager.order_by("pk")
            if last_pk is not None:
                queryset = queryset.filter(pk__gt=last_pk)
            rows = list(queryset.values_list("pk", *names)[:batch_size])
            if not rows:
                break
            with transaction.atomic():
                for pk, *values in rows:
                    changes = {}
                    for name, value in zip(names, values, strict=True):
                        token = value.token if isinstance(value, Sealed) else ""
                        if token and _needs_rotation(token):
                            try:
                                fresh = multi.rotate(token.encode()).decode()
                            except InvalidToken as error:
                                raise DecryptionError(f"{model._meta.label} {pk}: no key opens {name}") from error
                            changes[name] = Sealed(fresh)
                    if changes:
                        manager.filter(pk=pk).update(**changes)
                        count += len(changes)
            last_pk = rows[-1][0]
        done[model._meta.label] = count
    return done


@checks.register(checks.Tags.security, deploy=True)
def check_encryption_keys(app_configs=None, **kwargs):
    if getattr(settings, "CIVICA_ENCRYPTION_KEYS", None):
        return []
    return [
        checks.Warning(
            "CIVICA_ENCRYPTION_KEYS is not set: sensitive fields are encrypted with a key derived from SECRET_KEY.",
            hint="Set CIVICA_ENCRYPTION_KEYS to one or more Fernet keys (civica rotate-keys --new-key prints one).",
            id="civica.W001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def check_blind_index_key(app_configs=None, **kwargs):
    if _blind_index_secret():
        return []
    return [
        checks.Warning(
            "CIVICA_BLIND_INDEX_KEY is not set: lookup digests of sensitive values are keyed by SECRET_KEY.",
            hint="Set CIVICA_BLIND_INDEX_KEY to a long random value and never change it "
            "(changing it, or SECRET_KEY without it, breaks lookups by contact).",
            id="civica.W002",
        )
    ]
