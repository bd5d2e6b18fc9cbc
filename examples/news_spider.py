"""A short news spider: follows article links from a start page, and newsmeta's pipeline reads each article.

    pip install 'newsmeta[scrapy]'
    scrapy runspider examples/news_spider.py -a start=https://news.example.com/ -O articles.jsonl

Each output line is ``{"url": ..., "article": {...}}``: the article as ``newsmeta.extract`` reads it from the
response (its URL, the charset of its HTTP headers, the selector Scrapy already parsed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

#: Article addresses on most news sites carry a date: /2024/03/01/ or /2024-03-01/.
ARTICLE = re.compile(r"/20\d\d[/-]\d\d[/-]\d\d")


class NewsSpider(scrapy.Spider):
    name = "news"
    custom_settings = {
        "ITEM_PIPELINES": {"newsmeta.scrapy.ArticlePipeline": 300},
        "ROBOTSTXT_OBEY": True,
        "AUTOTHROTTLE_ENABLED": True,
        "DEPTH_LIMIT": 1,
    }

    def __init__(self, start: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.start_urls = [start]
        self.allowed_domains = [urlsplit(start).hostname or ""]

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        """The start page: follow the links that look like articles, on the same site."""
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            if ARTICLE.search(urlsplit(url).path) and urlsplit(url).hostname in self.allowed_domains:
                yield scrapy.Request(url, callback=self.parse_article)

    def parse_article(self, response: Response) -> Iterator[dict[str, Any]]:
        """An article: hand the response to the pipeline, which fills ``item["article"]``."""
        yield {"url": response.url, "response": response}
