"""Shared test helpers: where the hand-written HTML fixtures live, and how to read them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    """The directory of HTML fixtures (``fixtures/html``)."""
    return FIXTURES / "html"


@pytest.fixture
def read_fixture(fixtures_dir: Path) -> Callable[[str], bytes]:
    """``read_fixture("name.html")`` -> the fixture's raw bytes."""

    def read(name: str) -> bytes:
        return (fixtures_dir / name).read_bytes()

    return read
