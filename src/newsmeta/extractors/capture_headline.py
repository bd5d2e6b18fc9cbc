"""The headline of a page dump: which line it is, and its wording.

The headline is the line that best agrees with the URL slug, stands shortly before the body and is followed by a
byline or a date; picture captions and credits, teasers of several sentences and lines that end like a sentence
are no headlines. Lines are looked at lazily: a dump's menus and footers are never classified, and each fact about
a line (is it a date, a byline?) is worked out at most once (:class:`LineFacts`).
"""

from __future__ import annotations

import bisect
import heapq
import re
from functools import lru_cache
from itertools import accumulate, chain

from ..normalize.text import fold
from ..rules import lexicon
from . import capture_bylines
from .capture_lines import Line, is_cjk, is_lower_case, may_be_dated, spellings, word_keys

#: Lines looked at before the body's first line (and a few into it): pages may put a summary box and a share
#: bar between the headline block and the body. Far from the body, nearness adds nothing (PROXIMITY_SPAN):
#: a line there wins only with a byline or date below it, or a repeat.
WINDOW = 40
AFTER_BODY = 3
#: How many lines after a candidate may show its byline or date.
FOLLOWING = 4
#: ... or up to this many when those lines are short (sections, share buttons, a reading time).
FOLLOWING_MAX = 8
SHORT_META_CHARS = 40
#: A line of this many words or more, shaped like a headline, ends a run of short lines below a candidate.
HEADLINE_WORDS = 4
MIN_CHARS = 10
MAX_CHARS = 300

#: Score weights: the slug's words, nearness to the body, a date or a byline just below, a repeat elsewhere.
SLUG_SHARE = 3.0
LINE_SHARE = 1.0
PROXIMITY = 1.0
PROXIMITY_SPAN = 15
AFTER_BODY_PENALTY = 0.7
DATE_BONUS = 0.7
BYLINE_BONUS = 0.8
PREFIXED_BYLINE_BONUS = 0.3
REPEAT_BONUS = 0.4
#: Penalties: a picture credit, a short line, a sentence end, several sentences, a very long line.
CREDIT_PENALTY = 2.0
#: A control or notice of the page (:func:`is_ui_text`) is no headline.
UI_PENALTY = 2.0
FEW_WORDS_PENALTY = 1.0
#: Against a line in capitals only: headlines are written in mixed case (CSS may show them in capitals).
SHOUTED_PENALTY = 0.8
SENTENCE_END_PENALTY = 0.5
LONG_SENTENCE_PENALTY = 1.5
SENTENCES_PENALTY = 0.8
LONG_PENALTY = 1.0

_DIGIT = re.compile(r"\d")
#: A sentence that ends inside the line and another that starts: a teaser or a caption, not a headline.
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{2}[.!?] +[\"“„«]?[A-ZÀ-ÞА-Я]")
#: A photo credit written as ``site.tld/Photographer``, or a caption that ends with ``(Photographer/AGENCY)``.
_SITE_CREDIT = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\s?/\s?\w|\([^()/]{2,40}/[^()/]{2,40}\)$", re.I)


@lru_cache(maxsize=1)
def _credit_marks() -> re.Pattern[str]:
    """The credit marks, to be searched in lower-cased text (many times faster than a case-blind pattern)."""
    return re.compile(_any_of({mark.lower() for mark in lexicon()["credit_marks"]}))


_Trie = dict[str, "_Trie"]


def _any_of(words: set[str]) -> str:
    """A pattern that finds any of the words, their common beginnings written once (``fot(?:o(?::|s:)|ó:)``): the
    pattern tries a few branches at each character rather than every word."""
    if not words:
        return "(?!)"
    tree: _Trie = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branches(node: _Trie) -> str:
        if list(node) == [""]:
            return ""
        options = [re.escape(ch) + branches(child) for ch, child in sorted(node.items()) if ch]
        body = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
        return f"(?:{body})?" if "" in node else body

    return branches(tree)


def is_credit(text: str) -> bool:
    """A picture caption or credit (``... | Niall Carson/PA Images via Getty Images``, ``(Archivbild)``, ``©``,
    ``site.is/Name``)."""
    if _credit_marks().search(text.lower()) is not None:
        return True
    return "/" in text and _SITE_CREDIT.search(text) is not None  # both forms of a site credit hold a slash


