"""``storyline.ingest``, ``.stories`` and ``.timeline`` are API functions and subpackages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "news"

# A fresh interpreter: in this one, other tests have imported the subpackages already.
SCRIPT = f"""
import storyline
paths = [{str(EXAMPLES)!r}]
print(type(storyline.timeline(paths)).__name__)  # before any subpackage is imported
from storyline.stories import StoryOptions
import storyline.timeline.events as events
import storyline.stories as stage
print(type(storyline.stories(paths)).__name__)
print(type(storyline.timeline(paths)).__name__, type(storyline.timeline(paths)).__name__)
print(callable(storyline.ingest), StoryOptions.__name__, events.__name__)
print(stage.cluster_stories.__name__, storyline.timeline.build_timeline.__name__)
"""


def test_the_api_functions_and_their_subpackages_both_work() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:5] == [
        "Timeline",
        "Analysis",
        "Timeline Timeline",
        "True StoryOptions storyline.timeline.events",
        "cluster_stories build_timeline",
    ]
