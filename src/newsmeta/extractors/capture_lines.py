"""The line classifier of text captures: each non-blank line gets one kind, with the evidence for it.

Kinds are one-letter codes so that a capture's structure is a short string that templates (regular expressions
over kinds, see :mod:`newsmeta.rules`) can match:

====  ==========================================================================================
code  kind
====  ==========================================================================================
D     ISO timestamp (``2022-12-23T12:13+0000``)
d     other date or time line (``28.04.2023, 14:30 Uhr``, ``April 28, 2023 GMT``, ``vor 2 Stunden``)
I     image URL (by file extension or image-CDN path)
U     other URL or site path
E     e-mail address;  P  phone number
C     contact line: a name with an e-mail or a phone number (``Sputnik feedback@x.com +7495...``)
L     locale code (``en_EN``, ``de-DE``)
Y     a year;  N  another number;  S  image size pair or triple (``1920 1080 true``)
T     boolean (``true``, ``False``, ``http://schema.org/True``)
X     boilerplate: XPath, CSS selector, JSON, template placeholders; never the value of any field
K     comma list (keywords)
l     short lower-case label (sections)
n     person name (two to five capitalised words)
w     short word or phrase (one or two words)
h     headline-like text (three or more words, not long prose)
p     long prose (body, description)
====  ==========================================================================================
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from itertools import filterfalse
from urllib.parse import unquote, urlsplit

from . import capture_dates

#: Lines longer than this are prose whatever they hold (and no further pattern is tried on them).
MAX_PATTERN_CHARS = 600
PROSE_CHARS = 200
SHORT_LABEL_CHARS = 60

_URL = re.compile(r"^(?:https?:)?//\S+$|^www\.\S+\.\w+\S*$", re.I)
_PATH = re.compile(r"^/[\w%.~!$&'()*+,;=:@/-]*$")
_IMAGE_EXT = re.compile(r"\.(?:jpe?g|png|webp|gif|avif|bmp|tiff?|heic)(?:$|[?#/,!])", re.I)
_IMAGE_PATH = re.compile(
    r"(?:^|[/.-])(?:img|image|images|imgs|photo|photos|picture|pictures|media|resizer|imageresizer|thumbnail|"
    r"thumbs?|uploads|cdn-cgi/image|dims\d?|static\.dw|ichef)(?:[/.-]|$)",
    re.I,
)
_NOT_IMAGE_EXT = re.compile(r"\.(?:html?|php|aspx?|m3u8|mp4|mp3|js|css|json|xml)(?:$|[?#])", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d[\d ()/-]{7,}\d|\(0\d{1,4}\)[ /-]?\d[\d /-]{4,}\d|0\d{2,4}[ /-]\d{3,}[\d -]{1,}\d)(?![\w.])"
)
#: What every phone number holds (each of :data:`_PHONE`'s forms starts so): a quick test before the pattern.
_PHONE_START = re.compile(r"\+\d|\(0\d|0\d\d")
_LOCALE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?(?:px|%)?$")
_SIZES = re.compile(r"^(\d{2,5})(?:px)?\s+(\d{2,5})(?:px)?(?:\s+(true|false))?$", re.I)
_BOOL = re.compile(r"^(?:true|false|(?:https?://)?schema\.org/(?:true|false))$", re.I)
_XPATH = re.compile(r"^(?:/html\b|//?[a-z*]+\[@|\(?//)|/@[\w-]+(?:\s|$)", re.I)
_CSS_TOKEN = r"[.#]?[A-Za-z][\w-]*(?:[.#:][\w-]+)*(?:\[[^\]]{0,80}\])?"
_CSS = re.compile(rf"^{_CSS_TOKEN}(?:(?:\s*[>+~]\s*|\s+){_CSS_TOKEN}){{0,8}}$", re.A)
_CSS_TAGS = frozenset(
    [
        "html",
        "body",
        "head",
        "main",
        "div",
        "article",
        "section",
        "span",
        "p",
        "meta",
        "title",
        "header",
        "footer",
        "nav",
        "aside",
        "ul",
        "li",
        "a",
    ]
)
_JSON = re.compile(r"^[\[{].*[\]}]$")
_PLACEHOLDER = re.compile(r"\{[\w_]+\}|^required name=|^[A-Z]{1,3}\d+[A-Z]*\d*(?:\.\d+)?S$|^P(?:T?\d+[HMS])+")
_DIGIT = re.compile(r"\d")
_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af]")
_HEX_ID = re.compile(r"^[0-9a-f]{16,}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_SENTENCE_END = re.compile(r"[.!?…。！？»\"”]\s*$")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
NAME_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "le",
        "la",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "y",
        "e",
        "zu",
        "ter",
        "ten",
        "dos",
        "das",
        "st.",
        "st",
    ]
)
_MOJIBAKE = re.compile("[ÃÂÄÅÆÐÑâ][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc]")
_MOJIBAKE_LEADS = "ÃÂÄÅÆÐÑâ"
_LEAD_BYTE_SPACE = re.compile(rb"([\xc2-\xf4]) ")
_CP1252 = {ch: byte for byte in range(0x80, 0xA0) if (ch := bytes([byte]).decode("cp1252", "ignore"))}


class Line:
    """One non-blank line of a capture: its position, cleaned text, kind code and the evidence for the kind.

    The kind is worked out when first asked for (a page dump's menus and footers are mostly never looked at).
    """

    __slots__ = ("index", "text", "_kind", "_evidence")

    def __init__(self, index: int, text: str, kind: str | None = None, evidence: str = "") -> None:
        self.index = index
        self.text = text
        self._kind = kind
        self._evidence = evidence

    def _classify(self) -> str:
        kind, self._evidence = classify_text(self.text)
        self._kind = kind
        return kind

    @property
    def kind(self) -> str:
        kind = self._kind
        return kind if kind is not None else self._classify()

    @property
    def classified(self) -> bool:
        """The kind has been worked out already (asking for it costs nothing more)."""
        return self._kind is not None

    @property
    def dated(self) -> bool:
        """The kind is a date (``d`` or ``D``); told without classifying a line that cannot be one."""
        if self._kind is None and not may_be_dated(self.text):
            return False
        return self.kind in "dD"

    @property
    def evidence(self) -> str:
        if self._kind is None:
            self._classify()
        return self._evidence

    @property
    def words(self) -> int:
        return len(self.text.split())

    def words_up_to(self, most: int) -> int:
        """:attr:`words`, counted no further than ``most + 1`` (quicker for a long line)."""
        return len(self.text.split(None, most))

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.text[:40]!r}, {self._kind!r})"


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1/cp1252 (``SÃ¼per Ligâde`` -> ``Süper Lig’de``); other text is returned as is."""
    if not _MOJIBAKE.search(text):
        return text
    data = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 256:
            data.append(code)
        elif ch in _CP1252:
            data.append(_CP1252[ch])
        else:
            return text
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:  # a no-break space (``Ã\xa0`` -> ``à``) that a dump turned into a plain space
        return _LEAD_BYTE_SPACE.sub(b"\\1\xa0", bytes(data)).decode("utf-8")
    except UnicodeDecodeError:
        return text


def is_image_url(url: str) -> bool:
    """An image by its extension, or by an image-CDN path (``/img/``, ``/resizer/``, ``/photos/``...)."""
    path = url.split("#", 1)[0]
    if _IMAGE_EXT.search(path):
        return True
    if _NOT_IMAGE_EXT.search(path):
        return False
    try:
        parts = urlsplit(path if "//" in path else "//" + path.lstrip("/"))
    except ValueError:
        return False
    return bool(_IMAGE_PATH.search((parts.hostname or "") + "/" + parts.path.lstrip("/")))


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words of letters (``Sergey Lebedev``, ``Anne-Marie Slaughter``, ``STEVE PEOPLES``).

    (A text with a digit is none: the digit fails the test of its word's letters.)"""
    if len(text) > 60 or "@" in text:
        return False
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    capitals = 0
    for word in words:
        bare = word.strip(".,'’()")
        if not bare:
            return False
        if not (bare.isalpha() or all(ch.isalpha() or ch in "-'’." for ch in bare)):
            return False
        if bare[0].isupper():
            capitals += 1
        elif bare.casefold() not in NAME_PARTICLES:
            return False
    return capitals >= 2


#: ``,``, ``|``, ``&`` and the words that join names (``and``, ``und``...), with the white space around them.
_NAME_SEPARATORS = re.compile(r"\s*(?:[,|&]|\b(?:and|und|et|y|og|i|u)\b)\s*")


def names_in(text: str) -> bool:
    """The line is one or more person names (``Adam Vidler and AP``, ``Julia Vergin | Clare Roth``)."""
    parts = [part for part in _NAME_SEPARATORS.split(text) if part]
    if not parts or len(parts) > 8:
        return False
    # every part is a name or a short agency in capitals (``AP``), and one at least is a name: the first part that
    # is neither decides (the later ones are not looked at)
    named = False
    for part in parts:
        if looks_like_name(part):
            named = True
        elif not (part.isupper() and len(part) <= 5):
            return False
    return named


def is_lower_case(text: str) -> bool:
    """All cased letters are lower case, and there are some (caseless scripts are not lower case)."""
    return text == text.lower() and text != text.upper()


def is_cjk(text: str) -> bool:
    """Chinese, Japanese or Korean text (no case, no spaces between words)."""
    return not text.isascii() and _CJK.search(text, 0, 40) is not None


def is_boilerplate(text: str) -> bool:
    """XPath, CSS selectors, JSON blobs and template placeholders: never the value of a field."""
    return bool(
        _XPATH.search(text) or _is_css(text) or _JSON.match(text) or _PLACEHOLDER.search(text) or _HEX_ID.match(text)
    )


def _is_css(text: str) -> bool:
    """A CSS selector (``.paywall``, ``#speakable-summary``, ``main .article-page``, ``html > head > title``)."""
    if len(text) > 200 or not text.isascii() or not _CSS.match(text):
        return False
    if text[0] in ".#":
        return True
    first = re.split(r"[\s>.#\[]", text, maxsplit=1)[0].lower()
    return first in _CSS_TAGS and any(mark in text for mark in (">", " .", " #", "["))


def _comma_list(text: str) -> bool:
    if "," not in text or len(text) > 1000:
        return False
    items = [item.strip() for item in text.split(",")]
    if len(items) < 2 or any(not item for item in items[:-1]):
        return False
    if any(len(item) > 60 or len(item.split()) > 6 for item in items):
        return False
    return not any(item.endswith((".", "!", "?")) and len(item.split()) > 3 for item in items)


def _text_kind(text: str) -> tuple[str, str]:
    words = len(text.split())
    cjk = is_cjk(text)
    if len(text) >= PROSE_CHARS or (cjk and len(text) >= 80):
        return "p", "long text"
    if _comma_list(text):
        return "K", "comma list"
    if looks_like_name(text):
        return "n", "capitalised words"
    if len(text) <= SHORT_LABEL_CHARS and words <= 6 and is_lower_case(text) and not _SENTENCE_END.search(text):
        return "l", "short lower-case label"
    if words <= 2 and not cjk:
        return "w", "short word"
    if words >= 3 or (cjk and len(text) >= 8):
        return "h", "headline-like text"
    return "w", "short text"


def _structured_kind(text: str) -> tuple[str, str] | None:
    """Kinds of values that start with a digit or sign: years, numbers, sizes, timestamps, phones."""
    if _YEAR.match(text):
        return "Y", "year"
    if _NUMBER.match(text):
        return "N", "number"
    if _SIZES.match(text):
        return "S", "image sizes"
    if capture_dates.is_iso_timestamp(text):
        return "D", "ISO timestamp"
    return None


def _contact_kind(text: str) -> tuple[str, str] | None:
    emails = _EMAIL.findall(text) if "@" in text else []
    phones = _PHONE.findall(text) if _PHONE_START.search(text) else []
    if not (emails or phones):
        return None
    rest = _PHONE.sub(" ", _EMAIL.sub(" ", text)).strip()
    if not rest:
        return ("E", "e-mail address") if emails else ("P", "phone number")
    return ("C", "contact: " + ("e-mail" if emails else "phone")) if len(text) < 200 else None


@lru_cache(maxsize=4096)
def may_be_dated(text: str) -> bool:
    """An ISO timestamp or a date line (see :func:`.capture_dates.is_date_line`): what a line of kind ``D`` or
    ``d`` must be (the classifier may still find it is something else, such as a phone number). Asked for the
    same lines by the headline search, the dates and the tags: worked out once."""
    digits = _DIGIT.search(text) is not None
    if digits and capture_dates.is_iso_timestamp(text):
        return True
    return len(text) <= 160 and capture_dates.is_date_line(text, digits)


def classify_text(text: str) -> tuple[str, str]:
    """The kind code of one cleaned line, and the evidence for it (cheap tests first, by the first character)."""
    size = len(text)
    if size > MAX_PATTERN_CHARS:
        return "p", "long text"
    first = text[0]
    if first in "hHw/" and (_URL.match(text) or (_PATH.match(text) and text.count("/") >= 2 and " " not in text)):
        return ("I", "image URL") if is_image_url(text) else ("U", "URL")
    if size <= 40 and first in "tTfFhH" and _BOOL.match(text):
        return "T", "boolean"
    digits = _DIGIT.search(text) is not None
    if digits and (first.isdigit() or first in "+-"):
        kind = _structured_kind(text)
        if kind:
            return kind
    if (
        first in "/.#{[(P"
        or "{" in text
        or " > " in text
        or text.startswith("required ")
        or (digits and size >= 16 and " " not in text)
    ) and is_boilerplate(text):
        return "X", "selector, JSON or placeholder"
    if size <= 10 and _LOCALE.match(text) and (size > 3 or text.islower()) and text[:2].islower():
        return "L", "locale code"
    if digits or "@" in text:
        contact = _contact_kind(text)
        if contact:
            return contact
    # no ISO timestamp is left (they start with a digit and were told above): this is a date line by
    # :func:`may_be_dated`, which the headline search and the dates have often worked out already
    if may_be_dated(text):
        return "d", "date or time"
    return _text_kind(text)


_INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f\u00ad\u200b-\u200f\u2060\ufeff]")


@lru_cache(maxsize=4096)
def clean_line(raw: str) -> str:
    """Whitespace collapsed, invisible characters dropped, mojibake repaired."""
    text = " ".join(raw.split())
    if "&" in text and ";" in text:
        text = html.unescape(html.unescape(text)) if "&amp;" in text else html.unescape(text)
        text = " ".join(text.split())
    if not text.isascii():
        text = repair_mojibake(_INVISIBLE.sub("", text))
    return text


def split_lines(text: str) -> list[Line]:
    """Every non-blank line of a capture's text, cleaned; each line's kind is worked out when first asked for.

    Most lines are clean already (printable, single spaces, no entity, no mojibake): they are only stripped, and
    the few others cleaned (:func:`clean_line`).
    """
    found = [Line(index, stripped) for index, raw in enumerate(text.split("\n")) if (stripped := raw.strip())]
    if not text.isascii() and any(lead in text for lead in _MOJIBAKE_LEADS) and _MOJIBAKE.search(text):
        unclean = found
    else:
        unclean = [line for line in found if "&" in line.text or "  " in line.text or not line.text.isprintable()]
    for line in unclean:
        raw = line.text
        line.text = clean_line(raw) if len(raw) <= MAX_PATTERN_CHARS else " ".join(raw.split())
    return [line for line in found if line.text] if unclean else found


def classify(text: str) -> list[Line]:
    """Every non-blank line of a capture's text, classified."""
    found = split_lines(text)
    for line in found:
        line.kind  # noqa: B018 (works the kind out now)
    return found


def structure(lines: list[Line]) -> str:
    """The capture's kind codes, one character a line (what templates match against)."""
    return "".join(line.kind for line in lines)


_TRANSLIT = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa"}


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def _ascii_fold(text: str) -> str:
    """Accents dropped (``é`` -> ``e``); letters of other scripts kept."""
    if not unicodedata.is_normalized("NFKD", text):
        text = unicodedata.normalize("NFKD", text)
    return _COMBINING.sub("", text)


_NON_WORD = re.compile(r"[\W_]+")


#: ASCII characters that are no part of a word (as :data:`_NON_WORD` splits), each made a space.
_ASCII_NON_WORD = str.maketrans({ch: " " for ch in map(chr, range(128)) if not ch.isalnum()})


@lru_cache(maxsize=8192)
def word_keys(text: str) -> frozenset[str]:
    """Words of ``text`` folded for comparison with URL slugs (case, accents and German transliteration): the words
    of its :func:`spellings`, which the headline search has mostly worked out already."""
    spelled = spellings(text)
    if spelled.isascii():
        return frozenset(spelled.translate(_ASCII_NON_WORD).split())
    return frozenset(_NON_WORD.split(spelled)) - {""}


@lru_cache(maxsize=8192)
def spellings(text: str) -> str:
    """``text`` case-folded as :func:`word_keys` reads it, followed (when it has letters beyond ASCII) by its words
    with other letters, accents dropped and German and Nordic letters spelled out, one spelling a line: each of
    its word keys is part of it (and no word key holds a line break)."""
    lowered = text.casefold()
    if "%" in lowered:
        lowered = unquote(lowered)
    if lowered.isascii():
        return lowered
    spelled = " ".join(filterfalse(str.isascii, lowered.split()))
    return "\n".join((lowered, _ascii_fold(spelled), _transliterate(spelled)))


def _transliterate(text: str) -> str:
    """German and Nordic letters spelled out (``ü`` -> ``ue``), as URL slugs often write them."""
    for letter, spelled in _TRANSLIT.items():
        if letter in text:
            text = text.replace(letter, spelled)
    return text


def slug_words(url: str | None) -> set[str]:
    """The words of a URL's path that could come from its headline (ids, dates and short tokens left out)."""
    if not url:
        return set()
    try:
        path = urlsplit(url).path
    except ValueError:
        return set()
    tokens = _SLUG_SPLIT.split(unquote(path).casefold())
    # an ASCII token has no accent to drop
    words = {t if t.isascii() else _ascii_fold(t) for t in tokens if len(t) >= 3 and not any(map(str.isdigit, t))}
    return words - _NOT_SLUG_WORDS


_SLUG_SPLIT = re.compile(r"[^\w]+|_")
_NOT_SLUG_WORDS = frozenset(["html", "htm", "php", "article", "articles", "story", "news", "www", "index", "amp"])


#: A line of this many characters or more is prose (CJK text is denser).
PROSE_CHARS = 120
CJK_PROSE_CHARS = 50


def is_prose(line: Line) -> bool:
    """A paragraph: long enough, several words, no URL (told without classifying the line)."""
    text = line.text
    size = len(text)
    if size < CJK_PROSE_CHARS:
        return False
    if size >= PROSE_CHARS and text.count(" ") * 12 >= size and not text.startswith(("http", "www.")):
        return True
    return is_cjk(text)  # shorter, or without spaces between words: prose only in CJK (asked last: the rarer case)