def ends_like_a_sentence(text: str) -> bool:
    """Ends with a full stop (not an ellipsis): captions and teasers do, headlines rarely."""
    return text.endswith(".") and not text.endswith("..")


def several_sentences(text: str) -> bool:
    """Two sentences or more (``... an. Aber hat sie ...?``): a teaser, not a headline."""
    if ". " not in text and "! " not in text and "? " not in text:
        return False  # no sentence end followed by a space (the pattern needs one)
    return _SENTENCE_BREAK.search(text) is not None


class LineFacts:
    """Facts about a dump's lines that the headline search needs, each worked out at most once."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self._dated: dict[int, bool] = {}
        self._byline: dict[int, int] = {}

    def dated(self, position: int) -> bool:
        """The line is a date or time line (what the classifier calls ``d`` or ``D``), without classifying it."""
        known = self._dated.get(position)
        if known is None:
            line = self.lines[position]
            known = line.kind in "dD" if line.classified else may_be_dated(line.text)
            self._dated[position] = known
        return known

    def byline(self, position: int) -> int:
        """0: no byline; 1: a byline of bare names; 2: a prefixed byline (``By ...``, a lone ``Von``)."""
        known = self._byline.get(position)
        if known is None:
            text = self.lines[position].text
            found = capture_bylines.byline(text)
            known = (2 if found[1] else 1) if found else 2 if capture_bylines.is_bare_prefix(text) else 0
            self._byline[position] = known
        return known


def eligible(line: Line, facts: LineFacts, position: int) -> bool:
    """Could be a headline: several words (or CJK), no URL, label, date, e-mail or byline."""
    return shaped_like_headline(line) and not_meta(facts, position)


def shaped_like_headline(line: Line) -> bool:
    """The cheap half of :func:`eligible`: length, words, no URL, e-mail or short lower-case label."""
    text = line.text
    if not MIN_CHARS <= len(text) <= MAX_CHARS or "@" in text:
        return False
    words = line.words_up_to(7)
    if words < 3 and not is_cjk(text):
        return False
    if text.startswith(("http:", "https:", "www.", "/")):
        return False
    return len(text) > 60 or words > 6 or not is_lower_case(text) or is_cjk(text)  # CJK text asked last (rare)


def not_meta(facts: LineFacts, position: int) -> bool:
    """The costly half of :func:`eligible`: the line is no date and no byline."""
    return not facts.dated(position) and facts.byline(position) == 0


def _slug_lines(lines: list[Line], slug: set[str]) -> set[int]:
    """Lines that hold two of the slug's words or more (found by the slug's stems, their first four letters, first:
    a line must hold two)."""
    return {n for n in _stem_lines(lines, slug) if _holds_slug(lines[n].text, slug)}


def _holds_slug(text: str, slug: set[str]) -> bool:
    """The text holds two of the slug's words or more."""
    return len(slug & word_keys(text)) >= 2


_plus_one = (1).__add__


def _stem_lines(lines: list[Line], slug: set[str], skip: range = range(0)) -> set[int]:
    """Lines that hold two of the slug's stems or more (their first four letters; the slug lines are among them),
    the lines at ``skip`` left out."""
    if len(slug) < 2:
        return set()
    texts = [line.text for line in lines]
    # the positions before ``skip`` and after it (no test of each position against it)
    before, after = min(skip.start, len(texts)), min(max(skip.stop, skip.start), len(texts))
    numbers = [n for n in chain(range(before), range(after, len(texts))) if MIN_CHARS <= len(texts[n]) <= MAX_CHARS]
    folded = [texts[n].casefold() for n in numbers]
    joined = "\n".join(folded)
    # where each line starts in the joined text
    starts = list(accumulate(map(_plus_one, map(len, folded)), initial=0))
    # a line with two stems holds one besides the shortest (the commonest on a page: ``the``, ``and``...): only the
    # others are searched for
    stems = sorted({word[:4] for word in slug}, key=lambda stem: (len(stem), stem))
    shortest, others = stems[0], stems[1:]
    hits: dict[int, int] = {}
    find, last = joined.find, len(folded) - 1
    for stem in others:
        at = find(stem)
        while at >= 0:
            n = bisect.bisect_right(starts, at) - 1
            hits[n] = hits.get(n, 0) + 1
            at = find(stem, starts[n + 1]) if n < last else -1
    return {numbers[n] for n, count in hits.items() if count + (shortest in folded[n]) >= 2}


