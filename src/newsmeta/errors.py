"""Errors newsmeta raises on purpose."""


class ExtractionError(ValueError):
    """The input cannot be read as a page or a capture (e.g. binary data that is not text)."""
