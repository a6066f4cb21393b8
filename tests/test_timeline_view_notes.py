"""`storyline timeline` prints why a date was read as it was, as the digest does (QA, session 28).

A two-digit year ("15/06/26") is read with a note; the digest printed it, but the timeline
command printed the date alone, per story and for the whole corpus, so a fact-checker saw
"2026-06-15" with nothing to say it was a guess.
"""

from __future__ import annotations

from pathlib import Path

from helpers_cli import Run

PAGE = """---
title: Orvik harbour inquiry opens
source: Fjord Courier
published: 2026-03-11T09:00:00Z
---
Orvik harbour inquiry opens

The harbour inquiry in Orvik opened on Tuesday with evidence from the port's pilots.

Chairwoman Sanna Voll said the inquiry would report its findings by 15/06/26.
"""


def test_timeline_prints_an_entrys_note(tmp_path: Path, run: Run) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "orvik.md").write_text(PAGE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert run("ingest", str(tmp_path / "in"), "--db", db).exit_code == 0
    for extra in ((), ("--corpus",)):
        out = run("timeline", "--db", db, *extra).output
        (line,) = [line for line in out.splitlines() if "15/06/26" in line]
        assert line.startswith("- **2026-06-15** (day) ")
        assert line.endswith("(two-digit year read as 2026)")
