"""DOM heuristics: ``<title>``, the article's ``<h1>``, bylines, canonical link, ``html[lang]``.

:func:`extract` reads only the elements indexed in the document's single walk; :func:`extract_bylines` searches the tree
and runs only as a fallback, for pages without structured authors. Dates in the DOM: see :mod:`.datetext`.
"""

from __future__ import annotations

import re

from lxml import etree

from ..candidate import Candidate
from ..document import Document, Element
from . import capture_language
from ._text import containing, element_text, matching

_ARTICLE_CONTAINERS = ("article", "main")
#: Words in a class or id that mark a byline element.
BYLINE_NAMES = ("author", "byline", "autor", "creator", "writer", "reporter", "verfasser", "auteur", "firma")
#: Elements that hold no byline whatever their class: not shown as text, the page itself, or a form's controls.
_NOT_BYLINE_TAGS = frozenset(
    {"script", "style", "meta", "link", "img", "svg", "html", "body", "form", "input", "textarea", "select", "button"}
)
#: A class or id of the comments (``comment-author``, ``wc-comment-author``, ``comment-form-author``): a reader's
#: name, or a form field for it, not the article's byline (``commentary`` is an article kind, so it stays).
_COMMENTS = re.compile(r"comment(?!ar)", re.I)
_MAX_BYLINE_CHARS = 120
#: Pages that preload more images than this preload interface assets, not their lead picture.
MAX_LEAD_PRELOADS = 2


def _in_article(element: Element) -> bool:
    return next(element.iterancestors(*_ARTICLE_CONTAINERS), None) is not None  # ancestors filtered in C


def _in_form(element: Element) -> bool:
    """Inside a form (a comment form's "Name *", a sign-up form's "Repeat e-mail"): no byline."""
    return next(element.iterancestors("form"), None) is not None


def _link_rels(doc: Document) -> dict[int, str]:
    """The ``rel`` of the indexed links that have one, by position in ``doc.by_tag["a"]`` (read once per document)."""
    rels: dict[int, str] | None = doc.memo.get("link_rels")
    if rels is None:
        rels = doc.memo["link_rels"] = {
            index: rel for index, anchor in enumerate(doc.by_tag["a"]) if (rel := anchor.get(b"rel"))
        }
    return rels


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
        rel_value = (link.get(b"rel") or "").lower()
        if "canonical" not in rel_value and "image_src" not in rel_value and "preload" not in rel_value:
            continue  # a stylesheet, an icon, an alternate...: none of the links read here
        rel = rel_value.split()
        href = (link.get(b"href") or link.get(b"imagesrcset") or "").strip().split(" ", 1)[0]
        if not href or href.startswith("#"):
            continue
        if "canonical" in rel:
            found.append(Candidate("url", href, "dom:link[rel=canonical]", 0.85))
        elif "image_src" in rel:
            found.append(Candidate("image", href, "dom:link[rel=image_src]", 0.45))
        elif "preload" in rel and link.get(b"as") == "image":
            preloads.append(href)
    if 1 <= len(preloads) <= MAX_LEAD_PRELOADS:
        # a page that preloads one image preloads its largest above-the-fold picture: the lead picture
        found.append(Candidate("image", preloads[0], "dom:link[rel=preload][as=image]", 0.85, {"lead": "preload"}))
    anchors = tags["a"]
    for index, rel in _link_rels(doc).items():
        if "author" in rel.lower().split():
            anchor = anchors[index]
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
        text = element.text
        if not text or text.strip().rstrip(":").casefold() not in AUTHOR_LABELS or len(element) > 0:
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


#: Named elements (with a class or id) whose names are searched at once, in the walk for byline elements.
_BYLINE_BATCH = 128


def _byline_elements(tree: Element) -> list[Element]:
    """The first elements whose class or id names a byline, in document order.

    One walk reads each element's class and id (``bytes`` keys: lxml skips encoding them); the names are searched
    a batch of elements at a time (each distinct name once), and the walk stops once enough elements are found.
    """
    found: list[Element] = []
    verdicts: dict[str, bool] = {}
    batch: list[tuple[Element, str]] = []
    for element in tree.iter(etree.Element):  # elements only, filtered in C
        names = element.get(b"class")
        ident = element.get(b"id")
        if ident:
            names = f"{names} {ident}" if names else ident
        if names:
            batch.append((element, names))
            if len(batch) == _BYLINE_BATCH:
                if _take_bylines(batch, verdicts, found):
                    return found
                batch = []
    _take_bylines(batch, verdicts, found)
    return found


