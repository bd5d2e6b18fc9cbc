"""The rules of values captures without a template (:mod:`newsmeta.extractors.capture_values`), one test each."""

from __future__ import annotations

from pathlib import Path

import newsmeta
from newsmeta.extractors import capture, capture_values, capture_values_topics
from newsmeta.extractors.capture_lines import Line, split_lines

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "capture"


def _lines(*texts: str) -> list[Line]:
    return split_lines("\n\n".join(texts))


def _values(lines: list[Line], url: str | None, field: str) -> list[str]:
    return [c.value for c in capture_values.extract(lines, url) if c.field == field]


def _fixture(name: str) -> newsmeta.Article:
    return newsmeta.extract((FIXTURES / name).read_bytes())


# --- title -------------------------------------------------------------------------------------------------------


def test_kicker_the_slug_leaves_out_is_dropped() -> None:
    url = "https://news.example/politik/Trump-spricht-nach-Tanker-Stuermung-ueber-Bodeneinsaetze-id301.html"
    line = '"Es wird bald beginnen": Trump spricht nach Tanker-Stürmung über Bodeneinsätze'
    assert _values(_lines(line, "2025-12-12T05:07:47+01:00"), url, "title") == [
        "Trump spricht nach Tanker-Stürmung über Bodeneinsätze"
    ]


def test_kicker_the_slug_spells_is_kept() -> None:
    url = "https://news.example/story/nach-kalifat-rufen-in-hamburg-sind-wir-zu-sanft-zu-islamisten"
    line = "Nach Kalifat-Rufen in Hamburg: Sind wir zu sanft zu Islamisten?"
    assert _values(_lines(line, "2024-05-03T15:47:42Z"), url, "title") == [line]


def test_lower_case_line_is_no_title() -> None:
    lines = _lines("trump harris presidential election labor day", "The campaigns brace for a sprint to Election Day")
    url = "https://news.example/article/trump-harris-presidential-election-labor-day"
    assert _values(lines, url, "title") == ["The campaigns brace for a sprint to Election Day"]


def test_a_section_slug_does_not_pick_the_title() -> None:
    lines = _lines("La revancha de Verstappen frente a Russell tras su sanción", "Fórmula 1 2024")
    assert _values(lines, "https://news.example/deportes/formula-1/2024/12/02/674cdc8a.html", "title") == [
        "La revancha de Verstappen frente a Russell tras su sanción"
    ]


def test_a_credit_line_is_no_title_however_often_repeated() -> None:
    credit = "© Jane Doe/Example Agency"
    lines = _lines("Harbour town opens its new library", credit, credit, credit, credit, "2024-05-03T08:00:00Z")
    assert _values(lines, None, "title") == ["Harbour town opens its new library"]


def test_a_picture_word_with_a_colon_inside_a_headline_is_no_credit() -> None:
    lines = _lines("Erstes Bild: So könnte die neue Seilbahn aussehen", "2024-03-08T17:59:52.000Z")
    assert _values(lines, None, "title") == ["Erstes Bild: So könnte die neue Seilbahn aussehen"]


def test_a_kicker_shaped_line_beats_the_description_before_it() -> None:
    description = "Why was the harbour authority created and what does it do?"
    headline = "Harbour authority: What is it and what does it do?"
    lines = _lines(description, headline, "2022-10-10T13:21:17.000Z")
    assert _values(lines, "https://news.example/explainers-63159607", "title") == [headline]


def test_a_label_after_a_colon_is_no_kicker_shaped_headline() -> None:
    lines = _lines("Ferry timetable changes from Monday", "NLP Category: Business", "2024-05-03T08:00:00Z")
    assert _values(lines, None, "title") == ["Ferry timetable changes from Monday"]


def test_the_line_repeated_most_is_the_headline() -> None:
    article = _fixture("values-credit-and-repeats.txt")
    assert article.title == "What's next for the harbour, after the union's new leader takes over?"


# --- authors -----------------------------------------------------------------------------------------------------


def test_any_name_right_before_its_profile_url() -> None:
    lines = _lines(
        "‘흙수저’ 소년공이 쏘아올린 정치 신화",
        "배윤경",
        "https://news.example/author/554",
        "이상현",
        "https://news.example/author/377",
    )
    assert _values(lines, None, "authors") == ["배윤경", "이상현"]


