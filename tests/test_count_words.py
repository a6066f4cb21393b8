"""An article's word count is ``len(text.split())``, counted without splitting."""

from __future__ import annotations

import random
import sys

from storyline.model import Article, count_words

SPACES = [chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()]


def test_every_kind_of_space_separates_words_as_split_does() -> None:
    for space in SPACES:
        for text in (f"a{space}b", f"{space}a{space}{space}b{space}", space, f"é{space}ü"):
            assert count_words(text) == len(text.split()), repr(text)


def test_random_texts_count_as_split_counts() -> None:
    pieces = [*SPACES, "a", "Ж", "東", "😀", "\ud800", "-", "x", "\x00", "\x7f", "\x80"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        assert count_words(text) == len(text.split()), repr(text)
    assert count_words("") == 0


def test_an_article_counts_its_words_unless_the_count_was_recorded() -> None:
    article = Article(id="a", title="", text=" Two\u2003words\n", raw_text="")
    assert article.words == 2
    assert Article(id="b", title="", text="", raw_text="", word_count=7).words == 7
