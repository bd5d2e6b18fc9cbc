"""Per-extractor unit tests: each extractor is a pure ``Document -> list[Candidate]`` function."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsmeta
from newsmeta.api import _document, document_from_text
from newsmeta.candidate import FIELDS, Candidate
from newsmeta.document import Document
from newsmeta.extractors import dom, jsonld, metatags, microdata, opengraph, twitter, url
from newsmeta.extractors._text import containing, element_text, matching


def load(fixtures_dir: Path, name: str, page_url: str | None = None) -> Document:
    """The document of a fixture, read as bytes the way ``extract`` reads files."""
    return _document(fixtures_dir / name, page_url, None)


def triples(candidates: list[Candidate], field: str | None = None) -> list[tuple[str, str, str]]:
    return [(c.field, c.value, c.source) for c in candidates if field is None or c.field == field]


def by_field(candidates: list[Candidate], field: str) -> list[Candidate]:
    return [c for c in candidates if c.field == field]


# --------------------------------------------------------------------------------------------- JSON-LD


def test_jsonld_graph_article_node_fields(fixtures_dir: Path) -> None:
    found = jsonld.extract(load(fixtures_dir, "jsonld_graph.html"))
    assert triples(found, "title") == [
        ("title", "Harbour bridge reopens after two-year repair", "jsonld:NewsArticle.headline")
    ]
    assert triples(found, "published") == [
        ("published", "2023-04-28T09:15:00+02:00", "jsonld:NewsArticle.datePublished")
    ]
    assert triples(found, "modified") == [("modified", "2023-04-28T11:40:00+02:00", "jsonld:NewsArticle.dateModified")]
    assert triples(found, "sections") == [("sections", "City", "jsonld:NewsArticle.articleSection")]
    assert triples(found, "language") == [("language", "en-GB", "jsonld:NewsArticle.inLanguage")]
    assert triples(found, "description") == [
        (
            "description",
            "Traffic returns to the harbour bridge after 26 months of work on its steel deck.",
            "jsonld:NewsArticle.description",
        )
    ]


def test_jsonld_graph_keywords_array_gives_one_candidate_per_keyword(fixtures_dir: Path) -> None:
    found = jsonld.extract(load(fixtures_dir, "jsonld_graph.html"))
    assert triples(found, "tags") == [
        ("tags", "Harbour", "jsonld:NewsArticle.keywords"),
        ("tags", "Infrastructure", "jsonld:NewsArticle.keywords"),
        ("tags", "City council", "jsonld:NewsArticle.keywords"),
    ]


def test_jsonld_graph_author_person_list(fixtures_dir: Path) -> None:
    authors = by_field(jsonld.extract(load(fixtures_dir, "jsonld_graph.html")), "authors")
    assert [(c.value, c.source, dict(c.extra)) for c in authors] == [
        ("Jane Doe", "jsonld:NewsArticle.author.name", {"url": "https://www.example-times.com/authors/jane-doe"}),
        ("John Roe", "jsonld:NewsArticle.author.name", {}),
    ]


def test_jsonld_graph_image_object_keeps_size_and_caption(fixtures_dir: Path) -> None:
    images = by_field(jsonld.extract(load(fixtures_dir, "jsonld_graph.html")), "image")
    assert len(images) == 1
    assert images[0].value == "https://cdn.example-times.com/img/2023/04/bridge-dawn-1200.jpg"
    assert images[0].source == "jsonld:NewsArticle.image"
    assert dict(images[0].extra) == {"width": "1200", "height": "675", "caption": "The harbour bridge at dawn"}


def test_jsonld_graph_publisher_resolved_through_id_reference(fixtures_dir: Path) -> None:
    found = jsonld.extract(load(fixtures_dir, "jsonld_graph.html"))
    assert ("publisher_name", "Example Times", "jsonld:NewsArticle.publisher.name") in triples(found)
    assert ("publisher_url", "https://www.example-times.com/", "jsonld:NewsArticle.publisher.url") in triples(found)
    logos = [c for c in by_field(found, "publisher_logo") if c.source == "jsonld:NewsArticle.publisher.logo"]
    assert [(c.value, dict(c.extra)) for c in logos] == [
        ("https://www.example-times.com/static/brand/example-times-600x60.png", {"width": "600", "height": "60"})
    ]


def test_jsonld_graph_website_node_names_the_site(fixtures_dir: Path) -> None:
    found = jsonld.extract(load(fixtures_dir, "jsonld_graph.html"))
    assert triples(found, "site_name") == [("site_name", "Example Times", "jsonld:WebSite.name")]


def test_jsonld_graph_main_entity_of_page_is_a_url_candidate(fixtures_dir: Path) -> None:
    found = jsonld.extract(load(fixtures_dir, "jsonld_graph.html"))
    assert triples(found, "url") == [
        (
            "url",
            "https://www.example-times.com/city/2023/04/28/harbour-bridge-reopens",
            "jsonld:NewsArticle.mainEntityOfPage",
        )
    ]


def test_jsonld_graph_related_articles_in_item_list_give_no_candidates(fixtures_dir: Path) -> None:
    found = jsonld.extract(load(fixtures_dir, "jsonld_graph.html"))
    values = {c.value for c in found}
    for related in (
        "Ferry timetable changes for the summer",
        "Council approves new cycle lanes",
        "2023-04-20T08:00:00+02:00",
        "Rita Related",
        "https://cdn.example-times.com/img/2023/04/ferry.jpg",
    ):
        assert related not in values
    # the article node is the best-ranked one: its headline has the full base confidence
    assert max(c.confidence for c in by_field(found, "title")) == pytest.approx(jsonld.BASE_CONFIDENCE)


def test_jsonld_repairs_trailing_commas_control_characters_entities_and_comment_wrapper(fixtures_dir: Path) -> None:
    doc = load(fixtures_dir, "jsonld_defects.html")
    found = jsonld.extract(doc)
    assert triples(found, "title") == [("title", "Rock & roll museum opens its doors", "jsonld:NewsArticle.headline")]
    assert triples(found, "description") == [
        ("description", "The museum shows 500 guitars. Tickets cost €12.", "jsonld:NewsArticle.description")
    ]
    assert triples(found, "authors") == [("authors", "Ana Lima", "jsonld:NewsArticle.author.name")]
    assert triples(found, "tags") == [
        ("tags", "music", "jsonld:NewsArticle.keywords"),
        ("tags", "museums", "jsonld:NewsArticle.keywords"),
    ]
    assert triples(found, "published") == [("published", "2023-03-02T10:00:00Z", "jsonld:NewsArticle.datePublished")]


def test_jsonld_invalid_block_is_a_warning_not_a_crash(fixtures_dir: Path) -> None:
    doc = load(fixtures_dir, "jsonld_defects.html")
    found = jsonld.extract(doc)
    assert doc.warnings == ["a JSON-LD block could not be parsed"]
    assert "Culture" not in {c.value for c in found}


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ('{"a": 1,}', {"a": 1}),
        ('<!-- {"a": [1, 2,]} -->', {"a": [1, 2]}),
        ('<![CDATA[{"a": "x"}]]>', {"a": "x"}),
        ('{"a": "line\nnext\tcol"}', {"a": "line\nnext\tcol"}),
        ('{"a": "Tom &amp; Jerry",}', {"a": "Tom & Jerry"}),
        ('{"a": 1}{"b": 2}', [{"a": 1}, {"b": 2}]),
    ],
)
def test_jsonld_parse_block_repairs(block: str, expected: object) -> None:
    assert jsonld.parse_block(block) == expected


@pytest.mark.parametrize("block", ["", "   ", "{not json at all", "<!-- -->"])
def test_jsonld_parse_block_unreadable_is_none(block: str) -> None:
    assert jsonld.parse_block(block) is None


def test_jsonld_page_without_json_ld_gives_nothing(fixtures_dir: Path) -> None:
    assert jsonld.extract(load(fixtures_dir, "opengraph_dw.html")) == []


def test_jsonld_organization_author_is_marked_as_organisation(fixtures_dir: Path) -> None:
    authors = by_field(jsonld.extract(load(fixtures_dir, "org_author_byline.html")), "authors")
    assert [(c.value, c.source, c.extra.get("kind")) for c in authors] == [
        ("Example Herald", "jsonld:NewsArticle.author.name", "organization")
    ]


def test_jsonld_image_candidates_are_raw_strings_including_unsafe_ones(fixtures_dir: Path) -> None:
    """Extractors do not judge URLs; the media resolver does (see test_resolvers)."""
    images = by_field(jsonld.extract(load(fixtures_dir, "unsafe_images.html")), "image")
    assert [(c.value[:22], c.source) for c in images] == [
        ("data:image/png;base64,", "jsonld:NewsArticle.image"),
        ("JavaScript:void(0)", "jsonld:NewsArticle.image"),
    ]
    assert images[1].confidence < images[0].confidence


# ------------------------------------------------------------------------------------------- microdata


def test_microdata_reads_hidden_news_article_block(fixtures_dir: Path) -> None:
    found = microdata.extract(load(fixtures_dir, "microdata_hidden.html"))
    got = triples(found)
    assert ("title", "Снегопад парализовал движение в Москве", "microdata:NewsArticle.headline") in got
    assert ("published", "2022-12-23T14:05:00+03:00", "microdata:NewsArticle.datePublished") in got
    assert ("modified", "2022-12-23T16:30:00+03:00", "microdata:NewsArticle.dateModified") in got
    assert ("authors", "Иван Петров", "microdata:NewsArticle.author.name") in got
    assert ("sections", "Москва", "microdata:NewsArticle.articleSection") in got
    assert ("tags", "погода, снег, Москва", "microdata:NewsArticle.keywords") in got
    assert ("language", "ru_RU", "microdata:NewsArticle.inLanguage") in got
    assert ("publisher_name", "Пример Новости", "microdata:NewsArticle.publisher.name") in got


def test_microdata_image_object_url_from_link_and_size_from_meta(fixtures_dir: Path) -> None:
    found = microdata.extract(load(fixtures_dir, "microdata_hidden.html"))
    images = by_field(found, "image")
    assert [(c.value, c.source, dict(c.extra)) for c in images] == [
        (
            "https://cdn.primer-news.ru/images/07e6/0c/17/1841234567_0:160:3072:1888_1920x0_80_0_0_4f6a.jpg",
            "microdata:NewsArticle.image",
            {"width": "1920", "height": "1080"},
        )
    ]
    logos = by_field(found, "publisher_logo")
    assert [(c.value, c.source, dict(c.extra)) for c in logos] == [
        (
            "https://cdn.primer-news.ru/i/logo/logo-social.png",
            "microdata:NewsArticle.publisher.logo",
            {"width": "252", "height": "60"},
        )
    ]


def test_microdata_nested_person_and_logo_are_not_articles(fixtures_dir: Path) -> None:
    found = microdata.extract(load(fixtures_dir, "microdata_hidden.html"))
    assert {c.source.split(".", 1)[0] for c in found} == {"microdata:NewsArticle"}
    assert len(by_field(found, "title")) == 1


def test_microdata_page_without_items_gives_nothing(fixtures_dir: Path) -> None:
    assert microdata.extract(load(fixtures_dir, "jsonld_graph.html")) == []


def test_microdata_property_value_rules() -> None:
    doc = document_from_text(
        '<html><body><div itemscope itemtype="https://schema.org/NewsArticle">'
        '<time itemprop="datePublished" datetime="2021-01-02T03:04:05Z">2 Jan</time>'
        '<img itemprop="image" src="https://example.org/a.jpg">'
        '<span itemprop="headline">  Spaced\n  headline </span>'
        "</div></body></html>",
        url=None,
    )
    assert triples(microdata.extract(doc)) == [
        ("title", "Spaced headline", "microdata:NewsArticle.headline"),
        ("published", "2021-01-02T03:04:05Z", "microdata:NewsArticle.datePublished"),
        ("image", "https://example.org/a.jpg", "microdata:NewsArticle.image"),
    ]


# ------------------------------------------------------------------------------------ OpenGraph, Twitter


def test_opengraph_candidates(fixtures_dir: Path) -> None:
    found = opengraph.extract(load(fixtures_dir, "opengraph_dw.html"))
    assert triples(found) == [
        ("site_name", "DW", "meta:property=og:site_name"),
        ("language", "en_EN", "meta:property=og:locale"),
        ("title", "Germany shuts down its last nuclear plants | DW | 28.04.2023", "meta:property=og:title"),
        ("description", "Germany has switched off its last three nuclear reactors.", "meta:property=og:description"),
        ("url", "https://www.dw.com/en/germany-shuts-down-its-last-nuclear-plants/a-65412345", "meta:property=og:url"),
        ("published", "2023-04-28T10:12:00+00:00", "meta:property=article:published_time"),
        ("modified", "2023-04-28T14:03:00+00:00", "meta:property=article:modified_time"),
        ("sections", "Germany", "meta:property=article:section"),
        ("tags", "Nuclear power", "meta:property=article:tag"),
        ("tags", "Energy transition", "meta:property=article:tag"),
        ("image", "https://static.dw.com/image/65412346_6.jpg", "meta:property=og:image"),
    ]


def test_opengraph_image_collects_its_width_height_and_alt(fixtures_dir: Path) -> None:
    (image,) = by_field(opengraph.extract(load(fixtures_dir, "opengraph_dw.html")), "image")
    assert dict(image.extra) == {"width": "940", "height": "529", "caption": "Cooling towers of the Isar 2 plant"}


def test_opengraph_several_images_each_keep_their_own_attributes() -> None:
    doc = document_from_text(
        "<html><head>"
        '<meta property="og:image" content="https://e.org/1.jpg"><meta property="og:image:width" content="800">'
        '<meta property="og:image" content="https://e.org/2.jpg"><meta property="og:image:width" content="400">'
        "</head><body></body></html>",
        url=None,
    )
    images = by_field(opengraph.extract(doc), "image")
    assert [(c.value, dict(c.extra)) for c in images] == [
        ("https://e.org/1.jpg", {"width": "800"}),
        ("https://e.org/2.jpg", {"width": "400"}),
    ]
    assert images[0].confidence > images[1].confidence


def test_twitter_candidates(fixtures_dir: Path) -> None:
    found = twitter.extract(load(fixtures_dir, "opengraph_dw.html"))
    assert triples(found) == [
        ("title", "Germany shuts down its last nuclear plants", "meta:name=twitter:title"),
        ("description", "Germany has switched off its last three nuclear reactors.", "meta:name=twitter:description"),
        ("image", "https://static.dw.com/image/65412346_6.jpg", "meta:name=twitter:image"),
    ]


def test_twitter_and_opengraph_ignore_empty_content() -> None:
    doc = document_from_text(
        '<html><head><meta property="og:title" content="  "><meta name="twitter:title" content="">'
        "</head><body></body></html>",
        url=None,
    )
    assert opengraph.extract(doc) == []
    assert twitter.extract(doc) == []


# ------------------------------------------------------------------------------------------ meta tags


def test_metatags_reads_named_meta_but_leaves_opengraph_to_its_extractor(fixtures_dir: Path) -> None:
    found = metatags.extract(load(fixtures_dir, "opengraph_dw.html"))
    assert triples(found) == [
        ("description", "Germany has switched off its last three nuclear reactors.", "meta:name=description")
    ]


def test_metatags_keywords_image_and_date(fixtures_dir: Path) -> None:
    found = metatags.extract(load(fixtures_dir, "conflicts.html"))
    assert triples(found) == [
        ("image", "https://img.example-post.com/2023/05/rates-board-1600.jpg", "meta:name=parsely-image-url"),
        ("tags", "Interest rates, ECB, interest rates, Inflation, ecb", "meta:name=keywords"),
    ]
    dated = metatags.extract(load(fixtures_dir, "canonical_lang.html"))
    assert triples(dated) == [("published", "2023-11-23T18:45:00", "meta:name=date")]


def test_metatags_keys_are_case_insensitive() -> None:
    doc = document_from_text(
        '<html><head><meta name="Author" content="Jane Doe"><meta NAME="News_Keywords" content="a, b">'
        "</head><body></body></html>",
        url=None,
    )
    assert triples(metatags.extract(doc)) == [
        ("authors", "Jane Doe", "meta:name=author"),
        ("tags", "a, b", "meta:name=news_keywords"),
    ]


# ------------------------------------------------------------------------------------------------ DOM


def test_dom_title_h1_and_lang(fixtures_dir: Path) -> None:
    found = dom.extract(load(fixtures_dir, "jsonld_graph.html"))
    assert triples(found) == [
        ("title", "Harbour bridge reopens after two-year repair | Example Times", "dom:title"),
        ("title", "Harbour bridge reopens after two-year repair", "dom:article//h1"),
        ("language", "en", "dom:html@lang"),
    ]


def test_dom_h1_outside_article(fixtures_dir: Path) -> None:
    found = dom.extract(load(fixtures_dir, "cp1251_no_charset.html"))
    assert ("title", "Морозы ударят по всей европейской части России", "dom:h1") in triples(found)


def test_dom_canonical_link_and_region_language(fixtures_dir: Path) -> None:
    found = dom.extract(load(fixtures_dir, "canonical_lang.html"))
    assert triples(found, "url") == [
        (
            "url",
            "https://www.beispiel-zeitung.at/politik/wien/3000000123456/gemeinderat-budget-2024",
            "dom:link[rel=canonical]",
        )
    ]
    assert triples(found, "language") == [("language", "de-AT", "dom:html@lang")]


def test_dom_image_src_link(fixtures_dir: Path) -> None:
    images = by_field(dom.extract(load(fixtures_dir, "unsafe_images.html")), "image")
    assert [(c.value[:15], c.source) for c in images] == [("data:image/gif;", "dom:link[rel=image_src]")]


def test_dom_single_preloaded_image_is_a_lead_candidate() -> None:
    doc = document_from_text(
        '<html><head><link rel="preload" as="image" href="/img/lead-1600.jpg">'
        '<link rel="preload" as="font" href="/f.woff2"></head><body></body></html>',
        url="https://e.org/a",
    )
    images = by_field(dom.extract(doc), "image")
    assert [(c.value, c.source, dict(c.extra)) for c in images] == [
        ("/img/lead-1600.jpg", "dom:link[rel=preload][as=image]", {"lead": "preload"})
    ]


def test_dom_many_preloaded_images_are_interface_assets() -> None:
    links = "".join(f'<link rel="preload" as="image" href="/ui/{i}.png">' for i in range(dom.MAX_LEAD_PRELOADS + 1))
    doc = document_from_text(f"<html><head>{links}</head><body></body></html>", url="https://e.org/a")
    assert by_field(dom.extract(doc), "image") == []


def test_dom_rel_author_link() -> None:
    doc = document_from_text(
        '<html><body><article><a rel="author" href="/people/jane">Jane Doe</a></article></body></html>', url=None
    )
    assert [(c.value, c.source, dict(c.extra)) for c in by_field(dom.extract(doc), "authors")] == [
        ("Jane Doe", "dom:a[rel=author]", {"url": "/people/jane"})
    ]


@pytest.mark.parametrize(
    ("name", "value", "source"),
    [
        ("byline_en.html", "By Jane Doe and John Roe", "dom:p.byline"),
        ("byline_de.html", "Von Max Mustermann", "dom:div.byline"),
        ("byline_fr.html", "Par Marie Dupont", "dom:span.byline"),
        ("byline_es.html", "Por Juan Pérez", "dom:div.byline"),
        ("org_author_byline.html", "By Sarah Connor", "dom:div.byline"),
    ],
)
def test_dom_bylines(fixtures_dir: Path, name: str, value: str, source: str) -> None:
    found = dom.extract_bylines(load(fixtures_dir, name))
    assert (value, source) in [(c.value, c.source) for c in found]
    assert all(c.field == "authors" for c in found)


def test_dom_labelled_author_in_info_box(fixtures_dir: Path) -> None:
    found = dom.extract_bylines(load(fixtures_dir, "byline_infobox_de.html"))
    assert ("authors", "Erika Musterfrau", "dom:strong[label].following") in triples(found)
    # the "Datum" label next to it is no author label
    assert "12.06.2023" not in {c.value for c in found}


def test_dom_bylines_not_in_primary_extract(fixtures_dir: Path) -> None:
    assert by_field(dom.extract(load(fixtures_dir, "byline_en.html")), "authors") == []


def test_dom_tag_links_in_tag_list_not_in_navigation_or_footer(fixtures_dir: Path) -> None:
    found = dom.extract_tag_links(load(fixtures_dir, "tag_links.html"))
    assert triples(found) == [
        ("tags", "Klimawandel", "dom:a[href*=/tag/]"),
        ("tags", "Energie", "dom:a[href*=/tag/]"),
        ("tags", "klimawandel", "dom:a[href*=/tag/]"),
        ("tags", "Beispiel Zeitung", "dom:a[href*=/tag/]"),
    ]


def test_dom_rel_tag_links() -> None:
    doc = document_from_text(
        '<html><body><article><a rel="tag" href="/t/1">Wahlen</a></article></body></html>', url=None
    )
    assert triples(dom.extract_tag_links(doc)) == [("tags", "Wahlen", "dom:a[rel=tag]")]


def test_dom_byline_elements_in_document_order_across_batches() -> None:
    """The walk searches names a batch at a time: the first eight byline elements still come in page order."""
    filler = "".join(f'<div class="c{i}"><span id="s{i}">x</span></div>' for i in range(150))
    bylines = "".join(f'<p class="{name}">Jane {i}</p>' for i, name in enumerate(["Author", "x-BYLINE", "writer"] * 4))
    html = f'<html><body><div class="AUTHOR-box">A</div>{filler}<p id="main-Reporter">R</p>{bylines}</body></html>'
    doc = document_from_text(html, url=None)
    assert doc.tree is not None
    found = dom._byline_elements(doc.tree)
    assert [element_text(e) for e in found] == ["A", "R", "Jane 0", "Jane 1", "Jane 2", "Jane 3", "Jane 4", "Jane 5"]
    # script, style, svg... never count, whatever their class
    doc = document_from_text('<html><body><svg class="author"></svg><b class="byline">B</b></body></html>', url=None)
    assert doc.tree is not None
    assert [e.tag for e in dom._byline_elements(doc.tree)] == ["b"]


def test_dom_tag_path_links_any_case() -> None:
    links = "".join(
        f'<a href="{href}">{text}</a>'
        for href, text in [("/TAGS/a/", "A"), ("/news/2019/x", "no"), ("/Themen/b/", "B"), ("/top\u0130cs/c/", "C")]
    )
    doc = document_from_text(f"<html><body><article>{links}</article></body></html>", url=None)
    assert [c.value for c in dom.extract_tag_links(doc)] == ["A", "B", "C"]


@pytest.mark.parametrize(
    "strings",
    [[], [""], ["Author", "x", "by-line", "BYLINE"], ["\u0130stanbul author", "WRITER"], ["auth", "or", "Verfasser"]],
)
def test_containing_and_matching_are_per_string_searches(strings: list[str]) -> None:
    words = ("author", "byline", "writer", "verfasser")
    assert containing(strings, words) == {i for i, s in enumerate(strings) if any(w in s.lower() for w in words)}
    pattern = re.compile(r"/(?:tags?|or)/", re.I)
    paths = [f"/{s}/" for s in strings]
    assert matching(paths, pattern) == {i for i, s in enumerate(paths) if pattern.search(s)}


def test_element_text_with_and_without_children() -> None:
    doc = document_from_text("<html><body><p> a\n b </p><p>x <b>y</b> z</p><p></p></body></html>", url=None)
    assert doc.tree is not None
    assert [element_text(p) for p in doc.tree.iter("p")] == ["a b", "x y z", ""]


# ------------------------------------------------------------------------------------------------ URL


def test_url_given_and_path_date() -> None:
    doc = document_from_text(
        "<html><body></body></html>", url="https://news.example.org/world/2023/06/12/flood-report?x=1"
    )
    assert triples(url.extract(doc)) == [
        ("url", "https://news.example.org/world/2023/06/12/flood-report?x=1", "url:given"),
        ("published", "2023-06-12", "url:path-date"),
    ]


@pytest.mark.parametrize(
    ("page_url", "day"),
    [
        ("https://e.org/news/20230428/story.html", "2023-04-28"),
        ("https://e.org/2023-04-28-some-story", "2023-04-28"),
        ("https://e.org/politik/2021/12/31/x", "2021-12-31"),
    ],
)
def test_url_path_date_forms(page_url: str, day: str) -> None:
    doc = document_from_text("<html></html>", url=page_url)
    assert [c.value for c in url.extract(doc) if c.source == "url:path-date"] == [day]


@pytest.mark.parametrize(
    "page_url",
    ["https://e.org/news/a-65412345", "https://e.org/2023/13/01/x", "https://e.org/story/123456789012"],
)
def test_url_without_a_date_gives_no_published(page_url: str) -> None:
    doc = document_from_text("<html></html>", url=page_url)
    assert [c.source for c in url.extract(doc)] == ["url:given"]


def test_url_no_address_no_candidates(fixtures_dir: Path) -> None:
    assert url.extract(load(fixtures_dir, "jsonld_graph.html")) == []


# --------------------------------------------------------------------------------- decoding, contract


def test_utf8_page_labelled_latin1_is_read_as_utf8(fixtures_dir: Path) -> None:
    found = dom.extract(load(fixtures_dir, "utf8_labelled_latin1.html"))
    assert triples(found, "title") == [
        ("title", "Größe zählt: Straßenbäume im Test", "dom:title"),
        ("title", "Größe zählt: Straßenbäume im Test", "dom:article//h1"),
    ]


@pytest.mark.parametrize("name", ["cp1251_no_charset.html", "cp1251_labelled_utf8.html"])
def test_cp1251_page_is_decoded(fixtures_dir: Path, name: str) -> None:
    found = dom.extract(load(fixtures_dir, name))
    assert triples(found, "title")[0] == ("title", "Морозы ударят по всей европейской части России", "dom:title")


ALL_EXTRACTORS = (
    jsonld.extract,
    microdata.extract,
    opengraph.extract,
    twitter.extract,
    metatags.extract,
    dom.extract,
    dom.extract_bylines,
    dom.extract_tag_links,
    url.extract,
)


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (Path(__file__).parent.parent / "fixtures/html").glob("*.html"))
)
def test_every_candidate_is_well_formed(fixtures_dir: Path, name: str) -> None:
    for run in ALL_EXTRACTORS:
        for candidate in run(load(fixtures_dir, name, "https://www.example.org/2023/01/02/page")):
            assert candidate.field in FIELDS, (run, candidate)
            assert isinstance(candidate.value, str)
            assert 0.0 < candidate.confidence <= 1.0, candidate
            assert candidate.kind in {"jsonld", "microdata", "meta", "dom", "url"}, candidate
            assert candidate.value == candidate.value.strip(), candidate


@pytest.mark.parametrize("name", ["jsonld_graph.html", "microdata_hidden.html", "opengraph_dw.html", "tag_links.html"])
def test_extractors_are_pure(fixtures_dir: Path, name: str) -> None:
    """Running an extractor twice on one document gives the same candidates (no hidden state)."""
    doc = load(fixtures_dir, name)
    for run in ALL_EXTRACTORS:
        assert run(doc) == run(doc)


def test_dom_bylines_leave_out_comments_and_forms() -> None:
    """Commenters (``comment-author``, a recent-comments widget) and form fields (a comment form's "Name *", a
    sign-up form's "Repeat e-mail", whose class holds ``confirmation``) are no bylines; a commentary's author is."""
    html = """<html><body><article><h1>Story</h1><p>Text.</p></article>
    <ol class="commentlist"><li class="comment"><div class="comment-author vcard">Mayor Quimby</div></li>
      <li class="comment byuser comment-author-jane"><span class="wc-comment-author">Jane Roe</span></li></ol>
    <form id="commentform"><p class="comment-form-author"><label for="author">Name *</label>
      <input id="author" name="author"></p></form>
    <form class="register"><div class="input email user_email_confirmation">Repetir E-mail</div></form>
    <ul id="recentcomments"><li><span class="comment-author-link">Tanja Reader</span></li></ul>
    </body></html>"""
    doc = document_from_text(html, url=None)
    assert dom.extract_bylines(doc) == []
    doc = document_from_text('<html><body><p class="commentary-author">Jane Roe</p></body></html>', url=None)
    assert [c.value for c in dom.extract_bylines(doc)] == ["Jane Roe"]
    assert newsmeta.extract(html.replace("Story", "A story"), url="https://example.com/a").authors == []


def test_language_told_from_the_text_when_the_page_declares_none() -> None:
    paragraphs = "".join(
        f"<p>{text}</p>"
        for text in [
            "Die Stadt hat am Montag beschlossen, dass die Brücke über den Fluss im Sommer erneuert wird.",
            "Nach Angaben der Verwaltung sollen die Arbeiten bis zum Herbst dauern, und der Verkehr wird umgeleitet.",
            "Die Anwohner sind mit dem Plan nicht zufrieden und wollen sich bei der nächsten Sitzung äußern.",
        ]
    )
    page = f"<html><head><title>Brücke wird erneuert</title></head><body>{paragraphs}</body></html>"
    article = newsmeta.extract(page, url="https://example.com/a")
    assert article.language == "de"
    assert article.provenance["language"].source == "dom:text-language"
    declared = newsmeta.extract(page.replace("<html>", '<html lang="de-AT">'), url="https://example.com/a")
    assert declared.language == "de-AT" and declared.provenance["language"].source == "dom:html@lang"
    assert newsmeta.extract("<html><body><p>ok</p></body></html>", url="https://example.com/a").language is None


def test_jsonld_written_as_javascript_is_read() -> None:
    """Hand-written blocks with ``//`` and ``/* */`` comments and single-quoted strings (a URL's ``//`` and a
    quote inside a string stay as they are)."""
    block = """{
        "@context": "http://schema.org", "@type": "NewsArticle",
        "url": "https://example.com/a//b",
        // "mainEntityOfPage": {"@type": "WebPage"},
        /* the teaser */ "description": 'Skoda\\'s "deliveries" dropped',
        'headline': "Skoda deliveries dropped",
        //"interactionCount": "",
        "datePublished": "2020-01-13T13:37:49Z",
    }"""
    doc = document_from_text(f'<html><head><script type="application/ld+json">{block}</script></head></html>', url=None)
    found = {c.field: c.value for c in jsonld.extract(doc)}
    assert found["title"] == "Skoda deliveries dropped"
    assert found["description"] == "Skoda's \"deliveries\" dropped"
    assert found["url"] == "https://example.com/a//b"
    assert doc.warnings == []
