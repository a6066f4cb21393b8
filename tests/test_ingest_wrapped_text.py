"""A hard-wrapped ``.md`` or ``.txt`` file (an editor's or pandoc's Markdown, a wire's plain
text at 72 columns) is read as its paragraphs, as Markdown renders it and as an HTML page's
``<p>`` is read: a line break inside a sentence no longer cuts it in two, so summaries and
timelines cite whole sentences ("The Silver Gannet, built in 1988, had sailed from Northport
on" was dated 1988 on its own; helper I, session 17)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from storyline.ingest import read_sources
from storyline.ingest.plain import unwrap
from storyline.model import Article
from storyline.text import normalize

PARAGRAPHS = [
    "CAPE MIRREN (Harbor Wire) - Six fishermen were rescued from a life raft on Friday after "
    "their trawler, the Silver Gannet, sank in heavy seas about 20 miles off Cape Mirren, the "
    "coastguard said.",
    "The Silver Gannet, built in 1988, had sailed from Northport on Wednesday. The Marine "
    "Accident Investigation Branch said it would examine the sinking.",
    "Eastvale\u2019s harbour master said on Thursday that the channel had been dredged twice "
    "this winter.",
]
HEADLINE = "Six fishermen rescued after trawler sinks off Cape Mirren"
META = '---\ntitle: "Six fishermen rescued"\nsource: Harbor Wire\n---\n\n'


def article(path: Path, text: str) -> Article:
    path.write_text(text, encoding="utf-8")
    found = [item for item in read_sources([path]) if isinstance(item, Article)]
    assert len(found) == 1
    return found[0]


def test_a_hard_wrapped_markdown_file_reads_as_its_paragraphs(tmp_path: Path) -> None:
    whole = article(tmp_path / "whole.md", META + "\n\n".join(PARAGRAPHS) + "\n")
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS)
    assert wrapped.count("\n") > 6
    read = article(tmp_path / "wrapped.md", META + wrapped + "\n")
    assert (read.title, read.text) == (whole.title, whole.text)


def test_a_record_s_hard_wrapped_text_reads_as_its_paragraphs(tmp_path: Path) -> None:
    """Its title given, a record's first line is never taken for a headline: a wrapped lead
    whose second line opens with a name ("Eastvale's ... on / Wednesday night") is joined."""
    lead = [
        "Eastvale\u2019s long-debated tram line won the backing of the city council on "
        "Wednesday night, with 38 councillors voting in favour and 17 against.",
        *PARAGRAPHS,
    ]
    whole = {"title": HEADLINE, "text": "\n\n".join(lead)}
    wrapped = {"title": HEADLINE, "text": "\n\n".join(textwrap.fill(p, 72) for p in lead)}
    assert wrapped["text"].split("\n")[1].startswith("Wednesday")
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(whole) + "\n" + json.dumps(wrapped) + "\n", encoding="utf-8")
    first, second = (a for a in read_sources([path]) if isinstance(a, Article))
    assert second.text == first.text
    assert second.text.split("\n\n") == [normalize(p) for p in lead]


def test_a_headline_line_above_a_wrapped_paragraph_stays_the_title(tmp_path: Path) -> None:
    body = "\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS[:2])
    read = article(tmp_path / "page.txt", f"{HEADLINE}\n{body}\n")
    assert read.title == HEADLINE
    assert read.text.split("\n") == PARAGRAPHS[:2]


def test_lines_that_are_not_wrapped_prose_stay_as_they_are() -> None:
    one_per_line = "\n".join(PARAGRAPHS)  # a crawl's text: a paragraph a line
    listed = "Points:\n\n- " + "\n- ".join(textwrap.fill(p, 72) for p in PARAGRAPHS[:1])
    short = "It rained on Monday.\nThe river rose on Tuesday.\nThe bridge shut on Wednesday."
    headlines = "\n".join(
        ["Ferry crews walk out over rota changes at Port Ellis terminal"] * 2
        + ["Council approves Eastvale tram line after a four-hour debate"]
    )
    for text in (one_per_line, listed, short, headlines):
        assert unwrap(text) == text
