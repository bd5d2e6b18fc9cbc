"""Captures of structured-data values with no template: the leaf values of a page's schema.org block, one a line.

No keys survive, so each field is recognised by the shape of its value and its neighbours: the group of ISO
timestamps (published, modified), the headline (agreement with the URL slug, repetition, position), person names
next to their profile URL, comma lists (keywords), the first picture that is no logo or portrait, the publisher's
name beside its logo.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set as AbstractSet
from datetime import datetime, timezone

from ..candidate import Candidate
from ..normalize.dates import parse_date
from ..normalize.urls import site_host
from ..rules import load
from .capture_lines import Line, is_cjk, is_lower_case, names_in, slug_words, word_keys
from .capture_values_topics import is_credit, is_role, short_label, tags

SOURCE = "capture:values"
#: Bonus for each repetition of a headline beyond the second (headline, name, og:title...), up to MAX_EXTRA_REPEATS.
REPEAT_BONUS = 0.25
MAX_EXTRA_REPEATS = 2
_VOCABULARY: dict[str, list[str]] = load("capture_values.json")


def _words(key: str) -> str:
    return "|".join(sorted((re.escape(word) for word in _VOCABULARY[key]), key=len, reverse=True))


_AUTHOR_PATH = re.compile(rf"/(?:{_words('author_path_words')})(?:/|$|[-_])", re.I)
#: Words of a logo's or placeholder's path (anywhere in it).
_LOGO = re.compile(_words("logo_words"), re.I)
#: Words of a portrait's file name (only the last path segment: an article's picture may sit below an author's path).
_PORTRAIT = re.compile(_words("portrait_words"), re.I)
#: A logo's rendition: at most this high, and this many times wider than high.
LOGO_MAX_HEIGHT = 100
LOGO_MIN_RATIO = 2.5
_NUMBER = re.compile(r"^\d{2,5}$")
_WORD = re.compile(r"[^\W_]+")
#: A kicker before the headline proper (``Neue Leipziger Schule: Judy Lybke, ...``).
_KICKER = re.compile(r"^(.{2,80}?)(?::|\s[|–—-])\s+(.+)$")
#: Share of the headline's words (after a kicker) that the URL slug must spell for the kicker to be dropped.
SLUG_COVER = 0.8
#: A headline's shape: a short kicker, a colon, then a phrase (``Silicon Valley Bank: Federal Reserve räumt ...``).
_KICKER_SHAPE = re.compile(r"^\S+(?:\s+\S+){0,4}:\s+\S+(?:\s+\S+){2}")
#: Bonus for a line of that shape (as strong a sign as being repeated): descriptions are sentences, captions end in a
#: credit, labels (``NLP Category: Business``) have a word or two after their colon.
KICKER_BONUS = 0.5
#: Words that make a capitalised line a role, a credit or an organisation rather than a person.
_NOT_PERSON = re.compile(
    r"images|photo|foto|getty|shutterstock|istock|reuters|afp|dpa|\binc\b|\bltd\b|gmbh|news|media|"
    r"reporter|correspondent|editor|redakteur|korrespondent|journalist|producer|writer|columnist|redaktor|"
    r"портрет|portrait",
    re.I,
)
_ROOT_URL = re.compile(r"^https?://[^/]+/?$", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d ()/-]{6,}\d")
_TRAILING_SIZES = re.compile(r"\s+(\d{2,4})\s+(\d{2,4})\s*$")


def contact_candidates(text: str, source: str, confidence: float) -> list[Candidate]:
    """A publisher contact line -> name, e-mail, telephone, legal name and logo sizes.

    ``Sputnik International feedback@sputniknews.com +74956456601 MIA „Rosiya Segodnya“ 252 60``
    """
    found: list[Candidate] = []
    sizes = _TRAILING_SIZES.search(text)
    if sizes:
        found.append(
            Candidate("publisher_logo", "", f"{source}.logo", confidence, {"width": sizes[1], "height": sizes[2]})
        )
        text = text[: sizes.start()]
    marks = [m for pattern in (_EMAIL, _PHONE) for m in pattern.finditer(text)]
    if not marks:
        return found
    marks.sort(key=lambda m: m.start())
    name = text[: marks[0].start()].strip(" ,;|·-")
    legal = text[marks[-1].end() :].strip(" ,;|·-")
    email = _EMAIL.search(text)
    phone = next((m for m in marks if m.re is _PHONE), None)
    for field, value in (
        ("publisher_name", name),
        ("publisher_email", email.group(0) if email else ""),
        ("publisher_telephone", phone.group(0).strip() if phone else ""),
        ("publisher_legal_name", legal),
    ):
        if value:
            found.append(Candidate(field, value, f"{source}.{field.removeprefix('publisher_')}", confidence))
    return found


def _instant(text: str) -> datetime | None:
    parsed = parse_date(text)
    if parsed is None:
        return None
    value = parsed.value
    return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value


def _timestamp_groups(lines: list[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for position, line in enumerate(lines):
        if line.kind != "D":
            continue
        if groups and lines[position - 1].kind == "D" and groups[-1][-1] is lines[position - 1]:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def dates(lines: list[Line]) -> list[Candidate]:
    """Published and modified from the largest group of adjacent timestamps (the article's own dates).

    Two timestamps: the earlier is the publication; three or more (created, published, modified): the middle one.
    """
    groups = _timestamp_groups(lines)
    if not groups:
        return []
    group = max(groups, key=len)  # max() keeps the first of equal sizes
    timed = [(instant, line) for line in group if (instant := _instant(line.text)) is not None]
    if not timed:
        return []
    ordered = sorted(timed, key=lambda pair: pair[0])
    published = ordered[0] if len(ordered) <= 2 else ordered[(len(ordered) - 1) // 2]
    found = [
        Candidate("published", published[1].text, f"{SOURCE}.datePublished", 0.8, {"line": str(published[1].index)})
    ]
    if len(ordered) >= 2 and ordered[-1][0] > published[0]:
        latest = ordered[-1][1]
        found.append(Candidate("modified", latest.text, f"{SOURCE}.dateModified", 0.75, {"line": str(latest.index)}))
    return found


def headline_score(line: Line, slug: set[str], repeats: int, position: float) -> float:
    """How much a line looks like the headline: slug agreement, repetition, an early place, a headline's shape."""
    text = line.text
    keys = word_keys(text)
    score = 0.0
    if len(slug) >= 3 and keys:
        covered = len(slug & keys)
        score += 2.0 * covered / len(slug) + 0.5 * covered / len(keys)
    score += 0.5 * (repeats > 1) + REPEAT_BONUS * min(max(repeats - 2, 0), MAX_EXTRA_REPEATS) + 0.4 * (1.0 - position)
    cjk = is_cjk(text)
    size = len(text) * (2.5 if cjk else 1)
    if text.endswith((".", "…")) and size > 60:
        score -= 1.2
    if size > 160:
        score -= 1.0
    elif ":" in text and _KICKER_SHAPE.match(text):
        score += KICKER_BONUS
    if not cjk and line.words < 4:
        score -= 0.6
    if line.kind == "K" and all(len(item.split()) <= 3 for item in text.split(",")):
        score -= 1.5
    return score


def without_kicker(text: str, slug: set[str]) -> str:
    """The headline without a kicker that the URL slug leaves out while it spells the rest.

    ``"Es wird bald beginnen": Trump spricht ...`` under ``/Trump-spricht-...-id30134161.html`` -> ``Trump spricht ...``
    """
    match = _KICKER.match(text)
    if not match or len(slug) < 3:
        return text
    kicker, rest = _WORD.findall(match[1]), _WORD.findall(match[2])
    spelled = sum(1 for word in rest if word_keys(word) & slug)
    if len(rest) >= 3 and not any(word_keys(word) & slug for word in kicker) and spelled >= SLUG_COVER * len(rest):
        return match[2].strip()
    return text


def title(lines: list[Line], url: str | None, slug: set[str] | None = None) -> list[Candidate]:
    if slug is None:
        slug = slug_words(url)
    counts = Counter(line.text for line in lines)
    scored = [
        (headline_score(line, slug, counts[line.text], n / max(len(lines), 1)), -n, line)
        for n, line in enumerate(lines)
        if line.kind in "hnKp"
        and 10 <= len(line.text) <= 250
        and not is_lower_case(line.text)
        and not is_credit(line.text)
    ]
    if not scored:
        return []
    best = max(scored, key=lambda item: item[:2])[2]
    text = without_kicker(best.text, slug)
    return [Candidate("title", text, f"{SOURCE}.headline", 0.75, {"line": str(best.index)})]


def _author_url(line: Line) -> bool:
    return line.kind == "U" and bool(_AUTHOR_PATH.search(line.text))


def _url_names(line: Line, name: str) -> bool:
    """The URL's path spells the name (``/autor/radek-nohl-1`` for ``Radek Nohl``)."""
    keys = word_keys(name)
    return bool(keys) and keys <= word_keys(line.text.rsplit("//", 1)[-1].partition("/")[2])


def _in_label_run(lines: list[Line], position: int) -> bool:
    """The line is one of three or more short labels in a row, not all names (keywords, sections; no author list)."""
    start = end = position
    while start > 0 and short_label(lines[start - 1]):
        start -= 1
    while end + 1 < len(lines) and short_label(lines[end + 1]):
        end += 1
    return end - start >= 2 and any(line.kind != "n" for line in lines[start : end + 1])


def _is_person(line: Line) -> bool:
    return (line.kind == "n" or (line.kind in "hK" and names_in(line.text))) and not _NOT_PERSON.search(line.text)


def _profile_name(lines: list[Line], position: int) -> Line | None:
    """The name a profile URL belongs to (``Person``: name, url; or url, name; or name, handle, url).

    The neighbour the URL spells first; else a neighbour that looks like a person; else the line before, when it
    is a short text and no role (``배윤경`` before ``/author/554``).
    """
    url = lines[position]
    before = lines[position - 1] if position else None
    after = lines[position + 1] if position + 1 < len(lines) else None
    earlier = lines[position - 2] if position >= 2 else None
    texts = [line for line in (before, after) if line is not None and line.kind in "nwhKlL" and len(line.text) <= 80]
    for line in texts:
        if _url_names(url, line.text):
            if line is before and line.words == 1 and earlier is not None and _is_person(earlier):
                return earlier  # name, handle, url
            return line
    for line in texts:
        if _is_person(line):
            return line
    if before is not None and before in texts and before.kind in "nw":
        if not is_role(before.text):
            return before
        if earlier is not None and _is_person(earlier):
            return earlier  # name, role, url
    return None


def _page_key(url: str) -> str:
    """Host and path of a URL, without scheme, ``www.``, query or trailing slash (to recognise the page's own URL)."""
    rest = url.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    return rest.removeprefix("www.").rstrip("/").casefold()


def authors(lines: list[Line], publisher_lines: set[int], page: str = "") -> list[Candidate]:
    """Names beside their profile URL (strong); else the first names that are not the publisher's (weak).

    A name is taken from beside a profile URL (:func:`_profile_name`) whatever its shape (``dpa`` after
    ``/autoren/dpa``); elsewhere it must look like a person's, and stand apart from runs of labels. The page's own
    URL spells its sections (``/fussball/premier-league/...``), no author.
    """
    own = _page_key(page) if page else ""
    strong: dict[int, Line] = {}
    weak: list[Candidate] = []
    for position, line in enumerate(lines):
        if _author_url(line):
            name = _profile_name(lines, position)
            if name is not None and name.index not in publisher_lines:
                strong.setdefault(name.index, name)
            continue
        if line.kind not in "nhK" or len(line.text) > 80 or line.index in publisher_lines or not _is_person(line):
            continue
        near = lines[max(0, position - 6) : position + 7]
        if any(other.kind == "U" and _page_key(other.text) != own and _url_names(other, line.text) for other in near):
            strong.setdefault(line.index, line)
        elif (not weak or int(weak[-1].extra["line"]) >= lines[position - 1].index) and not _in_label_run(
            lines, position
        ):
            weak.append(Candidate("authors", line.text, f"{SOURCE}.person", 0.4, {"line": str(line.index)}))
    if strong:
        return [
            Candidate("authors", line.text, f"{SOURCE}.author", 0.75, {"line": str(line.index)})
            for _, line in sorted(strong.items())
        ]
    return weak


def organisation_authors(lines: list[Line], publishers: list[Candidate]) -> list[Candidate]:
    """The publisher as the author, when its name is given twice (an ``Organization`` author, then the publisher).

    Low confidence and typed an organisation: the resolver takes it only when the capture names no person.
    """
    counts = Counter(line.text for line in lines)
    for candidate in publishers:
        if counts[candidate.value] >= 2:
            return [
                Candidate(
                    "authors",
                    candidate.value,
                    f"{SOURCE}.author.organization",
                    0.3,
                    {"kind": "organization", "line": candidate.extra.get("line", "")},
                )
            ]
    return []


def _sizes(lines: list[Line], position: int) -> tuple[int, int] | None:
    """The width and height on the two lines after an image's URL (``ImageObject``: url, width, height)."""
    following = lines[position + 1 : position + 3]
    if len(following) == 2 and all(_NUMBER.match(line.text) for line in following):
        return int(following[0].text), int(following[1].text)
    return None


def _logo_shape(url: str, sizes: tuple[int, int] | None) -> bool:
    """A vector drawing, or a short and wide rendition (``600 60``): a logo."""
    if url.split("?", 1)[0].casefold().endswith(".svg"):
        return True
    return bool(sizes and sizes[1] <= LOGO_MAX_HEIGHT and sizes[0] >= LOGO_MIN_RATIO * max(sizes[1], 1))


def _is_logo(url: str, sizes: tuple[int, int] | None, site_words: AbstractSet[str]) -> bool:
    """A logo by its path's words, by its rendition (short and wide) or by a file name after the site's name."""
    path = url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0]
    if _LOGO.search(path) or _logo_shape(url, sizes):
        return True
    name = "".join(ch for ch in path.rstrip("/").rsplit("/", 1)[-1].casefold() if ch.isalnum())
    return any(word in name for word in site_words)


