"""Topics of values captures: a keywords list line, a run of short labels, or a lone label as the last resort
(and, weaker still, the sections the page's URL path names).

A schema.org block's ``keywords`` come as one list line (``Politics, Elections, Ohio``) or, when they were an
array, as a run of short lines; ``articleSection`` and ``about`` often sit right beside them. Breadcrumb
positions, a keyword holding a comma and the URL slug some keyword lists hold do not end a run. Lines that are
another field's value (authors, publisher, headline, description) are left out before looking.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from urllib.parse import unquote, urlsplit

from ..candidate import Candidate
from ..normalize.names import is_job_title
from ..normalize.urls import site_host
from ..rules import load
from .capture_lines import Line, is_lower_case, looks_like_name, slug_words

SOURCE = "capture:values"
#: Fewer short labels in a row than this are no keyword list (a name and a role, a section and a place).
MIN_LABEL_RUN = 2
#: Fewest items of a comma list on a long line (a keywords value longer than prose lines).
MIN_LONG_LIST = 5
#: Fewest items of a list with a separator other than the comma (``;``, ``|``): fewer is a title and a site name.
MIN_OTHER_LIST = 3
#: Labels a keywords list and a label run must share for the list to be taken as the run's full version.
MIN_SHARED = 2
#: Labels of a run ending in the same words as this many others are a CMS's codes (``NE State Wire``...).
MIN_CODE_FAMILY = 4
#: A lone label, the last resort, is no longer than this.
MAX_LONE_WORDS = 4
#: A breadcrumb's position is a small number.
MAX_CRUMB_POSITION = 20
#: Fewest words a line must share with the URL slug to be taken for it.
MIN_SLUG_WORDS = 3
#: A line of two comma-separated parts, one of this many words or more, is a phrase with a comma (a headline, a
#: quote: ``Überlegener Sieger, kuriose Kostüme und "royaler Besuch"``), no list of two keywords (``Lee Baker, CFP``).
MIN_PHRASE_WORDS = 4

_VOCABULARY: dict[str, list[str]] = load("capture_values.json")


def _words(key: str) -> str:
    return "|".join(sorted((re.escape(word) for word in _VOCABULARY[key]), key=len, reverse=True))


_NOT_TOPIC = re.compile(_words("not_topic_marks"), re.I)
_CREDIT_START = re.compile(rf"^\(?\s*(?:{_words('not_topic_marks')})", re.I)
#: Credits and agencies: a picture's or a text's source, never a topic.
_CREDIT = re.compile(rf"\b(?:{_words('credit_words')})\b", re.I)
#: A CMS's marker in upper case (``RED``, ``BLUE``), appended to keyword lists by some sites.
_CODE_WORD = re.compile(rf"^(?:{_words('code_words')})$")
#: A site's internal code (``welt.de:showcase``, ``elmundo.es:basic``): never a topic.
_PRODUCT_CODE = re.compile(r"^[\w-]+(?:\.[\w-]+)+:\w+$")
#: A house number or postcode (``48``, ``50А``, ``01032``): a list holding one is an address, not keywords.
_HOUSE_NUMBER = re.compile(r"^\d+\w?$")
_OTHER_SEPARATOR = re.compile(r"\s*[;|]\s*")
#: A label behind its key (``Category: Economy``): the key words open the label.
_LABEL_KEY = re.compile(rf"^(?:{_words('label_keys')})\s*:\s*(\S.*)$", re.I)
#: A section's name in a URL path: words of letters joined by hyphens (``world``, ``middle-east``), no id or date.
_SECTION_SEGMENT = re.compile(r"^[^\W\d_]{2,}(?:[-_][^\W\d_]+){0,2}$")
#: A language code in a path (``de``, ``en-us``): no section.
_LOCALE_SEGMENT = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2})?$", re.I)
_PATH_WORDS = frozenset(word.casefold() for word in _VOCABULARY["path_words"])
#: A lone label is a weak topic; the sections a page's URL path names are weaker still, and only looked for when
#: the capture gives no list or run of labels.
LONE_LABEL_CONFIDENCE = 0.3
URL_SECTION_CONFIDENCE = 0.2


def is_role(text: str) -> bool:
    """A job title (``Senior reporter``, ``Redakteur``, ``Sportredakteurin``)."""
    return any(is_job_title(word) for word in text.split())


def short_label(line: Line) -> bool:
    """A short text line: a name, a word, a lower-case label or a short phrase (no sentence)."""
    text = line.text
    return line.kind in "lwnh" and len(text) <= 60 and line.words <= 6 and not (text.endswith(".") and line.words > 3)


def is_credit(text: str) -> bool:
    """A picture's or a text's credit line (``© Jane Doe/dpa``, ``(Image: Getty Images)``).

    The mark opens the line (``Erstes Bild: So könnte ...`` is a headline) or is the copyright sign.
    """
    return "©" in text or bool(_CREDIT_START.match(text))


def topic_like(text: str) -> bool:
    """No path, credit, site code, CMS marker or role: something a topic label could be."""
    return not (
        text.startswith("/")
        or _NOT_TOPIC.search(text)
        or _PRODUCT_CODE.match(text)
        or _CODE_WORD.match(text)
        or is_role(text)
    )


def _label_runs(lines: list[Line], excluded: set[str], slug: AbstractSet[str]) -> list[list[Line]]:
    """Runs of short topic-like lines (URLs between them do not end a run: ``name, url`` pairs of ``about``)."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    spelled = len(slug) >= MIN_SLUG_WORDS
    for position, line in enumerate(lines):
        if spelled and line.kind in "lh" and _spells_slug(line, slug):
            continue
        if short_label(line) and line.text not in excluded and topic_like(line.text):
            current.append(line)
        elif current and line.kind == "K" and _short_items(line) and line.text not in excluded:
            current.append(line)  # a keyword holding a comma (``Lee Baker, CFP``) amid the others
        elif current and (line.kind == "U" or _crumb_position(lines, position)):
            continue
        else:
            if len(current) >= MIN_LABEL_RUN:
                runs.append(current)
            current = []
    if len(current) >= MIN_LABEL_RUN:
        runs.append(current)
    return [[line for line in run if not _coded(line, run)] for run in runs]


