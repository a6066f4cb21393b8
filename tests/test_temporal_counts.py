"""A number that counts (workers, euros) is not a year, in languages that write years bare."""

from __future__ import annotations

import pytest

from storyline.timeline import tag_dates

PUBLISHED = "2026-12-07"


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Im Werk haben am Montag rund 1900 Beschäftigte die Arbeit niedergelegt.", "de"),
        ("Rund 2000 Menschen demonstrierten vor dem Rathaus.", "de"),
        ("Die Gewerkschaft fordert 1900 Euro mehr im Jahr.", "de"),
        ("Die Preise stiegen um 2000 Prozent.", "de"),
        ("Environ 2000 personnes ont manifesté à Lyon.", "fr"),
        ("Unos 1900 trabajadores fueron a la huelga.", "es"),
    ],
)
def test_a_count_is_not_a_year(sentence: str, language: str) -> None:
    years = [m for m in tag_dates(sentence, PUBLISHED, language) if m.granularity == "year"]
    assert years == []


@pytest.mark.parametrize(
    ("sentence", "language", "year"),
    [
        ("Das Werk wurde 1900 gebaut.", "de", "1900"),
        ("Seit 2019 gilt das Gesetz.", "de", "2019"),
        ("Environ 2000 personnes ont manifesté à Lyon en 2019.", "fr", "2019"),
        ("Die Preise stiegen um 2000 Prozent seit 1995.", "de", "1995"),
    ],
)
def test_a_year_beside_a_count_is_still_read(sentence: str, language: str, year: str) -> None:
    years = [m.date for m in tag_dates(sentence, PUBLISHED, language) if m.granularity == "year"]
    assert years == [year]
