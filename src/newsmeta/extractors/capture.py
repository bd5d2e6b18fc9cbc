"""Markup-less text captures -> candidates (line classification and capture templates)."""

from __future__ import annotations

from ..candidate import Candidate
from ..document import Document


def extract(doc: Document) -> list[Candidate]:
    return []
