"""The shared text primitives: normalisation, words, sentences."""

from __future__ import annotations

from storyline.text import fold, normalize, split_sentences, words


def test_normalize_folds_typography_and_whitespace() -> None:
    assert normalize("\ufeff\u201cHi\u201d  \u2014 it\u2019s\u00a0here\r\n\n\n\nNext") == (
        '"Hi" - it\'s here\n\nNext'
    )


def test_fold_is_a_comparison_key() -> None:
    assert fold("The U.S. Embassy, in Kyiv!") == "the u.s embassy in kyiv"


def test_words_split_cjk_characters() -> None:
    assert words("Tokyo 東京 rain") == ["Tokyo", "東", "京", "rain"]


def test_sentences_respect_abbreviations_initials_and_quotes() -> None:
    text = 'Mr. Smith met J. Doe in Washington, D.C. on Jan. 5. "Go!" he said. Then he left.'
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Smith met J. Doe in Washington, D.C. on Jan. 5.",
        '"Go!" he said.',
        "Then he left.",
    ]


def test_sentence_offsets_index_the_text() -> None:
    text = "First line here.\nSecond line. Third one."
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == [s.text for s in spans]
    assert [s.text for s in spans] == ["First line here.", "Second line.", "Third one."]


def test_cjk_full_stops_split_without_spaces() -> None:
    assert [s.text for s in split_sentences("雨が降った。川があふれた！")] == [
        "雨が降った。",
        "川があふれた！",
    ]


def test_a_long_line_without_boundaries_is_cut_into_readable_pieces() -> None:
    line = ", ".join(f"word{i} more text" for i in range(2000))
    spans = split_sentences(line)
    assert len(spans) > 20
    assert all(len(s.text.split()) <= 80 for s in spans)
    assert "".join(line[s.start : s.end] for s in spans).replace(" ", "") == line.replace(" ", "")


def test_punctuation_only_pieces_are_not_sentences() -> None:
    assert [s.text for s in split_sentences("It ended. . Then more.")] == [
        "It ended.",
        "Then more.",
    ]
