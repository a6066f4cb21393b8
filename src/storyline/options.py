"""The checks every options dataclass runs in ``__post_init__``.

Options are built by notebooks and scripts as often as by the CLI, so a value of the wrong
type ("50" for 50) must be refused where it is given, naming the field, rather than fail
deep inside a stage (a bare TypeError from a comparison, a numpy casting error) or, worse,
be compared as it is (a month 13 compared as a string). :func:`check_fields` reads what each
field may hold from its annotation, so a new field is checked without new code;
:func:`check_range` and :func:`check_date` state the bounds the type cannot.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import types
import typing
from dataclasses import fields
from typing import Any, Literal, Union, get_args, get_origin

from .errors import OptionsError

__all__ = ["check_date", "check_fields", "check_range"]


def check_fields(options: object) -> None:
    """Raise an OptionsError naming the first field of the dataclass ``options`` whose value
    does not fit its annotation (an int for ``int``, a finite number for ``float``, None
    only where the annotation allows it, the listed strings of a ``Literal``, ...)."""
    kind = type(options)
    for name, hint in _hints(kind).items():
        value = getattr(options, name)
        if not _fits(value, hint):
            raise OptionsError(
                f"{kind.__name__}.{name} must be {_describe(hint)}, "
                f"got {type(value).__name__} {value!r:.80}"
            )


def check_range(
    options: object,
    name: str,
    low: float | None = None,
    high: float | None = None,
    *,
    low_open: bool = False,
    high_open: bool = False,
) -> None:
    """Raise an OptionsError when the field ``name`` (None passes) is outside ``low``..``high``
    (inclusive unless ``low_open`` / ``high_open``). Run after :func:`check_fields`."""
    value = getattr(options, name)
    if value is None:
        return
    below = low is not None and (value <= low if low_open else value < low)
    above = high is not None and (value >= high if high_open else value > high)
    if below or above:
        left = "(" if low_open else "["
        right = ")" if high_open else "]"
        bounds = f"{left}{_number(low, '-inf')}, {_number(high, 'inf')}{right}"
        raise OptionsError(f"{type(options).__name__}.{name} must be in {bounds}, got {value!r}")


def check_date(options: object, name: str) -> None:
    """Raise an OptionsError when the field ``name`` (None passes) is not a calendar date
    written YYYY, YYYY-MM or YYYY-MM-DD ("2024-13-01" and "2025-02-30" are refused)."""
    value = getattr(options, name)
    if value is not None and not is_calendar_date(value):
        raise OptionsError(
            f"{type(options).__name__}.{name} must be a date written YYYY, YYYY-MM or "
            f"YYYY-MM-DD, got {value!r}"
        )


def is_calendar_date(value: str) -> bool:
    """True for a real year, month or day written YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = value.split("-")
    shaped = (
        1 <= len(parts) <= 3
        and len(parts[0]) == 4
        and all(part.isascii() and part.isdigit() for part in parts)
        and all(len(part) == 2 for part in parts[1:])
    )
    if not shaped:
        return False
    year, month, day = (int(part) for part in [*parts, "01", "01"][:3])
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return year >= 1


def _hints(kind: type) -> dict[str, Any]:
    """The annotation of each field of the dataclass ``kind``, resolved once per class."""
    known = _HINTS.get(kind)
    if known is None:
        hints = typing.get_type_hints(kind)
        known = _HINTS[kind] = {field.name: hints[field.name] for field in fields(kind)}
    return known


_HINTS: dict[type, dict[str, Any]] = {}


def _fits(value: object, hint: Any) -> bool:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return any(_fits(value, arg) for arg in get_args(hint))
    if origin is Literal:
        return isinstance(value, str | int) and value in get_args(hint)
    if origin is tuple:
        return isinstance(value, tuple) and _items_fit(value, get_args(hint))
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if hint is float:
        real = isinstance(value, numbers.Real) and not isinstance(value, bool)
        return real and math.isfinite(typing.cast(float, value))
    if isinstance(hint, type):
        return isinstance(value, hint)
    raise TypeError(f"check_fields cannot check the annotation {hint!r}")


def _items_fit(value: tuple[object, ...], args: tuple[Any, ...]) -> bool:
    if len(args) == 2 and args[1] is Ellipsis:
        return all(_fits(item, args[0]) for item in value)
    return len(value) == len(args) and all(_fits(i, a) for i, a in zip(value, args, strict=True))


def _describe(hint: Any) -> str:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(arg) for arg in get_args(hint))
    if origin is Literal:
        return "one of " + ", ".join(repr(arg) for arg in get_args(hint))
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return f"a tuple of ({_describe(args[0])})"
        return "a tuple (" + ", ".join(_describe(arg) for arg in args) + ")"
    names = {type(None): "None", bool: "True or False", int: "an integer", str: "a string"}
    if hint is float:
        return "a finite number"
    if hint in names:
        return names[hint]
    return f"a {getattr(hint, '__name__', hint)}"


def _number(value: float | None, missing: str) -> str:
    return missing if value is None else f"{value:g}"
