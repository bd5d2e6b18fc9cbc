"""The quick tests of page-dump reading agree with the full computations they stand for (issue #3: speed)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from newsmeta.extractors import capture, capture_dates, capture_headline, capture_language, capture_lines
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
    "",
]


def _texts() -> list[str]:
    texts = list(ODD)
    for path in sorted(FIXTURES.glob("*.txt")):
        _, body = split_header(path.read_text(encoding="utf-8"))
        texts += [line.text for line in capture_lines.split_lines(body)]
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
