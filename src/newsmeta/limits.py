"""Bounds on what one document may cost: input size, JSON-LD size, list lengths.

Going over a limit never fails an extraction: the input is cut or the list capped, and the record says so
in ``warnings``. Pass your own :class:`Limits` to :func:`newsmeta.extract` to change them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    #: Bytes (or characters) of input read; the rest is cut off (a page's metadata sits in its head).
    max_input_bytes: int = 16_000_000
    #: Characters of one JSON-LD block; larger blocks are skipped.
    max_jsonld_chars: int = 2_000_000
    #: Entries kept in ``authors``, ``tags``/``sections`` and ``images``.
    max_authors: int = 50
    max_labels: int = 100
    max_images: int = 50


DEFAULT_LIMITS = Limits()
