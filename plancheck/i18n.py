"""plancheck's own words in Vietnamese and English: --help, the rule listing, explain's headings,
category and severity names, file errors. The English text is the message id; Vietnamese comes
from the gettext catalog plancheck/locale/vi/LC_MESSAGES/plancheck.po, compiled to .mo with
babel (``pybabel compile``; tests/test_i18n.py fails when a message lacks its translation or the
.mo is stale). Rules speak through their packs (message and doc in both languages): a rule is data.

The language is given where it is known (``_(text, lang)``); where it is not (an error raised
deep in a reader), the run's language set with ``use`` at its start (CLI, API, each worker).
"""
from __future__ import annotations

import contextlib
import contextvars
import gettext
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

LANGUAGES = ("vi", "en")
LOCALE = Path(__file__).parent / "locale"
DOMAIN = "plancheck"

# The run's language: a context variable, so that two runs in two threads (a web service
# checking two drafts) each speak their own.
_current: contextvars.ContextVar[str] = contextvars.ContextVar("plancheck_language", default="vi")


@lru_cache(maxsize=4)
def translation(lang: str) -> gettext.NullTranslations:
    """The catalog of ``lang``; English is the message ids themselves."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE, languages=[lang], fallback=True)


def use(lang: str) -> contextvars.Token:
    """The language of messages made where none is given, for the rest of the run (in this
    thread or task); the token puts the previous one back (``restore``)."""
    return _current.set(lang if lang in LANGUAGES else "vi")


def restore(token: contextvars.Token) -> None:
    try:
        _current.reset(token)
    except ValueError:   # set in another context (a generator finished elsewhere): leave it
        pass


def current() -> str:
    return _current.get()


def number(value: float | int, decimals: int | None = 0, lang: str | None = None) -> str:
    """A number for a message, written as the language writes it: 6.000 and 12,3 in Vietnamese
    (a message that says 6,000 tells a Vietnamese reader six), 6,000 and 12.3 in English;
    ``decimals`` None: as many as it takes (a limit a user set: 0.000999451)."""
    text = f"{value:,g}" if decimals is None else f"{value:,.{decimals}f}"
    if (lang or current()) == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _(message: str, lang: str | None = None) -> str:
    """``message`` (English) in ``lang``, or in the run's language."""
    return translation(lang or _current.get()).gettext(message)


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; translated where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a counted message ("{n} file", "{n} files") for the catalog; see ``counted``."""
    return singular, plural


def counted(forms: tuple[str, str], count: int, lang: str | None = None, **fields: Any) -> str:
    """A counted message in ``lang``: "3 files", "3 tệp" (Vietnamese has one form); its other
    ``fields`` filled too."""
    return translation(lang or _current.get()).ngettext(forms[0], forms[1], count).format(n=count, **fields)


def from_environment() -> str:
    """The language the environment asks for: PLANCHECK_LANG (checked by plancheck.config), else
    the locale (LC_ALL, LC_MESSAGES, LANG) when it is Vietnamese or English, else Vietnamese."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            code = language_code(value)
            return code if code in LANGUAGES else "vi"
    return "vi"


def language_code(value: str) -> str:
    """The language a locale names: "vi" of "vi_VN.UTF-8", "en" of "en-US"."""
    return str(value).strip().replace("-", "_").split(".")[0].split("_")[0].lower()


# argparse's own words (usage, the headings, its errors), looked up in this catalog while the
# command line is parsed (``argparse_speaks``); marked here so that the catalog holds them.
_ARGPARSE = (N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
             N_("show program's version number and exit"), N_("the following arguments are required: %s"),
             N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("unrecognized arguments: %s"),
             N_("expected one argument"), N_("invalid %(type)s value: %(value)r"),
             N_("argument %(argument_name)s: %(message)s"), N_("%(prog)s: error: %(message)s\n"),
             N_("ambiguous option: %(option)s could match %(matches)s"))


@contextlib.contextmanager
def argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's words in ``lang`` while the command line is built and parsed, and only then
    (argparse looks its words up through its module's ``_``; other users of argparse in the
    process, pytest among them, keep theirs)."""
    import argparse

    before = argparse._
    argparse._ = translation(lang).gettext
    try:
        yield
    finally:
        argparse._ = before
