"""Topics of values captures: a keywords list line, a run of short labels, or a lone label as the last resort.

A schema.org block's ``keywords`` come as one list line (``Politics, Elections, Ohio``) or, when they were an
array, as a run of short lines; ``articleSection`` and ``about`` often sit right beside them. Lines that are
another field's value (authors, publisher, headline, description) are left out before looking.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from ..candidate import Candidate
from ..normalize.names import is_job_title
from ..rules import load
from .capture_lines import Line, looks_like_name

SOURCE = "capture:values"
#: Fewer short labels in a row than this are no keyword list (a name and a role, a section and a place).
MIN_LABEL_RUN = 2
#: Fewest items of a comma list on a long line (a keywords value longer than prose lines).
MIN_LONG_LIST = 5
#: Fewest items of a list with a separator other than the comma (``;``, ``|``): fewer is a title and a site name.
MIN_OTHER_LIST = 3
#: Labels a keywords list and a label run must share for the list to be taken as the run's full version.
MIN_SHARED = 2
#: Labels of a run ending in the same words as this many others are a CMS's codes (``NE State Wire``...).
MIN_CODE_FAMILY = 4
#: A lone label, the last resort, is no longer than this.
MAX_LONE_WORDS = 4

_VOCABULARY: dict[str, list[str]] = load("capture_values.json")


def _words(key: str) -> str:
    return "|".join(sorted((re.escape(word) for word in _VOCABULARY[key]), key=len, reverse=True))


_NOT_TOPIC = re.compile(_words("not_topic_marks"), re.I)
_CREDIT_START = re.compile(rf"^\(?\s*(?:{_words('not_topic_marks')})", re.I)
#: Credits and agencies: a picture's or a text's source, never a topic.
_CREDIT = re.compile(rf"\b(?:{_words('credit_words')})\b", re.I)
#: A CMS's marker in upper case (``RED``, ``BLUE``), appended to keyword lists by some sites.
_CODE_WORD = re.compile(rf"^(?:{_words('code_words')})$")
#: A site's internal code (``welt.de:showcase``, ``elmundo.es:basic``): never a topic.
_PRODUCT_CODE = re.compile(r"^[\w-]+(?:\.[\w-]+)+:\w+$")
#: A house number or postcode (``48``, ``50А``, ``01032``): a list holding one is an address, not keywords.
_HOUSE_NUMBER = re.compile(r"^\d+\w?$")
_OTHER_SEPARATOR = re.compile(r"\s*[;|]\s*")


def is_role(text: str) -> bool:
    """A job title (``Senior reporter``, ``Redakteur``, ``Sportredakteurin``)."""
    return any(is_job_title(word) for word in text.split())


def short_label(line: Line) -> bool:
    """A short text line: a name, a word, a lower-case label or a short phrase (no sentence)."""
    text = line.text
    return line.kind in "lwnh" and len(text) <= 60 and line.words <= 6 and not (text.endswith(".") and line.words > 3)


def is_credit(text: str) -> bool:
    """A picture's or a text's credit line (``© Jane Doe/dpa``, ``(Image: Getty Images)``).

    The mark opens the line (``Erstes Bild: So könnte ...`` is a headline) or is the copyright sign.
    """
    return "©" in text or bool(_CREDIT_START.match(text))


def topic_like(text: str) -> bool:
    """No path, credit, site code, CMS marker or role: something a topic label could be."""
    return not (
        text.startswith("/")
        or _NOT_TOPIC.search(text)
        or _PRODUCT_CODE.match(text)
        or _CODE_WORD.match(text)
        or is_role(text)
    )


def _label_runs(lines: list[Line], excluded: set[str]) -> list[list[Line]]:
    """Runs of short topic-like lines (URLs between them do not end a run: ``name, url`` pairs of ``about``)."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if short_label(line) and line.text not in excluded and topic_like(line.text):
            current.append(line)
        elif line.kind == "U" and current:
            continue
        else:
            if len(current) >= MIN_LABEL_RUN:
                runs.append(current)
            current = []
    if len(current) >= MIN_LABEL_RUN:
        runs.append(current)
    return [[line for line in run if not _coded(line, run)] for run in runs]