def test_agency_after_the_profile_url_that_spells_it() -> None:
    lines = _lines("https://news.example/autoren/dpa", "dpa", "2023-04-28T20:22:00+02:00")
    assert _values(lines, None, "authors") == ["dpa"]


def test_name_handle_url_gives_the_name() -> None:
    lines = _lines("Denise Paglinawan", "dpaglinawan", "https://news.example/author/dpaglinawan/")
    assert _values(lines, None, "authors") == ["Denise Paglinawan"]


def test_name_role_url_gives_the_name() -> None:
    lines = _lines("Adam Vidler", "Senior reporter", "https://news.example/meet-the-team/adam-vidler-p4zy7c")
    assert _values(lines, None, "authors") == ["Adam Vidler"]


def test_url_name_order_does_not_take_the_section_before() -> None:
    lines = _lines("Sport", "https://news.example/author/tanyel-mustafa/", "Tanyel Mustafa")
    assert _values(lines, None, "authors") == ["Tanyel Mustafa"]


def test_names_in_a_run_of_labels_are_no_authors() -> None:
    lines = _lines("Liverpool verliert bei Everton", "Fußball", "Premier League", "FC Liverpool", "FC Everton")
    assert _values(lines, None, "authors") == []


def test_sections_the_page_url_spells_are_no_authors() -> None:
    article = _fixture("values-section-in-url.txt")
    assert article.authors == []
    assert article.tags == ["Fußball", "Harbour League", "Hafen FC", "Nordstadt United"]


def test_publisher_named_twice_is_the_organisation_author() -> None:
    lines = _lines(
        "Türkiye'de orman yangınları!",
        "2024-07-03T18:24:28+03:00",
        "Habertürk",
        "https://news.example/kunye",
        "Habertürk",
        "https://news.example/assets/logo.png",
    )
    found = [c for c in capture_values.extract(lines, None) if c.field == "authors"]
    assert [(c.value, c.extra.get("kind")) for c in found] == [("Habertürk", "organization")]


# --- images ------------------------------------------------------------------------------------------------------


def test_url_with_width_and_height_is_a_picture() -> None:
    lines = _lines("Title of the story here", "https://cdn.example/l/2024/07/03/3700095/jpg/640x360", "640", "360")
    assert _values(lines, None, "image") == ["https://cdn.example/l/2024/07/03/3700095/jpg/640x360"]


def test_the_page_url_before_the_next_images_sizes_is_no_picture() -> None:
    page = "https://news.example/story/300/some-story"
    lines = _lines(page, "600", "1200", "https://img.example/lido-images/2024/05/03/74c9.jpeg")
    assert _values(lines, page, "image") == ["https://img.example/lido-images/2024/05/03/74c9.jpeg"]


def test_short_wide_rendition_is_a_logo() -> None:
    lines = _lines(
        "https://cdn.example/img/common/text_header02.png",
        "154",
        "60",
        "https://cdn.example/img/article/367/061/8fc28b.jpg",
        "600",
        "600",
    )
    assert _values(lines, None, "image")[0] == "https://cdn.example/img/article/367/061/8fc28b.jpg"


def test_file_named_after_the_site_is_its_logo() -> None:
    lines = _lines(
        "https://uploads.example.co.uk/2018/01/31/TheGuardian_AMP.png",
        "https://i.example.co.uk/img/media/ff01686bf0d0/master/4616.jpg",
    )
    found = _values(lines, "https://www.theguardian.com/world/2024/feb/24/x", "image")
    assert found[0] == "https://i.example.co.uk/img/media/ff01686bf0d0/master/4616.jpg"


def test_svg_is_a_logo() -> None:
    lines = _lines("https://news.example/a/img/haus_new/mbl.svg", "https://c.example/m2/1640x1093/1547996.jpg")
    assert _values(lines, None, "image")[0] == "https://c.example/m2/1640x1093/1547996.jpg"


def test_article_picture_below_an_author_path_is_kept() -> None:
    url = "https://news.example/autoren/lennart-laberenz/ehrengast/@@images/image-1000-cea5a17.jpeg"
    assert _values(_lines("Ehrengast der Buchmesse: Was lesen sie?", url), None, "image") == [url]


def test_portrait_file_is_no_picture() -> None:
    lines = _lines("https://d39.example/d_39/c_img/redakcecy6i4882.jpeg", "https://d39.example/d_39/02.jpeg")
    assert _values(lines, None, "image")[0] == "https://d39.example/d_39/02.jpeg"


