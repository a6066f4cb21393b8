"""The example corpus and the type of the CLI runner fixture (``run`` in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "news"

Run = Callable[..., Result]