def site_words(lines: list[Line], url: str | None, publisher_names: set[str]) -> set[str]:
    """Squashed names the site goes by (publisher names, host labels): a file named so is its logo."""
    words = {"".join(ch for ch in name.casefold() if ch.isalnum()) for name in publisher_names}
    words.update(label.replace("-", "") for label in site_host(url).split(".")[:-1])
    return {word for word in words if len(word) >= 5}


def _own_sizes(lines: list[Line], position: int, page: str) -> bool:
    """The sizes after a URL are its own (no image follows to claim them) and the URL is not the page's own."""
    following = lines[position + 3] if position + 3 < len(lines) else None
    return (following is None or following.kind != "I") and lines[position].text.split("?", 1)[0] != page


def images(
    lines: list[Line], author_lines: set[int], site: AbstractSet[str] = frozenset(), page: str = ""
) -> list[Candidate]:
    """The first picture that is no logo, icon or author portrait; the others at a lower confidence.

    A URL followed by a width and a height is a picture whatever its path (``ImageObject``: url, width, height).
    """
    found: list[Candidate] = []
    for position, line in enumerate(lines):
        sizes = _sizes(lines, position) if line.kind in "IU" else None
        if line.kind != "I" and not (line.kind == "U" and sizes and _own_sizes(lines, position, page)):
            continue
        before = range(max(0, position - 2), position)
        near_author = any(lines[k].index in author_lines for k in before)
        last = line.text.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        if _PORTRAIT.search(last) or near_author or _is_logo(line.text, sizes, site):
            continue
        confidence = 0.75 if not found else 0.35
        extra = {"line": str(line.index)}
        if sizes:
            extra.update(width=str(sizes[0]), height=str(sizes[1]))
        found.append(Candidate("image", line.text, f"{SOURCE}.image", confidence, extra))
    return found[:10]