# --- tags --------------------------------------------------------------------------------------------------------


def test_long_comma_list_is_the_keywords() -> None:
    keywords = ",".join(f"Thema Nummer {n}" for n in range(1, 30))
    assert len(keywords) > 200
    assert _values(_lines("Story title goes right here", "2025-04-08T03:00:00Z", keywords), None, "tags") == [keywords]


def test_title_with_a_comma_is_no_keyword_list() -> None:
    title = "Mexico to fight illogical steel tariffs, citing trade surplus"
    lines = _lines(title, "2025-02-11T18:28:25+00:00", "mexico steel tariff", "steel trade us-mexico", "News")
    assert _values(lines, "https://news.example/mexico-fight-illogical-steel-tariffs", "tags") == [
        "mexico steel tariff",
        "steel trade us-mexico",
        "News",
    ]


def test_site_codes_paths_and_credits_are_no_labels() -> None:
    lines = _lines(
        "Some story title here", "welt.de:showcase", "/logo.svg", "(Image: Getty Images)", "Politik", "Berlin"
    )
    assert _values(lines, None, "tags") == ["Politik", "Berlin"]


def test_longer_label_run_beats_a_short_comma_list() -> None:
    lines = _lines(
        "Some story title here",
        "London, United Kingdom",
        "2024-04-22T22:04:00+01:00",
        "Pep Guardiola",
        "Phil Foden",
        "Instagram",
        "Manchester",
    )
    assert _values(lines, None, "tags") == ["Pep Guardiola", "Phil Foden", "Instagram", "Manchester"]


def test_an_address_is_no_keyword_list() -> None:
    assert _fixture("values-address-list.txt").tags == ["court", "salaries", "Anna Petrenko"]


def test_keywords_list_beats_the_longer_run_it_repeats() -> None:
    article = _fixture("values-keywords-beside-labels.txt")
    assert article.tags == ["Routers", "Malware", "Firmware", "Networks", "Security"]


def test_upper_case_cms_marker_is_dropped_from_the_keywords() -> None:
    assert _fixture("values-cms-codes.txt").tags == ["Vláda", "Demise", "Sněmovna", "Politika", "Domácí"]


def test_a_family_of_coded_labels_is_left_out_of_the_run() -> None:
    assert _fixture("values-code-family.txt").tags == ["Local government", "Bridges", "Transport"]


def test_semicolon_list_is_the_keywords() -> None:
    article = _fixture("values-semicolon-list.txt")
    assert article.tags == ["Ferries", "Harbour towns", "Local elections", "Transport"]


def test_title_and_site_name_with_a_pipe_are_no_list() -> None:
    lines = _lines("Harbour towns vote on a shared ferry service | Example Herald", "2024-02-24T09:00:00Z")
    assert _values(lines, None, "tags") == []


def test_two_part_phrase_with_a_comma_is_no_keyword_list() -> None:
    lines = _lines(
        "Harbour marathon: Parents kept away from the start",
        'Clear winner, odd costumes and a "royal visit"',
        "2024-04-28T15:19:00.000Z",
    )
    assert _values(lines, None, "tags") == []


def test_a_keyword_holding_a_comma_stays_in_its_run() -> None:
    lines = _lines("Some story title here", "Investing", "Bitcoin", "Jane Roe, CFP", "Crypto", "Finance", "Savings")
    assert _values(lines, None, "tags") == ["Investing", "Bitcoin", "Jane Roe, CFP", "Crypto", "Finance", "Savings"]


def test_the_url_slug_inside_a_run_neither_ends_it_nor_is_a_label() -> None:
    url = "https://news.example/article/council-budget-vote-delayed-again-151f82b5"
    lines = _lines(
        "Council budget vote delayed again",
        "Politics",
        "Budget",
        "council budget vote delayed again",
        "Transport",
        "Housing",
    )
    assert _values(lines, url, "tags")[:4] == ["Politics", "Budget", "Transport", "Housing"]


def test_breadcrumb_positions_do_not_end_the_run() -> None:
    assert _fixture("values-breadcrumb.txt").tags == ["House plants", "Kitchen odours"]