def _coded(line: Line, run: list[Line]) -> bool:
    """One of a family of labels that differ only in their first word (``NE State Wire``, ``MN State Wire``...)."""
    words = line.text.split()
    if len(words) < 3:
        return False
    tail = words[1:]
    return sum(1 for other in run if other.text.split()[1:] == tail) >= MIN_CODE_FAMILY


def _list_items(line: Line) -> list[str]:
    """The items of a list line: comma-separated, or (three or more) semicolon- or pipe-separated."""
    text = line.text
    if "," in text:
        return [item.strip() for item in text.split(",")]
    items = _OTHER_SEPARATOR.split(text)
    return items if len(items) >= MIN_OTHER_LIST and line.kind in "Khp" else []


def _keyword_list(line: Line, excluded: set[str]) -> int:
    """How many items the line holds as a keywords list (0: no list)."""
    text = line.text
    if text in excluded or text.rstrip().endswith(("?", "!", ".", "…")):
        return 0
    items = _list_items(line)
    if len(items) < 2 or any(_HOUSE_NUMBER.match(item) for item in items):
        return 0
    if line.kind == "K":
        return 0 if all(looks_like_name(item) for item in items) else len(items)
    separated = "," not in text
    if (
        line.kind in "hp"
        and (separated or (line.kind == "p" and len(items) >= MIN_LONG_LIST))
        and all(item and len(item) <= 60 and len(item.split()) <= 6 and not item.endswith(".") for item in items)
    ):
        return len(items)
    return 0


def _without_codes(text: str) -> str:
    """The list without a CMS's markers (``Politika, Domácí, RED`` -> ``Politika, Domácí``)."""
    separator = "," if "," in text else None
    items = text.split(separator) if separator else _OTHER_SEPARATOR.split(text)
    kept = [item for item in items if not _CODE_WORD.match(item.strip())]
    return (separator or ";").join(kept) if len(kept) < len(items) else text


def _folded(texts: list[str]) -> set[str]:
    return {text.strip().casefold() for text in texts if text.strip()}


def _prefer_list(size: int, line: Line, run: list[Line]) -> bool:
    """The list line wins over the longest run when it is as long, or when it repeats the run's labels."""
    shared = _folded(_list_items(line)) & _folded([label.text for label in run])
    return size >= len(run) or len(shared) >= MIN_SHARED


def _names_the_site(text: str, site: AbstractSet[str]) -> bool:
    """The label holds one of the site's squashed names (``WorldTruth.Tv``, ``sermitsiaq`` on ``sermitsiaq.ag``)."""
    squashed = "".join(ch for ch in text.casefold() if ch.isalnum())
    return any(word in squashed for word in site)


def _lone_label(lines: list[Line], excluded: set[str], site: AbstractSet[str]) -> list[Candidate]:
    """The last short label of the capture (an ``articleSection`` or a one-word ``keywords``), at low confidence.

    Taken only when no list or run was found: no person, role, credit, code, site name or other field's value.
    """
    for line in reversed(lines):
        text = line.text
        if (
            line.kind in "wlh"
            and short_label(line)
            and line.words <= MAX_LONE_WORDS
            and text not in excluded
            and topic_like(text)
            and not _CREDIT.search(text)
            and not text.endswith((".", "!", "?", ":"))
            and not _names_the_site(text, site)
        ):
            return [Candidate("tags", text, f"{SOURCE}.label", 0.3, {"line": str(line.index)})]
    return []


def tags(lines: list[Line], excluded: set[str], site: AbstractSet[str] = frozenset()) -> list[Candidate]:
    """Keywords: a list line, or a longer run of short labels (no authors, roles, title or site codes).

    ``site``: the squashed names the site goes by (see :func:`.capture_values.site_words`).
    """
    listed = [(size, line) for line in lines if (size := _keyword_list(line, excluded))]
    runs = [run for run in _label_runs(lines, excluded) if len(run) >= MIN_LABEL_RUN]
    runs = [run for run in runs if not {line.text for line in run} <= excluded]
    run = max(runs, key=len) if runs else []
    if listed and _prefer_list(listed[0][0], listed[0][1], run):
        line = listed[0][1]
        value = _without_codes(line.text)
        return [Candidate("tags", value, f"{SOURCE}.keywords", 0.7, {"line": str(line.index)})]
    if run:
        return [Candidate("tags", line.text, f"{SOURCE}.labels", 0.5, {"line": str(line.index)}) for line in run]
    return _lone_label(lines, excluded, site)
