"""URLs: absolutising against the page, and keeping unsafe schemes out of records."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

SAFE_SCHEMES = frozenset({"http", "https"})
#: An absolute http(s) URL with a plain host name (most URLs a page gives): safe and absolute as it is.
_PLAIN_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?(?:[/?#][^\s\\]*)?\Z")


@lru_cache(maxsize=4096)
def absolute_url(value: str, base: str | None) -> str | None:
    """``value`` made absolute against ``base``; ``None`` for empty, unsafe or unusable URLs.

    Only http(s) URLs reach a record: ``javascript:``, ``data:``, ``file:`` and the like are dropped.
    """
    value = value.strip().replace("\n", "").replace("\r", "").replace("\t", "")
    if not value or len(value) > 4096:
        return None
    if _PLAIN_ABSOLUTE.match(value):
        return value  # what the checks below would return, without parsing it
    if value.startswith("//"):
        value = "https:" + value
    try:
        parts = urlsplit(value)
        if not parts.scheme and base:
            value = urljoin(base, value)
            parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not host or not value.split("://", 1)[-1].startswith(parts.netloc):
        return None
    return value


@lru_cache(maxsize=1024)
def site_host(url: str | None) -> str:
    """The host without ``www.``, lower-cased; empty when unknown."""
    if not url or "://" not in url:
        return ""
    authority = url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = authority.rsplit("@", 1)[-1]
    host = host.split("]", 1)[0] + "]" if host.startswith("[") else host.split(":", 1)[0]
    return host.lower().removeprefix("www.")


#: Social networks: a profile there (``article:publisher``'s usual Facebook page, a ``sameAs``) is not a site of its own.
SOCIAL_HOSTS = frozenset(
    {
        "facebook.com",
        "fb.com",
        "twitter.com",
        "x.com",
        "instagram.com",
        "linkedin.com",
        "youtube.com",
        "tiktok.com",
        "pinterest.com",
        "t.me",
        "telegram.me",
        "threads.net",
        "bsky.app",
        "vk.com",
        "ok.ru",
        "weibo.com",
        "xing.com",
        "flipboard.com",
        "whatsapp.com",
    }
)


def is_social_profile(url: str | None) -> bool:
    """Whether the URL is on a social network (``https://www.facebook.com/example``, ``m.facebook.com``)."""
    host = site_host(url)
    return (
        host in SOCIAL_HOSTS
        or host.partition(".")[2] in SOCIAL_HOSTS
        or ".".join(host.rsplit(".", 2)[-2:]) in SOCIAL_HOSTS
    )


#: Second-level labels under a country code that belong to the suffix, not to the site (``bbc.co.uk``).
_SUFFIX_LABELS = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "gv", "go"})


@lru_cache(maxsize=1024)
def site_label(url: str | None) -> str:
    """The site's own label in its host: ``https://www.n-tv.de/x`` -> ``n-tv``, ``bbc.co.uk`` -> ``bbc``."""
    labels = [label for label in site_host(url).split(".") if label not in {"m", "amp", "mobile"}]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SUFFIX_LABELS:
        labels = labels[:-1]
    return labels[-2] if len(labels) >= 2 else ""
