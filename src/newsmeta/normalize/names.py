"""Author strings -> clean person names (prefixes, roles, e-mails, dates removed; lists split)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..rules import lexicon
from .text import clean_text

#: Words that introduce a byline, in the languages we read ("By", "Von", "Par", "Por", "Di"...), or an author box's
#: title ("About Jane Roe", "Über den Autor: ...").
_PREFIX = re.compile(
    r"^(?:(?:written|reported|reporting|text|words|story|photos?|video|compiled|edited|interview)\s+(?:by|von)\s+|"
    r"(?:by|von|vom|par|por|(?-i:di|da)|door|przez|от|from)\s*:?\s+|"
    r"(?:автор[ы]?|autor(?:in|es|en|a)?|author[s]?|text|texto|testo|tekst|redakce)\s*:\s*|"
    r"(?:ein(?:e)?\s+)?(?:kommentar|analyse|gastbeitrag|kolumne|interview|reportage|bericht)\s+(?:von|vom)\s+|"
    r"(?:about|über|à propos de|sobre)\s+(?:the\s+author\s*:?\s*|(?-i:den|die)\s+autor(?:in)?\s*:?\s*)?)",
    re.I,
)
_EMAIL = re.compile(r"[^\s()<>\[\]]+@[^\s()<>\[\]]+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_DATE_TAIL = re.compile(
    r"\s*(?:[|,•·–—-]\s*)?(?:updated|published|aktualisiert|veröffentlicht|publié|mis à jour|am|on|le)?\s*"
    r"\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}.*$|\s*(?:[|,•·–—-]\s*)?\d{1,2}:\d{2}.*$"
    # a weekday before a written date: ``Von Tomas Spahn Fr, 18. Oktober 2019``, ``Jane Roe Mon, 5 June 2023``
    r"|\s+(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)\.?,?\s+\d{1,2}\.?\s+"
    r"[^\W\d_]+\.?\s+\d{4}.*$",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|\||/|\s&\s|\s\+\s|\b(?:and|AND|And|und|et|y|e|i|og|och|és|та|и|a)\b)\s*")
#: The same separators, kept (to tell a conjunction from a comma).
_SPLIT_KEEPING = re.compile(f"({_SPLIT.pattern})")
_CONJUNCTION = re.compile(r"\s*\b[^\W\d_]+\b\s*")
#: Job titles (``rules/capture_lexicon.json``: ``role_words``), and the words that qualify them or name a desk
#: (``desk_words``: ``Senior``, ``News``, ``Team``). One vocabulary for names, bylines and captures.
JOB_TITLES = frozenset(word.casefold() for word in lexicon()["role_words"])
DESK_WORDS = frozenset(word.casefold() for word in lexicon()["desk_words"])
#: Job titles long enough to end a compound (``Wirtschaftsredakteur``, ``Online-Redakteurin``).
_TITLE_ENDINGS = tuple(word for word in JOB_TITLES if len(word) >= 6)


def is_job_title(word: str) -> bool:
    """A job title, alone or ending a compound (``Reporter``, ``Redakteurin``, ``Sportredakteur``)."""
    folded = word.strip(".,:;()").casefold()
    return bool(folded) and (folded in JOB_TITLES or folded.endswith(_TITLE_ENDINGS))


def is_role_word(word: str) -> bool:
    """A word of a role or desk line (``Senior``, ``Reporter``, ``News``, ``Desk``): no part of a person's name."""
    return is_job_title(word) or word.strip(".,:;()").casefold() in DESK_WORDS


_NOT_NAMES = frozenset(
    {
        "staff",
        "admin",
        "redaktion",
        "rédaction",
        "editorial",
        "news desk",
        "newsdesk",
        "unknown",
        "anonymous",
        "null",
        "none",
        "undefined",
        "author",
        "autor",
        "by",
    }
)
#: Degrees and professional titles that follow a name after a comma (``Grant Tinsley, PhD``): no second person.
_CREDENTIALS = frozenset(
    {
        "phd",
        "ph.d.",
        "ph.d",
        "md",
        "m.d.",
        "m.d",
        "mba",
        "msc",
        "m.sc.",
        "m.sc",
        "bsc",
        "mph",
        "dphil",
        "rn",
        "rdn",
        "cfp",
        "cfa",
        "cpa",
        "esq",
        "esq.",
        "dds",
        "dvm",
        "lcsw",
        "facs",
        "frcp",
    }
)
MAX_NAME_WORDS = 6


