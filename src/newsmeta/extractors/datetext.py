"""Dates in the DOM: ``<time>`` elements, and the dates a page shows in its text.

- :func:`extract` (primary, cheap): ``<time>`` elements from the document's tag index, those in the article and
  marked ``pubdate`` first; none from comments, related posts or other pages' teasers.
- :func:`extract_dates` (fallback, for pages with no strong publication date): one XPath for the text nodes that
  hold a year; headlines and hAtom ``abbr`` dates from the document's tag index (no further walk); elements
  stating a date in an attribute (``itemprop``/RDFa ``property`` = ``datePublished``, ``schema:dateCreated``,
  ``dcterms:issued``... with ``content``/``datetime``), searched only on pages declaring an RDFa vocabulary.
  Each date found is scored by where it stands: the class/id of its element and near ancestors, the words just
  before it ("Published", "Updated", "©"), its nearness to the headline, and whether it links to another page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import NamedTuple

from lxml import etree

from ..candidate import Candidate
from ..document import Document, Element
from ..normalize.dates import ParsedDate, find_dates, parse_date
from ..normalize.dates_cues import (
    BODY_CLASS,
    DATE_CLASS,
    OTHER_CLASS,
    OTHER_TAGS,
    OTHER_WORDS,
    PUBLISHED_WORDS,
    UPDATED_WORDS,
    WRAPPER_CLASS,
)
from ..normalize.dates_url import url_date, url_path
from ._text import element_text

TIME_CONFIDENCE = 0.5
#: Text-found dates stay below this: the page's structured data, when it has any, speaks first.
MAX_TEXT_CONFIDENCE = 0.55
#: How many dates (distinct days) the text search proposes, best first.
MAX_TEXT_CANDIDATES = 3
#: Only the start of a long text node is searched: a date that opens a paragraph may be a dateline, one deep
#: inside it is what the article talks about.
HEAD_CHARS = 60
SHORT_TEXT = 200
EARLIEST = date(1990, 1, 1)
#: A day shown again adds this much, up to the max (a page's date often shows twice: header and footer).
REPEAT_BONUS = 0.02
MAX_REPEAT_BONUS = 0.04

#: Text nodes that may hold a date with a four-digit year (one pass, in C; parents are checked in Python).
_TEXTS = etree.XPath("descendant::text()[contains(., '20') or contains(., '19')]")
_BODY_TEXTS = etree.XPath("/html/body/descendant::text()[contains(., '20') or contains(., '19')]")
_OWN_TEXTS = etree.XPath("text()[contains(., '20') or contains(., '19')]")
#: A cheap test before the date search: every date :func:`find_dates` reads has a four-digit year or the
#: ``dd.mm.yy`` shape.
_MAY_HOLD_DATE = re.compile(r"(?:1[89]|2[01])\d\d|\d\s?[./|-]\s?\d\d?\s?[./|-]\s?\d\d")
#: Elements whose text is never shown as a date of the page.
_SKIP_PARENTS = frozenset({"script", "style", "noscript", "textarea", "option", "template"})
#: ``itemprop``/RDFa ``property`` names (prefix such as ``schema:`` or ``dcterms:`` dropped, lower case) of an
#: element stating the page's date in its ``content``/``datetime`` attribute -> the field it states.
_STATED_FIELDS = {
    "datepublished": "published",
    "datecreated": "published",
    "created": "published",
    "issued": "published",
    "datemodified": "modified",
    "modified": "modified",
}
#: Elements stating a date in an RDFa attribute, searched only on pages whose ``<html>`` declares schema.org or
#: Dublin Core RDFa (``prefix``, ``vocab``, ``xmlns:``); ``itemprop`` is read on the indexed ``meta`` and
#: ``time`` elements, and the microdata extractor reads the rest.
_STATED = etree.XPath("//*[@property][@content or @datetime]")
_RDFA_VOCABULARIES = ("schema.org", "purl.org/dc/")
#: Publication dates in a page's own JSON (app state, not JSON-LD): ``"publishedDate": "2016-11-04T20:37:27Z"``.
_JSON_DATE_KEYS = r"datePublished|publishedDate|publishDate|published_at|publishedAt|firstPublished|pubDate"
_JSON_DATE = re.compile(rf'"(?:{_JSON_DATE_KEYS})"\s*:\s*"([^"]{{8,40}})"')
#: Where :data:`_JSON_DATE` may start in a page's UTF-8 bytes: a quote before a key and its closing quote.
_JSON_KEY = re.compile(rf'"(?=(?:{_JSON_DATE_KEYS})")'.encode())
#: The key, and the colon after it: :data:`_JSON_DATE` is decided at most 42 characters further.
_JSON_HEAD = re.compile(rf'"(?:{_JSON_DATE_KEYS})"\s*(?::\s*)?')
#: Bytes after a key decoded at once to read its value (the page is decoded only where a key stands).
_JSON_WINDOW = 1024
JSON_CONFIDENCE = 0.4
_ARTICLE_TAGS = frozenset({"article", "main"})
_HEADINGS = frozenset({"h1", "h2", "h3"})
_PLAIN_TAGS = frozenset({"html", "body"})


class _Context(NamedTuple):
    """What an element's ancestry says about the dates in it (a tuple: made once per element of a chain)."""

    other: bool = False  # in comments, related posts, sidebars, page footers...
    dated_depth: int = 99  # levels up to the nearest element with a date-like class/id/itemprop
    link: str | None = None  # the href of the enclosing link
    article: bool = False
    head: bool = False
    heading: bool = False  # inside h1-h3: a date there is part of a headline
    body: bool = False  # inside the article's running text


