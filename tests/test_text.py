"""The shared text primitives: normalisation, words, sentences."""

from __future__ import annotations

import random

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


def test_normalize_leaves_normal_text_alone_and_catches_every_other_kind() -> None:
    from storyline.text import _OTHER_SPACE, _normalized

    everything = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert set(_OTHER_SPACE) == everything - {" ", "\n"}
    normal = 'Kyiv - "we leave," she said.\n\nLviv next.'
    assert normalize(normal) is normal
    cases = {
        "a  b": "a b",
        "a \nb": "a\nb",
        "a\n b": "a\nb",
        "a\n\n\nb": "a\n\nb",
        " a": "a",
        "a\u2028b": "a b",
        "a\u3000b": "a b",
        "\ufb01ne": "fine",
        "e\u0301": "\u00e9",
        "\u201cquote\u201d \u2014 it\u2019s": '"quote" - it\'s',
        "a\u200bb": "ab",
    }
    assert {text: normalize(text) for text in cases} == cases
    rng = random.Random(5)
    alphabet = ["a", "b", " ", "\n", "\t", "\r", "\x0b", "\x1f", ".", "\u00a0", "\u2019", "e\u0301"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        once = _normalized(text)  # the whole computation, never the shortcut
        assert normalize(text) == once and normalize(once) == once


def test_a_german_day_number_does_not_end_a_sentence() -> None:
    text = "Der Streik soll bis zum 15. Januar dauern. Am 3. März sank die Fähre."
    assert [s.text for s in split_sentences(text)] == [
        "Der Streik soll bis zum 15. Januar dauern.",
        "Am 3. März sank die Fähre.",
    ]
    # A year before a month still ends one.
    assert len(split_sentences("Prices rose in 2015. January was cold.")) == 2


def test_thai_sentences_end_at_the_spaces_between_thai_words() -> None:
    text = "เกิดน้ำท่วมหนักในจังหวัด ผู้ว่าราชการสั่งเปิดศูนย์พักพิง 6 แห่ง โรงเรียนปิด\nEnd. Here."
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "เกิดน้ำท่วมหนักในจังหวัด",
        "ผู้ว่าราชการสั่งเปิดศูนย์พักพิง 6 แห่ง",
        "โรงเรียนปิด",
        "End.",
        "Here.",
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_normalising_keeps_the_thai_vowel_sara_am_whole() -> None:
    water = "\u0e19\u0e49\u0e33"  # "water", with sara am (U+0E33), which NFKC splits in two
    assert normalize(f"น้ำท่วม {water}") == f"น้ำท่วม {water}"
    assert normalize("\u0e19\u0e49\u0e4d\u0e32") == water  # the split form is joined
    assert normalize(normalize(water)) == water
