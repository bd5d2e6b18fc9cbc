"""Words around a date in a page that tell what the date is: published, updated, or not the page's date at all.

Data for the DOM date search (:mod:`newsmeta.extractors.datetext`): compiled regexes over lower-cased text and
over an element's ``class``/``id``/``itemprop``.
"""

from __future__ import annotations

import re
from typing import Final

_WORD_START = r"(?<![^\W\d_])"
_WORD_END = r"(?![^\W\d_])"
#: An optional weekday between the words and the date ("Published on Friday, 28 April 2023").
_WEEKDAY = r"(?:\s+[^\W\d_]{2,12}\.?,)?"

#: Just before a date: it is the publication date ("Published on", "Veröffentlicht am", "publié le"...).
PUBLISHED_WORDS: Final = re.compile(
    rf"{_WORD_START}"
    r"(?:published|posted|publish date|release date|released|created|written|first published|date|datum|"
    r"veröffentlicht|erstellt|erschienen|publiziert|geschrieben|eingestellt|ausgabe|"
    r"publié|publiée|mis en ligne|paru|publicado|publicada|fecha|pubblicato|pubblicata|data|"
    r"gepubliceerd|geplaatst|datum|опубликовано|дата|opublikowano|dodano|publikováno|vydáno|zveřejněno)"
    rf"{_WORD_END}[\s:.,|-]*(?:on|am|le|el|il|em|op|at|от|dne)?{_WEEKDAY}[\s:.,|-]*$",
    re.I,
)
#: Just before a date: it is when the page was last changed, not published.
UPDATED_WORDS: Final = re.compile(
    rf"{_WORD_START}"
    r"(?:updated?|last modified|modified|revised|edited|changed|aktualisiert|geändert|zuletzt|stand|"
    r"überarbeitet|mis à jour|modifié|actualizado|actualizada|actualización|aggiornato|aggiornata|"
    r"aggiornamento|atualizado|atualizada|bijgewerkt|gewijzigd|обновлено|изменено|zaktualizowano|"
    r"aktualizacja|aktualizováno|upraveno)"
    rf"{_WORD_END}[\s:.,|-]*(?:on|am|le|el|il|em|op|at|от|dne)?{_WEEKDAY}[\s:.,|-]*$",
    re.I,
)
#: Before a date: it is not the page's date (a copyright line, today's date, an event, a birth, a deadline...).
OTHER_WORDS: Final = re.compile(
    r"(?:(?<=©)|(?<=\(c\))|(?<![^\W\d_]))"
    r"(?:©|\(c\)|copyright|aktuelles datum(?: und uhrzeit)?|current date(?: and time)?|it is currently|es ist jetzt|heute ist|today is|nous sommes le|hoy es|"
    r"abgerufen|retrieved|accessed|zugriff|consulté|geboren|born|né le|née le|nacido|seit|since|depuis|"
    r"desde|bis|until|till|through|jusqu'au|hasta|deadline|frist|einsendeschluss|valid|gültig|"
    r"ends|endet|expires|läuft|ab|from|du|von|member since|mitglied seit|joined|registriert|"
    r"letzter besuch|last visit|last login|beigetreten|dabei seit)"
    rf"[\s:.,|-]*(?:on|am|le|el|il|em|op|at|dem|den)?{_WEEKDAY}[\s:.,|-]*$",
    re.I,
)

#: In an element's class/id/itemprop (lower case): the element holds a date of the page.
DATE_CLASS: Final = re.compile(
    r"date|time|datum|publish|posted|byline|dateline|tagline|meta|entry-info|post-info|article-info|"
    r"submitted|created|stamp|fecha|data|zeit|author|autor|info|kicker|subline|release"
)
#: Start of a part of a class/id token (split at ``-``/``_``), lower case: the element holds other pages' or
#: other people's dates (comments, related posts, sidebars, archives...).
OTHER_CLASS: Final = re.compile(
    r"comment|kommentar|repl(?:y|ies)|respond|antwort|discuss|disqus|forum|related|similar|recommend|"
    r"sidebar|footer|teaser|recent|popular|mostread|trending|archiv|calendar|kalender|copyright|cookie|"
    r"newsletter|promo$|advert|sponsor|next$|prev$|previous|pager|pagination|tweet|events?$|termin|"
    r"veranstaltung|weather|wetter|latest|others?$|further|weitere|nav|menu"
)
#: In an element's class/id/itemprop (lower case): the article's running text, where dates are what it talks about.
BODY_CLASS: Final = re.compile(
    r"(?:post|entry|article|story|news|blog)[-_]?(?:body|content|text)|articlebody|bodytext|field-name-body"
)
#: Elements whose contents are never the page's own date.
OTHER_TAGS: Final = frozenset({"footer", "aside", "nav", "select", "option", "button", "label", "blockquote"})
#: Class tokens of page-wide wrappers ("content-sidebar-wrap", "has-comments"): not a sign of other content.
WRAPPER_CLASS: Final = re.compile(
    r"wrap|container|content|main|page|layout|template|has-|with-|open|enabled|single|body|count|link|icon|"
    r"^(?:category|tag|type|format|status)-"
)
