"""Reading ``<meta>`` elements as (key, value) pairs; shared by the meta-based extractors."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document


def meta_pairs(doc: Document) -> Iterator[tuple[str, str, str]]:
    """``(attribute, key, content)`` for each meta element with a non-empty content.

    ``attribute`` is the one that named it (``property``, ``name`` or ``http-equiv``); ``key`` is lower-cased.
    """
    for meta in doc.by_tag["meta"]:
        content = meta.get("content")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "http-equiv"):
            key = meta.get(attribute)
            if key:
                yield attribute, key.strip().lower(), " ".join(content.split())
                break
