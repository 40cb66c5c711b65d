"""JSON loading and type checks that name where a value is wrong (``segments[3].start``)."""

from __future__ import annotations

import json
import math
import re
from typing import Literal, overload

from editor.core.errors import TranscriptError

_JSON_START = re.compile(r'\s*(?:\{\s*(?:"|\})|\[\s*(?:\{|\]))')


def looks_like_json(text: str) -> bool:
    """An object with a string key, or a list of objects: what JSON transcripts start with.

    ``[Intro music] Welcome...`` and ``{inaudible} so...`` are text, not JSON.
    """
    return _JSON_START.match(text) is not None


def sniff_head(text: str) -> str:
    """The start of a file that the JSON readers' sniff() looks at."""
    return text[:8192].lstrip()


def load_object_with(text: str, key: str, otherwise: str) -> dict:
    """Parse *text* as a JSON object holding *key*; else "JSON without 'key': *otherwise*"."""
    data = object_of(load_json(text), "the top level")
    if key not in data:
        raise TranscriptError(f"JSON without {key!r}: {otherwise}")
    return data


def load_json(text: str):
    """Parse *text*; a syntax error (often a truncated file) names its line and character."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # A string left open runs to the end of the text too, though the parser names where it began.
        truncated = error.pos >= len(text.rstrip()) - 1 or error.msg.startswith("Unterminated string")
        problem = "the JSON ends too early (truncated file?)" if truncated else "invalid JSON"
        where = "" if error.msg.endswith(" at") else " at"      # "Unterminated string starting at"
        raise TranscriptError(f"{problem}: {error.msg}{where} column {error.colno} (character {error.pos})",
                              line=error.lineno) from None
    except RecursionError:
        raise TranscriptError("the JSON is nested too deeply to be a transcript") from None


def bad_type(where: str, expected: str, value) -> TranscriptError:
    shown = json.dumps(value)[:40] if not isinstance(value, (dict, list)) else type(value).__name__
    kind = {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            type(None): "null"}.get(type(value), "a number")
    return TranscriptError(f"{where}: expected {expected}, found {kind} ({shown})")


@overload
def seconds(value, where: str, optional: Literal[False] = False) -> int: ...
@overload
def seconds(value, where: str, optional: bool) -> int | None: ...


def seconds(value, where: str, optional: bool = False) -> int | None:
    """A time in seconds (number, or a numeric string some tools write) as ms."""
    if value is None and optional:
        return None
    if type(value) is float or type(value) is int:
        number = value
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            raise bad_type(where, "a time in seconds", value) from None
    else:
        raise bad_type(where, "a time in seconds", value)
    if not math.isfinite(number) or number < 0 or number > 1e7:
        raise TranscriptError(f"{where}: {value!r} is not a usable time in seconds")
    return int(round(number * 1000))


def milliseconds(value, where: str, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if type(value) is not int and type(value) is not float or not math.isfinite(value) or value < 0:
        raise bad_type(where, "a time in milliseconds", value)
    return int(value)


def text_of(value, where: str, optional: bool = False) -> str:
    if value is None and optional:
        return ""
    if not isinstance(value, str):
        raise bad_type(where, "text", value)
    return value


def list_of(value, where: str, optional: bool = False) -> list:
    if value is None and optional:
        return []
    if not isinstance(value, list):
        raise bad_type(where, "a list", value)
    return value


def object_of(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise bad_type(where, "an object", value)
    return value


def confidence(value, where: str) -> float | None:
    if value is None:
        return None
    if type(value) is not float and type(value) is not int or not math.isfinite(value):
        raise bad_type(where, "a confidence number", value)
    return float(value)
