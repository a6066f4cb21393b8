"""Which way a foreign clause points a date without a year: the words that put it ahead.

dateparser reads a weekday alone as the latest one before its base and a month as the
latest such month; :func:`looks_ahead` tells :mod:`.foreign` when the clause points ahead
instead: a future (by a language's own cues), or a state that lasts until the date ("Les
écoles resteront fermées jusqu'à mardi", "bleiben bis Dienstag geschlossen") in a clause
not told in the past.
"""

from __future__ import annotations

import re

__all__ = ["looks_ahead"]

# Words that put a clause ahead, in the languages of the QA pass that found weekdays in
# future clauses read as the week before ("werden am Samstag verhandeln", "проведут
# переговоры в субботу", "ожидается во вторник"). Perfective verbs in Russian and Ukrainian
# are future in present form, so only news's common ones are listed; Ukrainian's
# synthetic future ends in -тиме/-тимуть; French's future is read by its endings, in lower
# case only (names are capitalised).
_FUTURE = {
    # German states schedules in the present: "findet am Sonntag statt", "tritt im September
    # in Kraft" (their pasts are "fand", "trat").
    "de": re.compile(
        r"\b(?:wird|werden|werde|wirst|werdet|soll|sollen|kommende[nmrs]?"
        r"|(?:findet|finden)\b[^,;.]*\bstatt|(?:tritt|treten)\b[^,;.]*\bin Kraft"
        r"|(?:verschoben|vertagt|verlegt)\s+auf|\bauf\s[^,;]{0,30}?\s(?:verschoben|vertagt|verlegt)"
        r"|geplant|vorgesehen|angesetzt|anberaumt|festgesetzt|festgelegt|terminiert)\b",
        re.I,
    ),
    "ru": re.compile(
        r"(?<!\w)(?:будет|будут|буд[еу]м|состо[ия]тся|пройд[её]т|пройдут|провед[её]т|проведут"
        r"|начн[её]тся|начнутся|продлится|ожида[ею]тся|планиру[ею]тся|соберутся|встретятся"
        r"|откро[ею]тся|вступ(?:ит|ят)|возобнов(?:ится|ятся)|следующ\w+)(?!\w)",
        re.I,
    ),
    "uk": re.compile(
        r"(?<!\w)(?:буде|будуть|будемо|відбуд[еу]ться|пройде|пройдуть|проведе|проведуть"
        r"|розпочн[еу]ться|почн[еу]ться|очіку[єю]ться|плану[єю]ться|зустрінуться|наступн\w+"
        r"|\w+тиме|\w+тимуть|\w+тимемо)(?!\w)",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:[a-zé]{2,}(?:eront|iront|dront)|[a-zé]{2,}(?:era|ira|dra)|seront|auront|feront"
        r"|sera|aura|vont|prochaine?|prévue?s?\s+pour|doit|doivent|devrait|devraient"
        r"|(?:reportée?s?|repoussée?s?)\s+au)\b"
    ),
    # Spanish's synthetic future ends in -rá, -rán, -remos (in lower case: "Sará" is a name).
    "es": re.compile(
        r"(?<!\w)(?:[a-záéíóúñ]{2,}(?:rá|rán|remos)|próxim[oa]s?|previst[oa]s?\s+para"
        r"|(?:va|van)\s+a|(?:aplazad|pospuest)[oa]s?)(?!\w)"
    ),
    # Italian and Portuguese likewise ("sarà presentato il 22 luglio", "será aberto"); a
    # date moved or fixed ("rinviato al", "fissato per") is ahead too.
    "it": re.compile(
        r"(?<!\w)(?:[a-zàèéìòù]{2,}(?:rà|ranno|remo)|prossim[oaie]|in programma"
        r"|(?:previst|fissat|programmat|confermat)[oaie]\s+per|(?:rinviat|posticipat|spostat"
        r"|slittat)[oaie])(?!\w)"
    ),
    "pt": re.compile(
        r"(?<!\w)(?:[a-zàáâãçéêíóôõú]{2,}(?:rá|rão|remos)|próxim[oa]s?|previst[oa]s?\s+para"
        r"|(?:vai|vão)\s+[a-z]+r|(?:adiad|marcad)[oa]s?\s+para)(?!\w)"
    ),
}

# "until" before the date, and the past tenses that end such a state ("sont restées fermées
# jusqu'à mardi", "blieben bis Dienstag geschlossen").
_UNTIL = {
    "fr": re.compile(r"\bjusqu['\u2019]\s*(?:à|au)\s+$", re.I),
    "de": re.compile(r"\bbis\s+(?:zum\s+|am\s+|kommenden\s+)?$", re.I),
    "es": re.compile(r"(?<!\w)hasta\s+(?:el\s+)?$", re.I),
    "ru": re.compile(r"(?<!\w)до\s+$", re.I),
}
_ENDED = {
    "fr": re.compile(
        r"\b(?:était|étaient|avait|avaient|fut|furent|a été|ont été|a duré|ont duré"
        r"|(?:est|sont) restée?s?)\b",
        re.I,
    ),
    "de": re.compile(r"\b(?:war|waren|blieb|blieben|hatte|hatten|wurde|wurden|dauerte)\b", re.I),
    "es": re.compile(
        r"(?<!\w)(?:fue|fueron|estuvo|estuvieron|permaneció|permanecieron|había|habían|duró"
        r"|estaba|estaban)(?!\w)",
        re.I,
    ),
    "ru": re.compile(r"(?<!\w)(?:был|была|было|были|оставал\w*|продолжал\w*)(?!\w)", re.I),
}


def looks_ahead(sentence: str, clause: tuple[int, int], start: int, code: str) -> bool:
    """Whether the clause ``clause`` (bounds in ``sentence``) points the date at ``start``
    ahead: it holds a future cue of language ``code``, or "until" opens the date and the
    clause is not told in the past."""
    future = _FUTURE.get(code)
    if future is not None and future.search(sentence, *clause):
        return True
    until, ended = _UNTIL.get(code), _ENDED.get(code)
    if until is None or ended is None or not until.search(sentence, clause[0], start):
        return False
    return ended.search(sentence, *clause) is None