def publisher(lines: list[Line]) -> list[Candidate]:
    """The publisher's name: a short line right before its logo or its home-page URL."""
    found: list[Candidate] = []
    for position, line in enumerate(lines[1:], start=1):
        previous = lines[position - 1]
        is_logo = line.kind == "I" and (
            any(word in line.text.casefold() for word in ("logo", "icon"))
            or _logo_shape(line.text, _sizes(lines, position))
        )
        if (is_logo or _ROOT_URL.match(line.text)) and previous.kind in "wnhl" and previous.words <= 5:
            found.append(
                Candidate(
                    "publisher_name", previous.text, f"{SOURCE}.publisher.name", 0.6, {"line": str(previous.index)}
                )
            )
    return found


#: The ``@id`` of a schema.org ``WebSite`` node (``https://example.com/#website``), as SEO plugins write it.
_WEBSITE_ID = re.compile(r"^https?://[^#\s]+#website$", re.I)
#: Most lines between a ``WebSite`` node's ``@id`` and its name (its ``url``).
_WEBSITE_NAME_REACH = 2
MAX_SITE_NAME_WORDS = 8


def website_name(lines: list[Line]) -> list[Candidate]:
    """The site's name: the first short line after a ``WebSite`` node's ``@id`` and URL
    (``https://example.com/#website``, ``https://example.com/``, ``Example News``)."""
    for position, line in enumerate(lines):
        if line.kind != "U" or not _WEBSITE_ID.match(line.text):
            continue
        for other in lines[position + 1 : position + 2 + _WEBSITE_NAME_REACH]:
            if other.kind == "U" and _ROOT_URL.match(other.text):
                continue
            if other.kind in "wnhl" and other.words <= MAX_SITE_NAME_WORDS:
                return [Candidate("site_name", other.text, f"{SOURCE}.website.name", 0.6, {"line": str(other.index)})]
            break
    return []


