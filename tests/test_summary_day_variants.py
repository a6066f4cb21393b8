"""A rewrite that dates the claim's statement to another day shows both days (QA, session 28).

A fact-checker read "stepped down on Tuesday" cited to the wire, while a rewrite of the same
sentence said "on Monday": attribution rightly left the rewrite out, but nothing said that a
source gave another day.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers_cli import Run
from storyline.summary.days import _agree

HEAD = """---
title: {title}
source: {source}
published: {published}
---
{title}

"""
WIRE = HEAD.format(
    title="Harbour chief Tomas Ekberg quits over dredging contracts",
    source="Fjord Wire",
    published="2031-05-07T10:00:00Z",  # a Wednesday
) + (
    "The head of the Lindvik harbour board, Tomas Ekberg, stepped down on Tuesday after an "
    "inquiry found that 3.1 million crowns of dredging contracts had gone to his brother's firm."
    "\n\nEkberg, who had run the board since 2022, denied any wrongdoing and said he wanted the "
    "inquiry to finish its work.\n\nThe inquiry said the contracts had been signed without a "
    "tender for dredging that was never done.\n\nHis deputy, Runa Falk, will run the board "
    "until a new chief is appointed in the autumn, the port ministry said.\n"
)
LEAD = (
    "Tomas Ekberg resigned as head of the Lindvik harbour board on Monday after inspectors said "
    "3.1 million crowns of dredging work had gone to his brother's firm."
)
REWRITE = HEAD.format(
    title="Lindvik harbour chief resigns", source="Coast Courier", published="2031-05-07T15:00:00Z"
) + (
    "{lead}\n\nThe inquiry said the contracts had been signed without a tender for dredging "
    "that was never done.\n\nOpposition councillor Berit Moe called for the contracts to be "
    "cancelled.\n\nHis deputy, Runa Falk, will run the board until the autumn.\n"
)


def _variants(tmp_path: Path, run: Run, lead: str) -> list[tuple[str, int]]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.md").write_text(WIRE, encoding="utf-8")
    (folder / "rewrite.md").write_text(REWRITE.format(lead=lead), encoding="utf-8")
    result = run("digest", str(folder), "--format", "json")
    assert result.exit_code == 0, result.output
    (story,) = json.loads(result.output)["stories"]
    (claim,) = [c for c in story["summary"] if "stepped down" in c["text"]]
    return [(v["text"], len(v["article_ids"])) for v in claim["variants"]]


def test_a_rewrite_that_gives_another_day_shows_both_days(tmp_path: Path, run: Run) -> None:
    assert _variants(tmp_path, run, LEAD) == [("Tuesday, 2031-05-06", 1), ("Monday, 2031-05-05", 1)]


@pytest.mark.parametrize(
    "lead",
    [
        # A day that dates what was said, and a day counted from the resignation: later news.
        LEAD.replace("on Monday after inspectors said", "after inspectors said on Monday that"),
        LEAD.replace("on Monday", "on Thursday, two days after"),
    ],
)
def test_later_news_is_no_day_dispute(tmp_path: Path, run: Run, lead: str) -> None:
    assert _variants(tmp_path, run, lead) == []


def test_numbers_agree_give_or_take_a_tenth() -> None:
    assert _agree([4.2], [4.0]) and _agree([], [109.0])
    assert not _agree([91.0], [109.0])
