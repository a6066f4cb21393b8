"""``storyline.ingest``, ``.stories`` and ``.timeline`` are API functions and subpackages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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


def test_a_single_path_is_one_path_and_wrong_types_are_named(tmp_path: Path) -> None:
    import storyline
    from storyline.errors import OptionsError
    from storyline.pipeline import RunOptions
    from storyline.summary import SummaryOptions

    news = tmp_path / "news.jsonl"
    text = "The Harwick dam broke on Monday after heavy rain. Forty homes were flooded."
    news.write_text('{"id": "a", "title": "Dam breach", "text": "' + text + '"}\n')
    # A string, not a list: read as one path (it used to be read character by character).
    report = storyline.ingest(str(news), db=tmp_path / "one.db")
    assert (report.added, report.skipped) == (1, ())
    assert [s.title for s in storyline.digest(news).stories] == ["Dam breach"]
    with pytest.raises(OptionsError, match="item 1 is a int"):
        storyline.digest([news, 42])  # type: ignore[list-item]
    with pytest.raises(OptionsError, match=r"RunOptions.*got a SummaryOptions"):
        storyline.digest([news], options=SummaryOptions())  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match=r"RunOptions\.summary must be a SummaryOptions"):
        RunOptions(summary=1)  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match="needs a database"):
        storyline.ingest([news], db=None)  # type: ignore[arg-type]


def test_wrong_types_a_notebook_passes_are_options_errors(tmp_path: Path) -> None:
    # A QA pass (session 13): these gave bare TypeErrors from deep inside.
    import storyline
    from storyline.errors import OptionsError
    from storyline.ingest import IngestOptions

    news = tmp_path / "news.jsonl"
    news.write_text('{"title": "Dam breach", "text": "The Harwick dam broke on Monday."}\n')
    db = tmp_path / "s.db"
    storyline.ingest(news, db=db)
    with pytest.raises(OptionsError, match="paths must be a path or a list of paths, got a int"):
        storyline.digest(5)  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match="query must be a string of words, got a NoneType"):
        storyline.search(None, db=db)  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match="limit must be a whole number, got '5'"):
        storyline.search("dam", db=db, limit="5")  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match=r"max_record_bytes must be an integer, got str"):
        IngestOptions(max_record_bytes="1MB")  # type: ignore[arg-type]
    assert [hit.title for hit in storyline.search("dam", db=db, limit=5)] == ["Dam breach"]
