"""A sentence in another language that states what a chosen sentence states.

Selection holds a sentence redundant when its words are too close to a chosen one's, so two
languages never look redundant: "В понедельник на химическом заводе в Орливке произошёл
пожар." was printed after the English lead that says the same ("A fire broke out at the
Orlivka chemical plant on Monday morning ..."). Read only when the articles' languages are
two or more (see :class:`.foreign.Foreign`), a sentence of one language states what a
chosen sentence of another states when

- **aligned**: the reuse stage's translation passages pair it with the chosen sentence as an
  article that states it has it (the chosen sentence's own, or one of its support's, as
  :func:`.attribution.support` finds them); its article is then support of the claim too
  (see :func:`translations`): a translation the reuse stage found is a paraphrase it found;
- **cued**: it gives no figure (digits or number words), no name (name keys, or names as
  other scripts spell them: :func:`storyline.crosslang.anchors` and ``cues``) and no
  news-event concept (:mod:`storyline.concepts`) that the chosen one does not give, and gives
  at least one figure or name and one concept. Such a sentence is only kept out of the
  summary: what it shares is too little to cite it.

Neither holds when a figure of the two differs, or when the sentence denies a number of the
chosen one: that is a figure given otherwise (:func:`.foreign.foreign_variants`), which the
summary shows; nor, under "cued", when one counts the dead or the injured and the other
does not (two stages of a toll: "two workers injured" / "one of the two injured has died").

Before selection, a translation offers only what it adds (:func:`untranslated`): the
sentences its passages pair with a candidate of its original are the original's to say, so
that a wire is quoted in its own words, not in a translation's that the greedy reached first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence

from ..concepts import TAG
from ..crosslang import anchors, cues
from ..model import Relation
from .attribution import SentenceIndex, StatedDays, support
from .foreign import Foreign, figures_differ, numbers
from .options import SummaryOptions
from .sentences import Sentence

# A sentence's names: their keys, and their keys as spelled across scripts.
Names = tuple[frozenset[str], frozenset[str]]


def translations(claim: Sentence, stating: Mapping[str, int], foreign: Foreign) -> dict[str, int]:
    """The articles in another language than ``claim``'s whose translation passages pair a
    sentence with the claim's sentence in an article of ``stating`` (article -> where it
    states the claim), and where; none of them giving a figure of the claim otherwise."""
    language = foreign.languages.get(claim.article_id, "")
    found: dict[str, int] = {}
    if not language:
        return found
    for article_id, start in sorted(stating.items()):
        for other, begins, _, text in foreign.passages(article_id, start):
            theirs = foreign.languages.get(other, "")
            if other in stating or other in found or not theirs or theirs == language:
                continue
            if figures_differ(claim.text, language, text, theirs, aligned=True):
                continue
            # The claim may be a shorter telling than the sentence translated ("46 тисяч
            # абонентів" against "64 thousand subscribers ... three communities": not one
            # number each to pair), so the translation is also held to the sentence it
            # translates, which gives every number it does.
            own = foreign.own_sides.get((article_id, other, begins), "")
            mine = foreign.languages.get(article_id, "") or language
            if not own or not figures_differ(own, mine, text, theirs, aligned=True):
                found[other] = begins
    return found


class Restated:
    """Whether a candidate states, in another language, what a chosen sentence states."""

    def __init__(
        self,
        foreign: Foreign,
        everything: Sequence[Sentence],
        relations: Sequence[Relation],
        options: SummaryOptions,
        days: StatedDays,
    ) -> None:
        self._foreign = foreign
        self._index = SentenceIndex(everything)
        self._relations = relations
        self._options = options
        self._days = days
        self._where: dict[tuple[str, int], dict[str, int]] = {}

    def __call__(self, candidate: Sentence, taken: Sentence) -> bool:
        languages = self._foreign.languages
        mine = languages.get(candidate.article_id, "")
        theirs = languages.get(taken.article_id, "")
        if not mine or not theirs or mine == theirs:
            return False
        return self._aligned(candidate, taken, mine, theirs) or _cued(
            candidate, mine, taken, theirs
        )

    def _aligned(self, candidate: Sentence, taken: Sentence, mine: str, theirs: str) -> bool:
        key = (taken.article_id, taken.index)
        if key not in self._where:
            self._where[key] = support(
                taken, self._index, self._relations, self._options, self._days
            )
        for article_id, start in sorted(self._where[key].items()):
            for other, begins, ends, _ in self._foreign.passages(article_id, start):
                if (
                    other == candidate.article_id
                    and begins < candidate.end
                    and candidate.start < ends
                ):
                    return not figures_differ(
                        taken.text, theirs, candidate.text, mine, aligned=True
                    )
        return False


def _cued(candidate: Sentence, mine: str, taken: Sentence, theirs: str) -> bool:
    """Whether ``candidate`` gives nothing checkable that ``taken`` does not give (see the
    module's "cued"), and something."""
    figures, names, concepts = _checkable(candidate.text, mine)
    told = _checkable(taken.text, theirs)
    # A sentence's first word is capitalised whatever it is ("Лісова пожежа", "Губернатор"):
    # a name there counts only when the chosen sentence names it too.
    opener = _OPENER.match(candidate.text)
    if opener is not None:
        first = _checkable(opener.group(1), mine)[1]
        names = (names[0] - (first[0] - told[1][0]), names[1] - (first[1] - told[1][1]))
    if not (figures or names[0] or names[1]) or not concepts:
        return False
    if concepts & _TOLL != told[2] & _TOLL:
        return False  # a toll told at another stage ("two injured" / "one of them died")
    if not (figures <= told[0] and concepts <= told[2] and _named(names, told[1])):
        return False
    return not figures_differ(taken.text, theirs, candidate.text, mine, aligned=False)


# What a toll counts: two reports that count other things tell two stages of a story.
_TOLL = frozenset({TAG + "killed", TAG + "injured"})
# The first word of a sentence, after any opening quote or bracket.
_OPENER = re.compile(r"\W*([^\W\d_]+)")


def _checkable(text: str, language: str) -> tuple[frozenset[float], Names, frozenset[str]]:
    """The figures, the names (their keys, and their keys as spelled across scripts) and
    the news-event concepts of a sentence."""
    figures = frozenset(n.value for n in numbers(text, language))
    found = cues(text, language)
    keys = frozenset(k for k in anchors(text) if not k[0].isdigit())
    spelled = frozenset(k for k in found if k[0] == "~")
    concepts = frozenset(k for k in found if k[0] == TAG)
    return figures, (keys, spelled), concepts


def _named(names: Names, told: Names) -> bool:
    """Whether every name of the candidate is one ``told`` names: by key ("Orlivka" /
    "Орливке": "orliv"), or by all its names spelled across scripts."""
    return names[0] <= told[0] or names[1] <= told[1]


def untranslated(
    candidates: Sequence[Sentence], foreign: Foreign, copied: Mapping[str, Sequence[str]]
) -> list[Sentence]:
    """``candidates`` less each sentence of a translation that its passages pair with a
    candidate of its original (``copied``: the articles each copies) as clean as it, giving
    no figure otherwise: as a word-for-word copy offers no sentence of its own, a translation
    offers only what it adds, and a wire's fact is quoted in the wire's words, not in those
    of a translation that the selection happened to reach first. A sentence with nothing
    for the reuse stage to align ("L'usine produit de l'engrais au nitrate d'ammonium.") is
    paired too when it is the only candidate between two aligned passages, and the
    original has one candidate between them."""
    offered: dict[str, list[Sentence]] = {}
    for candidate in candidates:
        offered.setdefault(candidate.article_id, []).append(candidate)
    kept = []
    for sentence in candidates:
        mine = foreign.languages.get(sentence.article_id, "")
        originals = set(copied.get(sentence.article_id, ()))
        paired = [
            (other, original, text)
            for other, begins, ends, text in foreign.passages(sentence.article_id, sentence.start)
            if other in originals
            for original in offered.get(other, ())
            if original.start < ends and begins < original.end
        ]
        paired += _between(sentence, foreign, originals, offered)
        if not any(
            _says(sentence, mine, original, foreign.languages.get(other, ""), text)
            for other, original, text in paired
        ):
            kept.append(sentence)
    return kept


def _between(
    sentence: Sentence,
    foreign: Foreign,
    originals: set[str],
    offered: Mapping[str, Sequence[Sentence]],
) -> list[tuple[str, Sentence, str]]:
    """(original, its sentence, that sentence's text) where ``sentence`` is the only
    candidate of its article between two consecutive passages of a translation of one of
    ``originals``, and the original has one candidate between them."""
    found = []
    for other, pairs in foreign.translations.get(sentence.article_id, ()):
        if other not in originals:
            continue
        spans = sorted(pair[:4] for pair in pairs)
        for before, after in itertools.pairwise(spans):
            if not (before[1] <= sentence.start and sentence.end <= after[0]):
                continue
            if before[3] > after[2]:
                break  # the passages cross: no order to read a gap by
            mine = _within(offered.get(sentence.article_id, ()), before[1], after[0])
            theirs = _within(offered.get(other, ()), before[3], after[2])
            if len(mine) == 1 and len(theirs) == 1:
                found.append((other, theirs[0], theirs[0].text))
            break
    return found


def _within(sentences: Sequence[Sentence], start: int, end: int) -> list[Sentence]:
    return [s for s in sentences if start <= s.start and s.end <= end]


def _says(sentence: Sentence, mine: str, original: Sentence, theirs: str, text: str) -> bool:
    """Whether ``original`` (in ``theirs``) may speak for ``sentence``, its translation
    (``text``: the passage the reuse stage paired them with)."""
    if original.tier > sentence.tier or not mine or not theirs or theirs == mine:
        return False
    return not figures_differ(sentence.text, mine, text, theirs, aligned=True)
