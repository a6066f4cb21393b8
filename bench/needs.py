"""What a bench needs beyond `pip install -e .`, said in one line instead of a traceback.

A reviewer who runs a bench from a fresh clone without the `bench` extra, without tilse, or
without the evaluation data beside the clone should read which of them is missing and how to
get it, before the bench spends minutes on storyline's side of the table.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path

BENCH_EXTRA = "pip install -e '.[bench]'"
TILSE = "pip install --no-deps tilse"


def missing(modules: Mapping[str, str]) -> list[str]:
    """The modules of ``modules`` (name -> how to install it) that do not import, with how."""
    absent = []
    for name, how in modules.items():
        try:
            importlib.import_module(name)
        except ImportError:
            absent.append(f"{name} ({how})")
    return absent


def require(script: str, modules: Mapping[str, str]) -> None:
    """Stop with a one-line message when any of ``modules`` does not import."""
    absent = missing(modules)
    if absent:
        raise SystemExit(f"{script} needs {', '.join(absent)}")


def require_data(script: str, path: Path) -> None:
    """Stop with a one-line message when the evaluation data at ``path`` is absent."""
    if not path.exists():
        raise SystemExit(
            f"{script}: no evaluation data at {path} "
            "(the shared data folder, read in place from ../shared/data beside the clone)"
        )
