"""DOM heuristics: ``<title>``, the article's ``<h1>``, bylines, canonical link, ``html[lang]``.

:func:`extract` reads only the elements indexed in the document's single walk; :func:`extract_bylines` searches the tree
and runs only as a fallback, for pages without structured authors. Dates in the DOM: see :mod:`.datetext`.
"""

from __future__ import annotations

import re

from lxml import etree

from ..candidate import Candidate
from ..document import Document, Element
from ._text import element_text

_ARTICLE_CONTAINERS = frozenset({"article", "main"})
#: Words in a class or id that mark a byline element.
BYLINE_NAMES = ("author", "byline", "autor", "creator", "writer", "reporter", "verfasser", "auteur", "firma")
_BYLINE_NAME = re.compile("|".join(BYLINE_NAMES))
_NOT_BYLINE_TAGS = frozenset({"script", "style", "meta", "link", "img", "svg", "html", "body"})
_MAX_BYLINE_CHARS = 120
#: Pages that preload more images than this preload interface assets, not their lead picture.
MAX_LEAD_PRELOADS = 2


def _in_article(element: Element) -> bool:
    return any(a.tag in _ARTICLE_CONTAINERS for a in element.iterancestors())


def extract(doc: Document) -> list[Candidate]:
    tags = doc.by_tag
    found: list[Candidate] = []
    for title in tags["title"][:1]:
        text = element_text(title)
        if text:
            found.append(Candidate("title", text, "dom:title", 0.4))
    h1s = tags["h1"]
    if h1s:
        inside = [h for h in h1s if _in_article(h)]
        chosen = (inside or h1s)[0]
        text = element_text(chosen)
        if text:
            confidence = 0.55 if inside or len(h1s) == 1 else 0.4
            found.append(Candidate("title", text, "dom:article//h1" if inside else "dom:h1", confidence))
    for root in tags["html"][:1]:
        lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
        if lang and lang.strip():
            found.append(Candidate("language", lang.strip(), "dom:html@lang", 0.6))
    preloads: list[str] = []
    for link in tags["link"]:
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or link.get("imagesrcset") or "").strip().split(" ", 1)[0]
        if not href or href.startswith("#"):
            continue
        if "canonical" in rel:
            found.append(Candidate("url", href, "dom:link[rel=canonical]", 0.85))
        elif "image_src" in rel:
            found.append(Candidate("image", href, "dom:link[rel=image_src]", 0.45))
        elif "preload" in rel and link.get("as") == "image":
            preloads.append(href)
    if 1 <= len(preloads) <= MAX_LEAD_PRELOADS:
        # a page that preloads one image preloads its largest above-the-fold picture: the lead picture
        found.append(Candidate("image", preloads[0], "dom:link[rel=preload][as=image]", 0.85, {"lead": "preload"}))
    for anchor in tags["a"]:
        rel = anchor.get("rel")
        if rel and "author" in rel.lower().split():
            text = element_text(anchor)
            if text and len(text) <= _MAX_BYLINE_CHARS:
                found.append(Candidate("authors", text, "dom:a[rel=author]", 0.5, {"url": anchor.get("href", "")}))
    return found


#: Labels that stand before an author's name in a page's info box ("<strong>Autor</strong> Jane Doe").
AUTHOR_LABELS = frozenset(
    [
        "author",
        "authors",
        "autor",
        "autorin",
        "autoren",
        "autorin/autor",
        "autor/autorin",
        "auteur",
        "auteurs",
        "autore",
        "autori",
        "by",
        "von",
        "text",
        "texto",
        "testo",
        "tekst",
        "reporter",
        "written",
    ]
)
_LABEL_TAGS = ("strong", "b", "dt", "th", "span", "label", "em")


def _labelled_authors(doc: Document) -> list[Candidate]:
    found: list[Candidate] = []
    assert doc.tree is not None
    for element in doc.tree.iter(*_LABEL_TAGS):
        label = (element.text or "").strip().rstrip(":").casefold()
        if label not in AUTHOR_LABELS or len(element) > 0:
            continue
        following = (element.tail or "").strip()
        sibling = element.getnext()
        if not following and sibling is not None:
            following = element_text(sibling)
        if following and len(following) <= _MAX_BYLINE_CHARS:
            found.append(Candidate("authors", following, f"dom:{element.tag}[label].following", 0.5))
    return found


_SIGNATURE = re.compile(r"^(?:[^\W\d_][\w'.-]*\s){1,3}[^\W\d_][\w'.-]*$")
#: How many paragraphs from either end of the article a signature line may stand.
SIGNATURE_REACH = 2