def texts(lines: list[Line]) -> list[Candidate]:
    """Body (the longest prose), description (the first shorter prose), language and copyright year."""
    found: list[Candidate] = []
    prose = [line for line in lines if line.kind == "p"]
    if prose:
        body = max(prose, key=lambda line: len(line.text))
        found.append(Candidate("body", body.text, f"{SOURCE}.articleBody", 0.6, {"line": str(body.index)}))
    for line in lines:
        if line.kind in "hp" and 60 <= len(line.text) <= 500 and line.text.rstrip().endswith((".", "!", "?", "…")):
            found.append(Candidate("description", line.text, f"{SOURCE}.description", 0.55, {"line": str(line.index)}))
            break
    locales = [line for line in lines if line.kind == "L"]
    if locales:
        found.append(Candidate("language", locales[0].text, f"{SOURCE}.inLanguage", 0.7))
    years = [line for line in lines if line.kind == "Y"]
    if len(years) == 1:
        found.append(Candidate("copyright_year", years[0].text, f"{SOURCE}.copyrightYear", 0.5))
    for line in lines:
        if line.kind == "C":
            found.extend(contact_candidates(line.text, f"{SOURCE}.publisher", 0.6))
            break
    return found


def extract(lines: list[Line], url: str | None) -> list[Candidate]:
    slug = slug_words(url)
    headline = title(lines, url, slug)
    found = dates(lines) + headline
    publishers = publisher(lines)
    website = website_name(lines)
    publisher_names = {c.value for c in publishers + website}
    publisher_lines = {line.index for line in lines if line.text in publisher_names}
    people = authors(lines, publisher_lines, url or "")
    found += people or organisation_authors(lines, publishers)
    author_indexes = {int(c.extra["line"]) for c in people}
    site = site_words(lines, url, publisher_names)
    found += images(lines, author_indexes, site, (url or "").split("?", 1)[0])
    described = texts(lines)
    excluded = {c.value for c in people} | publisher_names
    shown = headline + [c for c in described if c.field == "description"]
    excluded |= {text for c in shown if (text := _line_text(lines, c))}
    found += tags(lines, excluded, site, url, slug)
    found += publishers[:1] + website
    found += described
    return found


def _line_text(lines: list[Line], candidate: Candidate) -> str:
    """The text of the line a candidate came from."""
    index = candidate.extra.get("line")
    return next((line.text for line in lines if str(line.index) == index), "")
