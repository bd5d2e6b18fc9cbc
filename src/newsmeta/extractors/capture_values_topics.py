"""Topics of values captures: a keywords list line, a run of short labels, or a lone label as the last resort
(and, weaker still, the sections the page's URL path names).

A schema.org block's ``keywords`` come as one list line (``Politics, Elections, Ohio``), a line of words joined
with spaces (``Cannes Messen Duisburg Investition``) or, when they were an array, as a run of short lines;
``articleSection`` and ``about`` often sit right beside them. Breadcrumb positions, a keyword holding a comma and
the URL slug some keyword lists hold do not end a run. Left out of a run: breadcrumbs to the page's parents, names
in capitals (bylines), the second of two lists starting alike when it is the shorter, the trailing labels naming
the URL's sections (the ``articleSection`` after the keywords), and a run made of the publisher's names. Lines that
are another field's value (authors, publisher, headline, description) are left out before looking.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from urllib.parse import unquote, urlsplit

from ..candidate import Candidate
from ..normalize.names import is_job_title
from ..normalize.urls import site_host
from ..rules import load
from .capture_lines import Line, is_lower_case, looks_like_name, slug_words, word_keys

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

#: Fewest words of a line of capitalised words with no punctuation for it to be a keywords list joined with spaces
#: (``Cannes Messen Duisburg Investition Städtebau``): fewer are a name, an organisation or a short title.
MIN_SPACED_KEYWORDS = 5
#: Largest share of a spaced keywords line's words that the URL slug may spell (more: a headline in title case).
MAX_SPACED_SLUG_SHARE = 1 / 3

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
#: A company's legal form, the last word of its legal name (``Insider Inc.``, ``Axel Springer SE``).
_LEGAL_FORMS = frozenset(word.casefold() for word in _VOCABULARY["legal_forms"])
#: The commonest short words of the languages newsmeta reads (``the``, ``for``, ``und``): a line in title case that
#: holds one is a title, a byline or a slogan (``By Jane Roe For The Daily Example``), no keywords joined with spaces.
_FUNCTION_WORDS = frozenset(
    str(word).casefold() for words in load("capture_languages.json")["words"].values() for word in words
)
#: Punctuation no keywords list joined with spaces holds (a sentence's, a title's, a list's other separators).
_SENTENCE_MARKS = re.compile(r"[.,:;!?\"“”„«»‹›|/–—]")
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


def _label_runs(
    lines: list[Line], excluded: set[str], slug: AbstractSet[str], page: str | None = None
) -> list[list[Line]]:
    """Runs of short topic-like lines (URLs between them do not end a run: ``name, url`` pairs of ``about``).

    ``page``: the page's URL; a breadcrumb leading to one of its parents is left out (:func:`_parent_crumb`).
    """
    runs: list[list[Line]] = []
    current: list[Line] = []
    spelled = len(slug) >= MIN_SLUG_WORDS
    parents = _parent_paths(page)
    for position, line in enumerate(lines):
        if spelled and line.kind in "lh" and _spells_slug(line, slug):
            continue
        if parents and line.kind in "wlhn" and _parent_crumb(lines, position, parents):
            continue
        if short_label(line) and line.text not in excluded and topic_like(line.text) and not _capitals_name(line):
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
    return [_one_list([line for line in run if not _coded(line, run)]) for run in runs]


def _capitals_name(line: Line) -> bool:
    """A person's name in capitals (``JANE ROE-SMITH``): a byline's style, no keyword."""
    return line.kind == "n" and line.text.isupper()


def _one_list(run: list[Line]) -> list[Line]:
    """Of a run holding two lists that start with the same label (keywords, then ``articleSection``: ``AI``,
    ``Generative AI``, ``RPA``, ``AI``, ``Enterprise``), the longer list (keywords outnumber sections); the first when
    they are as long.

    A label right after itself (a breadcrumb's name given twice) starts no second list.
    """
    if len(run) <= MIN_LABEL_RUN:
        return run
    first = run[0].text.casefold()
    for position in range(2, len(run)):
        if run[position].text.casefold() == first and run[position - 1].text.casefold() != first:
            head, tail = run[:position], run[position:]
            return head if len(head) >= len(tail) else tail
    return run


def _parent_paths(page: str | None) -> tuple[str, str] | None:
    """The page URL's host and path (without a trailing slash), to tell the URLs of its parents."""
    if not page:
        return None
    try:
        parts = urlsplit(page)
    except ValueError:
        return None
    return (parts.netloc.casefold().removeprefix("www."), parts.path.rstrip("/"))


def _is_parent(url: str, page: tuple[str, str], label: str) -> bool:
    """The URL is the site's home page, or a section above the page that the label names (``Gardening`` and
    ``/lifestyle/gardening/`` for ``/lifestyle/gardening/plants-...``)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host, path = parts.netloc.casefold().removeprefix("www."), parts.path.rstrip("/")
    if (host and host != page[0]) or not page[1].startswith(path + "/"):
        return False
    return not path or _names_section(label, word_keys(unquote(path.rsplit("/", 1)[-1])))


def _parent_crumb(lines: list[Line], position: int, page: tuple[str, str]) -> bool:
    """The label is a breadcrumb leading to the home page or a section above the page (its URL right before or
    after it): the site's navigation, no topic; a crumb leading elsewhere (a topic's page) stays."""
    label = lines[position].text
    return any(
        0 <= other < len(lines) and lines[other].kind == "U" and _is_parent(lines[other].text, page, label)
        for other in (position - 1, position + 1)
    )


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


def spaced_keywords(
    line: Line,
    excluded: AbstractSet[str],
    slug: AbstractSet[str],
    site: AbstractSet[str] = frozenset(),
    host: AbstractSet[str] = frozenset(),
) -> list[str]:
    """The items of a keywords list joined with spaces (``Cannes Messen Duisburg Investition Städtebau``): five or
    more words, each capitalised (or a parenthesis qualifying the word before: ``Frankfurt (Oder)``), no punctuation
    and no function word (a title, a byline or a slogan in title case), not the site's or a company's name, and few
    of them spelled by the URL slug (a headline in title case repeats its slug). Each word is one item: the bounds
    of keywords of several words are lost (``Wilfried Hark`` gives two items), the others are exact."""
    text = line.text
    if line.kind not in "nhp" or text in excluded or _SENTENCE_MARKS.search(text):
        return []
    items: list[str] = []
    for word in text.split():
        if word.startswith("(") and word.endswith(")") and items:
            items[-1] = f"{items[-1]} {word}"
        elif (word[0].isupper() or word[0].isdigit()) and word.casefold() not in _FUNCTION_WORDS:
            items.append(word)
        else:
            return []
    if len(items) < MIN_SPACED_KEYWORDS or _company_name(text) or _names_the_site(text, site, host):
        return []
    spelled = sum(1 for item in items if word_keys(item) & slug)
    return items if spelled <= MAX_SPACED_SLUG_SHARE * len(items) else []


def _company_name(text: str) -> bool:
    """The label ends in a legal form (``Insider Inc.``, ``Example Media GmbH``)."""
    words = text.split()
    return bool(words) and words[-1].casefold() in _LEGAL_FORMS


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


def _publisher_run(run: list[Line], site: AbstractSet[str], host: AbstractSet[str]) -> bool:
    """Every label of the run is one of the site's names or a company's legal name (``Business Insider``,
    ``Insider Inc.``): the publisher's ``name`` and ``legalName``, no keywords."""
    return all(_names_the_site(line.text, site, host) or _company_name(line.text) for line in run)


