"""Tags in a page dump: the short lines after a topics label (``Related topics``, ``Mehr zum Thema``...) near the
headline, else the run of short labels after the article's last paragraph, else a line of tags glued together
below the article, else the kicker above the headline.

How a list of tags ends is what most of this module is about: a page dump runs the tags straight on into the
next block (related headlines, a share bar, the footer menu), with nothing but the kind of line to tell them
apart.
"""

from __future__ import annotations

import re
from collections.abc import Container

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
#: A second labelled list belongs to the first one's block when its label follows this closely (``Orte`` /
#: ``Frankfurt`` / ``Themen`` / ...); a label farther down labels another block (related articles, the footer).
LIST_GAP = 2
#: A labelled list longer than this is a menu (a footer's ``Themen``).
MAX_LIST = 20
#: How far below its label a list may start.
LABEL_REACH = 4
#: A labelled list this short that runs into a teaser (a paragraph, a quotation, a byline) is a related article's
#: kicker and headline, not tags.
TEASER_ITEMS = 2
#: A line with this many separators is a whole list of keywords.
KEYWORD_SEPARATORS = 2
#: How far below the article's last paragraph an unlabelled run or a line of glued tags is looked for.
RUN_WINDOW = 60
GLUED_WINDOW = 120
#: How many lines that are no sentence (headings, links, buttons) an unlabelled run may be looked for past.
RUN_SKIP = 6
#: Bullets and arrows that a label is decorated with (``■関連キーワード``, ``» Themen``).
_LABEL_MARKS = " :：■□▪▶►▸•·*»>|"
#: Lines that separate the items of a list (``Real Madrid`` / ``,`` / ``Sport``).
_SEPARATORS = frozenset([",", ";", "|", "/", "·", "•", "-", "–", "—"])
#: ``Quelle: dpa``, ``Foto: X``, ``Editor : Y``: a label and its value, never a tag.
_KEY_VALUE = re.compile(r"^[^\W\d_][^\W\d_ .-]*(?:[ .-][^\W\d_]+){0,2}\s?[:：]\s*\S")
#: A kicker above the headline is a topic this short (a longer line is a teaser or a promotion).
KICKER_CHARS = 30
KICKER_WORDS = 3
#: A time, a count, a date in figures (``0:00``, ``3``): no tag.
_NUMERIC = re.compile(r"^[\d\s:.,/+-]*$")
#: Punctuation that ends a sentence (a paragraph, a caption, a teaser) rather than a label.
_SENTENCE_END = tuple('.!?…»"”“’)')
_QUOTES = tuple("„“\"«»‚‘'")


def _label_key(text: str) -> str:
    return text.strip(_LABEL_MARKS).casefold()


def _is_stop(text: str) -> bool:
    """A share button, a footer link, a block heading (``Related``, ``Most viewed in USA``): the end of a list."""
    key = text.strip(" :").casefold()
    stops = label_set("topic_stops")
    if key in stops:
        return True
    words = key.split()
    # a stop also ends a list when the line goes on (``Most viewed in USA``, ``Recommended video``)
    return (len(words) > 2 and (" ".join(words[:2]) in stops or " ".join(words[:3]) in stops)) or (
        len(words) == 2 and len(words[0]) > 2 and words[0] in stops
    )


def is_share(text: str) -> bool:
    """A share or social button's label (``Teilen``, ``Copy link``, ``링크 복사하기``)."""
    return text.strip(" :").casefold() in label_set("share_words")


def _hashtag(text: str) -> str | None:
    """The tag of a hashtag line (``#Transgender``, ``# IGI School``); None for another line."""
    if text.startswith(("#", "＃")) and len(text) > 1 and text[1:2] not in "#!":
        return text[1:].strip() or None
    return None


def _shouted(text: str) -> bool:
    return text.isupper() and len(text) > ACRONYM_CHARS


def _is_topic_item(line: Line) -> bool:
    """A line that can be a tag: a label-like line (or a hashtag, or tags glued together).

    The tests are cheapest first: the kind of a line, a credit and a byline are worked out last.
    """
    text = line.text
    tag = _hashtag(text)
    if tag is not None:
        text = tag
    elif len(text) > 200 or text.endswith((".", "?", "!", ":")):
        return False
    if len(text) > 60 and not (len(text) <= 200 and _GLUED.search(text) and _is_glued_tags(text)):
        return False
    return (
        (len(text.split()) <= 6 or len(text) > 60)
        and not _NUMERIC.match(text)
        and not text.endswith((".", "?", "!", ":"))
        and not text.startswith((":", "("))
        and not _is_stop(text)
        and not _KEY_VALUE.match(text)
        and (tag is not None or line.kind in "lwnhKY")
        and not capture_headline.is_credit(text)
        and not _is_prefixed_byline(text)
    )


