"""``extract`` is safe to call from many threads at once: a thread pool gives the serial results."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from newsmeta import extract
from newsmeta.api import extract_capture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ROUNDS = 6
THREADS = 8


def _inputs() -> list[tuple[str, bytes]]:
    html = sorted((FIXTURES / "html").glob("*.html"))
    captures = sorted((FIXTURES / "capture").rglob("*.txt"))[:10]
    return [(p.name, p.read_bytes()) for p in [*html, *captures] if p.is_file()]


def _record(item: tuple[str, bytes]) -> dict[str, Any]:
    name, data = item
    url = f"https://example.com/{Path(name).stem}"
    article = extract_capture(data, url=url) if name.endswith(".txt") else extract(data, url=url)
    return article.model_dump(mode="json")


def test_thread_pool_gives_the_serial_results() -> None:
    items = _inputs()
    assert len(items) >= 10
    serial = [_record(item) for item in items]
    work = items * ROUNDS
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        threaded = list(pool.map(_record, work))
    assert threaded == serial * ROUNDS


def test_threads_with_text_and_parsel_inputs() -> None:
    from parsel import Selector

    items = [(name, data) for name, data in _inputs() if name.endswith(".html")]
    texts = [data.decode("utf-8", "replace") for _, data in items]
    serial = [extract(Selector(text=t), url="https://example.com/").model_dump() for t in texts]

    def run(text: str) -> dict[str, Any]:
        return extract(Selector(text=text), url="https://example.com/").model_dump()  # one tree per thread

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        assert list(pool.map(run, texts * ROUNDS)) == serial * ROUNDS
