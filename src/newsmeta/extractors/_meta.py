"""Reading ``<meta>`` elements as (key, value) pairs; shared by the meta-based extractors."""

from __future__ import annotations

from ..document import Document

MetaPair = tuple[str, str, str]


#: The attributes naming a meta element, first found first (``bytes``: lxml reads them without encoding the name).
_NAMING = ((b"property", "property"), (b"name", "name"), (b"http-equiv", "http-equiv"))


def _read(doc: Document) -> list[MetaPair]:
    pairs: list[MetaPair] = []
    for meta in doc.by_tag["meta"]:
        content = meta.get(b"content")
        if not content or content.isspace():
            continue
        for key_name, attribute in _NAMING:
            key = meta.get(key_name)
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