def _take_bylines(batch: list[tuple[Element, str]], verdicts: dict[str, bool], found: list[Element]) -> bool:
    """Add a batch's byline elements to ``found``; whether it is full. ``verdicts``: each name searched so far."""
    new = list({names for _, names in batch if names not in verdicts})
    if new:
        bylines = containing(new, BYLINE_NAMES)
        verdicts.update(
            (names, index in bylines and not _COMMENTS.search(names)) for index, names in enumerate(new)
        )
    for element, names in batch:
        if verdicts[names] and element.tag not in _NOT_BYLINE_TAGS and not _in_form(element):
            found.append(element)
            if len(found) == MAX_BYLINE_ELEMENTS:
                return True
    return False


def extract_bylines(doc: Document) -> list[Candidate]:
    """Byline elements (``class*=author|byline``...) for pages that name no author in structured data."""
    if doc.tree is None:
        return []
    found: list[Candidate] = _labelled_authors(doc) + _signatures(doc)
    bylines = _byline_elements(doc.tree)
    bylines.extend(e for e in doc.by_tag["a"] if e.get(b"itemprop") == "author")
    for element in bylines[:MAX_BYLINE_ELEMENTS]:
        text = element_text(element)
        if text and len(text) <= _MAX_BYLINE_CHARS:
            confidence = 0.45 if _in_article(element) else 0.35
            found.append(Candidate("authors", text, f"dom:{element.tag}.byline", confidence))
    return found


#: A path segment naming a topic page: tag(s), topic(s), thema, themen, schlagwort(e), stichwort(e), keyword(s),
#: sujet, tema(s), argomenti, onderwerp (grouped by first letter: one test per branch instead of one per word).
_TAG_PATH = re.compile(
    r"/(?:t(?:ags?|opics?|hema|hemen|ema|emas)|s(?:chlagworte?|tichworte?|ujet)|keywords?|argomenti|onderwerp)/",
    re.I,
)
_TAG_CONTAINER_WORDS = frozenset({"tag", "tags", "topic", "topics", "keywords", "schlagworte", "thema", "themen"})
_CHROME = ("nav", "footer", "header", "aside")
_TOKENS = re.compile(r"[^a-z]+")
MAX_TAG_LINK_CHARS = 60


def _tag_context(anchor: Element) -> bool:
    """Whether a link sits in the article or in a tag list, and not in page chrome (nav, footer...)."""
    in_article = _in_article(anchor)
    if any(a.tag != "header" or not in_article for a in anchor.iterancestors(*_CHROME)):
        return False
    ancestor = anchor.getparent()
    for _ in range(4):
        if ancestor is None:
            break
        names = f"{ancestor.get(b'class', '')} {ancestor.get(b'id', '')} {ancestor.get(b'data-testid', '')}"
        if _TAG_CONTAINER_WORDS & set(_TOKENS.split(names.lower())):
            return True
        ancestor = ancestor.getparent()
    return in_article


def extract_tag_links(doc: Document) -> list[Candidate]:
    """Topic links (``rel=tag``, ``/tag/...``, ``/topics/...``) in the article or a tag list."""
    anchors = doc.by_tag["a"]
    rel_tags = {index for index, rel in _link_rels(doc).items() if "tag" in rel.lower().split()}
    tag_paths = matching([anchor.get(b"href") or "" for anchor in anchors], _TAG_PATH)
    found: list[Candidate] = []
    for index in sorted(rel_tags | tag_paths):
        anchor = anchors[index]
        rel_tag = index in rel_tags
        text = element_text(anchor)
        if not text or len(text) > MAX_TAG_LINK_CHARS or not _tag_context(anchor):
            continue
        source = "dom:a[rel=tag]" if rel_tag else "dom:a[href*=/tag/]"
        found.append(Candidate("tags", text, source, 0.5 if rel_tag else 0.45))
    return found


#: Confidence of a language told from the page's text (below any the page declares).
TEXT_LANGUAGE_CONFIDENCE = 0.4


def extract_text_language(doc: Document) -> list[Candidate]:
    """The language of the page's text (its title and first paragraphs), for pages that declare none: by script,
    else by common words, and only when evident (:func:`.capture_language.guess`)."""
    if doc.tree is None:
        return []
    chunks = [element_text(title) for title in doc.by_tag["title"][:1]]
    size = 0
    for paragraph in doc.tree.iter("p"):
        text = element_text(paragraph)
        chunks.append(text)
        size += len(text)
        if size >= capture_language.SAMPLE_CHARS:
            break
    language = capture_language.guess("\n".join(chunks))
    return [Candidate("language", language, "dom:text-language", TEXT_LANGUAGE_CONFIDENCE)] if language else []
