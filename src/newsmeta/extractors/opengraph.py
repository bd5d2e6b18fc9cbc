"""OpenGraph (``og:*``) and its article vocabulary (``article:*``) -> candidates."""

from __future__ import annotations

from ..candidate import Candidate
from ..document import Document
from ._meta import meta_pairs

BASE_CONFIDENCE = 0.8
#: OpenGraph key -> (field, confidence factor).
PROPERTIES: dict[str, tuple[str, float]] = {
    "og:title": ("title", 1.0),
    "og:description": ("description", 1.0),
    "og:url": ("url", 0.9),
    "og:site_name": ("site_name", 1.0),
    "og:locale": ("language", 0.8),
    "article:published_time": ("published", 1.0),
    "article:published": ("published", 0.9),
    "og:published_time": ("published", 0.9),
    "article:modified_time": ("modified", 1.0),
    "og:updated_time": ("modified", 0.9),
    "article:section": ("sections", 1.0),
    "article:tag": ("tags", 1.0),
    "og:article:tag": ("tags", 0.9),
    "article:author": ("authors", 0.8),
    "og:article:author": ("authors", 0.8),
    "article:publisher": ("publisher_url", 0.6),
}
_IMAGE_KEYS = frozenset({"og:image", "og:image:url", "og:image:secure_url"})
_IMAGE_ATTRIBUTES = {"og:image:width": "width", "og:image:height": "height", "og:image:alt": "caption"}


def extract(doc: Document) -> list[Candidate]:
    found: list[Candidate] = []
    image: tuple[str, str, dict[str, str]] | None = None  # the og:image being read, and its attributes
    images = 0
    for _, key, content in meta_pairs(doc):
        if key in _IMAGE_KEYS:
            if image and (key == "og:image" or key.endswith("url") and image[0] != content):
                found.append(_image(*image, images))
                images += 1
                image = None
            if image is None:
                image = (content, key, {})
            continue
        if key in _IMAGE_ATTRIBUTES and image:
            image[2][_IMAGE_ATTRIBUTES[key]] = content
            continue
        spec = PROPERTIES.get(key)
        if spec:
            field, factor = spec
            found.append(Candidate(field, content, f"meta:property={key}", BASE_CONFIDENCE * factor))
    if image:
        found.append(_image(*image, images))
    return found


def _image(url: str, key: str, extra: dict[str, str], rank: int) -> Candidate:
    return Candidate("image", url, f"meta:property={key}", BASE_CONFIDENCE * (1.0 if rank == 0 else 0.8), extra)