_PARTS = re.compile(r"[-_\s]+")
_WORDS = re.compile(r"\w+")


#: :data:`OTHER_CLASS` without its end anchors: a cheap test that the whole string holds none of its words.
_OTHER_ANYWHERE = re.compile(OTHER_CLASS.pattern.replace("$", ""))


def _is_other(attrs: str) -> bool:
    """Whether a class/id/itemprop marks other content (see :data:`OTHER_CLASS`), wrappers aside."""
    if not _OTHER_ANYWHERE.search(attrs):  # no token part can start with such a word
        return False
    return any(
        not WRAPPER_CLASS.search(token) and any(OTHER_CLASS.match(part) for part in _PARTS.split(token))
        for token in attrs.split()
    )


class _Names(NamedTuple):
    """Where an element's class/id/itemprop (lower case) puts it, computed once per distinct string."""

    other: bool  # other content (comments, related posts...)
    article_footer: bool  # the article's own footer, not its comments
    article: bool


@lru_cache(maxsize=4096)
def _names(attrs: str) -> _Names:
    return _Names(
        other=_is_other(attrs),
        article_footer="footer" in attrs and "comment" not in attrs,
        article="articlebody" in attrs,
    )


@lru_cache(maxsize=4096)
def _scoring_names(attrs: str) -> tuple[bool, bool]:
    """Whether a class/id/itemprop (lower case) marks a date-holding element, and the article's running text."""
    return bool(DATE_CLASS.search(attrs)), bool(BODY_CLASS.search(attrs))


_NO_NAMES = _Names(other=False, article_footer=False, article=False)


def _child(parent: _Context, element: Element, scoring: bool) -> _Context:
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction
        tag = ""
    elif tag in _PLAIN_TAGS:
        return parent
    attrs = " ".join(filter(None, (element.get(b"class"), element.get(b"id"), element.get(b"itemprop")))).lower()
    names = _names(attrs) if attrs else _NO_NAMES
    dated, body = _scoring_names(attrs) if scoring and attrs else (False, False)
    other = parent.other or (tag in OTHER_TAGS and not (tag == "footer" and parent.article))
    if not other:
        other = names.other and not (parent.article and names.article_footer)
    return _Context(
        other,
        0 if dated else parent.dated_depth + 1,
        element.get(b"href") if tag == "a" else parent.link,
        parent.article or tag in _ARTICLE_TAGS or names.article,
        parent.head or tag == "head",
        parent.heading or tag in _HEADINGS,
        parent.body or body,
    )


class _Contexts:
    """Contexts of elements, each ancestor computed once per document.

    Without ``scoring`` (ranking ``<time>`` elements), the fields only a text date's score reads (``dated_depth``,
    ``body``) are left unset, and their class searches skipped.
    """

    def __init__(self, scoring: bool = True) -> None:
        self._cache: dict[Element, _Context] = {}
        self._scoring = scoring

    def of(self, element: Element) -> _Context:
        chain: list[Element] = []
        node: Element | None = element
        while node is not None and node not in self._cache:
            chain.append(node)
            node = node.getparent()
        context = self._cache[node] if node is not None else _Context()
        for item in reversed(chain):
            context = self._cache[item] = _child(context, item, self._scoring)
        return context


def _text(element: Element) -> str:
    if not isinstance(element.tag, str):  # a comment or processing instruction
        return ""
    return element_text(element)


