"""Dates in the DOM and the URL: fixtures in fixtures/html/dates/ through the extractors and ``newsmeta.extract``."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import newsmeta
from newsmeta.api import document_from_text
from newsmeta.document import Document
from newsmeta.extractors import datetext, url
from newsmeta.normalize.dates_url import UrlDate, url_date

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "dates"
CAPTURED = datetime(2023, 11, 1, 12, 0)


def doc(name: str, page: str) -> Document:
    return document_from_text((FIXTURES / name).read_text(encoding="utf-8"), url=page, captured=CAPTURED)


def extract(name: str, page: str) -> newsmeta.Article:
    return newsmeta.extract((FIXTURES / name).read_bytes(), url=page, captured=CAPTURED)


def test_byline_date_not_comments_sidebar_or_copyright() -> None:
    found = datetext.extract_dates(doc("wordpress_byline.html", "https://blog.example.de/ein-ausflug/"))
    published = [c.value for c in found if c.field == "published"]
    assert published[0] == "2019-03-12"
    # comments, the sidebar's recent posts, today's date in the header, the copyright year: none proposed
    assert not {"2019-03-14", "2019-03-15", "2019-04-01", "2019-04-20", "2023-11-01"} & {v[:10] for v in published}


def test_byline_date_is_the_record_date() -> None:
    article = extract("wordpress_byline.html", "https://blog.example.de/ein-ausflug/")
    assert article.published == datetime(2019, 3, 12)
    assert article.provenance["published"].source.startswith("dom:")


def test_teasers_linking_elsewhere_are_not_the_page_date() -> None:
    article = extract("teasers.html", "https://news.example.com/council-budget")
    assert article.published == datetime(2023, 4, 28, 17, 40, tzinfo=timezone(timedelta(hours=-4)))


def test_updated_is_modified_not_published() -> None:
    article = extract("updated.html", "https://journal.example.fr/budget")
    paris_summer = timezone(timedelta(hours=2))  # the .fr page's times are placed in Europe/Paris
    assert article.published == datetime(2023, 4, 28, 14, 30, tzinfo=paris_summer)
    assert article.modified == datetime(2023, 5, 2, 9, 15, tzinfo=paris_summer)
    assert article.provenance["published"].source.endswith("+zone:Europe/Paris(.fr)")


def test_rdfa_date_property_in_the_articles_footer_not_the_sidebars() -> None:
    found = datetext.extract_dates(doc("rdfa_footer.html", "https://www.wein.example.de/handel/waechst"))
    assert [c.value for c in found if c.field == "published"][0].startswith("2022-01-28")
    assert not any(c.value.startswith("2021-05-02") for c in found)


def test_dublin_core_properties_state_published_and_modified() -> None:
    html = (
        "<html prefix='dcterms: http://purl.org/dc/terms/'><body><h1>Some headline here</h1>"
        "<div property='dcterms:issued' content='2021-03-04'></div>"
        "<div property='dcterms:modified' content='2021-06-07'></div></body></html>"
    )
    found = datetext.extract_dates(document_from_text(html, url="https://example.org/a"))
    assert {(c.field, c.value) for c in found} == {("published", "2021-03-04"), ("modified", "2021-06-07")}
    # a page declaring no RDFa vocabulary is not searched for RDFa properties (no tree walk)
    undeclared = html.replace(" prefix='dcterms: http://purl.org/dc/terms/'", "")
    assert datetext.extract_dates(document_from_text(undeclared, url="https://example.org/a")) == []


def test_a_date_range_is_dated_by_its_first_day() -> None:
    article = extract("week_range.html", "https://www.lawinen.example.ch/berichte/wochenbericht-14-20-januar-2022")
    assert article.published is not None and article.published.date() == date(2022, 1, 14)


def test_hatom_abbr_dates() -> None:
    article = extract("hatom.html", "https://example.org/notes")
    plus_one = timezone(timedelta(hours=1))
    assert article.published == datetime(2019, 3, 12, 10, tzinfo=plus_one)
    assert article.modified == datetime(2019, 3, 14, 8, tzinfo=plus_one)


def test_time_elements_in_comments_are_skipped() -> None:
    html = (
        "<html><body><article><h1>Title of the post</h1><time datetime='2023-04-28T10:00:00Z'>28 April</time>"
        "</article><div class='comments'><time datetime='2023-04-30T10:00:00Z'>30 April</time></div></body></html>"
    )
    found = datetext.extract(document_from_text(html, url="https://example.com/post"))
    assert [c.value for c in found] == ["2023-04-28T10:00:00Z"]


def test_split_date_over_elements() -> None:
    html = (
        "<html><body><h1>A headline for the article</h1><div class='date'><span>12.</span> <span>März</span> "
        "<span>2019</span></div><p>Text.</p></body></html>"
    )
    found = datetext.extract_dates(document_from_text(html, url="https://example.de/a"))
    assert found and found[0].value == "2019-03-12"


def test_json_state_date_when_nothing_else() -> None:
    html = (
        '<html><head><script type="application/json">{"publishedDate":"2016-11-04T20:37:27Z"}</script></head>'
        "<body><h1>A review of a thing</h1><p>Nice thing.</p></body></html>"
    )
    article = newsmeta.extract(html, url="https://reviews.example.com/r/1")
    assert article.published == datetime(2016, 11, 4, 20, 37, 27, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "page",
    [
        '{"publishedDate":"2016-11-04T20:37:27Z"}',
        '{"pubDate": null, "datePublished"  :  "2016-11-04T20:37:27Z"}',
        '{"datePublished"' + " " * 3000 + ': "2016-11-04T20:37:27Z"}',  # the value far behind its key
        '{"x": "' + "\u00e9" * 600 + '", "firstPublished": "04.11.2016 20:37"}',
        '{"publishedAt": "' + "\u00fc" * 30 + '"} {"publishDate": "2016-11-04"}',
        '{"datePublished": "2016"}',
    ],
)
def test_json_state_date_is_the_first_in_the_text(page: str) -> None:
    """Only the text after each key is decoded; the date found is the one a search of the whole text finds."""
    data = page.encode() + b"\xff"  # not UTF-8 at the end: decoded with replacement characters
    whole = datetext._JSON_DATE.search(data.decode("utf-8", errors="replace"))
    assert datetext._first_json_date(data) == (whole.group(1) if whole else None)
    assert datetext._first_json_date(page) == (whole.group(1) if whole else None)


def test_url_dates() -> None:
    assert url_date("https://example.com/2023/04/28/story") == UrlDate(2023, 4, 28)
    assert url_date("https://example.com/news/20230428-story.html") == UrlDate(2023, 4, 28)
    assert url_date("https://example.com/news/2012-06/04/content_1.htm") == UrlDate(2012, 6, 4)
    assert url_date("https://example.com/meldungen/29-10-2021") == UrlDate(2021, 10, 29)
    assert url_date("https://example.com/aktuelles/08112021-fachtag") == UrlDate(2021, 11, 8)
    assert url_date("https://blog.example.com/2018/08/trip.html") == UrlDate(2018, 8, None)
    assert url_date("https://example.com/article/65464327") is None
    assert url_date("https://example.com/2023/13/45/x") is None
    # a web archive's capture stamp is not the page's date
    archived = "https://web.archive.org/web/20110106023242/http://example.de/index.php?newsID=111"
    assert url_date(archived) is None
    assert url_date("https://web.archive.org/web/20130307194448/example.net/2008/05/post.html") == UrlDate(
        2008, 5, None
    )


def test_url_extractor_proposes_the_day_only() -> None:
    day = url.extract(Document(url="https://example.com/2023/04/28/story"))
    assert [(c.field, c.value) for c in day if c.field == "published"] == [("published", "2023-04-28")]
    month = url.extract(Document(url="https://example.com/2023/04/story"))
    assert [c for c in month if c.field == "published"] == []


@pytest.mark.parametrize(
    ("attrs", "other"),
    [
        ("btn next", True),
        ("nextgen-article", False),
        ("post-footer", True),
        ("content-sidebar-wrap", False),
        ("article-body", False),
        ("related-posts teaser", True),
    ],
)
def test_class_names_of_other_content(attrs: str, other: bool) -> None:
    from newsmeta.extractors.datetext import _is_other

    assert _is_other(attrs) is other
