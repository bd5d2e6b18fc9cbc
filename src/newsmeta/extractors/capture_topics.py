"""Tags in a page dump: the short lines after a topics label (``Related topics``, ``Mehr zum Thema``...) near the
headline, else the run of short labels right after the article's last paragraph."""

from __future__ import annotations

import re

from ..candidate import Candidate
from ..rules import label_set
from . import capture_headline
from .capture_lines import Line, is_prose

MAX_TOPICS = 40
#: An unlabelled run of labels longer than this is a menu, not tags.
MAX_RUN = 12
#: Lines without a paragraph that may interrupt the article before its last paragraph.
ARTICLE_GAP = 8
#: A capitalised line this short is an acronym tag (``USA``, ``NATO``), a longer one a shouted menu item.
ACRONYM_CHARS = 4
#: A topics label this close above the headline labels the article's tags (farther up, the menu's).
LABEL_BEFORE = 8
#: How far above the headline the page's top menu ends.
MENU_END_BEFORE = 3


def _is_topic_item(line: Line) -> bool:
    return (
        line.kind in "lwnhKY"
        and len(line.text) <= 60
        and line.words <= 6
        and not line.text.endswith((".", "?", "!", ":"))
        and line.text.strip(" :").casefold() not in label_set("topic_stops")
        and not capture_headline.is_credit(line.text)
    )


def _labelled_lists(lines: list[Line], start: int, stop: int, menu: frozenset[str]) -> list[Candidate]:
    """The short lines after each topics label (``Related topics``...) between two positions.

    A list ends where the page's menu begins again (a line that the top menu shows too); a list that starts with
    a menu item is the menu itself (a footer's ``Themen``), not the article's tags.
    """
    labels = label_set("topic_labels")
    found: list[Candidate] = []
    position = start
    while position < stop and len(found) < MAX_TOPICS:
        if lines[position].text.strip(" :").casefold() not in labels:
            position += 1
            continue
        position += 1
        first = True
        while position < len(lines) and len(found) < MAX_TOPICS:
            line = lines[position]
            if line.text.strip(" :").casefold() in labels:
                position += 1
                continue
            if not _is_topic_item(line) or line.text in menu:
                break
            first = False
            found.append(Candidate("tags", line.text, "capture:topics", 0.55, {"line": str(line.index)}))
            position += 1
        if first and position < len(lines) and lines[position].text in menu:
            position += 1
    return found


def _menu(lines: list[Line], title: int) -> frozenset[str]:
    """The short lines above the headline's neighbourhood: the page's top menu."""
    return frozenset(line.text for line in lines[: max(0, title - MENU_END_BEFORE)] if len(line.text) <= 60)


def article_end(lines: list[Line], body_end: int) -> int:
    """The last paragraph of the article: the body run's end, or a later paragraph after a short interruption
    (a picture, a related link, advertisements) that split the run."""
    end = body_end
    for position in range(body_end + 1, len(lines)):
        if position - end > ARTICLE_GAP:
            break
        if is_prose(lines[position]):
            end = position
    return end


def _unlabelled_run(lines: list[Line], end: int) -> list[Line]:
    """The run of short labels right after the article's last paragraph (``Politics`` / ``USA`` / ``Courts``...);
    a longer run is a menu."""
    run: list[Line] = []
    for line in lines[end + 1 : end + 3 + MAX_TOPICS]:
        if _is_topic_item(line) and not (line.text.isupper() and len(line.text) > ACRONYM_CHARS):
            run.append(line)
        elif run or len(line.text) > 60:
            break
    return run if 2 <= len(run) <= MAX_RUN else []


#: Tags glued together (the dump lost the breaks between them): ``US-MilitärDonald TrumpVenezuelaUSAIran``.
_GLUED_TAGS = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])|(?<=[A-ZÀ-Þ]{2})(?=[A-ZÀ-Þ][a-zß-ÿ])")
GLUED_TAGS_MIN = 2


def split_glued_tags(text: str) -> list[str]:
    """The tags of a line that holds several glued together; a line with one camel-cased word stays whole."""
    if len(re.findall(r"[a-zß-ÿ][A-ZÀ-Þ]", text)) < GLUED_TAGS_MIN:
        return [text]
    return [part.strip() for part in _GLUED_TAGS.split(text) if part.strip()]


def _tag_candidates(found: list[Candidate]) -> list[Candidate]:
    return [
        Candidate(c.field, tag, c.source, c.confidence, c.extra) for c in found for tag in split_glued_tags(c.value)
    ]


def topics(lines: list[Line], title: int, body_end: int) -> list[Candidate]:
    """Tags: labelled lists after the headline, else just before it; else the run of labels right after the
    article's last paragraph."""
    menu = _menu(lines, title)
    found = _labelled_lists(lines, title, len(lines), menu) or _labelled_lists(
        lines, max(0, title - LABEL_BEFORE), title, frozenset()
    )
    if found:
        return _tag_candidates(found)
    run = _unlabelled_run(lines, article_end(lines, body_end))
    return [Candidate("tags", line.text, "capture:topic-run", 0.35, {"line": str(line.index)}) for line in run]