def _crumb_position(lines: list[Line], position: int) -> bool:
    """A breadcrumb's position number (``Lifestyle``, url, ``Lifestyle``, ``1``): a small number near a URL (the
    crumb's name, URL and position in some order)."""
    line = lines[position]
    if line.kind not in "NY" or not line.text.isdigit() or int(line.text) > MAX_CRUMB_POSITION:
        return False
    return any(other.kind == "U" for other in lines[max(0, position - 2) : position + 3])


def _short_items(line: Line) -> bool:
    """Every item of the comma list is a short label (a word or a name, no phrase)."""
    return all(0 < len(item.split()) < MIN_PHRASE_WORDS for item in line.text.split(","))


def _spells_slug(line: Line, slug: AbstractSet[str]) -> bool:
    """A lower-case line that spells the page's URL slug (``trump harris presidential election 2024 labor day``):
    some keyword lists hold it; it is no topic, and does not end the list."""
    if not is_lower_case(line.text):
        return False
    words = {word for word in line.text.split() if len(word) >= 3 and not any(ch.isdigit() for ch in word)}
    return len(words) >= MIN_SLUG_WORDS and words <= slug


def _coded(line: Line, run: list[Line]) -> bool:
    """One of a family of labels that differ only in their first word (``NE State Wire``, ``MN State Wire``...)."""
    words = line.text.split()
    if len(words) < 3:
        return False
    tail = words[1:]
    return sum(1 for other in run if other.text.split()[1:] == tail) >= MIN_CODE_FAMILY


def _list_items(line: Line) -> list[str]:
    """The items of a list line: comma-separated, or (three or more) semicolon- or pipe-separated."""
    text = line.text
    if "," in text:
        return [item.strip() for item in text.split(",")]
    items = _OTHER_SEPARATOR.split(text)
    return items if len(items) >= MIN_OTHER_LIST and line.kind in "Khp" else []


def _keyword_list(line: Line, excluded: set[str]) -> int:
    """How many items the line holds as a keywords list (0: no list)."""
    text = line.text
    if text in excluded or text.rstrip().endswith(("?", "!", ".", "…")):
        return 0
    items = _list_items(line)
    if len(items) < 2 or any(_HOUSE_NUMBER.match(item) for item in items):
        return 0
    if line.kind == "K":
        if len(items) == 2 and any(len(item.split()) >= MIN_PHRASE_WORDS for item in items):
            return 0
        return 0 if all(looks_like_name(item) for item in items) else len(items)
    separated = "," not in text
    if (
        line.kind in "hp"
        and (separated or (line.kind == "p" and len(items) >= MIN_LONG_LIST))
        and all(item and len(item) <= 60 and len(item.split()) <= 6 and not item.endswith(".") for item in items)
    ):
        return len(items)
    return 0


def _without_codes(text: str) -> str:
    """The list without a CMS's markers (``Politika, Domácí, RED`` -> ``Politika, Domácí``)."""
    separator = "," if "," in text else None
    items = text.split(separator) if separator else _OTHER_SEPARATOR.split(text)
    kept = [item for item in items if not _CODE_WORD.match(item.strip())]
    return (separator or ";").join(kept) if len(kept) < len(items) else text


def _folded(texts: list[str]) -> set[str]:
    return {text.strip().casefold() for text in texts if text.strip()}