class Repeats:
    """How often a line's text appears on the page, as a line of about the same length (folded texts compared);
    worked out only for the lines that are scored."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self._by_size: dict[int, list[str]] | None = None
        self._known: dict[str, bool] = {}

    def repeated(self, text: str) -> bool:
        known = self._known.get(text)
        if known is None:
            known = self._known[text] = self._repeated(text)
        return known

    def _repeated(self, text: str) -> bool:
        if self._by_size is None:
            self._by_size = {}
            for line in self.lines:
                self._by_size.setdefault(len(line.text), []).append(line.text)
        key, size = fold(text), len(text)
        same = 0
        for other_size in range(size - 2, size + 3):
            for other in self._by_size.get(other_size, ()):
                same += fold(other) == key
        return same > 1


def score(facts: LineFacts, position: int, slug: set[str], body_start: int, repeats: Repeats) -> float:
    """How much the line at ``position`` looks like the headline (higher is likelier)."""
    lines = facts.lines
    placement = _placement_score(lines, position, slug, body_start)
    return _scored(facts, position, placement, _penalties(lines[position]), repeats)


def _scored(facts: LineFacts, position: int, placement: float, penalties: float, repeats: Repeats) -> float:
    """:func:`score` from the line's place and slug words and its penalties, worked out already."""
    lines = facts.lines
    total = placement
    following = _meta_block(lines, position)
    if any(facts.dated(n) for n in following):
        total += DATE_BONUS
    bylines = _best_byline(facts, following)
    if bylines:
        total += BYLINE_BONUS + (PREFIXED_BYLINE_BONUS if bylines == 2 else 0.0)
    if repeats.repeated(lines[position].text):
        total += REPEAT_BONUS
    return total - penalties


def _best_byline(facts: LineFacts, positions: range) -> int:
    """The best byline among the lines (as :meth:`LineFacts.byline` grades them), looking no further than a
    prefixed one."""
    best = 0
    for n in positions:
        best = max(best, facts.byline(n))
        if best == 2:
            break
    return best


#: The most that a line's neighbours can add to its score: a date and a prefixed byline below it, a repeat.
NEIGHBOURS_BONUS_MAX = DATE_BONUS + BYLINE_BONUS + PREFIXED_BYLINE_BONUS + REPEAT_BONUS
#: Room for rounding when a score is compared with its bound (and with its first, cheaper bound).
_BOUND_MARGIN = 1e-9
_CHEAP_MARGIN = 1e-6


def score_bound(lines: list[Line], position: int, slug: set[str], body_start: int) -> float:
    """The highest :func:`score` the line can get (its place and slug words, and the most its neighbours can add):
    cheap, no other line is looked at."""
    return _placement_score(lines, position, slug, body_start) + NEIGHBOURS_BONUS_MAX + _BOUND_MARGIN


def _placement_score(lines: list[Line], position: int, slug: set[str], body_start: int) -> float:
    """The slug's words in the line, and its place before the body."""
    return _placed(_slug_score(lines[position].text, slug), position, body_start)


def _placement_bound(lines: list[Line], position: int, slug: set[str], body_start: int) -> float:
    """At least :func:`_placement_score`, cheaper: the slug's words looked for as parts of the text
    (:func:`_slug_score_bound`)."""
    return _placed(_slug_score_bound(lines[position].text, slug), position, body_start)


def _placed(total: float, position: int, body_start: int) -> float:
    """A slug score with the line's place before the body."""
    if position < body_start:
        total += PROXIMITY * max(0.0, 1.0 - (body_start - position) / PROXIMITY_SPAN)
    elif position > body_start:
        total -= AFTER_BODY_PENALTY
    return total


def _meta_block(lines: list[Line], position: int) -> range:
    """The lines after a headline that may show its byline and date: a few lines, more when they are all short
    (share buttons, sections), up to the next line of text."""
    end = min(len(lines), position + 1 + FOLLOWING_MAX)
    for n in range(position + 1 + FOLLOWING, end):
        if len(lines[n - 1].text) > SHORT_META_CHARS or _other_headline(lines[n], lines[position]):
            return range(position + 1, n)
    return range(position + 1, end)


