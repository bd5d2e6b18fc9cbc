"""Text cleaning shared by extractors and resolvers."""

from __future__ import annotations

import html
import re
import unicodedata

_TAGS = re.compile(r"<[^<>]{1,200}>")
_SPACES = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")


def clean_text(value: str) -> str:
    """Unescape entities, drop stray tags and invisible characters, collapse white space."""
    if "&" in value:
        value = html.unescape(value)
        if "&" in value:  # double-escaped (&amp;quot;)
            value = html.unescape(value)
    if "<" in value:
        value = _TAGS.sub(" ", value)
    value = _INVISIBLE.sub("", value)
    return _SPACES.sub(" ", value).strip()


def fold(value: str) -> str:
    """A comparison key: NFKC, case-folded, quotes and dashes unified, white space collapsed."""
    value = unicodedata.normalize("NFKC", value)
    value = value.translate(_FOLD)
    return _SPACES.sub(" ", value).strip().casefold()


_FOLD = {ord(c): '"' for c in "“”„«»‟″"} | {ord(c): "'" for c in "‘’‚‹›‛′`"} | {ord(c): "-" for c in "–—‒―−"}
