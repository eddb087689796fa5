"""The keyed hashes a verification keeps instead of a person's identifiers (core.crypto.blind_index).

The identity hash does not depend on the method, so a person verified by census cannot verify again
for the same territory through another method with the same national identifier."""

from civica.core.crypto import blind_index


def identity_hash(country: str, identifier: str) -> str:
    return blind_index(f"{country}:{identifier}", "citizens.identity")


def birth_hash(country: str, identifier: str, birth_date) -> str:
    # Keyed together with the identifier: a birth date alone is too small a space to hash on its own.
    return blind_index(f"{country}:{identifier}:{birth_date.isoformat()}", "citizens.birth")


def code_hash(code: str) -> str:
    return blind_index("".join(code.split()).upper(), "citizens.code")
