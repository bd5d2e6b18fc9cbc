"""JSON-LD (``<script type="application/ld+json">``) -> candidates.

Tolerant of what pages really ship: several blocks, ``@graph``, top-level arrays, nested ``mainEntity``,
``@id`` references, trailing commas, raw control characters, HTML entities, comments and CDATA wrappers.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

from ..candidate import Candidate
from ..document import Document
from ._schema import article_weight, is_site, node_candidates, site_candidates, types_of

BASE_CONFIDENCE = 0.9
#: Article-like nodes read per page, best first (live blogs list hundreds of posts).
MAX_ARTICLE_NODES = 5
_OPENERS = ("<!--", "<![CDATA[", "//<![CDATA[", "// <![CDATA[")
_CLOSERS = ("-->", "]]>", "//]]>", "// ]]>")
#: Nodes read from one page's JSON-LD at most (a live blog may list thousands).
MAX_NODES = 2000
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
#: Properties whose nested nodes are other works, never the page's own article.
_FOREIGN = frozenset(
    {
        "itemListElement",
        "hasPart",
        "isPartOf",
        "relatedLink",
        "citation",
        "comment",
        "review",
        "subjectOf",
        "workExample",
        "about",
        "mentions",
        "recipeInstructions",
        "video",
    }
)


def _unwrap(text: str) -> str:
    """The block without comment or CDATA wrappers."""
    text = text.strip()
    for opener in _OPENERS:
        if text.startswith(opener):
            text = text[len(opener) :].lstrip()
            break
    for closer in _CLOSERS:
        if text.endswith(closer):
            text = text[: -len(closer)].rstrip()
            break
    return text


def _loads(text: str) -> Any:
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return None  # RecursionError: nested deeper than Python's parser goes; no article looks like that


def _repaired(text: str) -> Any:
    """The common defects mended: HTML entities, trailing commas, several values in a row."""
    repaired = _TRAILING_COMMA.sub(r"\1", html.unescape(text) if "&" in text else text)
    return _loads(repaired) or _parse_concatenated(repaired)


#: A JSON string, a JavaScript string in single quotes, or a JavaScript comment (hand-written blocks have them).
_JAVASCRIPT_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|\'((?:[^\'\\]|\\.)*)\'|//[^\n]*|/\*.*?\*/', re.S)


def _as_json_token(match: re.Match[str]) -> str:
    token = match[0]
    if token[0] == '"':
        return token
    if token[0] == "'":  # 'text' -> "text" (its quotes escaped as JSON wants them)
        inner = match[1].replace("\\'", "'").replace('\\"', '"').replace('"', '\\"')
        return f'"{inner}"'
    return ""  # a comment


def _from_javascript(text: str) -> Any:
    """A block written as JavaScript: ``// comments``, ``/* comments */`` and ``'single-quoted'`` strings."""
    if "'" not in text and "/" not in text:
        return None
    return _repaired(_JAVASCRIPT_TOKENS.sub(_as_json_token, text))


def _parse_whole(text: str) -> Any:
    """A whole block, as it is or with its common defects repaired; ``None`` when it cannot be read so."""
    return _loads(text) or _repaired(text) or _from_javascript(text)


def parse_block(text: str) -> Any:
    """Parse one block, repairing the common defects, or reading a cut-off block up to the cut; ``None``
    when it cannot be read."""
    text = _unwrap(text)
    if not text:
        return None
    return _parse_whole(text) or _parse_truncated(text)


def _closers(text: str) -> tuple[str, bool]:
    """What closes a cut-off JSON text: its open brackets (innermost first), and whether a string is open."""
    stack: list[str] = []
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]" and stack:
            stack.pop()
    return "".join(reversed(stack)), in_string


def _parse_truncated(text: str) -> Any:
    """A block cut off in the middle (a truncated capture): what it holds up to the cut."""
    if len(text) > 200_000:
        return None
    closers, in_string = _closers(text)
    if not closers:
        return None
    head = text + '"' if in_string else text
    for _ in range(20):  # drop a dangling key or value, then close every open bracket
        try:
            data = json.loads(head.rstrip().rstrip(",:") + closers, strict=False)
            return data if not isinstance(data, dict) or set(data) - {"@context", "@type"} else None
        except (ValueError, RecursionError):
            cut = max(head.rfind(","), head.rfind("{"), head.rfind("["))
            if cut <= 0:
                return None
            head = head[: cut + 1] if head[cut] in "{[" else head[:cut]
            closers, _ = _closers(head)
    return None


