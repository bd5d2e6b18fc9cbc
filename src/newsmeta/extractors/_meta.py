"""Reading ``<meta>`` elements as (key, value) pairs; shared by the meta-based extractors."""

from __future__ import annotations

from ..document import Document

MetaPair = tuple[str, str, str]


def _read(doc: Document) -> list[MetaPair]:
    pairs: list[MetaPair] = []
    for meta in doc.by_tag["meta"]:
        content = meta.get("content")
        if not content or content.isspace():
            continue
        for attribute in ("property", "name", "http-equiv"):
            key = meta.get(attribute)
            if key:
                pairs.append((attribute, key.strip().lower(), " ".join(content.split())))
                break
    return pairs


def meta_pairs(doc: Document) -> list[MetaPair]:
    """``(attribute, key, content)`` for each meta element with a non-empty content, read once per document.

    ``attribute`` is the one that named it (``property``, ``name`` or ``http-equiv``); ``key`` is lower-cased.
    """
    pairs: list[MetaPair] | None = doc.memo.get("meta_pairs")
    if pairs is None:
        pairs = doc.memo["meta_pairs"] = _read(doc)
    return pairs