def test_breadcrumbs_to_the_pages_parents_are_no_topics() -> None:
    url = "https://news.example/lifestyle/gardening/plants-that-freshen-a-kitchen-3267"
    lines = _lines(
        "Plants that freshen a kitchen and clean its air",
        "Lifestyle",
        "https://news.example/lifestyle/",
        "Gardening",
        "https://news.example/lifestyle/gardening/",
        "House plants",
        "https://news.example/all-about/house-plants",
        "Kitchen odours",
        "https://news.example/all-about/kitchen-odours",
    )
    assert _values(lines, url, "tags") == ["House plants", "Kitchen odours"]


def test_the_url_sections_after_the_keywords_are_the_article_section() -> None:
    url = "https://news.example/wirtschaft/international-business/wie-gross-ist-der-immobilienriese/"
    labels = ["China", "Immobilien", "Pleite", "Schulden", "International-Business", "Wirtschaft"]
    lines = _lines("Wie groß ist der Immobilienriese?", "2024-01-29T10:00:00Z", *labels)
    assert _values(lines, url, "tags") == labels[:4]


def test_a_keyword_naming_a_deeper_section_stays() -> None:
    url = "https://news.example/wirtschaft/unternehmen/bank-raeumt-versaeumnisse-ein-a-60a0111a"
    lines = _lines(
        "Bank räumt Versäumnisse bei der Aufsicht ein", "2023-04-28T10:00:00Z", "USA", "Banken", "Unternehmen"
    )
    assert _values(lines, url, "tags") == ["USA", "Banken", "Unternehmen"]


def test_of_two_lists_starting_alike_the_longer_is_the_keywords() -> None:
    keywords = ["AI", "Generative AI", "robotic process automation", "RPA"]
    lines = _lines("How vendors aim to remain relevant", "2024-04-28T10:00:00Z", *keywords, "AI", "Enterprise")
    assert _values(lines, None, "tags") == keywords
    sections = ["News", "Tech", "AI"]
    lines = _lines("How vendors aim to remain relevant", "2024-04-28T10:00:00Z", *sections, *sections, "Robots", "RPA")
    assert _values(lines, None, "tags") == [*sections, "Robots", "RPA"]


def test_a_name_in_capitals_is_a_byline_not_a_keyword() -> None:
    lines = _lines("Campaigns brace for a sprint to Election Day", "2024-09-03T10:00:00Z", "JANE ROE-SMITH", "Politics")
    assert _values(lines + _lines("Elections", "Budget"), None, "tags") == ["Politics", "Elections", "Budget"]


def test_keywords_joined_with_spaces_are_a_list() -> None:
    article = _fixture("values-spaced-keywords.txt")
    assert article.tags == ["Bremerhaven", "Messen", "Hafenstadt", "Investition", "Städtebau"]


def test_a_parenthesis_qualifies_the_spaced_keyword_before_it() -> None:
    line = Line(0, "Leichtathletik Hamburg Krone Frankfurt (Oder) Facebook Paris", "p")
    items = capture_values_topics.spaced_keywords(line, set(), set())
    assert items == ["Leichtathletik", "Hamburg", "Krone", "Frankfurt (Oder)", "Facebook", "Paris"]


def test_title_case_titles_bylines_and_company_names_are_no_spaced_keywords() -> None:
    spaced = capture_values_topics.spaced_keywords
    assert spaced(Line(0, "By Jane Roe For The Example Mail On Sunday", "h"), set(), set()) == []
    assert spaced(Line(0, "Example Blogform Social Media GmbH", "n"), set(), set()) == []
    slug = {"harbour", "towns", "vote", "shared", "ferry", "service"}
    assert spaced(Line(0, "Harbour Towns Vote Shared Ferry Service", "h"), set(), slug) == []


def test_the_publishers_name_and_legal_name_are_no_label_run() -> None:
    assert "Insider Media Inc." not in _fixture("values-publisher-names.txt").tags


def test_the_lone_label_the_headline_slug_spells_beats_the_last() -> None:
    assert _fixture("values-publisher-names.txt").tags == ["Cold Water"]
    url = "https://news.example/health/harbour-swimming-cold-water-changes-2025-3"
    assert capture_values_topics.headline_slug(url) >= {"cold", "water"}
    assert "health" not in capture_values_topics.headline_slug(url)


def test_a_cms_key_before_a_label_is_dropped() -> None:
    lines = _lines("Some story title here", "Bank of Montreal", "Category: Economy", "TD Economics")
    assert _values(lines, None, "tags") == ["Bank of Montreal", "Economy", "TD Economics"]