def extract(doc: Document) -> list[Candidate]:
    """``<time>`` elements, those inside the article and marked ``pubdate`` first."""
    times = doc.by_tag["time"]
    if not times:
        return []
    contexts = _Contexts(scoring=False)
    kept = [(t, contexts.of(t)) for t in times]
    kept = [(t, c) for t, c in kept if not c.other and not _links_elsewhere(c.link, doc.url, None)]
    ranked = sorted(kept, key=lambda tc: (not tc[1].article, tc[0].get("pubdate") is None))
    found: list[Candidate] = []
    for rank, (element, _) in enumerate(ranked[:3]):
        value = (element.get("datetime") or "").strip() or _text(element)
        if value:
            found.append(Candidate("published", value, "dom:time@datetime", TIME_CONFIDENCE - 0.1 * rank))
    return found


def _same_page(href: str, page: str | None) -> bool:
    """Whether ``href`` is the page itself (not a fragment of it, such as a comment's permalink)."""
    if not page or "#" in href or "?" in href or href.startswith(("javascript:", "mailto:")):
        return False
    target = url_path(href if "//" in href else "http://x/" + href.lstrip("/")).rstrip("/").lower()
    return bool(target) and target == url_path(page).rstrip("/").lower()


def _links_elsewhere(href: str | None, page: str | None, day: date | None) -> bool:
    """Whether a date inside a link to ``href`` belongs to another page (a teaser, a related post)."""
    if not href or href.startswith(("#", "javascript:", "mailto:")) or _same_page(href, page):
        return False
    linked = url_date(href if "//" in href else "http://x/" + href.lstrip("/"))
    return not (linked and linked.day and day and linked.covers(day))  # a link to the day's archive is fine


@dataclass(slots=True)
class _Hit:
    parsed: ParsedDate
    field: str
    score: float
    tag: str
    element: Element
    head: bool = False


def _latest(doc: Document) -> date:
    captured = doc.captured
    if isinstance(captured, datetime):
        return captured.date() + timedelta(days=1)
    if isinstance(captured, date):
        return captured + timedelta(days=1)
    return datetime.now(timezone.utc).date() + timedelta(days=1)


def _before(node: etree._ElementUnicodeResult) -> str:
    """Up to 50 characters of the text before a text node: the element before it, or its parent's label."""
    parent = node.getparent()
    if parent is None:
        return ""
    if node.is_tail:
        return _text(parent)[-50:]
    previous = parent.getprevious()
    if previous is not None:
        return (_text(previous) + " " + (previous.tail or "")).strip()[-50:]
    grandparent = parent.getparent()
    return (grandparent.text or "").strip()[-50:] if grandparent is not None else ""


def _cue(before: str) -> str | None:
    """``"other"``, ``"modified"``, ``"published"`` or ``None``, from the words just before a date."""
    if not before:
        return None
    if OTHER_WORDS.search(before):
        return "other"
    if UPDATED_WORDS.search(before):
        return "modified"
    if PUBLISHED_WORDS.search(before):
        return "published"
    return None


def _property(element: Element) -> str:
    """The date property an element states (``itemprop``, or RDFa ``property`` outside ``meta``, where it is
    Open Graph's), lower case and without its vocabulary prefix: ``dc:date dc:created`` -> ``created``."""
    names = element.get(b"itemprop") or (element.get(b"property") if element.tag != "meta" else None)
    if not names:
        return ""
    local = [name.rpartition(":")[2].lower() for name in names.split()]
    return next((name for name in local if name in _STATED_FIELDS), local[0] if local else "")


def _attribute_hit(element: Element, context: _Context) -> _Hit | None:
    """An element that states a date in an attribute (``itemprop`` content/datetime, hAtom ``abbr@title``)."""
    if element.tag == "abbr":
        field = "modified" if "updated" in (element.get("class") or "") else "published"
        value = element.get("title") or ""
    else:
        field = _STATED_FIELDS.get(_property(element), "published")
        value = element.get("content") or element.get("datetime") or _text(element)
    parsed = parse_date(value)
    return _Hit(parsed, field, 0.5, f"{element.tag}@attribute", element, context.head) if parsed else None


