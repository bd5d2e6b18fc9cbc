"""Captures of structured-data values with no template: the leaf values of a page's schema.org block, one a line.

No keys survive, so each field is recognised by the shape of its value and its neighbours: the group of ISO
timestamps (published, modified), the headline (agreement with the URL slug, repetition, position), person names
next to their profile URL, comma lists (keywords), the first picture that is no logo or portrait, the publisher's
name beside its logo.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timezone

from ..candidate import Candidate
from ..normalize.dates import parse_date
from .capture_lines import Line, is_cjk, is_lower_case, looks_like_name, names_in, slug_words, word_keys

SOURCE = "capture:values"
#: Fewer short labels in a row than this are no keyword list (a name and a role, a section and a place).
MIN_LABEL_RUN = 2
_AUTHOR_PATH = re.compile(
    r"/(?:authors?|autor(?:en|in)?|autoren|person|people|profile|profil|team|staff|redaktion|journalists?|"
    r"forfatter|writers?|contributors?|columnists?|reporters?|mywf|meet-the-team|die-redaktion|by)(?:/|$|[-_])",
    re.I,
)
_NOT_PICTURE = re.compile(
    r"logo|favicon|icon|avatar|placeholder|blank|spacer|pixel|sprite|no-thumb|gravatar|profile|author|autor|"
    r"journalist|redakce|staff|portrait",
    re.I,
)
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
_ROLE_LINE = re.compile(
    r"reporter|correspondent|editor|redakteur|korrespondent|journalist|jurnalis|producer|writer|columnist|redaktor|"
    r"autor|author|redactor|редактор|корреспондент",
    re.I,
)


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
    if len(slug) >= 2 and keys:
        covered = len(slug & keys)
        score += 2.0 * covered / len(slug) + 0.5 * covered / len(keys)
    score += 0.5 * (repeats > 1) + 0.4 * (1.0 - position)
    cjk = is_cjk(text)
    size = len(text) * (2.5 if cjk else 1)
    if text.endswith((".", "…")) and size > 60:
        score -= 1.2
    if size > 160:
        score -= 1.0
    if is_lower_case(text):
        score -= 2.0
    elif not cjk and line.words < 4:
        score -= 0.6
    if line.kind == "K" and all(len(item.split()) <= 3 for item in text.split(",")):
        score -= 1.5
    return score


def title(lines: list[Line], url: str | None) -> list[Candidate]:
    slug = slug_words(url)
    counts = Counter(line.text for line in lines)
    scored = [
        (headline_score(line, slug, counts[line.text], n / max(len(lines), 1)), -n, line)
        for n, line in enumerate(lines)
        if line.kind in "hnKp" and 10 <= len(line.text) <= 250
    ]
    if not scored:
        return []
    best = max(scored, key=lambda item: item[:2])[2]
    return [Candidate("title", best.text, f"{SOURCE}.headline", 0.75, {"line": str(best.index)})]


def _author_url(line: Line) -> bool:
    return line.kind == "U" and bool(_AUTHOR_PATH.search(line.text))


def _url_names(line: Line, name: str) -> bool:
    """The URL's path spells the name (``/autor/radek-nohl-1`` for ``Radek Nohl``)."""
    keys = word_keys(name)
    return bool(keys) and keys <= word_keys(line.text.rsplit("//", 1)[-1].partition("/")[2])


def authors(lines: list[Line], publisher_lines: set[int]) -> list[Candidate]:
    """Names beside their profile URL (strong); else the first names that are not the publisher's (weak)."""
    strong: list[Candidate] = []
    weak: list[Candidate] = []
    for position, line in enumerate(lines):
        if line.kind not in "nwhK" or len(line.text) > 80 or line.index in publisher_lines:
            continue
        near = lines[max(0, position - 6) : position + 7]
        adjacent = lines[max(0, position - 1) : position + 2]
        person = (line.kind == "n" or (line.kind in "hK" and names_in(line.text))) and not _NOT_PERSON.search(line.text)
        if (
            person
            and any(other.kind == "U" and _url_names(other, line.text) for other in near)
            or line.kind in "nw"
            and any(_author_url(o) and (person or _url_names(o, line.text)) for o in adjacent)
        ):
            strong.append(Candidate("authors", line.text, f"{SOURCE}.author", 0.75, {"line": str(line.index)}))
        elif person and (not weak or int(weak[-1].extra["line"]) >= lines[position - 1].index):
            weak.append(Candidate("authors", line.text, f"{SOURCE}.person", 0.4, {"line": str(line.index)}))
    return strong or weak


def images(lines: list[Line], author_lines: set[int]) -> list[Candidate]:
    """The first picture that is no logo, icon or author portrait; the others at a lower confidence."""
    found: list[Candidate] = []
    for position, line in enumerate(lines):
        if line.kind != "I":
            continue
        near_author = any(lines[k].index in author_lines for k in range(max(0, position - 2), position))
        if _NOT_PICTURE.search(line.text.rsplit("?", 1)[0]) or near_author:
            continue
        confidence = 0.75 if not found else 0.45
        found.append(Candidate("image", line.text, f"{SOURCE}.image", confidence, {"line": str(line.index)}))
    return found[:10]


def _label_runs(lines: list[Line]) -> list[list[Line]]:
    runs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.kind in "lwnh" and len(line.text) <= 60 and line.words <= 6 and not line.text.endswith("."):
            current.append(line)
        elif line.kind == "U" and current:
            continue
        else:
            if len(current) >= MIN_LABEL_RUN:
                runs.append(current)
            current = []
    if len(current) >= MIN_LABEL_RUN:
        runs.append(current)
    return runs


def tags(lines: list[Line], author_texts: set[str]) -> list[Candidate]:
    """Keywords: a comma list line; else the longest run of short labels that is no list of the authors."""
    for line in lines:
        if line.kind == "K" and not all(looks_like_name(item.strip()) for item in line.text.split(",")):
            return [Candidate("tags", line.text, f"{SOURCE}.keywords", 0.7, {"line": str(line.index)})]
    runs = [run for run in _label_runs(lines) if not {line.text for line in run} <= author_texts]
    if not runs:
        return []
    run = max(runs, key=len)
    return [Candidate("tags", line.text, f"{SOURCE}.labels", 0.5, {"line": str(line.index)}) for line in run]


def publisher(lines: list[Line]) -> list[Candidate]:
    """The publisher's name: a short line right before its logo or its home-page URL."""
    found: list[Candidate] = []
    for position, line in enumerate(lines[1:], start=1):
        previous = lines[position - 1]
        is_logo = line.kind == "I" and any(word in line.text.casefold() for word in ("logo", "icon"))
        if (is_logo or _ROOT_URL.match(line.text)) and previous.kind in "wnhl" and previous.words <= 5:
            found.append(
                Candidate(
                    "publisher_name", previous.text, f"{SOURCE}.publisher.name", 0.6, {"line": str(previous.index)}
                )
            )
    return found


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
    found = dates(lines) + title(lines, url)
    publishers = publisher(lines)
    publisher_names = {c.value for c in publishers}
    people = authors(lines, {line.index for line in lines if line.text in publisher_names})
    found += people
    author_indexes = {int(c.extra["line"]) for c in people}
    found += images(lines, author_indexes)
    found += tags(lines, {c.value for c in people})
    found += publishers[:1]
    found += texts(lines)
    return found
