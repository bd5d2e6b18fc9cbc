"""The seed capture (a Sputnik schema.org block as text) must yield exactly its expected record."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

import newsmeta

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "capture"
SEED = FIXTURES / "sputnik-2022-12-23.txt"
EXPECTED = json.loads((FIXTURES / "sputnik-expected.json").read_text(encoding="utf-8"))
SPEAKABLE = "/html/head/meta[@name='og:title']/@content"


@pytest.fixture(scope="module")
def article() -> newsmeta.Article:
    return newsmeta.extract(SEED.read_bytes())


def _dump(article: newsmeta.Article) -> dict:
    return json.loads(article.model_dump_json())


@pytest.mark.parametrize("field", ["url", "title", "description", "captured", "language", "genre", "copyright_year"])
def test_scalar_fields(article: newsmeta.Article, field: str) -> None:
    assert _dump(article)[field] == EXPECTED[field]


@pytest.mark.parametrize("field", ["published", "modified"])
def test_timestamps_with_offset(article: newsmeta.Article, field: str) -> None:
    assert getattr(article, field) == datetime.fromisoformat(EXPECTED[field])


@pytest.mark.parametrize("field", ["sections", "tags"])
def test_label_lists(article: newsmeta.Article, field: str) -> None:
    assert sorted(getattr(article, field)) == sorted(EXPECTED[field])


def test_authors(article: newsmeta.Article) -> None:
    assert [{"name": p.name} for p in article.authors] == EXPECTED["authors"]


def test_image_with_rendition_sizes(article: newsmeta.Article) -> None:
    got = _dump(article)["image"]
    assert {key: got[key] for key in EXPECTED["image"]} == EXPECTED["image"]


def test_publisher_contact(article: newsmeta.Article) -> None:
    got = _dump(article)["publisher"]
    for key, value in EXPECTED["publisher"].items():
        if isinstance(value, dict):
            assert {k: got[key][k] for k in value} == value
        else:
            assert got[key] == value


def test_body_first_and_last_sentence(article: newsmeta.Article) -> None:
    assert article.body is not None
    assert article.body.startswith(EXPECTED["body_starts_with"])
    assert article.body.endswith(EXPECTED["body_ends_with"])


def test_speakable_xpath_is_in_no_field(article: newsmeta.Article) -> None:
    record = article.model_dump_json(exclude={"provenance"})
    assert "/html/head" not in record and SPEAKABLE not in record and "@content" not in record


def test_provenance_names_the_template(article: newsmeta.Article) -> None:
    assert article.provenance["title"].source == "capture:template=ria.headline"
    assert article.provenance["sections"].source == "capture:template=ria.articleSection"


def test_explicit_form_gives_the_same_record() -> None:
    explicit = newsmeta.extract_capture(SEED.read_text(encoding="utf-8"))
    assert _dump(explicit) == _dump(newsmeta.extract(SEED.read_bytes()))
