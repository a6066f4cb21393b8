"""Broad place names: countries, their people, continents and the big alliances.

A crisis is covered for months under the same few country names ("Canada", "Ukraine",
"Russia", "NATO"), so in a collection about it those names say which *subject* an article is
about, not which *event*: the embassy staff withdrawal and the troop relocation share them
all. Collection statistics learn this only after many articles (an IDF over three documents
cannot tell), so the stories stage damps these names from the start, by a fixed factor
(``StoryOptions.place_weight``). Cities, regions, people and organisations are left alone:
they do tell events apart.

The list is ours (lower-cased, as the feature extractor sees tokens): the member states of
the United Nations and a few more, their usual demonyms, the continents and the blocs that
news names as actors. English forms, plus the most frequent French, Spanish, Portuguese and
German ones.
"""

from __future__ import annotations

_COUNTRIES = """
afghanistan afghan albania albanian algeria algerian andorra angola angolan argentina
argentine argentinian armenia armenian australia australian austria austrian azerbaijan
azerbaijani bahamas bahrain bahraini bangladesh bangladeshi barbados belarus belarusian
belgium belgian belize benin bhutan bolivia bolivian bosnia bosnian botswana brazil brazilian
brunei bulgaria bulgarian burkina burundi cambodia cambodian cameroon cameroonian canada
canadian chad chadian chile chilean china chinese colombia colombian comoros congo congolese
croatia croatian cuba cuban cyprus cypriot czech czechia denmark danish djibouti dominica
dominican ecuador ecuadorian egypt egyptian eritrea eritrean estonia estonian eswatini
ethiopia ethiopian fiji finland finnish france french gabon gambia georgia georgian germany
german ghana ghanaian greece greek grenada guatemala guatemalan guinea guyana haiti haitian
honduras honduran hungary hungarian iceland icelandic india indian indonesia indonesian iran
iranian iraq iraqi ireland irish israel israeli italy italian jamaica jamaican japan japanese
jordan jordanian kazakhstan kazakh kenya kenyan kiribati korea korean kosovo kuwait kuwaiti
kyrgyzstan laos latvia latvian lebanon lebanese lesotho liberia liberian libya libyan
liechtenstein lithuania lithuanian luxembourg madagascar malawi malaysia malaysian maldives
mali malian malta maltese mauritania mauritius mexico mexican micronesia moldova moldovan
monaco mongolia mongolian montenegro morocco moroccan mozambique myanmar burmese namibia nauru
nepal nepalese netherlands dutch nicaragua niger nigeria nigerian norway norwegian oman
pakistan pakistani palau palestine palestinian panama paraguay peru peruvian philippines
filipino poland polish portugal portuguese qatar qatari romania romanian russia russian
rwanda rwandan samoa senegal serbia serbian seychelles singapore slovakia slovak slovenia
slovenian somalia somali spain spanish sudan sudanese suriname sweden swedish switzerland
swiss syria syrian taiwan taiwanese tajikistan tanzania thailand thai togo tonga trinidad
tunisia tunisian turkey turkish turkmenistan tuvalu uganda ugandan ukraine ukrainian uruguay
uzbekistan vanuatu vatican venezuela venezuelan vietnam vietnamese yemen yemeni zambia
zimbabwe britain british uk england english scotland scottish wales welsh america american
u.s usa
"""

_REGIONS_AND_BLOCS = """
europe european africa african asia asian
nato un u.n eu e.u
"""

_OTHER_LANGUAGES = """
russie ukraine allemagne chine espagne etats-unis rusia ucrania alemania españa china
rússia ucrânia alemanha espanha eua brasil russland deutschland spanien
"""


def _plural(word: str) -> str:
    return word if word.endswith(("s", "sh", "ch", "ese", "i")) else word + "s"


def _build() -> frozenset[str]:
    singular = (_COUNTRIES + _REGIONS_AND_BLOCS + _OTHER_LANGUAGES).split()
    # "Canadians", "Russians": the people of a country are as broad as its name.
    return frozenset(singular) | frozenset(_plural(word) for word in _COUNTRIES.split())


BROAD_PLACES: frozenset[str] = _build()
