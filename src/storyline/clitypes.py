"""The click parameter types of the CLI's date options."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from .options import is_calendar_date

__all__ = ["DateBound", "Day"]

if TYPE_CHECKING:  # generic in the newest click only
    _DayBase = click.ParamType[date]
    _BoundBase = click.ParamType[str]
else:
    _DayBase = _BoundBase = click.ParamType


class Day(_DayBase):
    """A YYYY-MM-DD day; an impossible one ("2025-02-30") is named as such."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, date):
            return value
        text = str(value)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.fail(f"{text!r} is not a date in the form YYYY-MM-DD", param, ctx)
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            self.fail(f"{text!r} is not a day of the calendar ({error})", param, ctx)


class DateBound(_BoundBase):
    """A --from/--to bound: a real year, month or day written YYYY, YYYY-MM or YYYY-MM-DD
    (dates are compared as text, so "2024-13-01" must not get through)."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = str(value).strip()
        if not is_calendar_date(text):
            self.fail(f"{text!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD", param, ctx)
        return text
