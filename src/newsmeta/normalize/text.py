"""Text cleaning shared by extractors and resolvers."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_TAGS = re.compile(r"<[^<>]{1,200}>")
_UNKNOWN_ENTITY = re.compile(r"&[A-Za-z][A-Za-z0-9]{0,30};")
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_FOLD = {ord(c): '"' for c in "“”„«»‟″"} | {ord(c): "'" for c in "‘’‚‹›‛′`"} | {ord(c): "-" for c in "–—‒―−"}
#: Any character of :data:`_FOLD` (a quick search that saves most strings the slower ``translate``).
_FOLDED = re.compile("[" + "".join(map(re.escape, map(chr, _FOLD))) + "]")


#: Template code a page left unrendered (``{{ entry.teaser }}``, ``{% if %}``, ``${title}``): no value of any field.
_UNRENDERED = re.compile(r"\{\{.*\}\}|\{%.*%\}|\$\{[\w.]+\}", re.S)


def is_unrendered(value: str) -> bool:
    """Whether ``value`` holds template code the page left unrendered."""
    return "{" in value and _UNRENDERED.search(value) is not None


def clean_text(value: str) -> str:
    """Unescape entities, drop stray tags and invisible characters, collapse white space."""
    if "&" in value:
        value = html.unescape(value)
        if "&" in value:  # double-escaped (&amp;quot;), or entities no HTML knows (a DTD's own)
            value = _UNKNOWN_ENTITY.sub("", html.unescape(value))
    if "<" in value:
        value = _TAGS.sub(" ", value)
    if not value.isascii():
        value = _INVISIBLE.sub("", value)
    return " ".join(value.split())


@lru_cache(maxsize=4096)  # resolvers fold the same few strings of a page many times
def fold(value: str) -> str:
    """A comparison key: NFKC, case-folded, quotes and dashes unified, white space collapsed."""
    if not value.isascii():
        value = unicodedata.normalize("NFKC", value)
        if _FOLDED.search(value):
            value = value.translate(_FOLD)
    return " ".join(value.split()).casefold()


@lru_cache(maxsize=4096)
def squash(value: str) -> str:
    """Letters and digits only, case-folded, without accents: ``"Seznam Zprávy"`` -> ``"seznamzpravy"``."""
    if not value.isascii():
        value = unicodedata.normalize("NFKD", value)
    return "".join(filter(str.isalnum, value.casefold()))
