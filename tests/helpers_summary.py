"""Fictional flood story shared by the summary tests."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from storyline.model import Article, Claim
from storyline.text import normalize, split_sentences, words

SHARED = Path(__file__).resolve().parents[2] / "shared"

HERALD = (
    "Floodwaters from Lake Varna swept through the river town of Orlen on Monday, forcing "
    "more than 2,000 residents to leave their homes.\n"
    "The regional council opened three emergency shelters in schools on the northern hill.\n"
    "He said the old stone dam above the town had not been inspected since the spring.\n"
    "Mayor Ilse Brandt said repairs to the old stone dam would begin as soon as the water "
    "level falls.\n"
    "Read more:\n"
    "The story continues under the ad\n"
    "Farmers along the river reported that whole fields of barley were lost to the water."
)
DAILY = (
    "Floodwaters from Lake Varna swept through the river town of Orlen on Monday, forcing "
    "2,000 residents to leave their homes.\n"
    "Mayor Ilse Brandt said repairs to the old stone dam would begin as soon as the water "
    "level falls.\n"
    "Volunteers from nearby villages brought boats, blankets and bread to the shelters.\n"
    "Source link"
)
COAST = (
    "Rescue crews in Orlen worked through Tuesday night as Lake Varna kept rising.\n"
    "An estimated 2,000 residents of the river town of Orlen had to leave their homes "
    "after Monday's flood, officials said.\n"
    "The regional council opened three emergency shelters in schools on the northern hill.\n"
    "Engineers warned that the old stone dam could fail if heavy rain returned this week."
)


def article(aid: str, text: str, source: str, published: str | None = None) -> Article:
    return Article(
        id=aid,
        title=aid,
        text=normalize(text),
        raw_text=text,
        source=source,
        published=published,
    )


def story_articles() -> list[Article]:
    return [
        article("a1", HERALD, "Valley Herald", "2031-03-03"),
        article("a2", DAILY, "Orlen Daily", "2031-03-04"),
        article("a3", COAST, "Coast Times", "2031-03-05"),
        article("a4", HERALD, "Wire Service", "2031-03-03T18:00:00"),
    ]


def total_words(claims: tuple[Claim, ...]) -> int:
    return sum(len(claim.text.split()) for claim in claims)


def bag(text: str) -> Counter[str]:
    return Counter(w.lower() for w in words(text))


def really_states(article_text: str, sentence: str) -> bool:
    """Independent check: some sentence of the article shares >= 50% of words (F1)."""
    want = bag(sentence)
    for span in split_sentences(article_text):
        have = bag(span.text)
        shared = sum((want & have).values())
        if shared and 2 * shared / (sum(want.values()) + sum(have.values())) >= 0.5:
            return True
    return False
