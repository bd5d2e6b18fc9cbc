"""The hostile corpus (``fixtures/hostile/``): one test per input, each with its exact expected outcome.

Small inputs are committed as they are; the large ones are written by ``fixtures/hostile/generate.py`` into a
temporary directory once per session. ``fixtures/hostile/EXPECTED.md`` lists every input with its outcome.

Every input must finish (no timed asserts here; a hang shows as a test run that never ends). Where an input
still carries an article's metadata, the outcome is that metadata, right; impossible dates are dropped with a
warning; unsafe URLs never reach the record; absurd lists are capped with a warning; pure binary raises
:class:`newsmeta.ExtractionError`.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import newsmeta
from newsmeta import Article, ExtractionError, Image, Limits, Person

HOSTILE = Path(__file__).resolve().parent.parent / "fixtures" / "hostile"
UNSAFE_SCHEMES = ("javascript:", "data:", "file:", "vbscript:")
CUT_LIMIT = Limits().max_input_bytes


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile_generate", HOSTILE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = load_generator()


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The large hostile inputs, written once per session into a temporary directory."""
    return generate.generate(tmp_path_factory.mktemp("hostile-large"))


def raw(name: str) -> bytes:
    return (HOSTILE / name).read_bytes()


def run(data: bytes, **kwargs: Any) -> Article:
    """Extract, and check what every record must satisfy: it validates again and round-trips through JSON."""
    article = newsmeta.extract(data, **kwargs)
    assert isinstance(article, Article)
    assert Article.model_validate(article.model_dump()) == article
    assert Article.model_validate_json(article.model_dump_json()) == article
    return article


def dump(article: Article) -> str:
    return json.dumps(article.model_dump(mode="json"), ensure_ascii=False)


def assert_no_unsafe_url(article: Article) -> None:
    text = dump(article).lower()
    for scheme in UNSAFE_SCHEMES:
        assert scheme not in text, f"{scheme} reached the record: {dump(article)[:2000]}"


def warned(article: Article, *needles: str) -> bool:
    """Whether one warning contains every needle (case-insensitive)."""
    return any(all(n.lower() in w.lower() for n in needles) for w in article.warnings)


UTC = timezone.utc


# --------------------------------------------------------------------------------- empty and binary


@pytest.mark.parametrize("name", ["empty.html", "whitespace_only.html"])
def test_empty_input_gives_an_empty_record_that_says_so(name: str) -> None:
    article = run(raw(name))
    assert article.model_dump(exclude={"warnings"}) == Article().model_dump(exclude={"warnings"})
    assert warned(article, "empty"), article.warnings


@pytest.mark.parametrize("name", ["binary_nul.html", "binary_random.txt"])
def test_pure_binary_raises_extraction_error(name: str) -> None:
    with pytest.raises(ExtractionError, match="binary"):
        newsmeta.extract(raw(name))


def test_binary_path_raises_extraction_error_too() -> None:
    with pytest.raises(ExtractionError):
        newsmeta.extract(HOSTILE / "binary_nul.html")


def test_nul_bytes_inside_a_page_do_not_stop_it() -> None:
    article = run(raw("nul_bytes_in_page.html"))
    assert article.title == "Null Bytes Do Not Stop Us"
    assert article.description == "Parsing goes on after a NUL byte."
    assert "\x00" not in dump(article)


# --------------------------------------------------------------------------------- encodings


def test_invalid_utf8_bytes_in_a_utf8_page_keep_its_utf8_text() -> None:
    article = run(raw("invalid_utf8.html"))
    assert article.title == "Café crème: Überraschung in Zürich"
    assert article.description == "Ein Bericht über Zürich und das Café."


def test_cp1251_page_labelled_utf8_yields_its_cyrillic_title() -> None:
    article = run(raw("cp1251_labelled_utf8.html"))
    assert article.title == "Правительство объявило новую реформу образования"
    assert article.description == "Министерство рассказало о подробностях реформы."
    assert article.language == "ru"


@pytest.mark.parametrize("name", ["utf16le_no_bom.html", "utf16be_no_bom.html"])
def test_utf16_page_without_bom_yields_its_title(name: str) -> None:
    article = run(raw(name))
    assert article.title == "Über die Brücke: Ein Bericht aus Köln"
    assert article.language == "de"


# --------------------------------------------------------------------------------- JSON-LD


def test_broken_json_ld_falls_back_to_the_page_title_with_a_warning() -> None:
    article = run(raw("jsonld_broken.html"))
    assert article.title == "Fallback Title For Broken JSON-LD"
    assert warned(article, "JSON-LD"), article.warnings


