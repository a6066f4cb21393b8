"""News-event concepts in several languages: "Взрыв" in Russian is "explosion" in English.

Two reports of one event in different languages share no word, so across languages the
stories stage compared names and figures alone; a short post names one thing (its town),
and a German "Drohnenangriff" never met an English "drone strike". This table maps the words
of a few dozen concepts that news reports of incidents are made of (what happened, to whom,
where) in English, Russian, Ukrainian, German, French and Spanish to one key per concept.

A word is read as a concept when it starts with one of the concept's stems (inflections and
German compounds: "погибших", "Drohnenangriff") or is one of its exact forms (words too short
to be stems: "feu", "mort"). The stems are written to be long enough not to catch unrelated
words of the same language; a stem of one language never needs to be safe in another, since a
word is looked up in all of them and only the concept key counts.

The concepts are used only to compare an article with a story in another language
(:func:`concept_vector`, :func:`concepts_agree`, used by :mod:`.cluster`): within one language
the words themselves are compared, as before, and an English stream never reads this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

# concept: stems (a word starting with one is the concept); "=word" is an exact form.
# The tag of a concept key, which no word or name holds (see :mod:`.scripts`'s "~").
TAG = "^"
_TABLE: dict[str, str] = {
    "drone": "drone дрон беспилотн безпілотн drohne =dron =drones",
    "missile": "missile rocket ракет rakete roquette misil cohete",
    "explosion": "explosion exploded blast взрыв вибух explodiert",
    "shelling": "shelling shelled обстрел обстріл beschuss bombard",
    "attack": "attack атак удар angriff attaqu frappe ataqu",
    "killed": "killed killing =dead death =died погиб убит убил загин загибл смерт getötet "
    "=tote =toten =tot =mort =morts tué tuée tués muert =muerto =muertos fallecid",
    "injured": "injur wound ранен ранил поранен травмова пострада постражда verletz bless herid",
    # English "fire" is a stop word (scikit-learn's list; ECB+ reports "opened fire"): never a
    # term, so English gives the concept through its other words.
    "fire": "=fire =fires blaze ablaze flames burning =burned =burnt wildfire firefighter "
    "firefighting fireman firemen arson пожар =горит =горят огонь огн пожеж =горить "
    "вогонь вогн =brand =brände =brandes brandanschl brandstift feuer flamme incendi =feu =feux "
    "fuego",
    "flood": "flood inundat наводнен подтоп затоп паводк повін повен підтоп hochwasser "
    "überschwemm inond =crue inunda",
    "power-cut": "blackout outage =power electricity обесточ электроэнерг =свет =света =светом "
    "=світла =світло =світлом знеструм електроенерг stromausfall =strom =stroms stromversorg "
    "électricité apagón",
    "evacuation": "evacuat эвакуа эвакуи евакуа евакуй евакую evakuier évacu evacua",
    "arrest": "arrest detain detention задержа арест затрима арешт festgenommen "
    "festnahme verhaft interpell arrêté arrêtés detenid",
    "bribe": "brib corrupt взятк коррупц =хабар =хабара =хабарі =хабарів хабарн корупц bestech "
    "korrupt pot-de-vin soborn",
    "protest": "protest rally rallied demonstrat митинг мітинг demonstr kundgebung manifest",
    "election": "election elected by-election ballot выбор избира вибор wahl gewählt élection "
    "élu scrutin eleccion elecciones",
    "vote": "=vote =votes voting voter голос stimmen =voix votos",
    "alert": "alert siren тревог тривог alarm luftalarm fliegeralarm alerte alerta",
    "shelter": "shelter укрыт убежищ укритт сховищ bunker schutzraum =abri =abris refugio",
    "school": "school школ schule école escuela",
    "hospital": "hospital больниц лікарн krankenhaus klinik hôpital hospital",
    "maternity": "maternity роддом родильн пологов geburtsstation maternité",
    "railway": "railway =rail =train =trains railroad железнодорож поезд залізни потяг "
    "=bahn =zug =züge zugverkehr ferroviaire ferrocarril",
    "station": "station вокзал станци станці bahnhof =gare estación",
    "fuel": "=fuel depot нефтебаз горюч топлив нафтобаз пальн treibstoff tankstell "
    "carburant combustible",
    "grain": "=grain elevator элеватор зерн елеватор getreide silo céréal",
    "water": "=water водоснаб водопровод водовод =воду =вода =воды водопостач "
    "=wasser wasserversorg =eau =eaux =agua",
    "tariff": "tariff тариф tarif",
    "forest": "forest лесн =лес =леса лісов =ліс =wald =waldes =wälder waldbrand forêt bosque",
    "dam": "=dam =dams плотин гребл staudamm =damm =dammes barrage =presa",
    "river": "=river =rivers =реки =река =річка річк =fluss rivière =rio",
    "substation": "substation подстанц підстанц umspannwerk sous-station subestación",
    # The head of a city or a region: "голова" is either, and reports call one official by
    # both ("regional governor", "голова області").
    "head": "mayor мэр =мер =мера =мером =голова =голови =голову =глава =главы governor "
    "губернатор bürgermeister gouverneur =maire alcald gobernador",
    "police": "police полици поліці polizei policía",
    "children": "child дети детей =діти дітей kinder enfant niño",
    "market": "market рынок рынк ринок ринк markt marché mercado",
    "weather": "weather forecast погод wetter météo =tiempo",
    # Something works again: a port, a line, a plant (not its repair, which a closure names too).
    "resumed": "resum restor reopen возобнов восстанов віднов wiederhergestell "
    "wiederaufgenommen wiedereröffn rétabli rouvert réouvert reprise reanud restablec reabier",
}
# What an attack is reported by (not its toll: an earthquake kills too); :func:`other_kind`.
_ATTACK = frozenset(TAG + key for key in ("drone", "missile", "explosion", "shelling", "attack"))


def _build() -> tuple[dict[str, str], dict[str, str], tuple[int, ...]]:
    """Exact forms -> concept, stems -> concept, and the stem lengths to try, longest first."""
    exact: dict[str, str] = {}
    stems: dict[str, str] = {}
    for concept, words in _TABLE.items():
        for word in words.split():
            if word.startswith("="):
                exact[word[1:]] = concept
            else:
                stems[word] = concept
    lengths = tuple(sorted({len(stem) for stem in stems}, reverse=True))
    return exact, stems, lengths


_EXACT, _STEMS, _LENGTHS = _build()


@lru_cache(maxsize=1 << 16)
def concept_of(term: str) -> str:
    """The concept key of a lower-cased term ("^drone"), or "" when it is none."""
    found = _EXACT.get(term)
    if found is None:
        for length in _LENGTHS:
            if length <= len(term):
                found = _STEMS.get(term[:length])
                if found is not None:
                    break
    return TAG + found if found else ""


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