def _other_headline(line: Line, candidate: Line) -> bool:
    """A line past the first few below a candidate that looks like another headline (four words or more, none of
    the candidate's longer words): the date or byline below it is its own, not the candidate's (a menu item above
    a short headline). A headline shown again below its title line shares its words (``Überlegener Sieger``); a
    byline (``Von Simone Jülicher und Rainer Grünberg``) is no headline."""
    if line.words_up_to(HEADLINE_WORDS) < HEADLINE_WORDS or not shaped_like_headline(line) or is_cjk(line.text):
        return False
    return not _long_words(line.text) & _long_words(candidate.text) and not capture_bylines.is_byline(line)


def _long_words(text: str) -> set[str]:
    """The text's words of five letters or more, case-folded (few of them are function words)."""
    return {word for word in _SLUG_SPLIT.split(text.casefold()) if len(word) >= 5}


def _slug_score_bound(text: str, slug: set[str]) -> float:
    """At least :func:`_slug_score`: a slug word among the text's word keys is part of one of its spellings, and
    the share of the text's words it covers is at most one."""
    if len(slug) < 2:
        return 0.0
    covered = sum(map(spellings(text).__contains__, slug))
    return SLUG_SHARE * covered / len(slug) + LINE_SHARE if covered else 0.0


def _slug_score(text: str, slug: set[str]) -> float:
    if len(slug) < 2:
        return 0.0
    keys = word_keys(text)
    if not keys:
        return 0.0
    covered = len(slug & keys)
    return SLUG_SHARE * covered / len(slug) + LINE_SHARE * covered / len(keys)


@lru_cache(maxsize=1)
def _ui_phrase() -> re.Pattern[str]:
    """The page's own controls and notices at a line's start (``Direkt zur Suche``, ``Gefällt mir Wird geladen...``,
    ``Pingback: ...``, ``Fotostrecke mit 4 Bildern``), matched case-insensitively."""
    phrases = sorted(lexicon()["ui_phrases"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, phrases)), re.IGNORECASE)


def is_ui_text(text: str) -> bool:
    """A line of the page's controls (skip links, like buttons, subscription prompts, cookie notices, pingbacks)."""
    return _ui_phrase().match(text) is not None


def _penalties(line: Line) -> float:
    text = line.text
    total = CREDIT_PENALTY if is_credit(text) else 0.0
    if is_ui_text(text):
        total += UI_PENALTY
    if line.words_up_to(3) < 3 and not is_cjk(text):
        total += FEW_WORDS_PENALTY
    if text.isupper() and not is_cjk(text):
        total += SHOUTED_PENALTY  # a section label or a kicker (``FÓRMULA 1 2024``), not a headline
    if text.endswith(":") or (text.endswith(".") and len(text) > 80):
        total += LONG_SENTENCE_PENALTY
    elif ends_like_a_sentence(text):
        total += SENTENCE_END_PENALTY
    if several_sentences(text):
        total += SENTENCES_PENALTY
    if len(text) > 200:
        total += LONG_PENALTY
    return total


class Headline:
    """The headline's position, and the URL slug's words (the headline's other wordings are told by them)."""

    __slots__ = ("position", "slug")

    def __init__(self, position: int | None, slug: set[str]) -> None:
        self.position = position
        self.slug = slug


def find(lines: list[Line], slug: set[str], body_start: int) -> Headline:
    """The headline line (``position`` is ``None`` when no line can be one): the best :func:`score` of the lines
    that could be one (:func:`eligible`) in the window before the body, or elsewhere holding two of the slug's words
    or more (:func:`_slug_lines`).

    Lines are taken best bound first, and each line's bound is tightened step by step (:class:`_Bounds`) before it
    is scored; the search stops when no bound left can beat the best score: the slug words, penalties, dates and
    bylines of most lines are never worked out.
    """
    window = range(max(0, body_start - WINDOW), min(len(lines), body_start + AFTER_BODY))
    positions = [*window, *_stem_lines(lines, slug, window)]
    bounds = _Bounds(lines, slug, body_start, window)
    queue = [(-bounds.first(n), n, 0) for n in positions if shaped_like_headline(lines[n])]
    heapq.heapify(queue)
    best: tuple[float, int] | None = None
    while queue:
        negative, n, step = heapq.heappop(queue)
        if best is not None and -negative < best[0]:
            break
        if step < _Bounds.STEPS:
            tighter = bounds.tighten(n, step)
            if tighter is not None:
                heapq.heappush(queue, (-tighter, n, step + 1))
            continue
        if bounds.facts.byline(n) == 0:
            key = (bounds.score(n), -n)
            best = key if best is None else max(best, key)
    return Headline(None if best is None else -best[1], slug)