def test_truncated_json_ld_yields_what_it_holds() -> None:
    article = run(raw("jsonld_truncated.html"))
    assert article.title == "Truncated Headline Survives"
    assert article.provenance["title"].source.startswith("jsonld:")
    assert article.published == datetime(2023, 5, 4, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    assert article.provenance["published"].source.startswith("jsonld:")
    assert article.authors == [Person(name="Jane Roe")]
    assert warned(article, "JSON-LD"), article.warnings


def test_recursive_json_ld_references_resolve_without_looping() -> None:
    article = run(raw("jsonld_recursive.html"))
    assert article.title == "Recursive References Resolved"
    assert article.published == datetime(2023, 6, 1, 8, 0, tzinfo=UTC)
    assert article.authors == [Person(name="Rita Recursion")]
    assert article.publisher is not None and article.publisher.name == "Loop Media"


def test_json_ld_with_wrong_types_never_leaks_python_reprs() -> None:
    article = run(raw("jsonld_wrong_types.html"))
    assert article.title == "Wrong Types Everywhere"
    text = dump(article)
    for repr_start in ("{'", "['", "None", "True"):
        assert repr_start not in text, text


def test_deep_json_ld_is_skipped_with_a_warning_and_its_neighbour_read(generated: dict[str, Path]) -> None:
    article = run(generated["deep_jsonld_100k.html"].read_bytes())
    assert article.title == "Deep JSON-LD Neighbour Headline"
    assert article.published == datetime(2023, 7, 1, 12, 0, tzinfo=UTC)
    assert warned(article, "JSON-LD"), article.warnings


def test_huge_json_ld_is_skipped_with_a_warning(generated: dict[str, Path]) -> None:
    article = run(generated["huge_jsonld.html"].read_bytes())
    assert article.title == "Huge JSON-LD Page Title"
    assert warned(article, "JSON-LD", str(Limits().max_jsonld_chars)), article.warnings


# --------------------------------------------------------------------------------- XML, DTD, entities


def test_billion_laughs_is_not_expanded_and_the_title_is_read() -> None:
    article = run(raw("xml_billion_laughs.html"))
    assert article.title == "Billion Laughs Survives"
    assert "lollol" not in dump(article)


def test_external_file_entity_is_not_resolved() -> None:
    article = run(raw("xxe_file.html"))
    assert article.title == "XXE File Probe"
    text = dump(article)
    assert "root:" not in text
    assert_no_unsafe_url(article)


def test_external_url_entity_is_not_resolved() -> None:
    article = run(raw("xxe_url.html"))
    assert article.title == "XXE URL Probe"
    assert "127.0.0.1" not in dump(article)


# --------------------------------------------------------------------------------- dates


def test_impossible_dates_are_dropped_with_a_warning() -> None:
    article = run(raw("dates_impossible.html"))
    assert article.title == "Impossible Dates"
    assert article.published is None and article.modified is None
    assert "published" not in article.provenance and "modified" not in article.provenance
    assert warned(article, "0000-00-00"), article.warnings
    assert warned(article, "2023-02-30"), article.warnings


def test_far_future_date_is_dropped_with_a_warning() -> None:
    article = run(raw("dates_far_future.html"))
    assert article.title == "Far Future Date"
    assert article.published is None
    assert warned(article, "9999-12-31"), article.warnings


def test_absurd_offset_is_dropped_leaving_the_time_naive_with_a_warning() -> None:
    article = run(raw("dates_absurd_offset.html"))
    assert article.title == "Absurd Offset"
    assert article.published == datetime(2023, 5, 4, 10, 0)
    assert article.published.tzinfo is None
    assert warned(article, "+99:00"), article.warnings


# --------------------------------------------------------------------------------- unsafe URLs


def test_unsafe_urls_never_reach_the_record() -> None:
    article = run(raw("unsafe_urls.html"))
    assert_no_unsafe_url(article)
    assert article.title == "Unsafe Links Everywhere"
    assert article.url is None
    assert article.image == Image(url="https://example.com/images/safe-lead.jpg")
    assert article.images == [Image(url="https://example.com/images/safe-lead.jpg")]
    assert article.authors == [Person(name="Sam Safe")]
    assert article.publisher is not None
    assert article.publisher.name == "Example News"
    assert article.publisher.url is None
    assert article.publisher.logo is None or article.publisher.logo.url is None


def test_host_less_urls_never_reach_the_record() -> None:
    article = run(raw("hostless_urls.html"))
    assert article.title == "Hostless URLs"
    assert article.url is None
    assert article.image == Image(url="https://example.com/images/real.jpg")
    assert article.images == [Image(url="https://example.com/images/real.jpg")]
    assert article.authors == [Person(name="Hugo Host")]
    assert article.publisher is not None
    assert article.publisher.name == "Example News"
    assert article.publisher.url is None
    assert article.publisher.logo is None or article.publisher.logo.url is None


def test_unsafe_url_given_by_the_caller_never_reaches_the_record() -> None:
    for given in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi"):
        article = run(raw("tag_soup.html"), url=given)
        assert article.url is None, given
        assert_no_unsafe_url(article)


def test_javascript_url_in_a_capture_header_never_reaches_the_record() -> None:
    article = run(raw("capture_javascript_url.txt"))
    assert_no_unsafe_url(article)
    assert article.url is None
    assert article.title == "City Council Approves New Harbour Bridge Plan"
    assert article.authors == [Person(name="Martha Quill")]
    assert article.captured == date(2023, 3, 1)


def test_file_url_in_a_warc_header_never_reaches_the_record() -> None:
    article = run(raw("capture_file_url.txt"))
    assert_no_unsafe_url(article)
    assert article.url is None
    assert article.title == "City Council Approves New Harbour Bridge Plan"
    assert article.captured == datetime(2023, 3, 1, 12, 0, tzinfo=UTC)


def test_the_same_capture_with_a_safe_url_keeps_it() -> None:
    article = run(raw("capture_normal_control.txt"))
    assert article.url == "https://example.com/2023/03/01/harbour-bridge"
    assert article.title == "City Council Approves New Harbour Bridge Plan"
    assert article.authors == [Person(name="Martha Quill")]


# --------------------------------------------------------------------------------- broken markup


def test_tag_soup_keeps_its_title() -> None:
    assert run(raw("tag_soup.html")).title == "Tag Soup Title"


def test_titles_in_comments_and_scripts_are_not_read() -> None:
    article = run(raw("comments_and_scripts.html"))
    assert article.title == "Real Title Of The Page"
    text = dump(article)
    assert "Commented Out Title" not in text and "Script Title" not in text


def test_overlong_description_is_cut_cleanly_with_a_warning() -> None:
    article = run(raw("long_description.html"))
    assert article.title == "Very Long Description"
    assert article.description is not None
    assert 0 < len(article.description) <= 5000
    assert article.description == article.description.strip()
    assert article.description.startswith("word word word")
    assert warned(article, "description"), article.warnings


def test_deep_nesting_keeps_the_title_in_the_head(generated: dict[str, Path]) -> None:
    article = run(generated["deep_nesting_100k.html"].read_bytes())
    assert article.title == "Deep Nesting Headline"
    assert article.description == "A hostile input for newsmeta."


# --------------------------------------------------------------------------------- size limits


def test_50_mb_page_is_cut_with_a_warning_and_keeps_the_title_in_its_head(generated: dict[str, Path]) -> None:
    data = generated["huge_page_50mb.html"].read_bytes()
    article = run(data)
    assert article.title == "Fifty Megabytes Headline"
    assert article.description == "A hostile input for newsmeta."
    assert warned(article, f"input of {len(data)} bytes", str(CUT_LIMIT)), article.warnings


def test_50_mb_page_read_from_a_path_states_its_real_size(generated: dict[str, Path]) -> None:
    path = generated["huge_page_50mb.html"]
    article = newsmeta.extract(path)
    assert article.title == "Fifty Megabytes Headline"
    assert warned(article, f"input of {path.stat().st_size} bytes", str(CUT_LIMIT)), article.warnings


def test_one_20_mb_line_page_keeps_its_title(generated: dict[str, Path]) -> None:
    data = generated["one_line_20mb.html"].read_bytes()
    assert b"\n" not in data
    article = run(data)
    assert article.title == "One Line Headline"
    assert warned(article, f"input of {len(data)} bytes", str(CUT_LIMIT)), article.warnings


def test_capture_with_one_20_mb_line_keeps_its_header_fields(generated: dict[str, Path]) -> None:
    data = generated["one_line_20mb.txt"].read_bytes()
    article = run(data)
    assert article.url == "https://example.com/2023/03/01/river-rises-again"
    assert article.title == "River Rises Again As Town Prepares"
    assert article.authors == [Person(name="Martha Quill")]
    assert article.tags == []
    assert article.captured == date(2023, 3, 1)
    assert warned(article, f"input of {len(data)} bytes", str(CUT_LIMIT)), article.warnings


def test_custom_input_limit_cuts_the_input_with_a_warning() -> None:
    page = (
        b'<!doctype html><html><head><title>Cut After The Title</title></head><body>'
        + b"<p>filler</p>" * 200
        + b'<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Beyond The Cut"}</script>'
        + b"</body></html>"
    )
    article = run(page, limits=Limits(max_input_bytes=500))
    assert article.title == "Cut After The Title"
    assert "Beyond The Cut" not in dump(article)
    assert warned(article, f"input of {len(page)} bytes", "500"), article.warnings
    assert run(page).title == "Beyond The Cut"  # the same page uncut


def test_custom_json_ld_limit_skips_the_block_with_a_warning() -> None:
    article = run(raw("jsonld_recursive.html"), limits=Limits(max_jsonld_chars=100))
    assert article.title is None
    assert article.authors == []
    assert warned(article, "JSON-LD", "100"), article.warnings


# --------------------------------------------------------------------------------- absurd lists


def test_10000_authors_are_capped_with_a_warning(generated: dict[str, Path]) -> None:
    article = run(generated["many_authors_10k.html"].read_bytes())
    limit = Limits().max_authors
    assert [a.name for a in article.authors] == generate.author_names()[:limit]
    assert warned(article, "10000", str(limit)), article.warnings


def test_10000_tags_are_capped_with_a_warning(generated: dict[str, Path]) -> None:
    article = run(generated["many_tags_10k.html"].read_bytes())
    limit = Limits().max_labels
    assert article.tags == generate.tag_labels()[:limit]
    assert warned(article, "10000", str(limit)), article.warnings


def test_10000_images_are_capped_with_a_warning(generated: dict[str, Path]) -> None:
    article = run(generated["many_images_10k.html"].read_bytes())
    limit = Limits().max_images
    assert [i.url for i in article.images] == [f"https://example.com/images/photo-{i:05d}.jpg" for i in range(limit)]
    assert warned(article, "10000", "images", str(limit)), article.warnings


def _people_page(count: int) -> bytes:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Many People",
          "author": [{"@type": "Person", "name": name} for name in generate.author_names(count)],
          "keywords": generate.tag_labels(count)}
    return f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head></html>'.encode()


