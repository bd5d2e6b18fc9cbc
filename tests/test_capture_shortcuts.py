"""The quick tests of page-dump reading agree with the full computations they stand for (issue #3: speed)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from newsmeta.extractors import (
    capture,
    capture_bylines,
    capture_dates,
    capture_dump,
    capture_headline,
    capture_language,
    capture_lines,
)
from newsmeta.rules import lexicon
from newsmeta.textcapture import split_header

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "capture"
#: Odd spellings that case-blind matching and case folding treat apart (dotless i, long s, Kelvin sign...).
ODD = [
    "İstanbul vor 3 Stunden",
    "ıl y a 2 heures",
    "ſiden 5 dager",
    "3 DAYS AGO",
    "Vor einer Stunde",
    "an hour ago",
    "5 yıl önce",
    "2 saat önce",
    "hace 5 minutos",
    "назад 3 дня",
    "Straße in Köln – ﬁsh & chips",
    "l™x ½ ² ١٢",
    "a_b c%20d",
    "Ǆemal ǅemal",
    "e\u0301te\u0301 Über",
    "a \u200b b",  # cleaning drops the invisible space and leaves two spaces (or a leading one)
    "\u200b Published: 3. Mai 2024",
    "Posted: Aug 08, 2024 4:00 AM EDT | Last Updated: August 8",
    "Associated PressApril 28, 20232:23 PM GMT",
    "1202312:30 Uhr",
    "Jane Doe, Senior Reporter | Foto: Zvg.",
    "Ulrich ExnerKorrespondent",
    "STEVE PEOPLES, THOMAS BEAUMONT and AMELIA THOMSON-DEVEAUX",
    "Engineer Creates New Religion To ‘Raise’ and Worship Artificial Intelligence God",
    "Smith,and Jones (and) a&b x|y - z – w",
    "Niall Carson/PA Images via Getty Images (Foto/dpa)",
    "",
]


def _texts() -> list[str]:
    texts = list(ODD)
    for path in sorted(FIXTURES.glob("*.txt")):
        _, body = split_header(path.read_text(encoding="utf-8"))
        texts += [line.text for line in capture_lines.split_lines(body)]
    texts += [line.text for line in capture_lines.split_lines("\n".join(ODD))]  # as cleaned into lines
    return texts


TEXTS = _texts()


def test_relative_time_gate_lets_every_relative_time_through() -> None:
    relative = capture_dates._patterns()[1]
    for text in TEXTS:
        if relative.search(text):
            assert capture_dates._may_be_relative(text, text[:1].isdigit()), text


def test_ascii_forms_of_lexicon_words() -> None:
    assert capture_dates._ascii_form("yıl") == "yil"
    assert capture_dates._ascii_form("ſiden") == "siden"
    assert capture_dates._ascii_form("önce") is None
    units = capture_dates._ascii_words("relative_units")
    assert "min" in units and "minutes" not in units  # a text that holds ``minutes`` holds ``min``


def test_publication_initials() -> None:
    published = capture_dates._patterns()[3]
    for text in [*TEXTS, "Veröffentlicht am 3. Mai", "ſtand: 10:49", " Stand 10:49 Uhr"]:
        assert capture_dates.is_publication(text) is bool(published.search(text.strip())), text


def test_any_of_finds_what_the_words_find() -> None:
    words = {mark.lower() for mark in lexicon()["credit_marks"]} | {"ab", "abc", "b"}
    pattern = re.compile(capture_headline._any_of(words))
    for text in [*TEXTS, "x abc y", "ab", "zzz"]:
        lowered = text.lower()
        assert (pattern.search(lowered) is not None) is any(word in lowered for word in words), text
    assert re.search(capture_headline._any_of(set()), "anything") is None


def test_spellings_hold_every_word_key() -> None:
    for text in TEXTS:
        spelled = capture_lines.spellings(text)
        assert all(key in spelled for key in capture_lines.word_keys(text)), text


@pytest.mark.parametrize("slug", [{"trump", "says", "tariffs"}, {"ueber", "koeln", "strasse"}, {"uber", "cafe", "ete"}])
def test_slug_score_bound(slug: set[str]) -> None:
    for text in TEXTS:
        assert capture_headline._slug_score_bound(text, slug) >= capture_headline._slug_score(text, slug), text


def test_words_up_to() -> None:
    line = capture_lines.Line(0, "one two  three four five")
    assert line.words == 5
    assert [line.words_up_to(most) for most in (1, 3, 4, 5, 9)] == [2, 4, 5, 5, 5]


def test_common_word_counts_are_the_counts_of_the_words() -> None:
    data = capture_language._data()
    for path in sorted(FIXTURES.glob("*.txt")):
        sample = path.read_text(encoding="utf-8")[:1500]
        expected: Counter[str] = Counter()
        for word, number in Counter(capture_language._WORD.findall(sample.casefold())).items():
            for language in data.words.get(word, ()):
                expected[language] += number
        assert capture_language._word_counts(sample, data) == expected, path.name


def test_structured_starts_are_counted_as_the_pattern_counts_them() -> None:
    texts = [*TEXTS, "https://x.y", "www.x.de", "//cdn", "-3", "+49 30", "٣ أيام", "TRUE", "false", "a@b.de", "Hello"]
    lines = [capture_lines.Line(n, text) for n, text in enumerate(texts) if text]
    for start in range(0, len(lines), 20):
        chunk = lines[start : start + 20]
        starts = sum(1 for line in chunk if capture._STRUCTURED_START.match(line.text))
        assert capture.looks_like_dump(chunk) is (starts < capture.DUMP_SHARE * len(chunk))


# --- the page-dump shortcuts of issue #3's third pass: each against the plain computation it stands for ---------


def test_names_in_stops_at_the_first_part_that_is_no_name() -> None:
    def plain(text: str) -> bool:
        parts = [part for part in capture_lines._NAME_SEPARATORS.split(text) if part]
        if not parts or len(parts) > 8:
            return False
        named = [capture_lines.looks_like_name(part) for part in parts]
        return any(named) and all(
            ok or (part.isupper() and len(part) <= 5) for ok, part in zip(named, parts, strict=True)
        )

    for text in TEXTS:
        assert capture_lines.names_in(text) is plain(text), text


def test_a_text_with_a_digit_looks_like_no_name() -> None:
    for text in [*TEXTS, "Jane Doe2", "Jane ²Doe", "Anne-Marie 3", "J. R. R. Tolkien"]:
        if any(map(str.isdigit, text)):
            assert not capture_lines.looks_like_name(text), text


@pytest.mark.parametrize(
    ("module", "name", "plain"),
    [
        (capture_lines, "_NAME_SEPARATORS", r"\s*(?:,|\||&|\band\b|\bund\b|\bet\b|\by\b|\bog\b|\bi\b|\bu\b)\s*"),
        (capture_bylines, "_SEPARATORS", r"\s*(?:[|·•]|\s[-–—]\s)\s*"),
    ],
)
def test_separators_split_as_their_plain_patterns(module: object, name: str, plain: str) -> None:
    quick, slow = getattr(module, name), re.compile(plain)
    for text in [*TEXTS, " | - ", "  - ", "a -b", "a  —  b", "|a|", "a\t-\tb", "(and)", "un und i u y"]:
        assert quick.split(text) == slow.split(text), text


def test_a_camel_pair_is_where_camel_case_splits() -> None:
    for text in TEXTS:
        found = capture_bylines._CAMEL_PAIR.search(text) is not None
        assert found is (capture_bylines._CAMEL.search(text) is not None), text


def test_capitals_are_counted_to_two() -> None:
    for text in TEXTS:
        assert capture_bylines._two_capitals(text) is (sum(map(str.isupper, text)) >= 2), text
        words = text.split()
        assert capture_bylines._two_capitalised(words) is (sum(1 for w in words if w[:1].isupper()) >= 2), text


def test_the_classifier_asks_for_a_date_line_as_may_be_dated_tells_it() -> None:
    """The classifier's date test is :func:`may_be_dated` (cached): the same as ``is_date_line`` for every line
    that reaches it (no ISO timestamp does: the classifier tells those first)."""
    for text in TEXTS:
        if not text:
            continue
        digits = re.search(r"\d", text) is not None
        if capture_dates.is_iso_timestamp(text):
            assert capture_lines.classify_text(text)[0] == "D", text
        else:
            plain = len(text) <= 160 and capture_dates.is_date_line(text, digits)
            assert capture_lines.may_be_dated(text) is plain, text


def test_a_glued_year_and_time_holds_five_digits_and_a_colon() -> None:
    for text in [*TEXTS, "20232:30", "2023 12:30", "1202312:30", "Apr 28 202312:23 PM"]:
        if capture_dates._GLUED_YEAR_TIME.search(text):
            assert capture_dates._YEAR_TIME_GLUE.search(text), text


def test_a_site_credit_holds_a_slash() -> None:
    for text in [*TEXTS, "site.is/Name", "Caption text (Photographer/AGENCY)"]:
        if capture_headline._SITE_CREDIT.search(text):
            assert "/" in text, text


def test_a_time_has_digits() -> None:
    for text in TEXTS:
        if not re.search(r"\d", text):
            assert capture_dump.time_only(text) is None, text
            assert capture_dump._TIME.match(text) is None and capture_dump._LABEL.match(text) is None, text


def test_the_publication_line_is_the_first_announced_date_line() -> None:
    def plain(lines: list[capture_lines.Line]) -> capture_lines.Line | None:
        for line in lines:
            if len(line.text) <= 160 and capture_dates.is_publication(line.text) and line.kind == "d":
                return line
        return None

    pages = [
        capture_lines.split_lines(split_header(path.read_text(encoding="utf-8"))[1]) for path in FIXTURES.glob("*.txt")
    ]
    pages.append(capture_lines.split_lines("\n".join(ODD)))
    for lines in pages:
        for start in range(0, len(lines), 7):  # the first announced line of each tail of the page
            assert capture_dump._publication_line(lines[start:]) is plain(lines[start:])


def test_slug_words_as_first_written() -> None:
    from urllib.parse import unquote, urlsplit

    def plain(url: str) -> set[str]:
        tokens = re.split(r"[^\w]+|_", unquote(urlsplit(url).path).casefold())
        words = {capture_lines._ascii_fold(t) for t in tokens if len(t) >= 3 and not any(ch.isdigit() for ch in t)}
        return words - {"html", "htm", "php", "article", "articles", "story", "news", "www", "index", "amp"}

    urls = [
        "https://www.derstandard.at/story/3000000218734/nach-kalifat-rufen-in-hamburg-sind-wir-zu-sanft-zu-islamisten",
        "https://example.de/politik/Trump-spricht-nach-Sturm-%C3%BCber-Bodeneins%C3%A4tze-1.html",
        "https://x.org/2024/05/03/caf\u00e9-e\u0301te\u0301_ﬁnal-²x-story-index.amp",
        "https://x.org/наука/новости-дня-2024",
    ]
    for url in urls:
        assert capture_lines.slug_words(url) == plain(url), url


def test_prose_and_headline_shapes_as_first_written() -> None:
    def plain_prose(text: str) -> bool:
        if len(text) < capture_lines.CJK_PROSE_CHARS:
            return False
        if capture_lines.is_cjk(text):
            return True
        size = len(text)
        return (
            size >= capture_lines.PROSE_CHARS and text.count(" ") * 12 >= size and not text.startswith(("http", "www."))
        )

    def plain_shape(line: capture_lines.Line) -> bool:
        text = line.text
        if not capture_headline.MIN_CHARS <= len(text) <= capture_headline.MAX_CHARS or "@" in text:
            return False
        cjk = capture_lines.is_cjk(text)
        words = line.words_up_to(7)
        if not cjk and words < 3:
            return False
        if text.startswith(("http:", "https:", "www.", "/")):
            return False
        return cjk or len(text) > 60 or words > 6 or not capture_lines.is_lower_case(text)

    for text in [*TEXTS, "社会" * 30, "http://example.com/" + "a" * 150, "a" * 130]:
        line = capture_lines.Line(0, text)
        assert capture_lines.is_prose(line) is plain_prose(text), text
        assert capture_headline.shaped_like_headline(line) is plain_shape(line), text


def test_word_keys_are_the_words_of_the_spellings() -> None:
    """:func:`word_keys` split out of :func:`spellings` (which the headline's first bound works out already), as the
    keys were first gathered: whole chunks of letters, other chunks split, the variants of the non-ASCII ones."""
    from itertools import filterfalse
    from urllib.parse import unquote

    def plain(text: str) -> frozenset[str]:
        lowered = text.casefold()
        if "%" in lowered:
            lowered = unquote(lowered)
        if lowered.isascii():
            return frozenset(lowered.translate(capture_lines._ASCII_NON_WORD).split())
        chunks = lowered.split()
        keys = {chunk for chunk in chunks if chunk.isalnum()}
        for chunk in chunks:
            if not chunk.isalnum():
                keys.update(capture_lines._NON_WORD.split(chunk))
        spelled = " ".join(filterfalse(str.isascii, chunks))
        for variant in (capture_lines._ascii_fold(spelled), capture_lines._transliterate(spelled)):
            if variant != spelled:
                keys.update(capture_lines._NON_WORD.split(variant))
        keys.discard("")
        return frozenset(keys)

    for text in [*TEXTS, "caf%C3%A9 %20 100% sicher", "x\u00a8y ﬁnal ½ ① ℅ c\u00a0d", "u\u0308ber a\u0301 \u0301b"]:
        assert capture_lines.word_keys(text) == plain(text), text