def _prefer_list(size: int, line: Line, run: list[Line]) -> bool:
    """The list line wins over the longest run when it is as long, or when it repeats the run's labels."""
    shared = _folded(_list_items(line)) & _folded([label.text for label in run])
    return size >= len(run) or len(shared) >= MIN_SHARED


def _names_the_site(text: str, site: AbstractSet[str], host: AbstractSet[str] = frozenset()) -> bool:
    """The label holds one of the site's squashed names (``WorldTruth.Tv``, ``sermitsiaq`` on ``sermitsiaq.ag``),
    or a word of its host name as one of its words (``n-tv NACHRICHTEN`` on ``n-tv.de``)."""
    squashed = "".join(ch for ch in text.casefold() if ch.isalnum())
    return any(word in squashed for word in site) or any(
        word.strip("\"'.,:;()") in host for word in text.casefold().split()
    )


def host_words(url: str | None) -> frozenset[str]:
    """The words of the page's host name, without ``www`` and the top-level domain (``n-tv`` for ``www.n-tv.de``)."""
    return frozenset(label for label in site_host(url).split(".")[:-1] if len(label) >= 3)


def _lone_label(
    lines: list[Line], excluded: set[str], site: AbstractSet[str], host: AbstractSet[str]
) -> list[Candidate]:
    """The last short label of the capture (an ``articleSection`` or a one-word ``keywords``), at low confidence.

    Taken only when no list or run was found: no person, role, credit, code, site name or other field's value.
    """
    for line in reversed(lines):
        text = line.text
        if (
            line.kind in "wlh"
            and short_label(line)
            and line.words <= MAX_LONE_WORDS
            and text not in excluded
            and topic_like(text)
            and not _CREDIT.search(text)
            and not text.endswith((".", "!", "?", ":"))
            and not _names_the_site(text, site, host)
        ):
            return [Candidate("tags", text, f"{SOURCE}.label", LONE_LABEL_CONFIDENCE, {"line": str(line.index)})]
    return []


def url_sections(url: str | None) -> list[str]:
    """The sections the page's URL path names, before its last part (``/world/middle-east/slug-2024/`` ->
    ``world``, ``middle east``): lower-case words at the start of the path, up to the first date, id or headline;
    language codes and generic path words (``article``, ``news``) are passed over."""
    if not url:
        return []
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return []
    found: list[str] = []
    for segment in path.strip("/").split("/")[:-1]:
        if _LOCALE_SEGMENT.match(segment) or segment.casefold() in _PATH_WORDS:
            continue
        if not (_SECTION_SEGMENT.match(segment) and segment.islower()):
            break  # sections lead the path: a date, an id or a headline's words (``Entwurf-des-...``) end them
        found.append(segment.replace("-", " ").replace("_", " "))
    return found


def tags(
    lines: list[Line],
    excluded: set[str],
    site: AbstractSet[str] = frozenset(),
    url: str | None = None,
    slug: AbstractSet[str] | None = None,
) -> list[Candidate]:
    """Keywords: a list line, or a longer run of short labels (no authors, roles, title or site codes); when the
    capture has neither, a lone label and, at the lowest confidence, the sections the page's URL names (taken
    when the resolver finds the lone label is no topic after all: a code, the site's name).

    ``site``: the squashed names the site goes by (see :func:`.capture_values.site_words`); ``slug``: the words of
    the URL's path (:func:`.capture_lines.slug_words`), worked out here when not given.
    """
    if slug is None:
        slug = slug_words(url)
    found = _capture_tags(lines, excluded, site, host_words(url), slug)
    if found and found[0].confidence > LONE_LABEL_CONFIDENCE:
        return found
    return found + [
        Candidate("tags", section, f"{SOURCE}.url-section", URL_SECTION_CONFIDENCE) for section in url_sections(url)
    ]


def _capture_tags(
    lines: list[Line],
    excluded: set[str],
    site: AbstractSet[str],
    host: AbstractSet[str],
    slug: AbstractSet[str],
) -> list[Candidate]:
    listed = [(size, line) for line in lines if (size := _keyword_list(line, excluded))]
    runs = [run for run in _label_runs(lines, excluded, slug) if len(run) >= MIN_LABEL_RUN]
    runs = [run for run in runs if not {line.text for line in run} <= excluded]
    run = max(runs, key=len) if runs else []
    if listed and _prefer_list(listed[0][0], listed[0][1], run):
        line = listed[0][1]
        value = _without_codes(line.text)
        return [Candidate("tags", value, f"{SOURCE}.keywords", 0.7, {"line": str(line.index)})]
    if run:
        return [
            Candidate("tags", _without_key(line.text), f"{SOURCE}.labels", 0.5, {"line": str(line.index)})
            for line in run
        ]
    return _lone_label(lines, excluded, site, host)


def _without_key(text: str) -> str:
    """A label without the CMS's key before it (``Category: Economy`` -> ``Economy``)."""
    match = _LABEL_KEY.match(text)
    return match[1] if match else text
