"""Site and template rules as data (JSON files beside this module) and their loader.

- ``capture_lexicon.json``: words that page dumps use around metadata (months, bylines, topic labels...).
- ``template_*.json``: capture templates, one a file: the order in which a family of sites emits its structured
  data values, as slots over the line kinds of :mod:`newsmeta.extractors.capture_lines`. Adding a template is
  adding a file.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def load(name: str) -> Any:
    """One rules file by name (``capture_lexicon.json``), parsed."""
    return json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[str]]:
    """The capture lexicon: lists of lower-case words by purpose."""
    data: dict[str, Any] = load("capture_lexicon.json")
    return {key: [str(word) for word in value] for key, value in data.items() if isinstance(value, list)}


@lru_cache(maxsize=32)
def label_set(key: str) -> frozenset[str]:
    """One lexicon list as a set of labels, without the colons they are written with (``"topics:"``)."""
    return frozenset(word.strip(" :") for word in lexicon()[key])


@lru_cache(maxsize=1)
def templates() -> tuple[dict[str, Any], ...]:
    """Every capture template (``template_*.json``), sorted by name."""
    files = sorted(
        (entry for entry in resources.files(__name__).iterdir() if entry.name.startswith("template_")),
        key=lambda entry: entry.name,
    )
    return tuple(json.loads(entry.read_text(encoding="utf-8")) for entry in files if entry.name.endswith(".json"))
