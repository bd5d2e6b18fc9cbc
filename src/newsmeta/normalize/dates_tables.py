"""Data for :mod:`newsmeta.normalize.dates`: month names, time-zone abbreviations, relative-date words.

Tables only, no logic. Keys are lower case; accented and unaccented spellings are both listed where pages
write both. Month names cover en, de, fr, es, it, pt, nl, ru, pl, cs (full, abbreviated and genitive forms)
plus a few neighbours that cost nothing (sv, da/no, fi, ro, tr, hu, uk).
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> list[str]:
    return text.split()


def _months(*rows: str) -> dict[str, int]:
    """Twelve space-separated spelling groups (January first), each ``a|b|c``, -> ``{spelling: month}``."""
    table: dict[str, int] = {}
    for row in rows:
        groups = row.split()
        assert len(groups) == 12, row
        for month, group in enumerate(groups, start=1):
            for spelling in group.split("|"):
                table.setdefault(spelling, month)
    return table


#: Month spelling -> month number (1-12).
MONTHS: Final[dict[str, int]] = _months(
    # en
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep|sept oct nov dec",
    # de
    "januar|jänner|jaenner februar|feber märz|maerz|marz april mai juni juli august september oktober november "
    "dezember",
    "jan|jän febr mär|mrz apr mai jun jul aug sep|sept okt nov dez",
    # fr
    "janvier février|fevrier mars avril mai juin juillet août|aout septembre octobre novembre décembre|decembre",
    "janv févr|fevr|fév|fev mars avr mai juin juil août|aout sept oct nov déc|dec",
    # es
    "enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre noviembre diciembre",
    "ene feb mar abr may jun jul ago sep|set oct nov dic",
    # it
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "gen feb mar apr mag giu lug ago set ott nov dic",
    # pt
    "janeiro fevereiro março|marco abril maio junho julho agosto setembro outubro novembro dezembro",
    "jan fev mar abr mai jun jul ago set out nov dez",
    # nl
    "januari februari maart april mei juni juli augustus september oktober november december",
    "jan feb mrt apr mei jun jul aug sep okt nov dec",
    # ru: nominative, genitive, abbreviations
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "янв фев|февр мар апр май июн июл авг сен|сент окт ноя|нояб дек",
    # uk (genitive, as dates write them)
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    # pl: nominative, genitive, abbreviations
    "styczeń|styczen luty marzec kwiecień|kwiecien maj czerwiec lipiec sierpień|sierpien wrzesień|wrzesien "
    "październik|pazdziernik listopad grudzień|grudzien",
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września|wrzesnia października|pazdziernika "
    "listopada grudnia",
    "sty lut mar kwi maj cze lip sie wrz paź|paz lis gru",
    # cs: nominative, genitive
    "leden únor|unor březen|brezen duben květen|kveten červen|cerven červenec|cervenec srpen září|zari "
    "říjen|rijen listopad prosinec",
    "ledna února|unora března|brezna dubna května|kvetna června|cervna července|cervence srpna září|zari "
    "října|rijna listopadu prosince",
    # sv, da/no
    "januari februari mars april maj juni juli augusti september oktober november december",
    "januar februar marts|mars april maj|mai juni juli august september oktober november december|desember",
    # fi (partitive, as dates write them)
    "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta "
    "lokakuuta marraskuuta joulukuuta",
    # ro
    "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    # tr
    "ocak şubat|subat mart nisan mayıs|mayis haziran temmuz ağustos|agustos eylül|eylul ekim kasım|kasim aralık|aralik",
    # hu
    "január február március április május június július augusztus szeptember október november december",
)

#: Time-zone abbreviations -> UTC offset in minutes. Ambiguous ones (IST, CST in Asia...) take the reading
#: news pages use most; the generic US zones (ET, CT, MT, PT) are in :data:`US_GENERIC` (DST-dependent).
ZONES: Final[dict[str, int]] = {
    "utc": 0,
    "gmt": 0,
    "ut": 0,
    "z": 0,
    "wet": 0,
    "west": 60,
    "bst": 60,
    "ist": 330,
    "cet": 60,
    "cest": 120,
    "met": 60,
    "mest": 120,
    "mez": 60,
    "mesz": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "trt": 180,
    "gst": 240,
    "pkt": 300,
    "wib": 420,
    "ict": 420,
    "hkt": 480,
    "sgt": 480,
    "awst": 480,
    "jst": 540,
    "kst": 540,
    "acst": 570,
    "aest": 600,
    "aedt": 660,
    "nzst": 720,
    "nzdt": 780,
    "ast": -240,
    "adt": -180,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
    "akst": -540,
    "akdt": -480,
    "hst": -600,
    "brt": -180,
    "art": -180,
}

#: Generic US zone names -> standard offset in minutes (one hour more during US daylight saving time).
US_GENERIC: Final[dict[str, int]] = {"et": -300, "ct": -360, "mt": -420, "pt": -480}

#: Standard-time names that pages keep writing in summer (``5:50 pm CET`` in October, ``9 a.m. EST`` in July):
#: on a date in daylight saving time they mean the zone's local time, one hour more. US names follow US
#: dates, the others EU dates.
STANDARD_NAMES_US: Final = frozenset({"est", "cst", "mst", "pst"})
STANDARD_NAMES_EU: Final = frozenset({"cet", "met", "mez", "eet"})

#: Relative-date unit words (all languages) -> seconds per unit. Months and years are too coarse to give a
#: day and are left out on purpose.
UNITS: Final[dict[str, int]] = {
    word: seconds
    for seconds, words in (
        (
            1,
            "second seconds sec secs s sekunde sekunden sek seconde secondes segundo segundos secondo secondi "
            "seconde seconden секунду секунды секунд sekundę sekundy sekund sekundou sekundami",
        ),
        (
            60,
            "minute minutes min mins minuten minuto minutos minuti minuut минуту минуты минут мин minutę minuty "
            "minut minutou minutami",
        ),
        (
            3600,
            "hour hours hr hrs h stunde stunden std heure heures hora horas ora ore uur час часа часов ч "
            "godzinę godzine godziny godzin godz hodinou hodinami",
        ),
        (
            86400,
            "day days tag tagen jour jours día días dia dias giorno giorni dag dagen день дня дней dzień dzien "
            "dni dnem dny",
        ),
        (
            604800,
            "week weeks woche wochen semaine semaines semana semanas settimana settimane weken неделю недели "
            "недель tydzień tydzien tygodnie tygodni týdnem tydnem týdny tydny",
        ),
    )
    for word in words.split()
}

#: Words for "one" that stand for a number in relative dates ("an hour ago", "vor einer Stunde").
ONE: Final = frozenset(
    _words("a an one ein eine einem einer un une una uno um uma een одну один одна jedną jedna jeden jednou")
)

#: Words that make "N units" relative: before the number (``vor``, ``il y a``...) or after the unit (``ago``...).
RELATIVE_BEFORE: Final = ("il y a", "vor", "hace", "há", "před", "pred")
RELATIVE_AFTER: Final = ("ago", "fa", "atrás", "atras", "geleden", "назад", "temu", "sitten", "önce")

#: Day words -> days back from the reference.
DAY_WORDS: Final[dict[str, int]] = {
    **dict.fromkeys(
        _words("today heute aujourd'hui aujourd’hui hoy oggi hoje vandaag сегодня dzisiaj dziś dzis dnes idag"),
        0,
    ),
    **dict.fromkeys(_words("yesterday gestern hier ayer ieri ontem gisteren вчера wczoraj včera vcera igår igar"), 1),
    **dict.fromkeys(
        _words("vorgestern avant-hier anteayer anteontem eergisteren позавчера przedwczoraj předevčírem"), 2
    ),
}
