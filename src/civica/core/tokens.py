"""Secrets handed out once (API tokens, invitation links) are stored only as this fingerprint.

The tokens are long and random, so a plain SHA-256 is enough: there is nothing to guess by brute force.
"""

import hashlib


def fingerprint(raw_token: str) -> str:
    return hashlib.sha256(raw_token.encode()).hexdigest()
