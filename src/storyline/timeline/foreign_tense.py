"""Which way a foreign clause points a day and month told without a year, when it is told in
the past: "è morto il 10 aprile" in March is last April, not the coming one.

dateparser gives the latest such day on or before publication; :mod:`.foreign` moves a day
near ahead of publication there (news with no tense to go by names a schedule so close), and
:mod:`.foreign_ahead` moves any day ahead in a clause that looks ahead. A clause told in the
past by a language's own cues keeps the day before publication instead.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from .foreign_ahead import looks_ahead
from .foreign_cjk import day_or_none

if TYPE_CHECKING:
    from .temporal import DateMention

__all__ = ["clause_around", "day_back"]

_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]")
# A day and month written without a year ("10 aprile", "22. Juli", "10 de abril").
_DAY_MONTH = re.compile(r"(?<!\d)\d{1,2}(?:\.|er)?\s+(?:de\s+)?[^\W\d_]{3,}")
_YEAR = re.compile(r"\d{4}")
# Past cues, in lower case (names are capitalised): auxiliaries with a participle, the simple
# pasts news uses. What is scheduled ("è previsto per", "a lieu le", "ist geplant") is no past:
# :func:`looks_ahead` is asked first, and such words are left out here.
_THAT = re.compile(r"(?<!\w)(?:che|que|qu['\u2019]|dass)(?!\w)", re.I)
_IT = r"[a-zàèéìòù]"
_FR = r"[a-zàâçéèêëîïôûùü]"
_ES = r"[a-záéíóúñ]"
_PT = r"[a-zàáâãçéêíóôõú]"
# A word that may open the sentence: "Murió el 2 de abril", "È morto il 10 aprile".
_OPENS = r"(?:(?<=^)|(?<=^[\"«„“]))"
# Verbs that set or move a day ("a fixé le vote au 10 avril", "ha fijado para el 10 de
# abril", "marcou para 10 de abril"): told in the past, the day they set is still ahead.
_SET_FR = r"(?:fix|prév|programm|report|repouss|convoqu|avanc)\w*"
_SET_ES = r"(?:fijad|previst|programad|aplazad|convocad|adelantad|pospuest)\w*"
_SET_PT = r"(?:marc|agend|adi|remarc|convoc|antecip)(?:ou|aram)\b"
_PAST = {
    "it": re.compile(
        rf"(?<!\w)(?:era|erano|fu|furono|aveva|avevano|(?:è|{_OPENS}È|sono|ha|hanno)\s+"
        r"(?:già\s+)?"
        r"(?!(?:questo|questa|quello|quella|molto|tanto|tutto|tutti|certo|giusto|sotto|pronto"
        r"|previst|fissat|attes|programmat|confermat|rinviat|posticipat|spostat)\w*)"
        rf"{_IT}+(?:at|ut|it|rt|tt|nt|ss|st|ls|rs|lt|es|us|os)[oaie]"
        rf"|(?:{_OPENS}[A-Z])?{_IT}{{2,}}(?:arono|erono|irono|[^r\W]ò))(?!\w)"
    ),
    "fr": re.compile(
        rf"(?<!\w)(?:était|étaient|fut|furent|(?:a|ont|avait|avaient)\s+(?:été\s+|déjà\s+)?"
        rf"(?!lieu\b|{_SET_FR}){_FR}+(?:é|ée|és|ées|i|is|ie|it|u|us|ue|ert|ort)"
        r"|(?:est|sont)\s+(?:morte?s?|née?s?|décédée?s?|arrivée?s?|tombée?s?|survenue?s?))(?!\w)"
    ),
    "es": re.compile(
        rf"(?<!\w)(?:fue|fueron|era|eran|había|habían|(?:ha|han)\s+(?!{_SET_ES}){_ES}+"
        r"(?:ado|ido|to|cho|so)"
        rf"|(?:{_OPENS}[A-ZÁÉÍÓÚ])?{_ES}{{2,}}(?:ó|aron|ieron))(?!\w)"
    ),
    "pt": re.compile(
        rf"(?<!\w)(?:foi|foram|era|eram|tinha|tinham|(?!estou|{_SET_PT})(?:{_OPENS}[A-Z])?{_PT}{{2,}}"
        rf"(?:ou|iu|aram|iram)|(?:{_OPENS}[A-Z])?{_PT}+(?:rr|sc|nc|ec|rd|eb)eu)(?!\w)"
    ),
    "de": re.compile(
        r"(?<!\w)(?:war|waren|wurde|wurden|hatte|hatten|starb|starben|begann|begannen|endete"
        r"|endeten|(?:hat|haben|ist|sind)(?:\s+[^\s,;]+){0,8}?\s+ge[a-zäöüß]{3,}(?:t|en))(?!\w)"
    ),
}


def clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around ``start:end``: between commas, semicolons, colons,
    brackets and dashes."""
    before = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)]
    after = _CLAUSE_END.search(sentence, end)
    return before[-1] if before else 0, after.start() if after else len(sentence)


def day_back(sentence: str, mention: DateMention, published: date | None, code: str) -> DateMention:
    """``mention``, a day and month without a year read after ``published``, moved to the
    same day on or before publication when its clause is told in the past and does not look
    ahead ("è morto il 10 aprile", "a été tué le 2 avril", "ist am 2. April gestorben")."""
    past = _PAST.get(code)
    if past is None or published is None or not mention.date or mention.granularity != "day":
        return mention
    if _YEAR.search(mention.expression) or not _DAY_MONTH.search(mention.expression):
        return mention
    found = date.fromisoformat(mention.date)
    clause = clause_around(sentence, mention.start, mention.end)
    # a day after publication is a dating slip (a time zone, a late edition), as in English
    if (found - published).days <= 1 or looks_ahead(sentence, clause, mention.start, code):
        return mention
    # "ha annunciato che la mostra riapre il 10 aprile": what is reported has its own tense
    that = [m.end() for m in _THAT.finditer(sentence, clause[0], mention.start)]
    if past.search(sentence, that[-1] if that else clause[0], clause[1]) is None:
        return mention
    back = day_or_none(published.year, found.month, found.day)
    if back is None or back > published:
        back = day_or_none(published.year - 1, found.month, found.day)
    if back is None:
        return mention
    note = "a day without a year in a clause told in the past: the one before publication"
    return replace(mention, date=back.isoformat(), note=note)