def host_words(url: str | None) -> frozenset[str]:
    """The words of the page's host name, without ``www`` and the top-level domain (``n-tv`` for ``www.n-tv.de``)."""
    return frozenset(label for label in site_host(url).split(".")[:-1] if len(label) >= 3)


def _lone_label(
    lines: list[Line],
    excluded: set[str],
    site: AbstractSet[str],
    host: AbstractSet[str],
    headline_words: AbstractSet[str] = frozenset(),
) -> list[Candidate]:
    """A short label of the capture (an ``articleSection`` or a one-word ``keywords``), at low confidence: the one
    the URL's headline slug spells (the story's subject: ``Weight Loss`` under ``/...-weight-loss-changes-...``,
    whatever its shape; not a section the path names before it), else the last.

    Taken only when no list or run was found: no person, role, credit, code, site name or other field's value.
    """
    labels = [line for line in lines if _lone_label_like(line, excluded, site, host)]
    spelled = [line for line in labels if _slug_spells(line.text, headline_words)] if headline_words else []
    last = [line for line in labels if line.kind in "wlh"]
    for line in (spelled or last)[-1:]:
        return [Candidate("tags", line.text, f"{SOURCE}.label", LONE_LABEL_CONFIDENCE, {"line": str(line.index)})]
    return []


def _lone_label_like(line: Line, excluded: set[str], site: AbstractSet[str], host: AbstractSet[str]) -> bool:
    """A short label that may stand alone as a topic (a name-shaped one only when the slug spells it)."""
    text = line.text
    return (
        line.kind in "wlhn"
        and short_label(line)
        and line.words <= MAX_LONE_WORDS
        and text not in excluded
        and topic_like(text)
        and not _CREDIT.search(text)
        and not text.endswith((".", "!", "?", ":"))
        and not _names_the_site(text, site, host)
    )