def _is_prefixed_byline(text: str) -> bool:
    """``Von Maria Muster``, ``Kommentar von``: a related article's byline."""
    from . import capture_bylines  # a byline is rarely asked for: imported when needed

    if not capture_bylines.may_be_prefixed(text):
        return False  # no prefix starts the line or one of its parts (a lone prefix passes the test too)
    if capture_bylines.is_bare_prefix(text):
        return True
    found = capture_bylines.byline(text)
    return found is not None and found[1]


def _is_teaser(line: Line) -> bool:
    """A related article's teaser paragraph, quotation or byline (what follows its kicker and headline)."""
    text = line.text
    if is_prose(line) or text.startswith(_QUOTES):
        return True
    return len(text) <= 80 and _is_prefixed_byline(text)


def _is_keywords(text: str) -> bool:
    """A whole list on one line (``Dark Mode, leaderboards, Strava``)."""
    return text.count(",") + text.count(";") + text.count("|") >= KEYWORD_SEPARATORS


def _is_date(line: Line) -> bool:
    return len(line.text) <= 40 and line.dated


def _menu_goes_on(lines: list[Line], position: int, menu: Container[str]) -> bool:
    """The page's top menu begins again at ``position``: this line and the next are menu lines."""
    return position + 1 < len(lines) and lines[position].text in menu and lines[position + 1].text in menu


def _read_list(lines: list[Line], start: int, menu: Container[str]) -> tuple[list[Line], int]:
    """The items of a labelled list starting at ``start``, and the position of the line that ends it.

    A list ends at a line that is no label-like item, at a stop (``Share``, ``Related``), where the page's menu
    begins again (two lines that the top menu shows too), at a shouted line after quiet ones (``YOU MIGHT LIKE``),
    before a related headline (an item followed by its date, or by ``:headline``), and, in a list of hashtags, at
    the first line that is none. Further labels right below (``Orte`` / ... / ``Themen`` / ...) continue it.
    """
    labels = label_set("topic_labels")
    found: list[Line] = []
    hashtags = False
    quiet = False
    position = start
    while position < len(lines) and len(found) < MAX_TOPICS:
        line = lines[position]
        text = line.text
        following = lines[position + 1] if position + 1 < len(lines) else None
        if _label_key(text) in labels or text in _SEPARATORS:
            position += 1
            continue
        tag = _hashtag(text)
        if (found and hashtags and tag is None) or not _is_topic_item(line):
            break
        if _menu_goes_on(lines, position, menu):
            break
        if quiet and _shouted(text):
            break
        if following is not None and (_is_date(following) or following.text.startswith((":", "："))):
            break
        if not found:
            hashtags = tag is not None
        quiet = quiet or not _shouted(text)
        found.append(line)
        position += 1
        if len(found) == 1 and (_is_keywords(text) or _glued_alone(text)):
            break  # a whole list on one line
    return found, position


def _list_after(lines: list[Line], label: int, menu: Container[str]) -> tuple[list[Line], int]:
    """The list under the label at ``label``: right below it, or after a badge and a note that the page puts
    between them (``NEU`` / ``Klicken Sie auf das Plus-Symbol...``); a list that is a related article's kicker and
    headline (a short list running into a teaser) means the label is a related articles' one."""
    labels = label_set("topic_labels")
    start = label + 1
    while start <= label + LABEL_REACH and start < len(lines):
        if _is_date(lines[start]) or _label_key(lines[start].text) in labels or _menu_goes_on(lines, start, menu):
            break  # related articles (a dated headline), another label's list, the menu
        items, end = _read_list(lines, start, menu)
        if len(items) > MAX_LIST:
            break
        if items and not (len(items) <= TEASER_ITEMS and end < len(lines) and _is_teaser(lines[end])):
            return items, end
        if items and not all(item.text.isupper() for item in items):
            break  # a teaser: not a badge (``NEU``) above a note
        start = max(end, start) + 1
    return [], label + 1


