"""Reading JSON from outside (the API, webhooks) with a bound on nesting.

`json.loads` of `[[[[...]]]]` 100,000 deep raises RecursionError (a 500), and a few thousand levels
that do parse can blow the stack later, in validation or in our own walk of the payload. `loads`
measures the depth first, in one linear pass, and refuses anything deeper than MAX_DEPTH with
`JSONTooDeep` (a ValueError, so callers that already catch bad JSON refuse it too).
"""

import json

MAX_DEPTH = 64


class JSONTooDeep(ValueError):
    """The document nests objects/arrays deeper than allowed."""


def depth_of(text: str | bytes) -> int:
    """The deepest nesting of arrays/objects in `text`, ignoring brackets inside strings."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif ch in "]}":
            depth -= 1
    return deepest


def check_depth(text: str | bytes, max_depth: int = MAX_DEPTH) -> None:
    """Raise JSONTooDeep if `text` nests deeper than `max_depth`."""
    if depth_of(text) > max_depth:
        raise JSONTooDeep(f"JSON nested deeper than {max_depth} levels")


def loads(text: str | bytes, max_depth: int = MAX_DEPTH):
    """json.loads with a depth bound; raises JSONTooDeep or json.JSONDecodeError (both ValueError)."""
    check_depth(text, max_depth)
    return json.loads(text)