class _Bounds:
    """Tighter and tighter bounds of a line's :func:`score`, each costlier to work out than the one before: the
    first bound takes the slug's words as found in the text (:func:`_placement_bound`); step 0 drops a line out of
    the window that holds fewer than two slug words (``None``) and counts the slug words exactly
    (:func:`score_bound`); step 1 takes off the line's penalties; step 2 drops a line that is a date itself and
    adds the date below it only if there is one; step 3 adds the repeat only if there is one. After the last step,
    a line that is no byline itself gets its score."""

    STEPS = 4

    def __init__(self, lines: list[Line], slug: set[str], body_start: int, window: range) -> None:
        self.lines = lines
        self.slug = slug
        self.body_start = body_start
        self.window = window
        self.facts = LineFacts(lines)
        self.repeats = Repeats(lines)
        self._placement: dict[int, float] = {}
        self._penalties: dict[int, float] = {}
        self._own: dict[int, float] = {}

    def first(self, position: int) -> float:
        """The first bound: at least :func:`score_bound`, cheaper."""
        return _placement_bound(self.lines, position, self.slug, self.body_start) + NEIGHBOURS_BONUS_MAX + _CHEAP_MARGIN

    def _exact(self, position: int) -> float | None:
        """:func:`score_bound`, or ``None`` for a line out of the window without two slug words (no candidate);
        the line's place and slug words are kept for the tighter bounds and the score."""
        if position not in self.window and not _holds_slug(self.lines[position].text, self.slug):
            return None
        placement = self._placement[position] = _placement_score(self.lines, position, self.slug, self.body_start)
        return placement + NEIGHBOURS_BONUS_MAX + _BOUND_MARGIN

    def _penalty(self, position: int) -> float:
        penalty = self._penalties.get(position)
        if penalty is None:
            penalty = self._penalties[position] = _penalties(self.lines[position])
        return penalty

    def _own_bound(self, position: int) -> float:
        """The line's place, slug words and penalties, and the most a byline below it can add."""
        own = self._own.get(position)
        if own is None:
            own = self._placement[position] - self._penalty(position)
            own += BYLINE_BONUS + PREFIXED_BYLINE_BONUS + _BOUND_MARGIN
            self._own[position] = own
        return own

    def score(self, position: int) -> float:
        """:func:`score` of a line whose bounds were worked out."""
        return _scored(self.facts, position, self._placement[position], self._penalty(position), self.repeats)

    def tighten(self, position: int, step: int) -> float | None:
        if step == 0:
            return self._exact(position)
        lines = self.lines
        bound = self._own_bound(position)
        if step == 1:
            return bound + DATE_BONUS + REPEAT_BONUS
        if self.facts.dated(position):
            return None
        if any(self.facts.dated(n) for n in _meta_block(lines, position)):
            bound += DATE_BONUS
        if step == 2 or self.repeats.repeated(lines[position].text):
            bound += REPEAT_BONUS
        return bound


#: A kicker glued to its headline (the dump lost the break between them): ``Berlin:Im harten...``,
#: ``"Es wird bald beginnen"Trump spricht...``.
_GLUED_KICKER = re.compile(r"^(?P<kicker>[^:\n]{2,80}?(?::|[\"”“»«]))(?P<rest>[A-ZÀ-Þ][^\W\d_]*\s.*)$")
_SLUG_SPLIT = re.compile(r"[\W_]+")
#: A kicker (the words before a headline's colon) has at most this many words.
KICKER_WORDS = 8
#: A breadcrumb glued before the headline has at most this many words.
CRUMB_WORDS = 4


def _content_words(text: str) -> list[str]:
    return [word for word in _SLUG_SPLIT.split(text.casefold()) if len(word) >= 3 and not word.isdigit()]


def slug_fit(text: str, slug: set[str]) -> float:
    """How well the URL's slug spells a text (F1 of the slug's words and the text's words of three letters+)."""
    words = _content_words(text)
    if not words:
        return 0.0
    covered = len(slug & word_keys(text))
    return 2 * covered / (len(words) + len(slug)) if covered else 0.0


