"""Images: absolutised, safe schemes only; the top image is the lead picture, not a logo or placeholder."""

from __future__ import annotations

import re

from ..candidate import Candidate
from ..model import Image
from ..normalize.text import clean_text
from ..normalize.urls import absolute_url
from .common import Choice, Context, choose, once_per_value

#: Path words of interface art, anywhere in the path (``/logos/``, ``favicon``, a site's ``blavatar``).
_INTERFACE_ART = re.compile(
    r"(?:^|[/_.-])(?:logo|logos|favicon|icon|icons|sprite|avatar|blavatar)(?:[/_.-]|\d|$)|\.svg$", re.I
)
#: File names of empty stand-ins (``blank.jpg``, ``placeholder.png``, ``no-img_460x320.jpg``): never a picture of
#: the page, not even its only one.
_EMPTY_STAND_IN = re.compile(r"(?:^|[_.-])(?:placeholder|blank|spacer|no[-_]?im(?:g|age))(?:[_.-]|\d|$)", re.I)
#: File-name words of stand-in pictures; only the last segment counts (``/dims4/default/`` is a CDN's path).
_STAND_IN = re.compile(r"(?:^|[_.-])(?:placeholder|default|blank|spacer|pixel|fallback)(?:[_.-]|\d|$)", re.I)
NOT_A_PICTURE_PENALTY = 0.35


def _int(value: str | None) -> int | None:
    if not value:
        return None
    digits = re.match(r"\s*(\d{1,6})", value)
    return int(digits.group(1)) if digits else None


def _path(url: str) -> str:
    return url.split("://", 1)[-1].partition("/")[2].split("#", 1)[0].split("?", 1)[0]


def _is_empty_stand_in(url: str) -> bool:
    return _EMPTY_STAND_IN.search(_path(url).rstrip("/").rsplit("/", 1)[-1]) is not None


def _is_picture(url: str | None) -> bool:
    """A URL that names a picture (not an icon sheet, a logo, a placeholder or a bare fragment)."""
    if not url:
        return False
    path = _path(url)
    if len(path) <= 1 or _INTERFACE_ART.search(path):
        return False
    return not _STAND_IN.search(path.rstrip("/").rsplit("/", 1)[-1])


def to_image(candidate: Candidate, url: str | None) -> Image:
    extra = candidate.extra
    caption = clean_text(extra.get("caption", "")) or None
    return Image(url=url, width=_int(extra.get("width")), height=_int(extra.get("height")), caption=caption)


def resolve(candidates: list[Candidate], context: Context) -> tuple[Image | None, list[Image], Choice[str] | None]:
    pictures: dict[str, bool] = {}  # by URL

    @once_per_value
    def normalise(candidate: Candidate) -> str | None:
        url = absolute_url(candidate.value, context.url)
        return url if url and not _is_empty_stand_in(url) else None

    def picture(url: str | None) -> bool:
        if url is None:
            return False
        if url not in pictures:
            pictures[url] = _is_picture(url)
        return pictures[url]

    def penalty(_: Candidate, url: str) -> float:
        return 0.0 if picture(url) else -NOT_A_PICTURE_PENALTY

    leads = [c for c in candidates if c.extra.get("lead") and picture(normalise(c))]
    choice = choose(leads, normalise) or choose(candidates, normalise, adjust=penalty)
    if choice is None:
        return None, [], None
    same = [c for c in candidates if normalise(c) == choice.value]
    image = to_image(choice.candidate, choice.value)
    for other in same:  # fill sizes from other sources that name the same picture
        if image.width is None and image.height is None and _int(other.extra.get("width")):
            image = to_image(other, choice.value).model_copy(update={"caption": image.caption})
    images: list[Image] = [image]
    seen = {choice.value}
    limit = context.limits.max_images
    for candidate in sorted(candidates, key=lambda c: -c.confidence):
        url = normalise(candidate)
        if url and url not in seen and picture(url):  # the page's other pictures: no logos, icons, sprites
            seen.add(url)
            if len(images) < limit:
                images.append(to_image(candidate, url))
    if len(seen) > limit:
        context.warnings.append(f"{len(seen)} images given; kept the first {limit}")
    return image, images, choice
