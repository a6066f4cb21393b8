"""Who copied whom among short posts (20-80 words): a run of a dozen words of narrative is a
copy there, not the 25 words asked of pages that only share passages."""

from __future__ import annotations

from storyline.model import Article
from storyline.provenance import NARRATIVE_WORDS, narrative_needed
from storyline.reuse import compare

STATEMENT = (
    "Air defence units shot down 9 of 12 missiles fired at the port of Marlow overnight. "
    "Two missiles hit a grain terminal near Marlow, starting a fire that crews put out by "
    "05:00. One dock worker was injured and taken to hospital."
)
# A channel's spin: the statement's first sentence word for word, its second retold round
# the same words, and a claim of its own.
SPIN = (
    "The Velden army admitted that two missiles hit a grain terminal near Marlow overnight. "
    "Air defence units shot down 9 of 12 missiles fired at the port of Marlow, it claims. "
    "Local sources say eight civilians were killed and the army is hiding the toll."
)
# The statement's lead kept word for word, the rest the channel's own.
KEPT_LEAD = (
    "Air defence units shot down 9 of 12 missiles fired at the port of Marlow overnight. "
    "The army hides what the other three destroyed. "
    "Our readers saw fires burning near the docks until the morning."
)
# Reports of the same night in their own words: the same place and figures.
OWN_WORDS = (
    "Nine of the twelve missiles launched at Marlow were intercepted, the army says. "
    "A grain terminal caught fire after two got through, and a docker is in hospital. "
    "Ships were kept out of the harbour until dawn."
)
QUOTED = (
    '"Air defence units shot down 9 of 12 missiles fired at the port of Marlow overnight," '
    "the army said on Monday. Residents of the harbour district say the blasts shook their "
    "windows. Schools will open as usual."
)
# One outlet's alerts: a template filled for two regions and times.
ALERT = (
    "Air raid alert in the {} region from {}. Go to the nearest shelter and stay there until "
    "the all-clear is given. Do not film or post the work of air defence."
)


def _post(article_id: str, text: str, hour: int, source: str = "") -> Article:
    return Article(
        article_id,
        "",
        text,
        text,
        source=source or article_id,
        published=f"2026-03-01T{hour:02d}:00:00+00:00",
    )


def test_a_spin_of_a_short_statement_is_its_copy() -> None:
    relation = compare(_post("ministry", STATEMENT, 7), _post("channel", SPIN, 10))
    assert relation is not None
    assert relation.kind == "rewrite"
    assert relation.original == "ministry"


def test_a_post_that_keeps_a_statements_sentence_copies_it() -> None:
    relation = compare(_post("ministry", STATEMENT, 7), _post("channel", KEPT_LEAD, 10))
    assert relation is not None
    assert relation.kind == "shares-passages"
    assert relation.original == "ministry"
    assert "words of it are in the other word for word" in relation.reason


def test_short_reports_in_their_own_words_or_quoting_are_no_copies() -> None:
    for text in (OWN_WORDS, QUOTED):
        relation = compare(_post("ministry", STATEMENT, 7), _post("paper", text, 9))
        assert relation is None or (relation.kind == "shares-passages" and not relation.original)


def test_two_alerts_of_one_template_are_no_copies() -> None:
    first = _post("a", ALERT.format("Dorvisk", "21:05"), 21, "Civil Defence")
    second = _post("b", ALERT.format("Marlow", "23:40"), 23, "Civil Defence")
    relation = compare(first, second)
    assert relation is None or relation.original is None


def test_long_texts_still_need_the_narrative_words() -> None:
    filler = " ".join(f"Paragraph {n} tells the story in words of its own." for n in range(12))
    long_a = _post("a", STATEMENT + " " + filler, 7)
    long_b = _post("b", KEPT_LEAD + " " + filler.replace("words", "terms"), 10)
    assert narrative_needed(long_a, long_b) == NARRATIVE_WORDS
    assert narrative_needed(_post("a", STATEMENT, 7), _post("b", KEPT_LEAD, 8)) == 12


# Three outlets' one-sentence teasers of one night's fire, each in its own words.
TEASERS = (
    "Firefighters battled a blaze at a chemical depot in Ravensford overnight, and about 1,200 "
    "residents were evacuated from nearby streets.",
    "About 1,200 residents were evacuated from nearby streets overnight as firefighters fought "
    "a fire at a chemical depot in Ravensford.",
    "A fire at a Ravensford chemical depot forced the evacuation of about 1,200 residents "
    "overnight, firefighters said.",
)
# A one-sentence spin: the teaser's words kept in their order, two of them swapped.
SPUN_TEASER = (
    "Firefighters fought a blaze at a chemical depot in Ravensford overnight, and about 1,200 "
    "people were evacuated from nearby streets."
)


def test_one_sentence_teasers_in_their_own_words_are_no_rewrites() -> None:
    """One fact told in one sentence by each: nothing in how they tell it says who copied
    whom, so neither is named the other's original (before, all three pairs were)."""
    posts = [_post(f"t{n}", text, 7 + n) for n, text in enumerate(TEASERS)]
    for n, first in enumerate(posts):
        for second in posts[n + 1 :]:
            relation = compare(first, second)
            assert relation is None or relation.kind not in ("rewrite", "near-duplicate")
    spun = compare(posts[0], _post("spin", SPUN_TEASER, 11))
    assert spun is not None and spun.kind in ("rewrite", "near-duplicate")
    assert spun.original == "t0"
