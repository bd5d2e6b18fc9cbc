"""Scrapy and parsel inputs, and the item pipeline, driven with ``HtmlResponse`` objects (no network)."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("scrapy", reason="the scrapy extra is not installed: pip install 'newsmeta[scrapy]'")

import scrapy  # noqa: E402
from parsel import Selector  # noqa: E402
from scrapy.exceptions import DropItem  # noqa: E402
from scrapy.http import HtmlResponse, Request  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

import newsmeta.api  # noqa: E402
from batch_helpers import page  # noqa: E402
from newsmeta import extract  # noqa: E402
from newsmeta.scrapy import ArticlePipeline, Fields  # noqa: E402

URL = "https://news.example.com/2024/03/01/story"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "news_spider.py"


def response(body: bytes, content_type: str = "text/html; charset=utf-8", url: str = URL) -> HtmlResponse:
    return HtmlResponse(url=url, body=body, headers={"Content-Type": content_type}, request=Request(url))


def no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any parse of HTML by newsmeta fail the test: a response's own tree must be used."""
    def fail(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("newsmeta parsed the page a second time")

    monkeypatch.setattr(newsmeta.api, "_parse_html", fail)
    monkeypatch.setattr(newsmeta.api, "document_from_text", fail)


@pytest.mark.parametrize("name", ["opengraph_dw.html", "jsonld_graph.html", "byline_en.html", "conflicts.html"])
def test_a_response_gives_the_record_of_its_body(name: str, read_fixture: Callable[[str], bytes],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    body = read_fixture(name)
    expected = extract(body, url=URL).model_dump()
    no_parse(monkeypatch)
    resp = response(body)
    assert extract(resp).model_dump() == expected
    assert extract(resp.selector, url=URL).model_dump() == expected  # a parsel.Selector
    assert extract(Selector(text=body.decode("utf-8")), url=URL).model_dump() == expected


def test_the_headers_charset_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    # cp1251 bytes that claim to be UTF-8 in the page: only the HTTP header tells the truth
    body = page("Новости дня", charset="utf-8", author="Иван Петров").encode("cp1251")
    no_parse(monkeypatch)
    article = extract(response(body, "text/html; charset=windows-1251"))
    assert article.title == "Новости дня" and [a.name for a in article.authors] == ["Иван Петров"]
    assert article.url == URL


def test_the_response_url_is_used_unless_one_is_given() -> None:
    resp = response(page("Relative links").encode())
    assert extract(resp).url == URL
    assert extract(resp, url="https://other.example.com/x").url == "https://other.example.com/x"


def pipeline(**settings: Any) -> ArticlePipeline:
    return ArticlePipeline.from_crawler(get_crawler(settings_dict=settings))


def test_pipeline_fills_a_dict_item_from_its_response() -> None:
    resp = response(page("From the response").encode())
    item = pipeline().process_item({"response": resp, "section": "world"})
    assert item["article"]["title"] == "From the response" and item["article"]["url"] == URL
    assert item["article"]["published"] == "2024-03-01T10:00:00Z"  # JSON data, ready to export
    assert "response" not in item and item["section"] == "world"


def test_pipeline_reads_html_and_url_fields_named_in_settings() -> None:
    pipe = pipeline(NEWSMETA_HTML_FIELD="body", NEWSMETA_URL_FIELD="link", NEWSMETA_ARTICLE_FIELD="meta")
    item = pipe.process_item({"body": page("From HTML").encode(), "link": URL})
    assert item["meta"]["title"] == "From HTML" and item["meta"]["url"] == URL
    assert pipe.fields == Fields(response="response", html="body", url="link", article="meta")


class NewsItem(scrapy.Item):
    response = scrapy.Field()
    url = scrapy.Field()
    article = scrapy.Field()


def test_pipeline_fills_a_scrapy_item_and_can_keep_the_response() -> None:
    resp = response(page("A scrapy.Item").encode())
    item = pipeline(NEWSMETA_KEEP_RESPONSE=True).process_item(NewsItem(response=resp), None)
    assert isinstance(item, NewsItem) and item["article"]["title"] == "A scrapy.Item"
    assert item["response"] is resp


def test_pipeline_passes_items_without_a_page_and_reports_failures(caplog: pytest.LogCaptureFixture) -> None:
    assert pipeline().process_item({"title": "no page"}) == {"title": "no page"}
    binary = bytes(range(256)) * 4
    with caplog.at_level(logging.WARNING, logger="newsmeta.scrapy"):
        item = pipeline().process_item({"html": binary, "url": URL})
    assert item["article"] is None and "no article from " + URL in caplog.text
    with pytest.raises(DropItem):
        pipeline(NEWSMETA_DROP_FAILED=True).process_item({"html": binary, "url": URL})


def test_example_spider_yields_items_the_pipeline_fills() -> None:
    spec = importlib.util.spec_from_file_location("news_spider", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    spider = module.NewsSpider(start="https://news.example.com/")
    assert spider.custom_settings["ITEM_PIPELINES"] == {"newsmeta.scrapy.ArticlePipeline": 300}
    index = response(b'<html><body><a href="/2024/03/01/story">story</a><a href="/about">about</a>'
                     b'<a href="https://elsewhere.example.org/2024/01/01/x">away</a></body></html>',
                     url="https://news.example.com/")
    requests = list(spider.parse(index))
    assert [r.url for r in requests] == [URL]
    [item] = list(spider.parse_article(response(page("Spider page").encode())))
    assert pipeline(**spider.custom_settings).process_item(item)["article"]["title"] == "Spider page"
