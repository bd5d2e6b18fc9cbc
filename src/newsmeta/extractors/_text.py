"""The text of an element, for any lxml element (``lxml.html`` or plain ``lxml.etree`` trees)."""

from __future__ import annotations

from lxml import etree

_STRING = etree.XPath("string()")


def element_text(element: etree._Element) -> str:
    """All text inside ``element`` (comments and scripts' markup excluded), white space collapsed."""
    return " ".join(str(_STRING(element)).split())
