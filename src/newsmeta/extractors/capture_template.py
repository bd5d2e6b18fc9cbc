"""Capture templates: a family of sites' structured-data order, matched by the structure of the capture's lines.

A template (``rules/template_*.json``) is a list of slots; a slot names the line kinds it accepts, how often it
repeats (``?``, ``*``, ``+``, or once) and the field its lines fill. The slots become one regular expression over
the capture's kind string (:func:`newsmeta.extractors.capture_lines.structure`), so a template matches by the
shape of the values, never by the site's name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..candidate import Candidate
from ..rules import templates
from .capture_lines import Line
from .capture_values import contact_candidates

#: Values matched by a template are as trustworthy as JSON-LD (the template says what each line is).
TEMPLATE_CONFIDENCE = 0.9
_SIZES = re.compile(r"^(\d+)\D+(\d+)")


@dataclass(frozen=True)
class Template:
    name: str
    pattern: re.Pattern[str]
    fields: tuple[str | None, ...]
    sources: Mapping[str, str]
    min_lines: int


def _compile(data: Mapping[str, Any]) -> Template:
    parts = []
    fields: list[str | None] = []
    for number, slot in enumerate(data["slots"]):
        kinds = re.escape(slot["kinds"])
        repeat = slot.get("repeat", "")
        if repeat not in {"", "?", "*", "+"}:
            raise ValueError(f"template {data['name']}: bad repeat {repeat!r}")
        parts.append(f"(?P<s{number}>[{kinds}]{repeat})")
        fields.append(slot.get("field"))
    return Template(
        name=str(data["name"]),
        pattern=re.compile("".join(parts)),
        fields=tuple(fields),
        sources=dict(data.get("sources", {})),
        min_lines=int(data.get("min_lines", 1)),
    )


@lru_cache(maxsize=1)
def compiled() -> tuple[Template, ...]:
    return tuple(_compile(data) for data in templates())


def match(lines: list[Line], shape: str) -> tuple[Template, dict[str, list[Line]]] | None:
    """The first template whose slots cover the whole capture, with the lines each field received."""
    for template in compiled():
        if len(lines) < template.min_lines:
            continue
        found = template.pattern.fullmatch(shape)
        if not found:
            continue
        filled: dict[str, list[Line]] = {}
        for number, field in enumerate(template.fields):
            start, end = found.span(f"s{number}")
            if field and start >= 0:
                filled.setdefault(field, []).extend(lines[start:end])
        return template, filled
    return None


def candidates(template: Template, filled: dict[str, list[Line]]) -> list[Candidate]:
    """The candidates a matched template gives, with ``capture:template=NAME.PROPERTY`` sources."""
    found: list[Candidate] = []

    def source(field: str) -> str:
        return f"capture:template={template.name}.{template.sources.get(field, field)}"

    sizes: dict[str, str] = {}
    for line in filled.get("image_sizes", [])[:1]:
        size = _SIZES.match(line.text)
        if size:
            sizes = {"width": size.group(1), "height": size.group(2)}
    for field, lines in filled.items():
        if field == "image_sizes":
            continue
        if field == "publisher_contact":
            for line in lines[:1]:
                found.extend(contact_candidates(line.text, source(field), TEMPLATE_CONFIDENCE))
            continue
        for line in lines:
            extra = {"line": str(line.index)}
            if field == "image":
                extra.update(sizes)
            found.append(Candidate(field, line.text, source(field), TEMPLATE_CONFIDENCE, extra))
    return found
