"""News-event concepts in several languages: "Взрыв" in Russian is "explosion" in English.

Two reports of one event in different languages share no word, so across languages the
stories stage compared names and figures alone; a short post names one thing (its town),
and a German "Drohnenangriff" never met an English "drone strike". The words of a few dozen
concepts that news reports of incidents are made of, in six languages, are mapped to one key
per concept by :mod:`storyline.concepts` (the translation finder reads that table too).

The concepts are used only to compare an article with a story in another language
(:func:`concept_vector`, :func:`concepts_agree`, used by :mod:`.cluster`): within one language
the words themselves are compared, as before, and an English stream never reads this table.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..concepts import TAG as TAG
from ..concepts import concept_of as concept_of

# What an attack is reported by (not its toll: an earthquake kills too); :func:`other_kind`.
_ATTACK = frozenset(TAG + key for key in ("drone", "missile", "explosion", "shelling", "attack"))


def concept_vector(terms: Mapping[str, float]) -> dict[str, float]:
    """The concepts of a term vector, each weighing the sum of its terms' weights."""
    found: dict[str, float] = {}
    for term, weight in terms.items():
        key = concept_of(term)
        if key:
            found[key] = found.get(key, 0.0) + weight
    return found


# The share of a story's concept weight an article's shared concepts must hold to agree.
AGREE_SHARE = 0.25


def concepts_agree(query: Mapping[str, float], story: Mapping[str, float]) -> bool:
    """Whether an article's concepts agree with a story's: at least half of them are the
    story's, and they hold at least :data:`AGREE_SHARE` of the story's concept weight. A post
    says what happened in two or three concepts; a story that holds only one of them
    ("fire", in a report of a power cut after a substation fire, against the story of a drone
    strike that set a depot on fire) is another event, and so is one whose concepts are
    mostly others ("fire" alone, a warehouse fire, against the strike that set a port's
    terminal on fire: fire is a fifth of what that story tells)."""
    shared = [key for key in query if key in story]
    if not shared or 2 * len(shared) < len(query):
        return False
    return sum(story[key] for key in shared) >= AGREE_SHARE * sum(story.values())


def other_kind(query: Mapping[str, float], story: Mapping[str, float]) -> bool:
    """Whether a post reports that something works again (a port loads grain, a line runs)
    to the story of the attack that stopped it, and nothing of the attack: another story,
    which shares the attack's places and objects ("grain", "port") and so its keys. An
    attack is over in a night; a disaster's story (an earthquake, a flood) goes on until
    what it stopped works again, and so holds that report."""
    resumed = TAG + "resumed"
    return (
        resumed in query
        and resumed not in story
        and not _ATTACK.intersection(query)
        and bool(_ATTACK.intersection(story))
    )
