"""Named meta tags (``author``, ``keywords``, ``parsely-*``, ``sailthru.*``, Dublin Core, ``citation_*``...)."""

from __future__ import annotations

from ..candidate import Candidate
from ..document import Document
from ._meta import meta_pairs

#: meta name (lower-case) -> (field, confidence). Highest trust first within each field.
NAMES: dict[str, tuple[str, float]] = {
    # titles
    "parsely-title": ("title", 0.7),
    "sailthru.title": ("title", 0.65),
    "citation_title": ("title", 0.7),
    "dc.title": ("title", 0.6),
    "dcterms.title": ("title", 0.6),
    "title": ("title", 0.45),
    "headline": ("title", 0.6),
    # descriptions
    "description": ("description", 0.7),
    "dc.description": ("description", 0.6),
    "dcterms.description": ("description", 0.6),
    "sailthru.description": ("description", 0.6),
    # dates
    "article:published_time": ("published", 0.75),
    "article.published": ("published", 0.7),
    "parsely-pub-date": ("published", 0.75),
    "sailthru.date": ("published", 0.7),
    "cxenseparse:recs:publishtime": ("published", 0.7),
    "citation_publication_date": ("published", 0.7),
    "citation_date": ("published", 0.65),
    "dc.date.issued": ("published", 0.7),
    "dcterms.issued": ("published", 0.7),
    "dcterms.created": ("published", 0.65),
    "dc.date.created": ("published", 0.65),
    "dc.date": ("published", 0.6),
    "dcterms.date": ("published", 0.6),
    "date": ("published", 0.5),
    "pubdate": ("published", 0.65),
    "publishdate": ("published", 0.65),
    "publish-date": ("published", 0.65),
    "publish_date": ("published", 0.65),
    "published_time": ("published", 0.6),
    "originalpublicationdate": ("published", 0.6),
    "article_date_original": ("published", 0.6),
    "displaydate": ("published", 0.55),
    "og:published_time": ("published", 0.6),
    "bt:pubdate": ("published", 0.6),
    "date.published": ("published", 0.6),
    "datepublished": ("published", 0.6),
    "creation_date": ("published", 0.5),
    "article:modified_time": ("modified", 0.7),
    "dcterms.modified": ("modified", 0.65),
    "dc.date.modified": ("modified", 0.65),
    "lastmod": ("modified", 0.55),
    "last-modified": ("modified", 0.55),
    "revised": ("modified", 0.5),
    "date.modified": ("modified", 0.6),
    "article.updated": ("modified", 0.6),
    "cxenseparse:recs:articlemodified": ("modified", 0.6),
    "parsely-updated-date": ("modified", 0.6),
    # people
    "author": ("authors", 0.65),
    "parsely-author": ("authors", 0.7),
    "sailthru.author": ("authors", 0.65),
    "cxenseparse:author": ("authors", 0.65),
    "citation_author": ("authors", 0.7),
    "dc.creator": ("authors", 0.6),
    "dcterms.creator": ("authors", 0.6),
    "byl": ("authors", 0.6),
    "article:author": ("authors", 0.6),
    "article.author": ("authors", 0.6),
    "twitter:creator:name": ("authors", 0.4),
    # topics
    "news_keywords": ("tags", 0.7),
    "keywords": ("tags", 0.55),
    "parsely-tags": ("tags", 0.7),
    "sailthru.tags": ("tags", 0.65),
    "article:tag": ("tags", 0.7),
    "dc.subject": ("tags", 0.55),
    "cxenseparse:recs:tag": ("tags", 0.6),
    "cxenseparse:taxonomy": ("sections", 0.5),
    "parsely-section": ("sections", 0.7),
    "article:section": ("sections", 0.7),
    "section": ("sections", 0.55),
    "cxenseparse:recs:category": ("sections", 0.55),
    # media, language, publisher
    "parsely-image-url": ("image", 0.65),
    "sailthru.image.full": ("image", 0.6),
    "thumbnail": ("image", 0.45),
    "dc.language": ("language", 0.6),
    "dcterms.language": ("language", 0.6),
    "language": ("language", 0.5),
    "content-language": ("language", 0.55),
    "dc.publisher": ("publisher_name", 0.6),
    "dcterms.publisher": ("publisher_name", 0.6),
    "copyright": ("publisher_name", 0.3),
    "application-name": ("site_name", 0.5),
    "apple-mobile-web-app-title": ("site_name", 0.45),
}


def extract(doc: Document) -> list[Candidate]:
    found: list[Candidate] = []
    for attribute, key, content in meta_pairs(doc):
        if attribute == "property" and key.startswith(("og:", "article:")):
            continue  # OpenGraph's own extractor reads these
        spec = NAMES.get(key)
        if spec:
            field, confidence = spec
            found.append(Candidate(field, content, f"meta:{attribute}={key}", confidence))
    return found