def _text_hits(
    node: etree._ElementUnicodeResult, contexts: _Contexts, doc: Document, holder: Element
) -> list[_Hit]:
    """The dates in one text node (or, for a date split over elements, in its element's text), scored."""
    text = str(node)
    stripped = text.strip()
    if not stripped:
        return []
    if len(stripped) > SHORT_TEXT:
        offset = len(text) - len(text.lstrip())
        text = text[: offset + HEAD_CHARS]
    found = find_dates(text, limit=3) if _MAY_HOLD_DATE.search(text) else []
    if not found and len(stripped) < 12:
        # a date split over elements: <span>12.</span> <span>März</span> <span>2019</span>
        wrapper: Element | None = holder
        for _ in range(2):
            if wrapper is None or len(text := _text(wrapper)) > SHORT_TEXT:
                break
            found = find_dates(text, limit=1)
            if found:
                holder = wrapper
                break
            wrapper = wrapper.getparent()
    if not found:
        return []
    context = contexts.of(holder)
    if context.other and not (context.link and _same_page(context.link, doc.url)):
        return []
    owner = node.getparent()
    tag = owner.tag if owner is not None and isinstance(owner.tag, str) else "text"
    length = len(text.strip())
    hits: list[_Hit] = []
    for parsed, (start, end) in found:
        if _links_elsewhere(context.link, doc.url, parsed.value.date()):
            continue
        cue = _cue(text[:start].strip()[-50:] or _before(node))
        if cue == "other":
            continue
        score = _score(context, cue, length - (end - start), doc)
        hits.append(_Hit(parsed, cue or "published", score, tag, holder, context.head))
    return hits


def _score(context: _Context, cue: str | None, rest: int, doc: Document) -> float:
    """A text date's base score, from its element's context, the words before it and the text around it."""
    if context.head or (context.heading and rest > 30):
        return 0.3
    score = 0.3 + (0.1 if context.dated_depth <= 2 else 0.0) + (0.05 if context.article else 0.0)
    score -= 0.1 if context.body else 0.0
    score += 0.1 if cue else 0.0
    score += 0.1 if context.link and _same_page(context.link, doc.url) else 0.0
    # a dateline is short; a date inside a sentence is what the text talks about
    score += 0.05 if rest <= 30 else (-0.1 if rest > 60 else 0.0)
    return score


def _words(text: str) -> set[str]:
    return {w for w in _WORDS.findall(text.lower()) if len(w) > 2}


