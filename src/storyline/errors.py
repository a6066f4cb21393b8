"""One error hierarchy; the CLI and the web app translate it at their edges only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Skipped


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class InputError(StorylineError):
    """An input that cannot be read: names the file (and record) and the reason. ``note``
    says, in the message only, why the run stopped at it ("--strict")."""

    def __init__(self, path: str, reason: str, record: int = 0, *, note: str = "") -> None:
        self.path = path
        self.reason = reason
        self.record = record
        where = f"{path}:{record}" if record else path
        super().__init__(f"{where}: {reason}" + (f" ({note})" if note else ""))


class NothingToDoError(StorylineError):
    """The run had no usable input at all; ``skipped`` names each input left out, and why
    (the message names only the first few)."""

    def __init__(self, message: str, skipped: Sequence[Skipped] = ()) -> None:
        super().__init__(message)
        self.skipped = tuple(skipped)


class StoreError(StorylineError):
    """The database is missing, damaged, locked, or of a schema this version cannot read."""


class UnreadableMarkError(StoreError):
    """The mark a database keeps of its previous digest is not storing positions (the meta
    table edited by hand, say): a digest reads it as no mark, and says so."""


class IncompatibleParametersError(StorylineError, ValueError):
    """Stored data was made with parameters that differ from the ones asked for.

    Raised instead of silently comparing, e.g., MinHash signatures of different ``num_perm``.
    """


class OptionsError(StorylineError, ValueError):
    """An option value outside its allowed range."""


class NotFoundError(StorylineError, LookupError):
    """An article, story or relation id that does not exist."""