def _decoded_path(url: str | None) -> str:
    """The URL's path, percent-decoded; empty when there is no URL or it cannot be split."""
    if not url:
        return ""
    try:
        return unquote(urlsplit(url).path)
    except ValueError:
        return ""


def headline_slug(url: str | None) -> frozenset[str]:
    """The word keys of the URL path's last segment, the one made from the headline (``bariatric``, ``surgery``,
    ``weight``, ``loss``... for ``/health/bariatric-surgery-weight-loss-changes-2025-3``)."""
    segments = [segment for segment in _decoded_path(url).split("/") if segment]
    return word_keys(segments[-1]) if segments else frozenset()


def _slug_spells(text: str, slug: AbstractSet[str]) -> bool:
    """Every word of the label is a word of the URL slug."""
    words = text.split()
    return bool(words) and all(word_keys(word) & slug for word in words)


def _path_sections(url: str | None) -> list[frozenset[str]]:
    """The word keys of each segment of the URL's path before its last (language codes left out)."""
    segments = _decoded_path(url).strip("/").split("/")[:-1]
    return [word_keys(segment) for segment in segments if segment and not _LOCALE_SEGMENT.match(segment)]


def _names_section(text: str, section: frozenset[str]) -> bool:
    """The label is a section's name as its path segment spells it (``Wirtschaft`` / ``wirtschaft``,
    ``International-Business`` / ``international-business``, ``Städte`` / ``staedte``)."""
    return bool(section) and len(text.split()) <= len(section) and section <= word_keys(text)


def without_trailing_section(run: list[Line], url: str | None) -> list[Line]:
    """The run without the ``articleSection`` that follows the keywords: trailing labels naming sections of the URL
    path, the last of them its first section (``China``, ``Schulden``, ``Wirtschaft`` under ``/wirtschaft/...``).

    A keyword that names a deeper section (``Unternehmen`` under ``/wirtschaft/unternehmen/``) stays; so does a run
    no longer than :data:`MIN_LABEL_RUN`.
    """
    sections = _path_sections(url)
    if not sections or len(run) <= MIN_LABEL_RUN or not _names_section(run[-1].text, sections[0]):
        return run
    end = len(run)
    while end > MIN_LABEL_RUN and any(_names_section(run[end - 1].text, section) for section in sections):
        end -= 1
    return run[:end]


def url_sections(url: str | None) -> list[str]:
    """The sections the page's URL path names, before its last part (``/world/middle-east/slug-2024/`` ->
    ``world``, ``middle east``): lower-case words at the start of the path, up to the first date, id or headline;
    language codes and generic path words (``article``, ``news``) are passed over."""
    found: list[str] = []
    for segment in _decoded_path(url).strip("/").split("/")[:-1]:
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
    found = _capture_tags(lines, excluded, site, host_words(url), slug, url)
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
    url: str | None = None,
) -> list[Candidate]:
    listed = [(size, line) for line in lines if (size := _keyword_list(line, excluded))]
    runs = [run for run in _label_runs(lines, excluded, slug, url) if len(run) >= MIN_LABEL_RUN]
    runs = [run for run in runs if not {line.text for line in run} <= excluded and not _publisher_run(run, site, host)]
    run = without_trailing_section(max(runs, key=len), url) if runs else []
    if listed and _prefer_list(listed[0][0], listed[0][1], run):
        line = listed[0][1]
        value = _without_codes(line.text)
        return [Candidate("tags", value, f"{SOURCE}.keywords", 0.7, {"line": str(line.index)})]
    spaced = [] if listed else _spaced_list(lines, excluded, slug, site, host)
    if spaced and len(spaced[0].value.split(", ")) >= len(run):
        return spaced
    if run:
        return [
            Candidate("tags", _without_key(line.text), f"{SOURCE}.labels", 0.5, {"line": str(line.index)})
            for line in run
        ]
    return _lone_label(lines, excluded, site, host, headline_slug(url))


def _spaced_list(
    lines: list[Line], excluded: set[str], slug: AbstractSet[str], site: AbstractSet[str], host: AbstractSet[str]
) -> list[Candidate]:
    """The first keywords list joined with spaces (:func:`spaced_keywords`), its items joined with commas."""
    for line in lines:
        items = spaced_keywords(line, excluded, slug, site, host)
        if items:
            return [Candidate("tags", ", ".join(items), f"{SOURCE}.keywords.spaced", 0.6, {"line": str(line.index)})]
    return []


def _without_key(text: str) -> str:
    """A label without the CMS's key before it (``Category: Economy`` -> ``Economy``)."""
    match = _LABEL_KEY.match(text)
    return match[1] if match else text
