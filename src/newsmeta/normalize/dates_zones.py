"""Where is a page? Its time zone, inferred from its locale, for wall-clock times printed without an offset.

Pages print ``28.04.2023, 14:30 Uhr`` with no zone; the instant depends on where the page is. :func:`locale_zone`
names the one zone that locale evidence points to, or ``None`` when the evidence is absent, weak or
contradictory. Evidence, strongest first:

1. the URL's country-code TLD (``.de``, ``.co.uk``, ``.com.tr``): a country with one dominant zone gives it;
   a country spanning several zones (``.us`` ``.ca`` ``.au`` ``.ru`` ``.br`` ``.mx``...) or any other country
   code gives nothing, and stops the weaker evidence below (it would contradict the country);
2. on a generic TLD (``.com``, ``.org``, ``.io``...) or with no URL: the page's (first) language tag, by its
   region (``de-AT``, ``en-GB``; ``en-US`` gives nothing), else by a language spoken in one zone (``de``, ``it``,
   ``ja``...; never ``en``, ``es``, ``pt``, ``fr``, ``ru``...);
3. with no language either: German date words in the value (``14:30 Uhr``, ``28.04.2023 um 14:30``): Central
   European Time (Germany, Austria and Switzerland share it).

Zones are IANA names, resolved with :mod:`zoneinfo` (daylight saving time included). The tables are data;
:func:`locale_zone` is the only logic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Final
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: Country code (TLD or language region, lower case) -> the zone nearly all of the country's pages use.
COUNTRY_ZONES: Final[dict[str, str]] = {
    "de": "Europe/Berlin",
    "at": "Europe/Vienna",
    "ch": "Europe/Zurich",
    "li": "Europe/Vaduz",
    "lu": "Europe/Luxembourg",
    "nl": "Europe/Amsterdam",
    "be": "Europe/Brussels",
    "fr": "Europe/Paris",
    "mc": "Europe/Monaco",
    "it": "Europe/Rome",
    "sm": "Europe/San_Marino",
    "va": "Europe/Vatican",
    "mt": "Europe/Malta",
    "es": "Europe/Madrid",
    "ad": "Europe/Andorra",
    "pt": "Europe/Lisbon",
    "uk": "Europe/London",
    "gb": "Europe/London",
    "ie": "Europe/Dublin",
    "is": "Atlantic/Reykjavik",
    "no": "Europe/Oslo",
    "se": "Europe/Stockholm",
    "dk": "Europe/Copenhagen",
    "fi": "Europe/Helsinki",
    "ee": "Europe/Tallinn",
    "lv": "Europe/Riga",
    "lt": "Europe/Vilnius",
    "pl": "Europe/Warsaw",
    "cz": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "si": "Europe/Ljubljana",
    "hr": "Europe/Zagreb",
    "ba": "Europe/Sarajevo",
    "rs": "Europe/Belgrade",
    "mk": "Europe/Skopje",
    "al": "Europe/Tirane",
    "gr": "Europe/Athens",
    "cy": "Asia/Nicosia",
    "bg": "Europe/Sofia",
    "ro": "Europe/Bucharest",
    "md": "Europe/Chisinau",
    "ua": "Europe/Kyiv",
    "by": "Europe/Minsk",
    "tr": "Europe/Istanbul",
    "il": "Asia/Jerusalem",
    "jp": "Asia/Tokyo",
    "kr": "Asia/Seoul",
    "cn": "Asia/Shanghai",
    "tw": "Asia/Taipei",
    "hk": "Asia/Hong_Kong",
    "sg": "Asia/Singapore",
    "my": "Asia/Kuala_Lumpur",
    "ph": "Asia/Manila",
    "th": "Asia/Bangkok",
    "vn": "Asia/Ho_Chi_Minh",
    "in": "Asia/Kolkata",
    "pk": "Asia/Karachi",
    "bd": "Asia/Dhaka",
    "nz": "Pacific/Auckland",
    "za": "Africa/Johannesburg",
    "ng": "Africa/Lagos",
    "ke": "Africa/Nairobi",
    "gh": "Africa/Accra",
    "eg": "Africa/Cairo",
    "ar": "America/Argentina/Buenos_Aires",
    "uy": "America/Montevideo",
    "pe": "America/Lima",
    "ve": "America/Caracas",
}

#: Country-code TLDs used as generic names (``.io``, ``.tv``, ``.co``...): no evidence of a country.
GENERIC_CCTLDS: Final = frozenset({"io", "tv", "co", "me", "fm", "ai", "ly", "to", "ws", "cc", "gg", "am", "la", "eu"})

#: Language (ISO 639-1, lower case) -> the zone of nearly all its pages. Languages spoken across several zones
#: (en, es, pt, fr, ru, ar, ms/id...) are absent on purpose.
LANGUAGE_ZONES: Final[dict[str, str]] = {
    "de": "Europe/Berlin",
    "nl": "Europe/Amsterdam",
    "it": "Europe/Rome",
    "ca": "Europe/Madrid",
    "eu": "Europe/Madrid",
    "gl": "Europe/Madrid",
    "da": "Europe/Copenhagen",
    "sv": "Europe/Stockholm",
    "nb": "Europe/Oslo",
    "nn": "Europe/Oslo",
    "no": "Europe/Oslo",
    "fi": "Europe/Helsinki",
    "is": "Atlantic/Reykjavik",
    "et": "Europe/Tallinn",
    "lv": "Europe/Riga",
    "lt": "Europe/Vilnius",
    "pl": "Europe/Warsaw",
    "cs": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "sl": "Europe/Ljubljana",
    "hr": "Europe/Zagreb",
    "bs": "Europe/Sarajevo",
    "sr": "Europe/Belgrade",
    "mk": "Europe/Skopje",
    "sq": "Europe/Tirane",
    "el": "Europe/Athens",
    "bg": "Europe/Sofia",
    "ro": "Europe/Bucharest",
    "uk": "Europe/Kyiv",
    "be": "Europe/Minsk",
    "tr": "Europe/Istanbul",
    "he": "Asia/Jerusalem",
    "ja": "Asia/Tokyo",
    "ko": "Asia/Seoul",
    "zh": "Asia/Shanghai",
    "th": "Asia/Bangkok",
    "vi": "Asia/Ho_Chi_Minh",
    "hi": "Asia/Kolkata",
}

#: German words that join or follow a time in a date (``14:30 Uhr``, ``28.04.2023 um 14:30``).
_GERMAN_TIME = re.compile(r"\d\s*uhr(?![^\W\d_])|\d\s+um\s+\d", re.I)
_LANGUAGE = re.compile(r"^([a-z]{2,3})(?:[-_](?:[a-z]{4}[-_])?([a-z]{2}))?(?:[-_].*)?$", re.I)


@dataclass(frozen=True, slots=True)
class LocaleZone:
    """A zone and the evidence for it (``.de``, ``lang=de-AT``, ``Uhr``), as provenance shows it."""

    name: str
    reason: str

    @property
    def info(self) -> ZoneInfo:
        zone = _zone(self.name)
        assert zone is not None  # a LocaleZone is only made for a zone that loads
        return zone

    def offset_at(self, wall: datetime) -> timezone:
        """The fixed UTC offset the zone has at a naive wall-clock time (daylight saving time included)."""
        offset = wall.replace(tzinfo=self.info).utcoffset() or timedelta(0)
        return timezone(offset)

    def label(self) -> str:
        return f"+zone:{self.name}({self.reason})"


@lru_cache(maxsize=64)  # zones are rules (the tz database), not page content
def _zone(name: str) -> ZoneInfo | None:
    """The zone, or ``None`` where no time-zone database is installed (``tzdata`` on Windows)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def country_tld(url: str | None) -> str | None:
    """The URL's top-level domain when it is a two-letter country code (``www.bbc.co.uk`` -> ``uk``)."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".")
    except ValueError:
        return None
    label = host.rsplit(".", 1)[-1].lower()
    return label if len(label) == 2 and label.isalpha() and "." in host else None


def _made(name: str, reason: str) -> LocaleZone | None:
    return LocaleZone(name, reason) if _zone(name) is not None else None


def locale_zone(url: str | None, languages: Iterable[str] = (), texts: Iterable[str] = ()) -> LocaleZone | None:
    """The zone the page's locale points to (see the module's rules), or ``None``.

    ``languages``: the page's language tags, most trusted first (only the first counts); ``texts``: the date
    strings as the page wrote them.
    """
    tld = country_tld(url)
    if tld and tld not in GENERIC_CCTLDS:
        zone = COUNTRY_ZONES.get(tld)
        return _made(zone, f".{tld}") if zone else None
    first = next((m for text in languages if (m := _LANGUAGE.match(text.strip()))), None)
    if first is not None:
        language, region = first.group(1).lower(), (first.group(2) or "").lower()
        if region:
            zone = COUNTRY_ZONES.get(region)  # None: a region spanning several zones, or not listed
            return _made(zone, f"lang={language}-{region.upper()}") if zone else None
        zone = LANGUAGE_ZONES.get(language)  # None: a language spoken in several zones
        return _made(zone, f"lang={language}") if zone else None
    if any(_GERMAN_TIME.search(text) for text in texts):
        return _made("Europe/Berlin", "Uhr")
    return None
