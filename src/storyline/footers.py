"""House footers: a closing paragraph that one outlet prints under unrelated stories.

Site furniture is found by recurrence (``CleanOptions.min_repeat`` pages for a short line,
``min_block_repeat`` for a long one), so a newsroom's footer seen on only two of its pages
("The Kessington Herald is an independent, reader-funded newsroom ...") stays, and its words
then join a fire and a football final into one story. Two articles of one named outlet that
end with the same paragraph, and share no other paragraph, show that paragraph to be the
outlet's footer rather than story text: two updates of one story share more than their
last lines, and a wire copy's closing line is shared with other outlets' pages too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Article, known_source
from .text import normalize

MIN_FOOTER_WORDS = 8  # shorter closing lines are left to the recurrence rules
MAX_BIO_WORDS = 45
# "Rachel Onodera is the Ledger's Europe correspondent.": the writer, not the story.
_BIO = re.compile(
    r"(?:[A-Z][\w.'\u2019-]+\s){1,3}(?:is|was)\s(?:a|an|the|our)\s[^.]{0,80}?\b"
    r"(?:correspondent|reporter|editor|writer|columnist|journalist|contributor|producer"
    r"|bureau\schief)s?\b[^.]{0,60}\.(?:\s|$)"
)
MIN_SHARED_WORDS = 8  # a paragraph this long, shared, makes two articles related


def house_footers(articles: Sequence[Article], max_words: int) -> frozenset[str]:
    """Normalised closing lines that two or more articles of one named outlet end with,
    when those articles share no other paragraph of ``MIN_SHARED_WORDS`` words or more."""
    endings: dict[tuple[str, str], list[frozenset[str]]] = {}
    for article in articles:
        if not known_source(article.source):
            continue
        lines = [line.strip() for line in normalize(article.text).split("\n") if line.strip()]
        if len(lines) < 2 or not MIN_FOOTER_WORDS <= lines[-1].count(" ") + 1 <= max_words:
            continue
        if '"' in lines[-1]:  # a quotation closes stories; it is never furniture
            continue
        others = frozenset(line for line in lines[:-1] if line.count(" ") + 1 >= MIN_SHARED_WORDS)
        endings.setdefault((article.source.strip().lower(), lines[-1]), []).append(others)
    return frozenset(
        ending
        for (_, ending), paragraphs in endings.items()
        if len(paragraphs) >= 2 and not _related(paragraphs)
    )


def _related(paragraphs: list[frozenset[str]]) -> bool:
    """Whether any two of the articles share a paragraph besides their ending."""
    seen: set[str] = set()
    for own in paragraphs:
        if seen & own:
            return True
        seen |= own
    return False


def is_author_bio(line: str) -> bool:
    """Whether a closing line introduces the article's writer ("Rachel Onodera is the
    Ledger's Europe correspondent. She has covered the Tarn valley since 2019.")."""
    return line.count(" ") < MAX_BIO_WORDS and _BIO.match(line) is not None
