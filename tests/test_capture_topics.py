"""Tags of page dumps (issue #3): where a list of tags sits and how it ends, one test a pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsmeta
from newsmeta.extractors import capture_topics
from newsmeta.extractors.capture_lines import Line, split_lines

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "capture"


def _extract(name: str) -> newsmeta.Article:
    return newsmeta.extract((FIXTURES / name).read_bytes())


def _tags(text: str, title: int = 0, body_end: int = 0) -> list[str]:
    lines = split_lines(text)
    return [c.value for c in capture_topics.topics(lines, title, body_end)]


def test_run_after_the_articles_last_sentences_ends_at_a_block_heading() -> None:
    # short paragraphs after the body run are the article's still; the run ends at "Related"
    article = _extract("dump-tags-run-after-sentences.txt")
    assert article.tags == ["Local transport", "Bridges"]
    assert article.provenance["tags"].source == "capture:topic-run"


def test_labelled_lists_below_one_another_end_at_a_shouted_line() -> None:
    # "Orte" / "Themen" make one group; "Wirtschaft" is in the top menu but the menu does not go on after it;
    # the shouted "BEWEGUNGSMELDER" ends the quiet list; the related article under "Mehr zum Thema" and the
    # footer's "Themen" menu are not tags
    assert _extract("dump-tags-labelled-list-ends.txt").tags == ["Musterstadt", "Nahverkehr", "Stadtrat", "Wirtschaft"]


def test_hashtags_lose_their_mark_and_a_teaser_label_is_passed_over() -> None:
    # "Topik terkait" introduces a related article (kicker, headline, quotation): no tags; the hashtag list ends at
    # the first line that is no hashtag
    assert _extract("dump-tags-hashtags-and-teaser-label.txt").tags == ["Pasar Ikan", "Pelabuhan Kota", "Nelayan"]


def test_two_glued_tags_after_a_share_bar() -> None:
    assert _extract("dump-tags-glued-after-share.txt").tags == ["Court case", "Crime"]


def test_kicker_above_the_headline_when_the_page_shows_no_tags() -> None:
    article = _extract("dump-tags-kicker.txt")
    assert article.tags == ["Middle East"]
    assert article.provenance["tags"].source == "capture:kicker"


def test_related_headline_with_its_date_ends_a_list() -> None:
    text = "Schlagwörter\nUkraine,\nRussland\nMehr zum Thema\nNeue Waffen für die Front\n24.04.2023\nImpressum\n"
    assert _tags(text) == ["Ukraine", "Russland"]


def test_a_label_followed_by_a_date_introduces_related_articles() -> None:
    text = "Mehr zum Thema\n24.04.2024 • 11:31 Uhr\nNachholspiel in England\nHavertz trifft doppelt\nImpressum\n"
    assert _tags(text) == []


def test_a_badge_and_a_note_between_label_and_list() -> None:
    note = "Immer informiert bleiben: Klicken Sie auf das Plus-Symbol an einem Thema, um diesem zu folgen. " * 3
    text = f"Mehr zum Thema\nNEU\n{note}\nMehr erfahren.\n1&1\nCybercrime\nPhishing\nTeile diesen Beitrag\n"
    assert _tags(text) == ["1&1", "Cybercrime", "Phishing"]


def test_a_keywords_line_is_a_whole_list() -> None:
    text = "Tags\nDark Mode, leaderboards, Strava\nStartups\nA fintech wants to be liquidated, citing gross errors\n"
    assert _tags(text) == ["Dark Mode, leaderboards, Strava"]


def test_separators_and_trailing_dashes_are_no_tags() -> None:
    text = "Etiketler :\nSpor -\nFutbol\n,\nGalatasaray\nAlle Themen\n"
    assert _tags(text) == ["Spor", "Futbol", "Galatasaray"]


def test_decorated_label_and_a_glued_line_under_a_label() -> None:
    assert _tags("■関連キーワード\nフジテレビ\n政治・社会\n") == ["フジテレビ", "政治・社会"]
    assert _tags("Ähnliche Themen\nLong COVIDCoronavirus\nTop-Thema\n") == ["Long COVID", "Coronavirus"]


def test_a_footer_menu_after_the_article_is_no_run() -> None:
    body = "The council approved the plan on Thursday after a long debate. " * 4
    text = f"{body}\nzur Startseite\nAbo\nKundenservice\nTreueprogramm\nMediadaten\nAnzeige schalten\n"
    assert _tags(text) == []


@pytest.mark.parametrize(
    ("text", "alone", "parts"),
    [
        ("Murder trialCrime", True, ["Murder trial", "Crime"]),
        ("Murder trialCrime", False, ["Murder trialCrime"]),
        ("Ryan McDonald", True, ["Ryan McDonald"]),
        ("WhatsApp", True, ["WhatsApp"]),
        ("Vogue-AusgabeCoverModelsKate Moss", False, ["Vogue-Ausgabe", "Cover", "Models", "Kate Moss"]),
    ],
)
def test_glued_tags(text: str, alone: bool, parts: list[str]) -> None:
    assert capture_topics.split_glued_tags(text, alone=alone) == parts


@pytest.mark.parametrize(
    ("text", "stop"),
    [("Most viewed in USA", True), ("Recommended video", True), ("Related", True), ("Manchester City", False)],
)
def test_block_headings_end_lists(text: str, stop: bool) -> None:
    assert capture_topics._is_stop(text) is stop


def test_a_name_glued_of_short_words_is_no_line_of_tags() -> None:
    assert not capture_topics._is_glued_tags("InYourArea")
    assert capture_topics._is_glued_tags("Tommy RobinsonCourt caseProtestsRiots")
    assert not capture_topics._is_topic_item(Line(0, "0:00", "w"))