def _signatures(doc: Document) -> list[Candidate]:
    """A paragraph that is nothing but a bold name, first or last in the article: the author's signature."""
    assert doc.tree is not None
    container = next(doc.tree.iter("article", "main"), None)
    paragraphs = list(container.iter("p")) if container is not None else []
    paragraphs = paragraphs or list(doc.tree.iter("p"))
    ends = paragraphs[:SIGNATURE_REACH] + paragraphs[-SIGNATURE_REACH:]
    found: list[Candidate] = []
    for paragraph in ends:
        bold = paragraph[0] if len(paragraph) == 1 else None
        if (
            bold is None
            or bold.tag not in {"strong", "b"}
            or (paragraph.text or "").strip()
            or (bold.tail or "").strip()
        ):
            continue
        text = element_text(paragraph)
        if _SIGNATURE.match(text) and text == text.title() and text not in {c.value for c in found}:
            found.append(Candidate("authors", text, "dom:p>strong.signature", 0.4))
    return found


#: Byline elements read at most (in document order).
MAX_BYLINE_ELEMENTS = 8


def _byline_elements(tree: Element) -> list[Element]:
    """The first elements whose class or id names a byline, in one walk that stops once enough are found."""
    found: list[Element] = []
    for element in tree.iter(etree.Element):  # elements only, filtered in C
        names = element.get("class")
        ident = element.get("id")
        if ident:
            names = f"{names} {ident}" if names else ident
        if names and _BYLINE_NAME.search(names.lower()) and element.tag not in _NOT_BYLINE_TAGS:
            found.append(element)
            if len(found) == MAX_BYLINE_ELEMENTS:
                break
    return found


def extract_bylines(doc: Document) -> list[Candidate]:
    """Byline elements (``class*=author|byline``...) for pages that name no author in structured data."""
    if doc.tree is None:
        return []
    found: list[Candidate] = _labelled_authors(doc) + _signatures(doc)
    bylines = _byline_elements(doc.tree)
    bylines.extend(e for e in doc.by_tag["a"] if e.get("itemprop") == "author")
    for element in bylines[:MAX_BYLINE_ELEMENTS]:
        text = element_text(element)
        if text and len(text) <= _MAX_BYLINE_CHARS:
            confidence = 0.45 if _in_article(element) else 0.35
            found.append(Candidate("authors", text, f"dom:{element.tag}.byline", confidence))
    return found


_TAG_PATH = re.compile(
    r"/(?:tags?|topics?|thema|themen|schlagworte?|stichworte?|keywords?|sujet|tema|temas|argomenti|onderwerp)/",
    re.I,
)
_TAG_CONTAINER_WORDS = frozenset({"tag", "tags", "topic", "topics", "keywords", "schlagworte", "thema", "themen"})
_CHROME = frozenset({"nav", "footer", "header", "aside"})
_TOKENS = re.compile(r"[^a-z]+")
MAX_TAG_LINK_CHARS = 60


def _tag_context(anchor: Element) -> bool:
    """Whether a link sits in the article or in a tag list, and not in page chrome (nav, footer...)."""
    ancestors = list(anchor.iterancestors())
    in_article = any(a.tag in _ARTICLE_CONTAINERS for a in ancestors)
    if any(a.tag in _CHROME and (a.tag != "header" or not in_article) for a in ancestors):
        return False
    for ancestor in ancestors[:4]:
        names = f"{ancestor.get('class', '')} {ancestor.get('id', '')} {ancestor.get('data-testid', '')}"
        if _TAG_CONTAINER_WORDS & set(_TOKENS.split(names.lower())):
            return True
    return in_article


def extract_tag_links(doc: Document) -> list[Candidate]:
    """Topic links (``rel=tag``, ``/tag/...``, ``/topics/...``) in the article or a tag list."""
    found: list[Candidate] = []
    for anchor in doc.by_tag["a"]:
        rel = anchor.get("rel")
        rel_tag = bool(rel) and "tag" in rel.lower().split()
        if not rel_tag and not _TAG_PATH.search(anchor.get("href") or ""):
            continue
        text = element_text(anchor)
        if not text or len(text) > MAX_TAG_LINK_CHARS or not _tag_context(anchor):
            continue
        source = "dom:a[rel=tag]" if rel_tag else "dom:a[href*=/tag/]"
        found.append(Candidate("tags", text, source, 0.5 if rel_tag else 0.45))
    return found