def _labelled_groups(lines: list[Line], start: int, stop: int, menu: Container[str]) -> list[list[Line]]:
    """The lists after each topics label (``Related topics``...) between two positions; the lists of labels right
    below one another (``Orte`` / ... / ``Themen`` / ...) make one group."""
    labels = label_set("topic_labels")
    groups: list[list[Line]] = []
    position, group_end = start, -1
    for label in _label_positions(lines, start, stop, labels):
        if label < position:
            continue  # inside the list before
        position = label
        items, end = _list_after(lines, position, menu)
        if items:
            if groups and position <= group_end + LIST_GAP:
                groups[-1] += items
            else:
                groups.append(items)
            group_end = end
        position = max(end, position + 1)
    return groups


def _label_positions(lines: list[Line], start: int, stop: int, labels: frozenset[str]) -> list[int]:
    """Where the lines between two positions are topics labels."""
    texts = [line.text for line in lines[start:stop]]
    return [
        start + n for n, text in enumerate(texts) if len(text) <= 60 and text.strip(_LABEL_MARKS).casefold() in labels
    ]


def _tag_count(group: list[Line]) -> int:
    return sum(len(split_glued_tags(line.text, alone=len(group) == 1)) for line in group)


def _labelled_lists(lines: list[Line], start: int, stop: int, menu: Container[str]) -> list[Line]:
    """The first group of labelled lists between two positions that has several tags (a lone label before it is
    more often a menu's or a teaser's), else the first group."""
    groups = _labelled_groups(lines, start, stop, menu)
    chosen = next((group for group in groups if _tag_count(group) > 1), groups[0] if groups else [])
    return chosen[:MAX_TOPICS]


class _Menu:
    """The short lines above the headline's neighbourhood: the page's top menu (gathered when first asked: most
    pages show no list of tags to end at it)."""

    def __init__(self, lines: list[Line], title: int) -> None:
        self.lines = lines
        self.title = title
        self._texts: frozenset[str] | None = None

    def __contains__(self, text: object) -> bool:
        if self._texts is None:
            top = self.lines[: max(0, self.title - MENU_END_BEFORE)]
            self._texts = frozenset(line.text for line in top if len(line.text) <= 60)
        return text in self._texts


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


def _ends_text(line: Line) -> bool:
    """A line that can stand right before an article's tags: a paragraph or a sentence, a source line, a share
    button (not a block heading or a menu's link: what follows those is that block's)."""
    text = line.text
    return is_prose(line) or text.endswith(_SENTENCE_END) or is_share(text) or _KEY_VALUE.match(text) is not None


def _is_sentence(line: Line) -> bool:
    return is_prose(line) or line.text.endswith(_SENTENCE_END)


def _unlabelled_run(lines: list[Line], end: int) -> list[Line]:
    """The first run of short labels below the article's last paragraph (``Politics`` / ``USA`` / ``Courts``...)
    that follows a sentence, a share bar or a source line; a line of glued tags is a run by itself, a long run is
    a menu. Sentences below the last paragraph are the article's still (a body of short paragraphs); other lines
    are a block of the page, and after a few of them the article is left behind (related links, the footer)."""
    labels = label_set("topic_labels")
    run: list[Line] = []
    before: Line | None = lines[end] if 0 <= end < len(lines) else None
    budget = RUN_SKIP
    for line in lines[end + 1 : end + 1 + RUN_WINDOW]:
        text = line.text
        if not run and is_share(text):
            before = line
            continue
        if not _shouted(text) and not is_share(text) and _label_key(text) not in labels and _is_topic_item(line):
            if not run and _glued_alone(text):
                return [line] if before is not None and _ends_text(before) else []
            run.append(line)
            continue
        if run:
            if len(run) > MAX_RUN:
                return []
            if (
                before is not None
                and not _is_date(line)
                and (
                    (len(run) >= 2 and _ends_text(before))
                    or (len(run) == 1 and _is_stop(before.text) and _is_stop(text))
                )
            ):
                return run
            budget -= len(run)
            run = []
        if not _is_sentence(line):
            budget -= 1
            if budget < 0:
                return []
        before = line
    return []


def _glued_alone(text: str) -> bool:
    """A line of two tags or more glued together, none of them a stop (``Create an AccountSign in``)."""
    parts = split_glued_tags(text, alone=True)
    return len(parts) > 1 and not any(_is_stop(part) or is_share(part) for part in parts)


