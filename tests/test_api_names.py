"""``storyline.ingest``, ``.stories`` and ``.timeline`` are API functions and subpackages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "news"

# A fresh interpreter: in this one, other tests have imported the subpackages already.
SCRIPT = f"""
import storyline
from storyline.stories import StoryOptions
from storyline.timeline import TimelineOptions
import storyline.ingest.records

paths = [{str(EXAMPLES)!r}]
print(type(storyline.stories(paths, options=None)).__name__)
print(type(storyline.timeline(paths)).__name__)
print(type(storyline.timeline(paths)).__name__)
print(callable(storyline.ingest), StoryOptions.__name__, TimelineOptions.__name__)
"""


def test_the_api_functions_survive_importing_their_subpackages() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:4] == [
        "Analysis",
        "Timeline",
        "Timeline",
        "True StoryOptions TimelineOptions",
    ]
