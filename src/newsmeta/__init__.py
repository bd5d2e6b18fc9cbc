"""newsmeta: typed, trustworthy article records from raw news-page captures, with per-field provenance."""

from .api import extract, extract_capture
from .errors import ExtractionError
from .limits import Limits
from .model import Article, Evidence, Image, Person, Publisher

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Evidence",
    "ExtractionError",
    "Image",
    "Limits",
    "Person",
    "Publisher",
    "__version__",
    "extract",
    "extract_capture",
]
