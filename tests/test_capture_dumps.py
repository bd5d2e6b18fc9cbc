"""Page-dump patterns added for issue #3: bylines, dates and times, headline wording, language, lazy classing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

import newsmeta
from newsmeta.document import Document
from newsmeta.extractors import (
    capture,
    capture_bylines,
    capture_dates,
    capture_dump,
    capture_headline,
    capture_language,
    capture_lines,
    capture_topics,
)
from newsmeta.textcapture import split_header

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "capture"


def _extract(name: str) -> newsmeta.Article:
    return newsmeta.extract((FIXTURES / name).read_bytes())


def _candidates(name: str) -> list[newsmeta.candidate.Candidate]:
    header, body = split_header((FIXTURES / name).read_text(encoding="utf-8"))
    assert header is not None
    return capture.extract(Document(url=header.url, text=body, captured=header.captured))


# --- bylines --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "prefixed"),
    [
        ("Von: Nadja Beispiel", "Nadja Beispiel", True),
        ("Kolumne von Lars Muster", "Lars Muster", True),
        ("Author of the article: By Denise Example", "Denise Example", True),
        ("Von Ulrich ExnerKorrespondent", "Ulrich Exner", True),
        ("Emma MackenzieLifestyle Writer", "Emma Mackenzie", False),
        ("Steffan Rhys Deputy Content Hub Director", "Steffan Rhys", False),
        ("Greg Example@GregExample", "Greg Example", False),
        ("Zimbili Example|Published", "Zimbili Example", False),
        ("Yasmine Example · CBC News ·", "Yasmine Example", False),
        ("Julia Vergin | Clare Roth", "Julia Vergin | Clare Roth", False),
        ("Von Christian Muster, Redakteur", "Christian Muster", True),
    ],
)
def test_byline_names(text: str, names: str, prefixed: bool) -> None:
    assert capture_bylines.byline(text) == (names, prefixed)


@pytest.mark.parametrize(
    "text",
    ["Copy Link", "Social Sharing", "Video Loading", "Follow Us", "Leitender Wirtschaftsredakteur", "Published Fri"],
)
def test_page_furniture_and_roles_are_no_byline(text: str) -> None:
    assert capture_bylines.byline(text) is None


def test_lone_prefix_line_and_one_name_a_line_with_glued_roles() -> None:
    article = _extract("dump-english-lines.txt")
    assert [p.name for p in article.authors] == ["Sam Carter", "Lee Roe"]  # not "Social Sharing"


def test_prefixed_byline_beats_closer_share_button_and_drops_role_line() -> None:
    article = _extract("dump-kicker-separate-byline.txt")
    assert [p.name for p in article.authors] == ["Anna Beispiel"]


def test_labelled_author_under_the_body() -> None:
    assert [p.name for p in _extract("dump-labelled-footer.txt").authors] == ["Roman Beispiel"]


def test_labelled_author_far_from_the_headline() -> None:
    body = ["A long paragraph of the article body that goes on and on about the matter at hand. " * 2] * 60
    lines = capture_lines.split_lines(
        "\n".join(["A headline of several words here", *body, "Autorin/Autor", "Roman Muster"])
    )
    found = capture_bylines.find(lines, 0, 1)
    assert [(c.value, c.source) for c in found] == [("Roman Muster", "capture:byline-labelled")]
    assert capture_bylines.find(lines[:-2], 0, 1) == []


# --- dates ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("26.04.2024 10:00 Uhr", ("26.04.2024 10:00 Uhr",)),
        ("26.04.2024", ("26.04.2024",)),
        ("28. 4. 2023, 18:41 Uhr", ("28.4.2023, 18:41 Uhr",)),
        ("10:49 Uhr", ()),
    ],
)
def test_numeric_date_phrases(text: str, phrases: tuple[str, ...]) -> None:
    assert capture_dates.date_phrases(text) == phrases


def test_a_date_inside_a_sentence_makes_no_date_line() -> None:
    assert capture_dates.is_date_line("26.04.2024 10:00 Uhr")
    sentence = "Previously, local media reported that the council had approved the plan in a vote. 23.12.2022, Example"
    assert not capture_dates.is_date_line(sentence)


@pytest.mark.parametrize(
    ("text", "clock"),
    [("5:50 pm CET", "5:50 pm CET"), ("Stand: 10:49 Uhr", "10:49 Uhr"), ("12:43", "12:43"), ("Lesezeit: 5 min", None)],
)
def test_time_only_lines(text: str, clock: str | None) -> None:
    assert capture_dump.time_only(text) == clock


def test_day_and_time_on_separate_lines_are_joined() -> None:
    found = [c for c in _candidates("dump-english-lines.txt") if c.field == "published"]
    assert found[0].value == "October 23, 2025 5:50 pm CET"
    article = _extract("dump-english-lines.txt")
    assert article.published is not None and (article.published.hour, article.published.minute) == (17, 50)


def test_time_alone_is_read_on_the_capture_day() -> None:
    found = [c for c in _candidates("dump-kicker-separate-byline.txt") if c.field == "published"]
    assert ("2024-05-03 10:49 Uhr", "capture:time+header-date") in [(c.value, c.source) for c in found]
    article = _extract("dump-kicker-separate-byline.txt")
    assert article.published is not None and article.published.replace(tzinfo=None) == datetime(2024, 5, 3, 10, 49)


def test_labelled_date_beats_a_caption_date_next_to_the_headline() -> None:
    article = _extract("dump-labelled-footer.txt")  # the caption says 24 April, the page's date label 28 April
    assert article.published is not None and article.published.date() == date(2023, 4, 28)


def test_an_update_shown_alone_is_the_publication_too() -> None:
    lines = capture_lines.split_lines("A headline of several words here\nAktualisiert am 28. April 2023, 20:22 Uhr")
    found = capture_dump.dates(lines, 0)
    assert [(c.field, c.source) for c in found] == [
        ("modified", "capture:dateline"),
        ("published", "capture:dateline-updated"),
    ]
    assert found[1].confidence < found[0].confidence


# --- headline wording -----------------------------------------------------------------------------------------


def test_kicker_kept_when_the_slug_spells_it() -> None:
    assert _extract("dump-kicker-separate-byline.txt").title == "Stadtfest 2024: Wann es beginnt - und was es kostet"


def test_glued_kicker_dropped_when_the_slug_leaves_it_out() -> None:
    lines = capture_lines.split_lines('"Es wird bald beginnen"Trump spricht nach Sturm über Bodeneinsätze')
    slug = capture_lines.slug_words("https://example.de/politik/Trump-spricht-nach-Sturm-ueber-Bodeneinsaetze-1.html")
    assert capture_headline.wording(lines, capture_headline.Headline(0, slug)) == (
        "Trump spricht nach Sturm über Bodeneinsätze"
    )
    assert capture_headline.wording(lines, capture_headline.Headline(0, set())) == lines[0].text


def test_picture_credit_is_no_headline() -> None:
    assert capture_headline.is_credit("Commuters cross the bridge on Thursday. | Jane Doe/Getty Images")
    assert not capture_headline.is_credit("Harbour bridge reopens after repairs")


# --- language -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Der Stadtrat hat mit der Mehrheit über die Pläne für die Innenstadt entschieden, und die Kosten sind " * 2,
            "de",
        ),
        (
            "The council said that the bridge was closed for repairs and that it has been reopened by the city " * 2,
            "en",
        ),
        ("政府は十四日、新しい計画を発表した。これにより、多くの人が影響を受けることになる。", "ja"),
        ("Harbour Bridge Example Times", None),
    ],
)
def test_language_guess(text: str, language: str | None) -> None:
    assert capture_language.guess(text) == language


def test_dump_gives_a_language_candidate() -> None:
    assert _extract("dump-labelled-footer.txt").language == "de"


# --- speed: lines are classed lazily --------------------------------------------------------------------------


def test_dump_lines_are_classed_only_when_needed() -> None:
    text = "\n".join(["Menu item"] * 300 + ["A headline of several words here"] + ["Body text that goes on. " * 8] * 5)
    lines = capture_lines.split_lines(text)
    assert capture.looks_like_dump(lines)
    capture_dump.extract(lines, None)
    classed = sum(1 for line in lines if line._kind is not None)
    assert classed < len(lines) // 4
    assert lines[0].kind == "w" and lines[0]._kind == "w"


# --- headline choice and wording, tags (issue #3, second round) -----------------------------------------------


def test_breadcrumb_glued_before_the_headline_is_cut_off() -> None:
    article = _extract("dump-glued-crumbs-caption.txt")
    assert article.title == "Köprüde yeni yol açıldı! Son durum belli oldu"  # not "Haberler Gündem Köprüde..."
    assert [p.name for p in article.authors] == ["Ayşe Örnek"]


def test_a_tag_named_like_the_headlines_first_word_is_no_breadcrumb() -> None:
    """The page lists ``Deutschland`` as a tag line; the headline's ``Deutschland`` stays (the rest would start
    with a lower-case ``und``)."""
    dump = "\n".join(
        [
            "date 2020-03-18 https://news.example/politik/grenze-der-partner-wird-zum-fremden/25776812.html",
            "Politik",
            "Deutschland und Frankreich: Der enge Partner wird zum Fremden",
            "Von Thomas Beispiel",
            "Seit Montag sind die Grenzen zu, und viele Pendler stehen vor geschlossenen Schlagbäumen, die sie nur aus"
            " den Erzählungen ihrer Eltern kannten; die Nachbarn sind irritiert.",
            "Frankreich",
            "Deutschland",
            "Luxemburg",
        ]
    )
    assert newsmeta.extract_capture(dump).title == "Deutschland und Frankreich: Der enge Partner wird zum Fremden"


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("photos.example.com/Atli Beispiel", True),
        ("Sales rose in the first half. (Fred Example/AGENCY)", True),
        ("イスラエルの国旗＝同国で2019年5月", True),
        ("Europe: car sales rose in the first half", False),
    ],
)
def test_site_and_agency_credits(text: str, credit: bool) -> None:
    assert capture_headline.is_credit(text) is credit


@pytest.mark.parametrize(
    ("text", "sentence_end", "sentences"),
    [
        ("Emma Example after she had surgery and lost 130lb.", True, False),
        ("The minister starts her new job today. But does she have another goal?", False, True),
        ("Who is the girlfriend of the star and how many children do they have...", False, False),
        ("Baerbock zur UN: Nur eine Etappe zum nächsten Karriereschritt?", False, False),
    ],
)
def test_captions_and_teasers_read_as_sentences(text: str, sentence_end: bool, sentences: bool) -> None:
    assert capture_headline.ends_like_a_sentence(text) is sentence_end
    assert capture_headline.several_sentences(text) is sentences


def test_headline_with_its_date_after_share_buttons_beats_a_caption_next_to_the_body() -> None:
    article = _extract("dump-caption-and-teaser.txt")
    assert article.title == "Ceasefire talks reach their final round in the capital"
    assert article.published is not None and (article.published.hour, article.published.minute) == (21, 17)


def test_tag_run_after_a_body_split_by_pictures_and_ads() -> None:
    article = _extract("dump-split-body-tag-run.txt")
    assert article.tags[:3] == ["Politics", "USA", "Infrastructure"]


def test_glued_tags_are_split_and_a_menu_label_gives_no_tags() -> None:
    assert _extract("dump-glued-tags-menu-label.txt").tags == ["Hafen", "Stadtrat", "Brückenbau", "USA"]
    assert capture_topics.split_glued_tags("US-MilitärDonald TrumpVenezuelaUSAIran") == [
        "US-Militär",
        "Donald Trump",
        "Venezuela",
        "USA",
        "Iran",
    ]
    assert capture_topics.split_glued_tags("WhatsApp") == ["WhatsApp"]


# --- shortcuts: each cheap test must agree with the full computation ----------------------------------------


def _dump_lines(name: str) -> tuple[list[capture_lines.Line], str | None]:
    header, text = split_header((FIXTURES / name).read_text(encoding="utf-8"))
    return capture_lines.split_lines(text), header.url if header else None


def _exhaustive_headline(lines: list[capture_lines.Line], slug: set[str], body_start: int) -> int | None:
    """The headline as the best score over every eligible line (what :func:`capture_headline.find` bounds)."""
    window = range(max(0, body_start - capture_headline.WINDOW), min(len(lines), body_start + 3))
    positions = [*window, *(n for n in capture_headline._slug_lines(lines, slug) if n not in window)]
    facts = capture_headline.LineFacts(lines)
    repeats = capture_headline.Repeats(lines)
    eligible = [n for n in positions if capture_headline.eligible(lines[n], facts, n)]
    if not eligible:
        return None
    return max(eligible, key=lambda n: (capture_headline.score(facts, n, slug, body_start, repeats), -n))


@pytest.mark.parametrize("name", sorted(path.name for path in FIXTURES.glob("dump-*.txt")))
def test_bounded_headline_search_finds_the_best_scored_line(name: str) -> None:
    lines, url = _dump_lines(name)
    body_start, _ = capture_dump.body_run(lines)
    slug = capture_lines.slug_words(url)
    for start in {body_start, max(0, body_start - 5), min(len(lines) - 1, body_start + 5)}:
        assert capture_headline.find(lines, slug, start).position == _exhaustive_headline(lines, slug, start)


@pytest.mark.parametrize(
    "text", ["Headline", "Headline`", "Über„", "Straße", "a\u0301", "ﬁ", "x ", "“Quote”", "İ", "½"]
)
def test_folded_last_character(text: str) -> None:
    from newsmeta.normalize.text import fold

    last = capture_headline._folded_last(text)
    assert last == "" or last == fold(text)[-1:]


@pytest.mark.parametrize("name", sorted(path.name for path in FIXTURES.glob("*.txt")))
def test_prefixed_bylines_pass_the_cheap_prefix_test(name: str) -> None:
    """Far below the headline only a prefixed byline counts: the cheap test must let every one through."""
    lines, _ = _dump_lines(name)
    for position in range(len(lines)):
        found = capture_bylines._at(lines, position)
        if found and found[1]:
            assert capture_bylines.may_be_prefixed(lines[position].text), lines[position].text


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("By Jane Doe", True),
        ("Sport | Von Maria Muster", True),
        ("Von", True),
        ("Jane Doe", False),
        ("Harbour bridge reopens after repairs", False),
    ],
)
def test_may_be_prefixed(text: str, may: bool) -> None:
    assert capture_bylines.may_be_prefixed(text) is may


@pytest.mark.parametrize("name", sorted(path.name for path in FIXTURES.glob("*.txt")))
def test_dated_lines_are_the_date_kinds(name: str) -> None:
    for line in _dump_lines(name)[0]:
        fresh = capture_lines.Line(line.index, line.text)
        assert fresh.dated is (fresh.kind in "dD")


@pytest.mark.parametrize(
    "segment",
    [
        "Office for Budget Responsibility",
        "Nach Kalifat-Rufen in Hamburg",
        "Die Autorin",
        "恋愛＆結婚",
        "Julia Vergin, the reporter",
    ],
)
def test_segments_that_cannot_hold_names(segment: str) -> None:
    """The shortcut is sound (what it rejects holds no names), and it rejects headlines and caseless text."""
    assert capture_bylines._names(segment, False) is None
    rejected = ("Office for Budget Responsibility", "Nach Kalifat-Rufen in Hamburg", "恋愛＆結婚", "Julia Vergin, the reporter")
    assert capture_bylines._cannot_hold_names(segment) is (segment in rejected)


@pytest.mark.parametrize(
    ("segment", "names"),
    [("Jane Doe Senior reporter at AP", "Jane Doe"), ("Ulrich ExnerKorrespondent in Berlin", "Ulrich Exner")],
)
def test_a_lower_case_word_after_a_role_is_cut_off_with_it(segment: str, names: str) -> None:
    """The shortcut keeps a segment whose lower-case words follow a role (cut off with it)."""
    assert not capture_bylines._cannot_hold_names(segment)
    assert capture_bylines._names(segment, False) == names


@pytest.mark.parametrize(
    "segment",
    [
        "Steffan Rhys Deputy Editor",
        "Ulrich ExnerKorrespondent",
        "Ursula von der Leyen",
        "Adam Vidler and AP",
        "Julia Vergin | Clare Roth",
        "Birgit Baumann, Anna Giulia Fink",
    ],
)
def test_name_segments_pass_the_shortcut(segment: str) -> None:
    assert not capture_bylines._cannot_hold_names(segment)
    assert capture_bylines._names(segment, False)


def test_no_digit_no_day_phrase_but_relative_times_in_words() -> None:
    assert capture_dates.date_phrases("The minister may march on in May") == ()
    assert capture_dates.date_phrases("vor einer Stunde") == ("vor einer Stunde",)
    assert capture_dates.date_phrases("an hour ago") == ("an hour ago",)
    assert capture_dates.date_phrases("3 days") == ("3 days",)


def test_language_scripts_are_skipped_for_latin_text_only() -> None:
    latin = "„Die Grünen“ – sagen – das ist € 5 teurer, und die Regierung hat es nicht gewusst. " * 4
    assert capture_language.guess(latin) == "de"
    assert capture_language.guess("これは日本語のテキストです。今日は晴れです。") == "ja"
    assert capture_language.guess("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία") == "el"


def test_slug_keys_spell_out_and_drop_accents() -> None:
    keys = capture_lines.word_keys("Über die Grünen in Malmö: Café")
    assert {"über", "uber", "ueber", "grünen", "grunen", "gruenen", "malmo", "malmoe", "cafe", "café"} <= keys
    assert capture_lines.word_keys("Plain ASCII words") == frozenset({"plain", "ascii", "words"})


# --- a headline far above the body, CJK bylines ----------------------------------------------------------------


def test_headline_far_above_the_body_with_suffixed_bylines_and_their_emails() -> None:
    # an AI summary and a share bar (30 lines) stand between the headline block and the body; names are
    # followed by the role word (기자: reporter), each with an e-mail line
    article = _extract("dump-headline-far-above-body.txt")
    assert article.title == "시골 소년이 쏘아올린 항구 재건의 꿈"
    assert [person.name for person in article.authors] == ["김민준", "박서연"]
    assert article.published is not None and article.published.date() == date(2025, 6, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("배윤경 기자", ("배윤경", True)),
        ("松岡大地 記者", ("松岡大地", True)),
        ("Jane Doe, Reporter", ("Jane Doe", False)),
        ("Jane Doe, Senior Political Correspondent", ("Jane Doe", False)),
        ("정치 입문 후 두 번의 대선 거쳐 대통령 당선 기자", None),
    ],
)
def test_role_words_after_names(text: str, expected: tuple[str, bool] | None) -> None:
    assert capture_bylines.byline(text) == expected


def test_a_line_in_capitals_is_no_headline() -> None:
    shouted = capture_lines.split_lines("FÓRMULA 1 2024\nLa revancha de Verstappen frente a Russell en Qatar")
    penalties = [capture_headline._penalties(line) for line in shouted]
    assert penalties[0] >= capture_headline.SHOUTED_PENALTY > penalties[1]


def test_share_buttons_above_the_headline_are_no_sections() -> None:
    body = (
        "The harbour bridge reopened on Friday after two years of repairs, and the first buses crossed it at dawn "
        "while a small crowd of residents watched from the quay and applauded the workers."
    )
    capture_text = "\n\n".join(
        [
            "date 2024-05-03 https://www.example-post.com/city/harbour-bridge-reopens-after-repairs",
            "Home",
            "City",
            "Pinterest",
            "LinkedIn",
            "Tumblr",
            "Harbour bridge reopens after repairs",
            "By Jane Doe",
            "May 3, 2024",
            body,
            body.replace("Friday", "Saturday"),
        ]
    )
    article = newsmeta.extract(capture_text)
    assert article.title == "Harbour bridge reopens after repairs"
    assert not {"Pinterest", "LinkedIn", "Tumblr"} & set(article.sections)


@pytest.mark.parametrize("name", sorted(path.name for path in FIXTURES.glob("dump-*.txt")))
def test_repeats_and_stem_lines_agree_with_their_definitions(name: str) -> None:
    """A repeat is a line of about the same length with the same folded text; a stem line holds two of the slug's
    stems (whatever window is left out)."""
    from newsmeta.normalize.text import fold

    lines, url = _dump_lines(name)
    repeats = capture_headline.Repeats(lines)
    for line in lines[:80]:
        key = fold(line.text)
        same = [other for other in lines if abs(len(other.text) - len(line.text)) <= 2 and fold(other.text) == key]
        assert repeats.repeated(line.text) is (len(same) > 1)
    slug = capture_lines.slug_words(url) | {"harbour", "bridge"}
    stems = sorted({word[:4] for word in slug})
    for skip in (range(0), range(3, 12), range(10, 5), range(len(lines) - 2, len(lines) + 9)):
        expected = {
            n
            for n, line in enumerate(lines)
            if n not in skip
            and capture_headline.MIN_CHARS <= len(line.text) <= capture_headline.MAX_CHARS
            and sum(stem in line.text.casefold() for stem in stems) >= 2
        }
        assert capture_headline._stem_lines(lines, slug, skip) == expected


def test_position_of_a_line_index() -> None:
    lines = capture_lines.split_lines("one\n\n  \ntwo\nthree\n\nfour")
    for position, line in enumerate(lines):
        assert capture_dump._position_of(lines, line.index) == position
    assert capture_dump._position_of(lines, 1) is None
    assert capture_dump._position_of(lines, 99) is None