def _glued_line(lines: list[Line], end: int) -> list[Line]:
    """A line of three tags or more glued together below the article (``Vogue-AusgabeCoverModelsKate Moss``)."""
    for line in lines[end + 1 : end + 1 + GLUED_WINDOW]:
        text = line.text
        if len(text) <= 200 and _GLUED.search(text) and _is_glued_tags(text) and not capture_headline.is_credit(text):
            return [line]
    return []


#: Tags glued together (the dump lost the breaks between them): ``US-MilitärDonald TrumpVenezuelaUSAIran``.
_GLUED_TAGS = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])|(?<=[A-ZÀ-Þ]{2})(?=[A-ZÀ-Þ][a-zß-ÿ])")
_GLUED = re.compile(r"[a-zß-ÿ][A-ZÀ-Þ]")
#: Two glued words alone (``Murder trialCrime``): a lower-case run this long before the capital, a line with a
#: space (``WhatsApp``, ``McDonald``, ``iPhone`` stay whole).
_GLUED_PAIR = re.compile(r"(?:[a-zß-ÿ]{3}|[A-ZÀ-Þ]{3})[A-ZÀ-Þ][a-zß-ÿ]{2}")
GLUED_TAGS_MIN = 2
GLUED_LINE_MIN = 3
GLUED_PART_WORDS = 4


def split_glued_tags(text: str, alone: bool = False) -> list[str]:
    """The tags of a line that holds several glued together; a line with one camel-cased word stays whole.

    ``alone``: the line is a list by itself (nothing else around it looks like a tag), so that two glued tags are
    split too (``Murder trialCrime``).
    """
    glued = len(_GLUED.findall(text))
    if glued < GLUED_TAGS_MIN and not (alone and " " in text and _GLUED_PAIR.search(text)):
        return [text]
    return [part.strip() for part in _GLUED_TAGS.split(text) if part.strip()]


def _is_glued_tags(text: str) -> bool:
    """Three tags or more glued together, each a short label (not a kicker glued to its headline)."""
    parts = split_glued_tags(text)
    return len(parts) >= GLUED_LINE_MIN and all(
        len(part.split()) <= GLUED_PART_WORDS
        and (len(part) > 2 or part.isupper())  # ``InYourArea`` is a name, not the tags ``In`` / ``Your``
        and not part.endswith(_SENTENCE_END)
        and ":" not in part
        and not _is_stop(part)
        for part in parts
    )


_TRAILING_SEPARATORS = " ,;|/·•-–—"


def _tag_candidates(found: list[Line], source: str, confidence: float) -> list[Candidate]:
    alone = len(found) == 1
    candidates: list[Candidate] = []
    for line in found:
        text = _hashtag(line.text) or line.text
        for tag in split_glued_tags(text, alone=alone):
            tag = tag.rstrip(_TRAILING_SEPARATORS)
            if tag:
                candidates.append(Candidate("tags", tag, source, confidence, {"line": str(line.index)}))
    return candidates


def topics(lines: list[Line], title: int, body_end: int) -> list[Candidate]:
    """Tags: labelled lists after the headline, else just before it; else a line of glued tags below the article or
    the run of labels after its last paragraph; else the kicker above the headline."""
    menu = _Menu(lines, title)
    found = _labelled_lists(lines, title, len(lines), menu) or _labelled_lists(
        lines, max(0, title - LABEL_BEFORE), title, frozenset()
    )
    if found:
        return _tag_candidates(found, "capture:topics", 0.55)
    end = article_end(lines, body_end)
    run = _glued_line(lines, max(end, title)) or _unlabelled_run(lines, end)
    if run:
        return _tag_candidates(run, "capture:topic-run", 0.35)
    return _kicker(lines, title)


def _kicker(lines: list[Line], title: int) -> list[Candidate]:
    """The short label right above the headline (``Middle East``, ``Hybride Kriegsführung``): the article's
    topic when the page shows no list of tags."""
    if not 0 < title < len(lines):
        return []
    line = lines[title - 1]
    text = line.text
    if (
        line.kind in "wnlh"
        and len(text) <= KICKER_CHARS
        and line.words_up_to(KICKER_WORDS + 1) <= KICKER_WORDS
        and not _shouted(text)
        and not _GLUED.search(text)
        and not is_share(text)
        and _is_topic_item(line)
    ):
        return [Candidate("tags", text, "capture:kicker", 0.3, {"line": str(line.index)})]
    return []