def _parse_concatenated(text: str) -> list[Any] | None:
    """Several JSON values in a row (``{...}{...}``), or a truncated block's leading values."""
    decoder, values, pos = json.JSONDecoder(strict=False), [], 0
    while pos < len(text):
        while pos < len(text) and text[pos] in " \t\r\n,;":
            pos += 1
        if pos >= len(text):
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            break
        values.append(value)
    return values or None


def blocks(doc: Document) -> Iterator[Any]:
    for script in doc.by_tag["script"]:
        kind = (script.get(b"type") or "").lower()
        if "ld+json" not in kind:
            continue
        text = script.text or ""
        limit = doc.limits.max_jsonld_chars
        if len(text) > limit:
            doc.warnings.append(f"JSON-LD block of {len(text)} characters skipped (limit {limit})")
            continue
        text = _unwrap(text)
        data = _parse_whole(text) if text else None
        if data is None and text:
            data = _parse_truncated(text)
            doc.warnings.append(
                "a JSON-LD block could not be parsed"
                if data is None
                else "a JSON-LD block was cut off; read what it holds"
            )
        if data is not None:
            yield data


def _typed(node: dict[str, Any]) -> bool:
    """Whether a node has a type (``bool(types_of(node))``, without building the list)."""
    raw = node.get("@type") or node.get("type")
    if not raw:
        return False
    if isinstance(raw, list):
        return any(isinstance(value, str) for value in raw)
    return isinstance(raw, str)


def walk(data: Any, nested: bool = False, depth: int = 0) -> Iterator[tuple[dict[str, Any], bool]]:
    """Every node in a block, with whether it sits inside another node (not in a @graph or array)."""
    found: list[tuple[dict[str, Any], bool]] = []
    _collect(data, nested, depth, found)
    return iter(found)


def _collect(data: Any, nested: bool, depth: int, found: list[tuple[dict[str, Any], bool]]) -> None:
    """:func:`walk`'s nodes appended to ``found``, in its order (plain calls: cheaper than nested generators)."""
    if depth > 20:
        return
    if isinstance(data, list):
        for item in data:
            if isinstance(item, (dict, list)):
                _collect(item, nested, depth + 1, found)
    elif isinstance(data, dict):
        if "@graph" in data:
            _collect(data["@graph"], nested, depth + 1, found)
        typed = _typed(data)
        if typed:
            found.append((data, nested))
        for key, value in data.items():
            if key in _FOREIGN or key == "@graph" or not isinstance(value, (dict, list)):
                continue
            _collect(value, nested or typed and key != "mainEntity", depth + 1, found)


def _resolve_refs(node: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Replace ``{"@id": ...}`` stubs among a node's direct values by the nodes they name."""

    def deref(value: Any) -> Any:
        if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
            ref = value.get("@id")
            return by_id.get(ref, value) if isinstance(ref, str) else value
        if isinstance(value, list):
            return [deref(v) for v in value]
        return value

    return {key: deref(value) for key, value in node.items()}


def extract(doc: Document) -> list[Candidate]:
    nodes = list(itertools.islice((pair for data in blocks(doc) for pair in walk(data)), MAX_NODES))
    if not nodes:
        return []
    by_id = {n["@id"]: n for n, _ in nodes if isinstance(n.get("@id"), str) and len(n) > 2}
    found: list[Candidate] = []
    weights = [article_weight(node) for node, _ in nodes]
    articles = sorted(
        (
            (weight * (0.5 if nested else 1.0), i, n)
            for i, ((n, nested), weight) in enumerate(zip(nodes, weights, strict=True))
        ),
        key=lambda item: (-item[0], item[1]),
    )
    for rank, (weight, _, node) in enumerate(articles[:MAX_ARTICLE_NODES]):
        if weight <= 0:
            break
        node = _resolve_refs(node, by_id)
        confidence = BASE_CONFIDENCE * weight * (1.0 if rank == 0 else 0.7)
        found.extend(node_candidates(node, f"jsonld:{types_of(node)[0]}", confidence))
    for (node, nested), weight in zip(nodes, weights, strict=True):
        if not nested and not weight and is_site(node):
            found.extend(site_candidates(_resolve_refs(node, by_id), f"jsonld:{types_of(node)[0]}", BASE_CONFIDENCE))
    return found