def _headline(headings: list[Element], contexts: _Contexts, title: str) -> Element | None:
    """The article's headline: the ``h1``, ``h2`` or title-classed ``h3`` sharing most words with the
    page title (at least half of the title's words); else the first ``h1`` in the article, else the first
    ``h1`` with a few words. Headings in other content (teasers, sidebars) never count; contexts are computed
    only for the headings looked at."""
    texts = [(element, _text(element)) for element in headings]
    title_words = _words(title)
    if title_words:
        ranked = sorted(
            ((len(_words(text) & title_words), order) for order, (_, text) in enumerate(texts)), key=lambda so: -so[0]
        )
        for shared, order in ranked:
            element = texts[order][0]
            if not contexts.of(element).other:
                if shared >= max(2, len(title_words) // 2):
                    return element
                break
    kept = [(element, text) for element, text in texts if not contexts.of(element).other]
    if not kept:
        return None
    h1s = [(element, text) for element, text in kept if element.tag == "h1"] or kept
    for element, _ in h1s:
        if contexts.of(element).article:
            return element
    return next((element for element, text in h1s if len(text) >= 10), h1s[0][0])


def _nearness(headline: Element | None) -> dict[Element, int]:
    """The headline's ancestors (and itself) -> how many levels above the headline each is."""
    if headline is None:
        return {}
    return {element: level for level, element in enumerate((headline, *headline.iterancestors()))}


def _proximity(element: Element, levels: dict[Element, int]) -> float:
    """Bonus for a date in the headline's block: the fewer levels up to an ancestor shared with it, the more."""
    node: Element | None = element
    steps = 0
    while node is not None and node not in levels and steps < 12:
        node, steps = node.getparent(), steps + 1
    if node is None or node not in levels:
        return 0.0
    return {0: 0.05, 1: 0.15, 2: 0.12, 3: 0.08, 4: 0.04}.get(levels[node], 0.0) if steps <= 6 else 0.0


def extract_dates(doc: Document) -> list[Candidate]:
    """Dates the page shows, for pages with no structured publication date."""
    if doc.tree is None:
        return []
    contexts = _Contexts()
    latest = _latest(doc)
    hits: list[_Hit] = []
    tags = doc.by_tag
    for element in tags["abbr"]:
        hits.extend(_stated(element, contexts))
    for element in _stating_elements(doc):
        if _property(element) in _STATED_FIELDS:
            hits.extend(_stated(element, contexts))
    for node in _year_texts(doc):
        owner = node.getparent()
        if owner is None or owner.tag in _SKIP_PARENTS:
            continue
        if owner.tag == "time" and owner.get("datetime") and not node.is_tail:
            continue  # <time datetime> elements are read by extract()
        holder = owner.getparent() if node.is_tail and owner.getparent() is not None else owner
        hits.extend(_text_hits(node, contexts, doc, holder))
    hits = [hit for hit in hits if EARLIEST <= hit.parsed.value.date() <= latest]
    if not hits:
        return _json_date(doc)
    titles = tags["title"]
    titled = (e for e in doc.tree.iter("h3") if "title" in (e.get("class") or ""))
    headline = _headline([*tags["h1"], *tags["h2"], *titled], contexts, _text(titles[0]) if titles else "")
    return _candidates(hits, headline) + _json_date(doc)


def _year_texts(doc: Document) -> list[etree._ElementUnicodeResult]:
    """Text nodes that may hold a year: the page title's and the body's (one XPath over the body, in C)."""
    tree = doc.tree
    if tree is None:
        return []
    body = tree.find("body") if tree.tag == "html" else None
    if body is None:
        return list(_TEXTS(tree))
    titles = [
        node
        for title in doc.by_tag["title"]
        if title.getparent() is not None and title.getparent().tag == "head"
        for node in _OWN_TEXTS(title)
    ]
    return [*titles, *_BODY_TEXTS(tree)]


def _stating_elements(doc: Document) -> list[Element]:
    """Elements that may state a date in an attribute: the indexed ``meta`` and ``time`` elements, and any with
    an RDFa ``property`` on a page that declares an RDFa vocabulary (only then is the tree searched)."""
    indexed = [*doc.by_tag["meta"], *doc.by_tag["time"]]
    roots = doc.by_tag["html"]
    declared = " ".join(roots[0].attrib.values()).lower() if roots else ""
    if doc.tree is not None and any(vocabulary in declared for vocabulary in _RDFA_VOCABULARIES):
        indexed.extend(e for e in _STATED(doc.tree) if e.tag not in ("meta", "time"))
    return indexed


def _stated(element: Element, contexts: _Contexts) -> list[_Hit]:
    context = contexts.of(element)
    if context.other:
        return []
    hit = _attribute_hit(element, context)
    return [hit] if hit else []


def _json_date(doc: Document) -> list[Candidate]:
    """The first publication date in the page's scripts' own JSON, when the page has no JSON-LD date."""
    if not doc.source or not doc.mentions("ublish"):
        return []
    value = _first_json_date(doc.source)
    if value is None or parse_date(value) is None:
        return []
    return [Candidate("published", value, "dom:script.json", JSON_CONFIDENCE)]


def _first_json_date(source: str | bytes) -> str | None:
    """What :data:`_JSON_DATE` finds first in the page's text; for UTF-8 bytes, only the text after each key is
    decoded (the same text: a quote is never part of a longer UTF-8 sequence, even an invalid one)."""
    if isinstance(source, str):
        match = _JSON_DATE.search(source)
        return match.group(1) if match else None
    for key in _JSON_KEY.finditer(source):
        start = key.start()
        chunk = source[start : start + _JSON_WINDOW]
        text = chunk.decode("utf-8", errors="replace")
        match = _JSON_DATE.match(text)
        if match is None and len(chunk) == _JSON_WINDOW:
            head = _JSON_HEAD.match(text)
            if head is None or head.end() + 45 >= len(text):  # cut before the pattern could decide
                match = _JSON_DATE.match(source[start:].decode("utf-8", errors="replace"))
        if match is not None:
            return match.group(1)
    return None


def _candidates(hits: list[_Hit], headline: Element | None) -> list[Candidate]:
    """The best days among the hits, as candidates: nearness to the headline and repetition count."""
    levels = _nearness(headline)
    best: dict[tuple[str, date], tuple[float, _Hit]] = {}
    for hit in hits:
        if not hit.head:
            hit.score += _proximity(hit.element, levels)
        key = (hit.field, hit.parsed.value.date())
        previous = best.get(key)
        if previous is None:
            best[key] = (hit.score, hit)
        else:
            top = previous[1] if previous[1].score >= hit.score else hit
            best[key] = (min(max(previous[0], hit.score) + REPEAT_BONUS, top.score + MAX_REPEAT_BONUS), top)
    ranked = sorted(best.values(), key=lambda sh: -sh[0])
    found: list[Candidate] = []
    for field in ("published", "modified"):
        chosen = [sh for sh in ranked if sh[1].field == field][: MAX_TEXT_CANDIDATES if field == "published" else 1]
        for score, hit in chosen:
            value = hit.parsed.value.isoformat() if hit.parsed.has_time else hit.parsed.value.date().isoformat()
            found.append(Candidate(field, value, f"dom:{hit.tag}.text", round(min(score, MAX_TEXT_CONFIDENCE), 3)))
    return found
