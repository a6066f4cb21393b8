"""Subpackages that share their name with a function of the API (``ingest``, ``stories``,
``timeline``) can be called like it.

``storyline.stories(paths, db=...)`` is the API; ``storyline.stories`` is also the stage's
subpackage, and importing a subpackage makes it the package's attribute of that name. Rather
than one of the two losing (the function turning into a module after the first import, or
``import storyline.stories as s`` giving a function), the subpackage is made callable: calling
it calls the API function of its name.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _EntryModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from . import api

        return getattr(api, self.__name__.rpartition(".")[2])(*args, **kwargs)


def make_callable(module_name: str) -> None:
    """Make the loaded module ``module_name`` call the API function named like it."""
    sys.modules[module_name].__class__ = _EntryModule