def _without_crumbs(lines: list[Line], text: str) -> str | None:
    """The headline without a breadcrumb glued before it (``Haberler Gündem <headline>``): leading words that
    are menu items of their own on the page, unless the rest starts with a lower-case word (then the first word
    was the headline's own: ``Deutschland und Frankreich: ...`` on a page that lists ``Deutschland`` as a tag)."""
    words = text.split()
    texts = [line.text for line in lines]
    cut = 0
    # a word is a menu item when a line of the page is that word alone (and no longer than a menu item)
    while cut < min(CRUMB_WORDS, len(words) - 3) and len(words[cut]) <= 25 and words[cut] in texts:
        cut += 1
    if not cut or words[cut][:1].islower():  # a headline starts no lower-case word (``Deutschland und Frankreich``)
        return None
    return " ".join(words[cut:])


#: Between the items of a breadcrumb trail shown on one line (``Home » News » <headline>``, ``Klima / News / ...``).
_CRUMB_SEPARATOR = re.compile(r"\s+[/>\\]\s+|\s*[»›]\s*")
#: A trail shows this many separators at least (one is too few: ``Können Fische Schmerzen spüren / empfinden?``).
CRUMB_SEPARATORS = 2


@lru_cache(maxsize=1)
def _crumb_label() -> re.Pattern[str]:
    """A breadcrumb trail's label with its colon (``You are here:``, ``Sie sind hier:``), at the line's start."""
    labels = sorted(lexicon()["crumb_labels"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(map(re.escape, labels)) + r")\s*:\s*", re.IGNORECASE)


def crumb_tail(text: str) -> str | None:
    """The headline a breadcrumb trail shown as one line ends with (``Homepage » Militär » <headline>``,
    ``You are here: Home / Baby / <headline>``), or ``None`` when the line is no trail: a labelled line, or items
    of a few words each between two separators or more (a quote's ``»...«`` starts with no item)."""
    label = _crumb_label().match(text)
    rest = text[label.end() :] if label else text
    parts = _CRUMB_SEPARATOR.split(rest)
    if len(parts) <= (1 if label else CRUMB_SEPARATORS):
        return rest if label and len(rest.split()) >= 2 else None
    crumbs, last = parts[:-1], parts[-1].strip()
    if any(not crumb.strip() or len(crumb.split()) > CRUMB_WORDS or "«" in crumb for crumb in crumbs):
        return None
    return last if len(last.split()) >= 2 else None


def _folded_last(text: str) -> str:
    """The last character of ``fold(text)`` when it is cheap to tell (a last ASCII character other than a space or
    a backtick, which folding only lower-cases), else ``""``."""
    last = text[-1:]
    if last.isascii() and last != "`" and not last.isspace():
        return last.lower()
    return ""


def wording(lines: list[Line], headline: Headline) -> str:
    """The headline's wording: with or without its kicker or breadcrumb, as the URL's slug spells it.

    Pages show a headline with a kicker glued or on its own line (``"Es wird bald beginnen"Trump spricht...``,
    ``Die Eisheiligen 2024`` / ``Wann sie sind...``), with a breadcrumb glued (``Haberler Gündem ...``), and often
    elsewhere as ``Kicker: Headline``; the variant whose words the slug covers
    best is the headline (the line as shown when the slug says nothing, less a glued breadcrumb of 2 words+).
    """
    assert headline.position is not None
    text = lines[headline.position].text
    text = crumb_tail(text) or text  # a trail shown as one line ends with the headline
    uncrumbed = _without_crumbs(lines, text)
    slug = headline.slug
    if len(slug) < 2:
        return uncrumbed if uncrumbed and len(text.split()) - len(uncrumbed.split()) >= 2 else text
    variants = [text, *([uncrumbed] if uncrumbed else [])]
    kicked = _GLUED_KICKER.match(text)
    if kicked and len(kicked["kicker"].split()) <= KICKER_WORDS and len(kicked["rest"].split()) >= 3:
        variants.append(kicked["rest"])
    folded = fold(text)
    last = folded[-1:]
    shortest, longest = len(text) + 1, len(text) + 100
    for other in [line.text for line in lines]:
        if not shortest <= len(other) <= longest:
            continue
        if last and _folded_last(other) not in ("", last):
            continue
        if fold(other).endswith(folded):
            head = other[: len(other) - len(text)].strip(" :–-|")
            if head and len(head.split()) <= KICKER_WORDS and crumb_tail(other) is None:  # a trail is no kicker
                variants.append(other)
    fits = {variant: slug_fit(variant, slug) for variant in variants}
    best = max(variants, key=fits.__getitem__)
    return best if fits[best] > fits[text] else text
