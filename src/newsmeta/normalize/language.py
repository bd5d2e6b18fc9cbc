"""Language tags -> BCP 47 (``en_US`` -> ``en-US``, ``en_EN`` -> ``en``, ``German`` -> ``de``)."""

from __future__ import annotations

import re

_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?(?:[-_].*)?$")
#: ISO 3166-1 alpha-2 region codes.
REGIONS = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
    BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ
    FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ
    IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH
    MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL
    PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD
    TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW""".split()  # noqa: SIM905
)
_NAMES = {
    "english": "en",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "français": "fr",
    "spanish": "es",
    "español": "es",
    "italian": "it",
    "italiano": "it",
    "portuguese": "pt",
    "português": "pt",
    "dutch": "nl",
    "nederlands": "nl",
    "russian": "ru",
    "русский": "ru",
    "polish": "pl",
    "polski": "pl",
    "czech": "cs",
    "čeština": "cs",
    "chinese": "zh",
    "japanese": "ja",
    "arabic": "ar",
    "turkish": "tr",
    "danish": "da",
    "swedish": "sv",
    "norwegian": "no",
    "finnish": "fi",
    "greek": "el",
    "hungarian": "hu",
    "ukrainian": "uk",
}


def normalize_language(value: str) -> str | None:
    """A BCP 47 tag for a language value as pages write it; ``None`` when it is none."""
    text = value.strip().split(",")[0].strip()
    if text.casefold() in _NAMES:
        return _NAMES[text.casefold()]
    match = _TAG.match(text)
    if not match:
        return None
    language, script, region = match.groups()
    tag = language.lower()
    if script:
        tag += "-" + script.title()
    if region and (region.isdigit() or region.upper() in REGIONS):
        tag += "-" + region.upper()
    return tag
