"""Scrapy: an item pipeline that fills an item field with the page's article (extra ``newsmeta[scrapy]``).

Enable it in the project's settings::

    ITEM_PIPELINES = {"newsmeta.scrapy.ArticlePipeline": 300}

and yield items that carry the page: the response itself (``{"response": response}``; its URL, its charset
from the HTTP headers and its already parsed selector are used, the page is not parsed twice), or the HTML
and the URL (``{"html": ..., "url": ...}``). The pipeline writes ``item["article"]``, the article as JSON
data (``Article.model_dump(mode="json")``), and takes the response out of the item (it is not data to
export). Settings:

- ``NEWSMETA_RESPONSE_FIELD`` (``"response"``), ``NEWSMETA_HTML_FIELD`` (``"html"``), ``NEWSMETA_URL_FIELD``
  (``"url"``): where the page is read from; ``NEWSMETA_ARTICLE_FIELD`` (``"article"``): where it goes.
- ``NEWSMETA_KEEP_RESPONSE`` (``False``): leave the response in the item.
- ``NEWSMETA_DROP_FAILED`` (``False``): drop an item whose page cannot be read, instead of passing it on
  with the article field set to ``None`` (the failure is logged in either case).

Dict items and :class:`scrapy.Item` subclasses both work (through ``itemadapter``); an Item must declare
the fields it is given. Items without a page pass through untouched. Scrapy is imported only here:
``import newsmeta`` does not need it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from .api import extract
from .errors import ExtractionError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fields:
    """Names of the item fields the pipeline reads and writes."""

    response: str = "response"
    html: str = "html"
    url: str = "url"
    article: str = "article"


class ArticlePipeline:
    """Item pipeline: ``item[article]`` = the article read from ``item[response]`` or ``item[html]``."""

    def __init__(self, fields: Fields | None = None, *, keep_response: bool = False, drop_failed: bool = False) -> None:
        self.fields = fields or Fields()
        self.keep_response = keep_response
        self.drop_failed = drop_failed

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArticlePipeline:
        """Build the pipeline from the crawler's settings (``NEWSMETA_*``, see the module's help)."""
        settings = crawler.settings
        fields = Fields(
            response=settings.get("NEWSMETA_RESPONSE_FIELD", "response"),
            html=settings.get("NEWSMETA_HTML_FIELD", "html"),
            url=settings.get("NEWSMETA_URL_FIELD", "url"),
            article=settings.get("NEWSMETA_ARTICLE_FIELD", "article"),
        )
        return cls(fields, keep_response=settings.getbool("NEWSMETA_KEEP_RESPONSE", False),
                   drop_failed=settings.getbool("NEWSMETA_DROP_FAILED", False))

    def _source(self, adapter: ItemAdapter) -> tuple[Any, str | None] | None:
        """The page of an item (a response, or HTML) and its URL, or ``None`` when it carries none."""
        response = adapter.get(self.fields.response)
        url = adapter.get(self.fields.url)
        url = url if isinstance(url, str) and url else None
        if response is not None:
            return response, url
        html = adapter.get(self.fields.html)
        if isinstance(html, (str, bytes)) and html:
            return html, url
        return None

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Fill the article field of an item that carries a page; pass any other item on untouched."""
        adapter = ItemAdapter(item)
        found = self._source(adapter)
        if found is None:
            return item
        source, url = found
        try:
            article: dict[str, Any] | None = extract(source, url=url).model_dump(mode="json")
        except (ExtractionError, TypeError, ValueError) as exc:
            where = url or getattr(source, "url", None) or "an item"
            logger.warning("newsmeta: no article from %s: %s: %s", where, type(exc).__name__, exc)
            if self.drop_failed:
                raise DropItem(f"newsmeta: no article from {where}: {exc}") from exc
            article = None
        adapter[self.fields.article] = article
        if not self.keep_response and self.fields.response in adapter:
            del adapter[self.fields.response]
        return item


__all__ = ["ArticlePipeline", "Fields"]
