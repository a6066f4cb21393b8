"""News-event concepts in several languages: "Взрыв" in Russian is "explosion" in English.

Two reports of one event in different languages share no word. This table maps the words of
a few dozen concepts that news reports of incidents are made of (what happened, to whom,
where) in English, Russian, Ukrainian, German, French and Spanish to one key per concept.

A word is read as a concept when it starts with one of the concept's stems (inflections and
German compounds: "погибших", "Drohnenangriff") or is one of its exact forms (words too short
to be stems: "feu", "mort"). The stems are written to be long enough not to catch unrelated
words of the same language; a stem of one language never needs to be safe in another, since a
word is looked up in all of them and only the concept key counts.

Read by the stories stage to compare an article with a story in another language
(:mod:`storyline.stories.concepts`), and by the translation finder as a cue that two aligned
sentences say the same thing (:mod:`storyline.crosscues`).
"""

from __future__ import annotations

from functools import lru_cache

# concept: stems (a word starting with one is the concept); "=word" is an exact form.
# The tag of a concept key, which no word or name holds (see :mod:`storyline.stories.scripts`'s
# "~").
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
    "dam": "=dam =dams плотин гребл дамб staudamm =damm =dammes barrage =presa",
    "river": "=river =rivers =реки =река =річка річк =fluss rivière =rio",
    "substation": "substation подстанц підстанц umspannwerk sous-station subestación",
    # The head of a city or a region: "голова" is either, and reports call one official by
    # both ("regional governor", "голова області").
    "head": "mayor мэр =мер =мера =мером =голова =голови =голову =глава =главы governor "
    "губернатор bürgermeister gouverneur =maire alcald gobernador",
    "police": "police полици поліці polizei policía",
    "children": "child дети детей =діти дітей kinder enfant niño",
    "market": "market рынок рынк ринок ринк markt marché mercado",
    "weather": "weather forecast погод метео wetter météo =tiempo",
    # Something works again: a port, a line, a plant (not its repair, which a closure names too).
    "resumed": "resum restor reopen возобнов восстанов віднов wiederhergestell "
    "wiederaufgenommen wiedereröffn rétabli rouvert réouvert reprise reanud restablec reabier",
}


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
