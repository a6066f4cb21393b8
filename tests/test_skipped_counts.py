"""How many inputs a run left out, as the "wrote FILE: ..., N inputs skipped" line counts them."""

from __future__ import annotations

from storyline.model import Article, Digest, Skipped
from storyline.render.views import split_skipped


def test_a_superseded_record_with_a_note_is_one_input_skipped() -> None:
    # A 60,000-record dump counted 5,672 inputs skipped for 5,659 earlier versions: the 13
    # of them whose date could not be read were counted again for their notes.
    wire = Article(
        id="wire", title="T", text="Words.", raw_text="Words.", path="feed.jsonl", record=3
    )
    earlier = Skipped("feed.jsonl", "an earlier version of wire: superseded", 9, "old", "wire")
    note = Skipped("feed.jsonl", "date '2031-01-01T24:00:00Z' not read; kept, undated", 9)
    digest = Digest(articles=(wire,), stories=(), skipped=(earlier, note))
    assert split_skipped(digest) == ((earlier,), (note,))