def test_url_sections_are_the_topics_when_the_capture_has_none() -> None:
    article = _fixture("values-url-sections.txt")
    assert article.tags == ["world", "middle east"]
    assert article.provenance["tags"].confidence == capture_values_topics.URL_SECTION_CONFIDENCE


def test_labels_of_the_capture_beat_the_url_sections() -> None:
    assert _fixture("values-section-in-url.txt").provenance["tags"].source == "capture:values.labels"


def test_url_sections_lead_the_path_and_are_lower_case_words() -> None:
    sections = capture_values_topics.url_sections
    assert sections("https://news.example/world/middle-east/tank-fired-2024-03-07/") == ["world", "middle east"]
    assert sections("https://news.example/world/2024/feb/24/spain-votes") == ["world"]
    assert sections("https://news.example/de/post-vac-syndrom-nach-covid-19-impfung/a-65897191") == []
    assert sections("https://news.example/Entwurf-des-Gesetzes/!5928990/") == []
    assert sections("https://news.example/news/us-news/story-1") == ["us news"]
    assert sections(None) == []


def test_a_lone_label_holding_the_host_name_is_the_site() -> None:
    lines = _lines("Judy Lybke, ganz und gar nicht eigenartig", "2023-04-28T18:43:01Z", "ex-tv NACHRICHTEN")
    assert _values(lines, "https://www.ex-tv.de/leben/Judy-Lybke-article24075843.html", "tags") == ["leben"]


def test_the_last_lone_label_is_a_weak_topic() -> None:
    article = _fixture("values-lone-label.txt")
    assert article.tags == ["Gastbeitrag"]
    found = [c for c in capture_values.extract(split_lines((FIXTURES / "values-lone-label.txt").read_text()), None)]
    assert [(c.value, c.confidence) for c in found if c.field == "tags"] == [("Gastbeitrag", 0.3)]


# --- dispatch ----------------------------------------------------------------------------------------------------


def test_few_structured_lines_with_timestamps_are_a_values_capture() -> None:
    names = [f"Name Number{n}" for n in range(8)]
    lines = _lines("https://news.example/a", "2024-09-03T13:11:33Z", "2024-09-03T04:03:19Z", *names)
    assert capture.is_values_capture(lines)
    assert not capture.is_values_capture(_lines("https://news.example/a", "2024-09-03T13:11:33Z", *names))


def test_values_fixture_end_to_end() -> None:
    article = newsmeta.extract((FIXTURES / "values-schema-order.txt").read_bytes())
    assert article.title == "Harbour town opens its new library after two years"
    assert [p.name for p in article.authors] == ["Example Daily"]
    assert (
        article.image is not None
        and article.image.url == "https://cdn.example-daily.com/l/2024/05/03/99887766/jpg/1200x675"
    )
    assert article.tags == ["Libraries", "Harbour town", "Local government"]


# --- the site's name -----------------------------------------------------------------------------------------------


def test_website_node_names_the_site_and_its_name_leaves_the_title() -> None:
    """An SEO plugin's ``WebSite`` node (``@id`` ``.../#website``, ``url``, ``name``) gives the site's name: it is the
    publisher when no other is named, no author, and the suffix it makes in the page's title is stripped."""
    capture = "\n\n".join(
        [
            "date 2019-10-19 https://www.valley-news.example/newsticker/bridge-reopens-after-repairs/",
            "https://www.valley-news.example/#website",
            "https://www.valley-news.example/",
            "VALLEY NEWS",
            "https://www.valley-news.example/newsticker/bridge-reopens-after-repairs/#webpage",
            "de-DE",
            "Bridge reopens after repairs - VALLEY NEWS",
            "2019-10-19T15:07:47+02:00",
            "The old bridge over the river opened again on Saturday after two years of repairs, the council said.",
        ]
    )
    article = newsmeta.extract(capture.encode())
    assert article.title == "Bridge reopens after repairs"
    assert article.publisher is not None and article.publisher.name == "VALLEY NEWS"
    assert article.authors == []
    lines = _lines("https://x.example/#website", "https://x.example/", "Example Site")
    assert _values(lines, None, "site_name") == ["Example Site"]
    assert _values(_lines("https://x.example/#webpage", "https://x.example/", "Example Page"), None, "site_name") == []