def _is_name(part: str) -> bool:
    words = part.split()
    if not words or len(words) > MAX_NAME_WORDS or len(part) < 2:
        return False
    if part.casefold() in _NOT_NAMES or part.casefold() in _CREDENTIALS or any(ch.isdigit() for ch in part):
        return False
    if "://" in part or part.startswith("www."):
        return False
    if all(is_role_word(w) for w in words):
        return False
    return any(ch.isalpha() for ch in part)


_SLUG = re.compile(r"^[a-z]+(?:-[a-z]+){1,3}$")


def _from_slug(text: str) -> str | None:
    """``emma-mackenzie`` or ``https://site/authors/emma-mackenzie/`` -> ``Emma Mackenzie``."""
    if "://" in text:
        text = text.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return text.replace("-", " ").title() if _SLUG.match(text) else None


def split_names(raw: str) -> list[str]:
    """Person names in one author string: ``"By Jane Doe and John Roe, Reuters"`` -> three names."""
    return list(_split_names(raw))


_PARENTHESES = re.compile(r"\([^)]*\)")
#: The outlet a byline's writer works for, after the name: ``Amitai Winehouse For Mailonline``, ``for the Guardian``.
_FOR_OUTLET = re.compile(r"\s+for\s+\S.*$", re.I)
#: A writer's page named after them (``Nicole Karlis's Articles``, ``Jane Roe’s profile``): the name is before it.
_WRITERS_PAGE = re.compile(r"['’]s\s+(?:articles|posts|stories|columns|profile|page)$", re.I)
#: A locale code (``fr-FR``, ``en_US``): a value of the page's language, no name.
_LOCALE = re.compile(r"^[a-z]{2}[-_][A-Z]{2}$")


def _parts(text: str) -> list[str]:
    """``text`` split at list separators, except a conjunction before one capitalised word that ends a name of two
    words or more: a double surname (``José Volta e Pinto``) or an organisation (``Ministerium für Wirtschaft und
    Klimaschutz``), not a second person (who has a name of their own: ``Jane Roe and John Doe``)."""
    pieces = _SPLIT_KEEPING.split(text)
    parts = [pieces[0]]
    for separator, part in zip(pieces[1::2], pieces[2::2], strict=True):
        words = part.split()
        if (
            _CONJUNCTION.fullmatch(separator)
            and len(words) == 1
            and words[0].istitle()
            and not is_role_word(words[0])
            and len(parts[-1].split()) >= 2
        ):
            parts[-1] = f"{parts[-1]}{separator}{part}"
        else:
            parts.append(part)
    return parts


@lru_cache(maxsize=1024)  # a page gives the same author string in several sources; resolvers ask twice
def _split_names(raw: str) -> tuple[str, ...]:
    text = clean_text(raw)
    if " " not in text:
        slug_name = _from_slug(text)
        if slug_name:
            return (slug_name,)
    if not text or "://" in text and " " not in text:
        return ()
    text = _EMAIL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    text = _DATE_TAIL.sub("", text)
    text = _PARENTHESES.sub(" ", text).strip(" -–—|:,·•")
    names: list[str] = []
    for part in _parts(text):
        label, colon, rest = part.partition(":")
        if colon and rest.strip():
            if not _PREFIX.match(label.strip() + ": "):
                continue  # "Redaktion: X", "Quelle: dpa", "Foto: X": not the author
            part = rest
        part = _PREFIX.sub("", part.strip(" -–—|:,·•.")).strip(" -–—|:,·•")
        part = _WRITERS_PAGE.sub("", _FOR_OUTLET.sub("", _PREFIX.sub("", part))).strip()
        if _is_name(part) and not _LOCALE.match(part) and part not in names:
            names.append(part)
    return tuple(names)
