"""The typed record newsmeta produces. Imports nothing of newsmeta."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


def _day_or_instant(value: Any) -> Any:
    """A capture time as JSON writes it: ``YYYY-MM-DD`` is a day, anything longer an instant."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value


#: When a capture was made: a day (a capture header) or an instant (a WARC-Date).
CaptureTime = Annotated[datetime | date | None, BeforeValidator(_day_or_instant)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Evidence(_Record):
    """Where a field's value came from.

    ``source`` names the extractor and the path inside the page, e.g. ``jsonld:NewsArticle.datePublished``,
    ``meta:property=article:published_time``, ``dom:h1``, ``url:path-date`` or ``capture:line-4``.
    ``agreeing`` lists other sources that gave the same value; ``confidence`` is in [0, 1].
    """

    source: str
    confidence: float = Field(ge=0.0, le=1.0)
    agreeing: list[str] = Field(default_factory=list)


class Person(_Record):
    name: str
    url: str | None = None


class Image(_Record):
    url: str | None = None
    width: int | None = None
    height: int | None = None
    caption: str | None = None


class Publisher(_Record):
    name: str | None = None
    url: str | None = None
    logo: Image | None = None
    email: str | None = None
    telephone: str | None = None
    legal_name: str | None = None


class Article(_Record):
    """One news article, as read from one capture."""

    url: str | None = None
    title: str | None = None
    description: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    authors: list[Person] = Field(default_factory=list)
    sections: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    image: Image | None = None
    images: list[Image] = Field(default_factory=list)
    publisher: Publisher | None = None
    language: str | None = None
    genre: str | None = None
    copyright_year: int | None = None
    body: str | None = None
    captured: CaptureTime = None
    provenance: dict[str, Evidence] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