def test_custom_list_limits_cap_with_warnings() -> None:
    article = run(_people_page(12), limits=Limits(max_authors=3, max_labels=5))
    assert [a.name for a in article.authors] == generate.author_names(3)
    assert article.tags == generate.tag_labels(5)
    assert warned(article, "12", "3"), article.warnings
    assert warned(article, "12", "5"), article.warnings


def test_custom_image_limit_caps_with_a_warning(generated: dict[str, Path]) -> None:
    article = run(generated["many_images_10k.html"].read_bytes(), limits=Limits(max_images=2))
    assert [i.url for i in article.images] == [f"https://example.com/images/photo-{i:05d}.jpg" for i in range(2)]
    assert warned(article, "images", "2"), article.warnings


# --------------------------------------------------------------------------------- memory


MEMORY_PROBE = """
import resource, sys
import newsmeta
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
newsmeta.extract(open(sys.argv[1], "rb").read())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""
#: Peak memory one document may add, in KiB: generous (about 30 times the 16 MB input limit), but bounded
#: by the limit and not by the input's size.
MEMORY_BOUND_KIB = 512 * 1024


@pytest.mark.parametrize("name", ["huge_page_50mb.html", "one_line_20mb.html", "one_line_20mb.txt"])
def test_memory_per_document_is_bounded(generated: dict[str, Path], name: str) -> None:
    result = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(generated[name])],
                            capture_output=True, text=True, check=True)
    grown_kib = int(result.stdout.strip())
    assert grown_kib < MEMORY_BOUND_KIB, f"{name}: peak memory grew by {grown_kib // 1024} MiB"


# --------------------------------------------------------------------------------- the whole corpus


def small_inputs() -> list[str]:
    return sorted(p.name for p in HOSTILE.iterdir() if p.suffix in (".html", ".txt"))


BINARY = {"binary_nul.html", "binary_random.txt"}


def test_every_small_input_is_under_200_kb_and_listed_in_expected_md() -> None:
    expected_md = (HOSTILE / "EXPECTED.md").read_text(encoding="utf-8")
    for name in small_inputs():
        assert (HOSTILE / name).stat().st_size < 200_000, name
        assert f"`{name}`" in expected_md, f"{name} is not listed in EXPECTED.md"
    for name in generate.GENERATORS:
        assert f"`{name}`" in expected_md, f"{name} is not listed in EXPECTED.md"


@pytest.mark.parametrize("name", small_inputs())
def test_small_input_gives_an_article_or_extraction_error_and_no_unsafe_url(name: str) -> None:
    if name in BINARY:
        with pytest.raises(ExtractionError):
            newsmeta.extract(raw(name))
        return
    article = run(raw(name))
    assert_no_unsafe_url(article)
    for key in article.provenance:
        assert getattr(article, key.split(".", 1)[0]), f"provenance names the empty field {key}"
