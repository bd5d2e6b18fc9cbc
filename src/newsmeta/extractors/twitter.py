"""Twitter cards (``twitter:*``) -> candidates."""

from __future__ import annotations

from ..candidate import Candidate
from ..document import Document
from ._meta import meta_pairs

BASE_CONFIDENCE = 0.6
PROPERTIES: dict[str, tuple[str, float]] = {
    "twitter:title": ("title", 1.0),
    "twitter:description": ("description", 1.0),
    "twitter:image": ("image", 1.0),
    "twitter:image:src": ("image", 1.0),
    "twitter:url": ("url", 0.8),
}


def extract(doc: Document) -> list[Candidate]:
    found: list[Candidate] = []
    for _, key, content in meta_pairs(doc):
        spec = PROPERTIES.get(key)
        if spec:
            field, factor = spec
            found.append(Candidate(field, content, f"meta:name={key}", BASE_CONFIDENCE * factor))
    return found
