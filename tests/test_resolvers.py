"""Resolver behaviour: on fixtures through ``newsmeta.extract``, and on hand-built candidate lists."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import newsmeta
from newsmeta import Article, Image, Person
from newsmeta.candidate import Candidate
from newsmeta.normalize.language import normalize_language
from newsmeta.normalize.names import split_names
from newsmeta.normalize.urls import site_label
from newsmeta.resolve import build_article
from newsmeta.resolve.title import site_names, strip_site_name

PAGE = "https://www.example-post.com/economy/2023/05/03/rates"
FIXTURE_NAMES = sorted(p.name for p in (Path(__file__).parent.parent / "fixtures/html").glob("*.html"))


def C(field: str, value: str, source: str, confidence: float, **extra: str) -> Candidate:  # noqa: N802
    return Candidate(field, value, source, confidence, extra)


def build(*candidates: Candidate, url: str | None = PAGE, captured: date | datetime | None = None) -> Article:
    return build_article(list(candidates), url=url, captured=captured, warnings=[])


def extract(fixtures_dir: Path, name: str, url: str | None = None) -> Article:
    return newsmeta.extract(fixtures_dir / name, url=url)


# ------------------------------------------------------------------------------------------------ title


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        (
            "Germany shuts down its last nuclear plants | DW | 28.04.2023",
            "DW",
            "https://www.dw.com/en/x/a-65412345",
            "Germany shuts down its last nuclear plants",
        ),
        ("Vláda schválila rozpočet - Seznam Zprávy", "Seznam Zprávy", None, "Vláda schválila rozpočet"),
        ("Example Times - Harbour bridge reopens", None, "https://www.example-times.com/a", "Harbour bridge reopens"),
        ("Harbour bridge reopens — EXAMPLE TIMES", "Example Times", None, "Harbour bridge reopens"),
        (
            "Gemeinderat beschließt Budget für 2024 - Beispiel Zeitung",
            None,
            "https://www.beispiel-zeitung.at/politik/1",
            "Gemeinderat beschließt Budget für 2024",
        ),
        # a colon inside the headline is no separator, and the rest is kept as written
        ("Biden: Ukraine aid will continue | Reuters", "Reuters", None, "Biden: Ukraine aid will continue"),
        (
            "Inflation – what it means for you | Money | The Guardian",
            "the Guardian",
            None,
            "Inflation – what it means for you | Money",
        ),
        # nothing to strip
        (
            "Harbour bridge reopens after two-year repair",
            "Example Times",
            None,
            "Harbour bridge reopens after two-year repair",
        ),
        (
            "Rock & roll museum opens its doors - The Example Ledger",
            None,
            None,
            "Rock & roll museum opens its doors - The Example Ledger",
        ),
    ],
)
def test_strip_site_name(title: str, site: str | None, url: str | None, expected: str) -> None:
    names = site_names([C("site_name", site, "meta:property=og:site_name", 0.8)] if site else [], url)
    assert strip_site_name(title, names) == expected


def test_site_names_from_site_name_publisher_and_host() -> None:
    names = site_names(
        [
            C("site_name", "Seznam Zprávy", "meta:property=og:site_name", 0.8),
            C("publisher_name", "Example.co.uk", "jsonld:NewsArticle.publisher.name", 0.9),
        ],
        "https://www.beispiel-zeitung.at/a",
    )
    assert names == {"seznamzpravy", "examplecouk", "example", "beispielzeitungat", "beispielzeitung"}


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://www.n-tv.de/politik/x", "n-tv"),
        ("https://www.bbc.co.uk/news/x", "bbc"),
        ("https://m.abc.net.au/news/x", "abc"),
        ("https://edition.cnn.com/x", "cnn"),
        ("https://localhost/x", ""),
        (None, ""),
    ],
)
def test_site_label_is_the_sites_own_label(url: str | None, label: str) -> None:
    assert site_label(url) == label


def test_short_site_labels_name_the_site_in_titles_tags_and_authors() -> None:
    article = build(
        C("title", "Regierung beschließt Reform | taz", "dom:title", 0.5),
        C("tags", "Politik, taz", "meta:name=keywords", 0.55),
        C("authors", "taz Redaktion", "meta:name=author", 0.65),
        C("authors", "Jana Beispiel", "dom:span.byline", 0.45),
        url="https://taz.de/Regierung-beschliesst-Reform/!5930000/",
    )
    assert article.title == "Regierung beschließt Reform"
    assert article.tags == ["Politik"]
    assert [p.name for p in article.authors] == ["Jana Beispiel"]


def test_title_resolution_strips_affixes_from_fixture(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "opengraph_dw.html")
    assert article.title == "Germany shuts down its last nuclear plants"
    assert article.provenance["title"].source == "meta:property=og:title"
    assert article.provenance["title"].agreeing == ["dom:title", "meta:name=twitter:title"]


def test_title_loses_a_site_name_that_holds_a_separator_itself() -> None:
    site = "Valley Gazette - Good News for the Valley, Upper Shire"
    for title in (f"Bridge reopens after repairs - {site}", f"{site} | Bridge reopens after repairs"):
        article = build(
            C("site_name", site, "meta:property=og:site_name", 0.8), C("title", title, "meta:property=og:title", 0.8)
        )
        assert article.title == "Bridge reopens after repairs"


def test_title_loses_the_site_name_and_the_slogan_after_it() -> None:
    article = build(
        C("title", "Bridge reopens | valley-news.example | Your Valley's Paper", "meta:property=og:title", 0.8),
        C("title", "Bridge reopens", "dom:h1", 0.55),
        url="https://valley-news.example/2023/05/03/bridge",
    )
    assert article.title == "Bridge reopens"
    assert article.provenance["title"].agreeing == ["dom:h1"]


def test_unrendered_template_code_is_no_title_or_description() -> None:
    article = build(
        C("title", "{{ entry.title }}", "meta:property=og:title", 0.8),
        C("title", "Bridge reopens", "dom:h1", 0.55),
        C("description", "{{ seomatic.helper.extractTextFromField(entry.teaser) }}", "jsonld:Article.description", 0.9),
        C("description", "The old bridge opened again after two years.", "meta:name=description", 0.7),
    )
    assert article.title == "Bridge reopens"
    assert article.description == "The old bridge opened again after two years."


def test_the_sites_tagline_is_no_description_and_a_long_one_loses_the_site_name() -> None:
    site = C("site_name", "Valley News", "meta:property=og:site_name", 0.8)
    tagline = build(site, C("description", "Valley News - the independent paper", "meta:name=description", 0.7))
    assert tagline.description is None
    summary = "The old bridge over the river opened again on Saturday after two years of repairs, the council said"
    long = build(site, C("description", f"{summary} | Valley News", "meta:property=og:description", 0.8))
    assert long.description == summary


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Bridge reopens (Valley News)", "Bridge reopens"),
        ("Bridge reopens › valley-news.example", "Bridge reopens"),
        ("Oppenheimer (2023)", "Oppenheimer (2023)"),
        ("Bridge reopens (again)", "Bridge reopens (again)"),
    ],
)
def test_title_loses_the_site_name_in_parentheses_or_after_a_guillemet(title: str, expected: str) -> None:
    article = build(
        C("site_name", "Valley News", "meta:property=og:site_name", 0.8),
        C("title", title, "meta:property=og:title", 0.8),
        url="https://valley-news.example/2023/05/03/bridge",
    )
    assert article.title == expected


def test_title_that_is_only_the_site_name_is_no_title() -> None:
    article = build(
        C("site_name", "Example Post", "meta:property=og:site_name", 0.8),
        C("title", "Example Post", "dom:title", 0.4),
    )
    assert article.title is None
    assert "title" not in article.provenance


def test_kicker_rule_on_fixture(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "conflicts.html")
    assert article.title == "Central bank holds rates steady"


def test_kicker_rule_headline_behind_kicker_in_several_sources_wins() -> None:
    """JSON-LD and <title> show "Kicker: Headline"; og:title shows "Headline": the headline wins."""
    article = build(
        C("site_name", "Example Post", "meta:property=og:site_name", 0.8),
        C("title", "Analysis: Central bank holds rates steady", "jsonld:NewsArticle.headline", 0.9),
        C("title", "Analysis: Central bank holds rates steady | Example Post", "dom:title", 0.4),
        C("title", "Central bank holds rates steady", "meta:property=og:title", 0.8),
    )
    assert article.title == "Central bank holds rates steady"
    assert article.provenance["title"].source == "meta:property=og:title"


def test_kicker_rule_needs_another_source_showing_the_bare_headline() -> None:
    """A colon in a headline is kept when no source gives the headline without it."""
    article = build(
        C("title", "Biden: Ukraine aid will continue", "jsonld:NewsArticle.headline", 0.9),
        C("title", "Biden: Ukraine aid will continue", "meta:property=og:title", 0.8),
        C("title", "Biden: Ukraine aid will continue | Example Post", "dom:title", 0.4),
    )
    assert article.title == "Biden: Ukraine aid will continue"


def test_title_agreement_lists_other_sources_and_raises_confidence() -> None:
    article = build(
        C("title", "Harbour bridge reopens", "jsonld:NewsArticle.headline", 0.9),
        C("title", "Harbour bridge reopens", "meta:property=og:title", 0.8),
        C("title", "HARBOUR BRIDGE REOPENS", "meta:name=twitter:title", 0.6),
        C("title", "Ferry timetable changes", "dom:h1", 0.4),
    )
    assert article.title == "Harbour bridge reopens"
    evidence = article.provenance["title"]
    assert evidence.source == "jsonld:NewsArticle.headline"
    assert evidence.agreeing == ["meta:name=twitter:title", "meta:property=og:title"]
    # 0.9, +0.05 for one further extractor kind (meta), +0.02 for each of two further sources
    assert evidence.confidence == pytest.approx(0.99)


def test_agreement_of_several_kinds_beats_one_stronger_source() -> None:
    article = build(
        C("title", "Teaser title", "jsonld:NewsArticle.headline", 0.7),
        C("title", "Real title", "meta:property=og:title", 0.66),
        C("title", "Real title", "dom:h1", 0.55),
        C("title", "Real title", "meta:name=twitter:title", 0.6),
    )
    assert article.title == "Real title"
    assert article.provenance["title"].agreeing == ["dom:h1", "meta:name=twitter:title"]


def test_single_source_has_no_agreement_bonus() -> None:
    article = build(C("title", "Harbour bridge reopens", "meta:property=og:title", 0.8))
    assert article.provenance["title"].agreeing == []
    assert article.provenance["title"].confidence == pytest.approx(0.8)


def test_title_entities_and_spaces_are_cleaned() -> None:
    article = build(C("title", "  Rock &amp;amp; roll\n museum\u200b opens ", "meta:property=og:title", 0.8))
    assert article.title == "Rock & roll museum opens"


# ---------------------------------------------------------------------------------------------- authors


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Von Max Mustermann und Erika Musterfrau", ["Max Mustermann", "Erika Musterfrau"]),
        ("Par Marie Dupont et Paul Martin", ["Marie Dupont", "Paul Martin"]),
        ("Por Juan Pérez y María López", ["Juan Pérez", "María López"]),
        ("Jane Doe / John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe & John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe jane.doe@example.com", ["Jane Doe"]),
        ("Jane Doe (jane.doe@example.com)", ["Jane Doe"]),
        ("John Roe @johnroe", ["John Roe"]),
        ("Jane Doe, 28.04.2023 10:15", ["Jane Doe"]),
        ("By Jane Doe | Updated 04/28/2023", ["Jane Doe"]),
        ("Von Max Mustermann, 12.06.2023", ["Max Mustermann"]),
        ("Jane Doe, Senior Correspondent", ["Jane Doe"]),
        ("Miguel A. Herguedas", ["Miguel A. Herguedas"]),
        ("Miguel A. Herguedas y Ana B. Torres", ["Miguel A. Herguedas", "Ana B. Torres"]),
        ("Text: Anna Berg", ["Anna Berg"]),
        ("Grant Tinsley, PhD", ["Grant Tinsley"]),
        ("Amitai Winehouse For Mailonline", ["Amitai Winehouse"]),
        ("By Jane Roe and John Doe for the Guardian", ["Jane Roe", "John Doe"]),
        ("Jane Forster", ["Jane Forster"]),
        ("fr-FR", []),
        ("Nicole Karlis's Articles", ["Nicole Karlis"]),
        ("José Volta e Pinto", ["José Volta e Pinto"]),
        ("Von Tomas Spahn Fr, 18. Oktober 2019", ["Tomas Spahn"]),
        ("Jane Roe Mon, 5 June 2023", ["Jane Roe"]),
        ("Über Creeny", ["Creeny"]),
        ("About the author: Jane Roe", ["Jane Roe"]),
        ("Marco Mars", ["Marco Mars"]),
        ("Bundesministerium für Wirtschaft und Klimaschutz", ["Bundesministerium für Wirtschaft und Klimaschutz"]),
        ("Jane Doe und Team", ["Jane Doe"]),
        ("Anna Berg and AP", ["Anna Berg", "AP"]),
        ("By Jane Roe, M.D., and John Doe, MPH", ["Jane Roe", "John Doe"]),
        ("Staff", []),
        ("", []),
    ],
)
def test_split_names(raw: str, expected: list[str]) -> None:
    assert split_names(raw) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("byline_en.html", ["Jane Doe", "John Roe"]),
        ("byline_de.html", ["Max Mustermann"]),
        ("byline_fr.html", ["Marie Dupont"]),
        ("byline_es.html", ["Juan Pérez"]),
        ("byline_infobox_de.html", ["Erika Musterfrau"]),
    ],
)
def test_bylines_without_structured_author(fixtures_dir: Path, name: str, expected: list[str]) -> None:
    article = extract(fixtures_dir, name)
    assert article.authors == [Person(name=n) for n in expected]
    assert article.provenance["authors"].source.startswith("dom:")


def test_structured_authors_keep_their_urls(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "jsonld_graph.html")
    assert article.authors == [
        Person(name="Jane Doe", url="https://www.example-times.com/authors/jane-doe"),
        Person(name="John Roe"),
    ]
    assert article.provenance["authors"].source == "jsonld:NewsArticle.author.name"


def test_person_in_byline_beats_organisation_named_like_the_site(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "org_author_byline.html")
    assert article.authors == [Person(name="Sarah Connor")]
    assert article.provenance["authors"].source == "dom:div.byline"


def test_person_beats_typed_organisation_of_higher_confidence() -> None:
    article = build(
        C("authors", "Example Herald", "jsonld:NewsArticle.author.name", 0.9, kind="organization"),
        C("authors", "Sarah Connor", "meta:name=author", 0.65),
    )
    assert article.authors == [Person(name="Sarah Connor")]
    assert article.provenance["authors"].source == "meta:name=author"


def test_person_beats_untyped_author_named_after_the_site() -> None:
    article = build(
        C("site_name", "Example Post", "meta:property=og:site_name", 0.8),
        C("authors", "Example Post", "jsonld:NewsArticle.author.name", 0.9),
        C("authors", "By Sarah Connor", "dom:div.byline", 0.45),
    )
    assert article.authors == [Person(name="Sarah Connor")]


def test_organisation_is_kept_when_no_person_is_named() -> None:
    article = build(
        C(
            "authors",
            "Example Herald",
            "jsonld:NewsArticle.author.name",
            0.9,
            kind="organization",
            url="https://www.exampleherald.co.uk/",
        ),
    )
    assert article.authors == [Person(name="Example Herald", url="https://www.exampleherald.co.uk/")]


def test_author_url_made_absolute_and_dropped_for_multi_name_strings() -> None:
    article = build(
        C("authors", "Jane Doe", "jsonld:NewsArticle.author.name", 0.9, url="/authors/jane-doe"),
        C("authors", "John Roe and Ann Poe", "jsonld:NewsArticle.author.name", 0.9, url="/authors/john-roe"),
    )
    assert article.authors == [
        Person(name="Jane Doe", url="https://www.example-post.com/authors/jane-doe"),
        Person(name="John Roe"),
        Person(name="Ann Poe"),
    ]


def test_authors_from_best_source_deduplicated() -> None:
    article = build(
        C("authors", "Jane Doe", "jsonld:NewsArticle.author.name", 0.9),
        C("authors", "jane doe", "jsonld:NewsArticle.author.name", 0.9),
        C("authors", "John Roe", "jsonld:NewsArticle.author.name", 0.9),
        C("authors", "Someone Else", "meta:name=author", 0.65),
    )
    assert article.authors == [Person(name="Jane Doe"), Person(name="John Roe")]


# ----------------------------------------------------------------------------------------------- images


def test_image_from_fixture_with_size_and_caption(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "jsonld_graph.html")
    assert article.image == Image(
        url="https://cdn.example-times.com/img/2023/04/bridge-dawn-1200.jpg",
        width=1200,
        height=675,
        caption="The harbour bridge at dawn",
    )
    assert article.images == [article.image]


def test_lead_picture_beats_logo_shaped_og_image(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "conflicts.html")
    assert article.image == Image(url="https://img.example-post.com/2023/05/rates-board-1600.jpg")
    # the logo is no other picture of the page either
    assert [i.url for i in article.images] == ["https://img.example-post.com/2023/05/rates-board-1600.jpg"]
    assert article.provenance["image"].source == "meta:name=parsely-image-url"


def test_unsafe_image_urls_never_reach_the_record(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "unsafe_images.html", url="https://news.example.org/world/flood-report")
    assert article.image == Image(url="https://news.example.org/media/2023/06/flood-river-1024.jpg")
    assert [i.url for i in article.images] == ["https://news.example.org/media/2023/06/flood-river-1024.jpg"]
    dumped = article.model_dump_json().lower()
    assert "javascript:" not in dumped
    assert "data:image" not in dumped


def test_relative_image_without_any_base_is_dropped(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "unsafe_images.html")
    assert article.image is None
    assert article.images == []
    assert "image" not in article.provenance


def test_single_preloaded_image_wins_as_lead_picture() -> None:
    article = build(
        C("image", "https://www.example-post.com/img/teaser-600.jpg", "jsonld:NewsArticle.image", 0.9),
        C("image", "/img/lead-1600.jpg", "dom:link[rel=preload][as=image]", 0.85, lead="preload"),
    )
    assert article.image == Image(url="https://www.example-post.com/img/lead-1600.jpg")
    assert article.provenance["image"].source == "dom:link[rel=preload][as=image]"


def test_preloaded_logo_is_no_lead_picture() -> None:
    article = build(
        C("image", "https://www.example-post.com/img/teaser-600.jpg", "jsonld:NewsArticle.image", 0.9),
        C("image", "/static/logo.svg", "dom:link[rel=preload][as=image]", 0.85, lead="preload"),
    )
    assert article.image == Image(url="https://www.example-post.com/img/teaser-600.jpg")


@pytest.mark.parametrize(
    "logo",
    [
        "https://www.example-post.com/static/logo.png",
        "https://www.example-post.com/assets/site-logo-1200x630.png",
        "https://www.example-post.com/images/default-share.jpg",
        "https://www.example-post.com/favicon.ico",
        "https://www.example-post.com/brand/mark.svg",
        "https://secure.gravatar.example/blavatar/13afe5d0?s=200",
    ],
)
def test_logos_and_placeholders_are_penalised(logo: str) -> None:
    article = build(
        C("image", logo, "meta:property=og:image", 0.8),
        C("image", "https://img.example-post.com/2023/05/board.jpg", "meta:name=parsely-image-url", 0.65),
    )
    assert article.image is not None
    assert article.image.url == "https://img.example-post.com/2023/05/board.jpg"


def test_logo_is_used_when_it_is_the_only_image() -> None:
    article = build(C("image", "https://www.example-post.com/static/logo.png", "meta:property=og:image", 0.8))
    assert article.image == Image(url="https://www.example-post.com/static/logo.png")


@pytest.mark.parametrize(
    "stand_in",
    [
        "https://s0.wp.example/i/blank.jpg",
        "https://example-post.com/images/no-img_460x320_logo.jpg",
        "https://example-post.com/img/placeholder-16x9.png",
        "https://example-post.com/plugin/includes/x_spacer.gif",
    ],
)
def test_empty_stand_in_is_no_image_even_when_it_is_the_only_one(stand_in: str) -> None:
    article = build(C("image", stand_in, "meta:property=og:image", 0.8))
    assert article.image is None and article.images == [] and "image" not in article.provenance
    article = build(C("image", stand_in, "meta:property=og:image", 0.8), C("image", "/a/b.jpg", "dom:img", 0.3))
    assert article.images == [Image(url="https://www.example-post.com/a/b.jpg")]


def test_image_size_filled_from_another_source_naming_the_same_picture() -> None:
    article = build(
        C("image", "https://img.example-post.com/p.jpg", "jsonld:NewsArticle.image", 0.9, caption="The board"),
        C("image", "https://img.example-post.com/p.jpg", "meta:property=og:image", 0.8, width="1200", height="630"),
    )
    assert article.image == Image(url="https://img.example-post.com/p.jpg", width=1200, height=630, caption="The board")
    assert article.images == [article.image]
    assert article.provenance["image"].agreeing == ["meta:property=og:image"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("//cdn.example-post.com/p.jpg", "https://cdn.example-post.com/p.jpg"),
        ("../img/p.jpg", "https://www.example-post.com/economy/2023/05/img/p.jpg"),
        ("/img/p.jpg", "https://www.example-post.com/img/p.jpg"),
        ("  https://cdn.example-post.com/p.jpg\n", "https://cdn.example-post.com/p.jpg"),
    ],
)
def test_image_urls_made_absolute(value: str, expected: str) -> None:
    article = build(C("image", value, "meta:property=og:image", 0.8))
    assert article.image == Image(url=expected)


@pytest.mark.parametrize(
    "value", ["javascript:alert(1)", "JAVASCRIPT:void(0)", "data:image/png;base64,AAAA", "file:///etc/passwd", "  "]
)
def test_unsafe_or_empty_image_urls_are_dropped(value: str) -> None:
    article = build(C("image", value, "meta:property=og:image", 0.8))
    assert article.image is None
    assert "image" not in article.provenance


# --------------------------------------------------------------------------------------- tags, sections


def test_tags_from_keyword_array(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "jsonld_graph.html")
    assert article.tags == ["Harbour", "Infrastructure", "City council"]
    assert article.sections == ["City"]


def test_keywords_duplicated_in_different_case_on_fixture(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "conflicts.html")
    assert article.tags == ["Interest rates", "ECB", "Inflation"]


def test_keywords_split_and_deduplicated_case_insensitively() -> None:
    article = build(C("tags", "Politik, politik; Wahl | WAHL;Europa", "meta:name=news_keywords", 0.7))
    assert article.tags == ["Politik", "Wahl", "Europa"]


def test_tags_deduplicated_across_candidates_of_one_source() -> None:
    article = build(
        C("tags", "Energy", "meta:property=article:tag", 0.8),
        C("tags", "energy", "meta:property=article:tag", 0.8),
        C("tags", "Climate", "meta:property=article:tag", 0.8),
    )
    assert article.tags == ["Energy", "Climate"]


def test_tags_split_only_on_list_separators() -> None:
    article = build(C("tags", "Rock & Roll, Bosnia and Herzegovina, U.S. politics", "meta:name=keywords", 0.55))
    assert article.tags == ["Rock & Roll", "Bosnia and Herzegovina", "U.S. politics"]


def test_tags_not_split_inside_parentheses() -> None:
    value = "Weather, Prices (Fares, Fees and Rates), Frankfurt (Oder); Wildfires"
    article = build(C("tags", value, "meta:property=article:tag", 0.8))
    assert article.tags == ["Weather", "Prices (Fares, Fees and Rates)", "Frankfurt (Oder)", "Wildfires"]


def test_tags_lose_trailing_dots_but_abbreviations_keep_theirs() -> None:
    article = build(
        C("tags", "Jobs, Indeed Inc., Capital Economics Ltd., U.S., Interest rates.", "meta:name=keywords", 0.55)
    )
    assert article.tags == ["Jobs", "Indeed Inc.", "Capital Economics Ltd.", "U.S.", "Interest rates"]


def test_the_authors_names_and_query_strings_are_not_tags() -> None:
    article = build(
        C("authors", "Anna Giulia Fink", "jsonld:NewsArticle.author.name", 0.9),
        C("tags", "Fink, Anna Giulia, Migration, null&width=1200, Anna Giulia Fink, Wien", "meta:name=keywords", 0.55),
    )
    assert article.tags == ["Migration", "Wien"]


def test_internal_codes_urls_and_the_site_name_are_not_tags() -> None:
    article = build(
        C("site_name", "Example Post", "meta:property=og:site_name", 0.8),
        C(
            "tags",
            "Inflation, tag_economy, section: news, 123456, 3f2a1b4c-1d2e-4f50-8a9b-0c1d2e3f4a5b, "
            "0123456789abcdef0123, https://www.example-post.com/tag/x, x, Example Post, EXAMPLE-POST, /article, ECB",
            "jsonld:NewsArticle.keywords",
            0.9,
        ),
    )
    assert article.tags == ["Inflation", "ECB"]


def test_a_cms_default_category_is_no_section_or_category_link_but_a_keyword_stays() -> None:
    article = build(
        C("sections", "Uncategorized", "jsonld:NewsArticle.articleSection", 0.9),
        C("tags", "Allgemein", "dom:a[rel=tag]", 0.5),
        C("tags", "Kultur", "dom:a[rel=tag]", 0.5),
    )
    assert article.sections == [] and article.tags == ["Kultur"]
    keywords = build(C("tags", "Wahlkampf, allgemein, Thüringen", "meta:name=keywords", 0.55))
    assert keywords.tags == ["Wahlkampf", "allgemein", "Thüringen"]


def test_best_tag_source_wins_and_is_cross_checked() -> None:
    article = build(
        C("tags", "Energy, Climate", "jsonld:NewsArticle.keywords", 0.9),
        C("tags", "energy, Germany, Nuclear", "meta:name=keywords", 0.55),
    )
    assert article.tags == ["Energy", "Climate"]
    assert article.provenance["tags"].source == "jsonld:NewsArticle.keywords"
    assert article.provenance["tags"].agreeing == ["meta:name=keywords"]
    assert article.provenance["tags"].confidence == pytest.approx(0.95)


def test_topic_links_as_tags_without_duplicates_or_site_name(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "tag_links.html")
    assert article.tags == ["Klimawandel", "Energie"]
    assert article.provenance["tags"].source == "dom:a[href*=/tag/]"


def test_topic_links_are_not_read_when_keywords_exist() -> None:
    html = (
        '<html><head><meta property="article:tag" content="Solar"></head><body><article>'
        '<div class="tags"><a href="/tag/wind">Wind</a></div></article></body></html>'
    )
    assert newsmeta.extract(html).tags == ["Solar"]


# --------------------------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("en_EN", "en"),
        ("de_AT", "de-AT"),
        ("de-AT", "de-AT"),
        ("en-us", "en-US"),
        ("ru_RU", "ru-RU"),
        ("EN", "en"),
        ("German", "de"),
        ("zh_Hant_TW", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("de, en", "de"),
        ("", None),
        ("not a language", None),
    ],
)
def test_normalize_language(value: str, expected: str | None) -> None:
    assert normalize_language(value) == expected


def test_language_normalised_in_record() -> None:
    assert build(C("language", "de_AT", "meta:property=og:locale", 0.64)).language == "de-AT"
    assert build(C("language", "en_EN", "meta:property=og:locale", 0.64)).language == "en"


def test_language_from_fixtures(fixtures_dir: Path) -> None:
    assert extract(fixtures_dir, "opengraph_dw.html").language == "en"
    assert extract(fixtures_dir, "canonical_lang.html").language == "de-AT"
    assert extract(fixtures_dir, "microdata_hidden.html").language == "ru-RU"


# ------------------------------------------------------------------------------------------------ dates


def test_published_and_modified_from_fixture_are_not_swapped(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "conflicts.html")
    plus_one = timezone(timedelta(hours=1))
    assert article.published == datetime(2023, 5, 3, 8, 0, tzinfo=plus_one)
    assert article.modified == datetime(2023, 5, 4, 17, 30, tzinfo=plus_one)
    assert article.provenance["published"].source == "jsonld:NewsArticle.datePublished"
    assert article.provenance["published"].agreeing == ["meta:property=article:published_time"]
    assert article.provenance["modified"].source == "jsonld:NewsArticle.dateModified"


def test_modified_before_published_is_dropped_not_swapped() -> None:
    article = build(
        C("published", "2023-05-03T08:00:00+01:00", "jsonld:NewsArticle.datePublished", 0.9),
        C("modified", "2023-04-20T08:00:00+01:00", "jsonld:NewsArticle.dateModified", 0.9),
    )
    assert article.published == datetime(2023, 5, 3, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    assert article.modified is None
    assert "modified" not in article.provenance
    assert any("modified" in w for w in article.warnings)


def test_published_only_from_published_candidates() -> None:
    article = build(C("modified", "2023-05-04T17:30:00Z", "meta:property=article:modified_time", 0.8))
    assert article.published is None
    assert article.modified == datetime(2023, 5, 4, 17, 30, tzinfo=timezone.utc)


def test_future_date_after_capture_is_implausible() -> None:
    article = build(
        C("published", "2031-01-01T00:00:00Z", "jsonld:NewsArticle.datePublished", 0.9),
        C("published", "2023-05-03", "url:path-date", 0.3),
        captured=date(2023, 5, 4),
    )
    assert article.published == datetime(2023, 5, 3)
    assert article.provenance["published"].source == "url:path-date"
    assert any("implausible" in w for w in article.warnings)


# ------------------------------------------------------------------------------------------- publisher


def test_publisher_from_article_node_and_logo(fixtures_dir: Path) -> None:
    article = extract(fixtures_dir, "microdata_hidden.html")
    assert article.publisher == newsmeta.Publisher(
        name="Пример Новости", logo=Image(url="https://cdn.primer-news.ru/i/logo/logo-social.png", width=252, height=60)
    )
    assert article.provenance["publisher.name"].source == "microdata:NewsArticle.publisher.name"


def test_publisher_name_falls_back_to_site_name() -> None:
    article = build(C("site_name", "Example Post", "meta:property=og:site_name", 0.8))
    assert article.publisher == newsmeta.Publisher(name="Example Post")
    assert article.provenance["publisher.name"].source == "meta:property=og:site_name"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("© 2023 Deutsche Welle (www.dw.com)", "Deutsche Welle (www.dw.com)"),
        ("Copyright 2019-2023 The Example Times. All rights reserved.", "The Example Times"),
        ("(c) 2021, Beispiel Verlag GmbH – Alle Rechte vorbehalten", "Beispiel Verlag GmbH"),
        ("© Example Media 2023", "Example Media"),
        ("Jahr 2000 Verlag", "Jahr 2000 Verlag"),
    ],
)
def test_publisher_name_of_a_copyright_line_is_its_holder(line: str, name: str) -> None:
    article = build(C("publisher_name", line, "meta:name=copyright", 0.3))
    assert article.publisher == newsmeta.Publisher(name=name)


def test_publisher_url_is_its_own_site_not_a_social_profile() -> None:
    article = build(
        C("publisher_name", "Example Post", "jsonld:NewsArticle.publisher.name", 0.9),
        C("publisher_url", "https://www.facebook.com/WordPresscom", "meta:property=article:publisher", 0.8),
        C("publisher_url", "https://m.facebook.com/examplepost", "jsonld:Organization.sameAs", 0.6),
    )
    assert article.publisher == newsmeta.Publisher(name="Example Post")
    article = build(
        C("publisher_url", "https://twitter.com/examplepost", "meta:property=article:publisher", 0.8),
        C("publisher_url", "/", "jsonld:NewsArticle.publisher.url", 0.7),
    )
    assert article.publisher == newsmeta.Publisher(url="https://www.example-post.com/")


def test_copyright_line_without_a_holder_names_no_publisher() -> None:
    article = build(
        C("publisher_name", "Copyright © 2001-2009", "meta:name=copyright", 0.3),
        C("site_name", "Example Post", "meta:property=og:site_name", 0.8),
    )
    assert article.publisher == newsmeta.Publisher(name="Example Post")


# ------------------------------------------------------------------------------------------- provenance


def filled_fields(article: Article) -> set[str]:
    skip = {"provenance", "warnings", "captured"}
    return {k for k, v in article if k not in skip and v not in (None, [], {}, "")}


def provenance_fields(article: Article) -> set[str]:
    return {key.split(".", 1)[0] for key in article.provenance}


@pytest.mark.parametrize("name", FIXTURE_NAMES)
@pytest.mark.parametrize("url", [None, "https://www.example.org/news/2023/01/02/page"])
def test_provenance_for_every_filled_field_and_only_for_those(fixtures_dir: Path, name: str, url: str | None) -> None:
    article = extract(fixtures_dir, name, url=url)
    assert filled_fields(article) == provenance_fields(article)
    if article.publisher is not None:
        filled = {f"publisher.{k}" for k, v in article.publisher if v is not None}
        assert filled == {k for k in article.provenance if k.startswith("publisher.")}
    for evidence in article.provenance.values():
        assert 0.0 <= evidence.confidence <= 1.0
        assert evidence.source not in evidence.agreeing


def test_provenance_for_hand_built_candidates() -> None:
    article = build(
        C("title", "Harbour bridge reopens", "jsonld:NewsArticle.headline", 0.9),
        C("tags", "Harbour", "jsonld:NewsArticle.keywords", 0.9),
    )
    assert article.title == "Harbour bridge reopens"
    assert article.url == PAGE
    assert filled_fields(article) == {"url", "title", "tags"}
    assert provenance_fields(article) == {"url", "title", "tags"}


def test_no_candidates_no_fields_no_provenance() -> None:
    article = build(url=None)
    assert filled_fields(article) == set()
    assert article.provenance == {}


def test_given_warnings_are_kept_and_not_shared() -> None:
    warnings = ["a JSON-LD block could not be parsed"]
    article = build_article(
        [
            C("published", "2023-05-03T08:00:00Z", "jsonld:NewsArticle.datePublished", 0.9),
            C("modified", "2023-04-01T08:00:00Z", "jsonld:NewsArticle.dateModified", 0.9),
        ],
        url=None,
        captured=None,
        warnings=warnings,
    )
    assert article.warnings[0] == "a JSON-LD block could not be parsed"
    assert len(article.warnings) == 2
    assert warnings == ["a JSON-LD block could not be parsed"]


# -------------------------------------------------------------------------------------------------- url


def test_canonical_url_is_the_record_url(fixtures_dir: Path) -> None:
    canonical = "https://www.beispiel-zeitung.at/politik/wien/3000000123456/gemeinderat-budget-2024"
    article = extract(fixtures_dir, "canonical_lang.html", url=canonical + "?utm_source=rss")
    assert article.url == canonical
    assert article.provenance["url"].source == "dom:link[rel=canonical]"
    without = extract(fixtures_dir, "canonical_lang.html")
    assert without.url == canonical


def test_canonical_on_another_site_does_not_replace_the_given_url(fixtures_dir: Path) -> None:
    mirror = "https://mirror.example.net/copy/123"
    article = extract(fixtures_dir, "canonical_lang.html", url=mirror)
    assert article.url == mirror
    assert article.provenance["url"].source == "url:given"


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Paulina Cwiartka, Online-Redakteurin", ["Paulina Cwiartka"]),
        ("Jane Doe, Senior Political Correspondent", ["Jane Doe"]),
        ("News Desk", []),
        ("Max Muster, Sportredakteur", ["Max Muster"]),
    ],
)
def test_roles_and_desks_are_no_names(raw: str, names: list[str]) -> None:
    assert split_names(raw) == names
