"""plancheck's own errors: what is wrong, where, and what to do.

Caught at the CLI and the pytest boundary and turned into a message (and exit
code 2 for that file). Anything else escaping is a bug.
"""
from __future__ import annotations

import os


class PlancheckError(Exception):
    """An input plancheck cannot use: a file, a rule pack, an option."""

    def __init__(self, message: str, path: str | None = None,
                 line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}" if where else self.message


class InputError(PlancheckError):
    """A file that cannot be read or understood."""


class RulePackError(PlancheckError):
    """A rule pack that does not validate."""


def debugging() -> bool:
    """Whether tracebacks are wanted (``--debug``, or PLANCHECK_DEBUG=1 in the environment:
    worker processes inherit it)."""
    return os.environ.get("PLANCHECK_DEBUG", "").lower() in ("1", "true", "yes", "on")


def internal_error(exc: BaseException, where: str = "") -> str:
    """The message for a bug met while checking (``where``: "in rule PC401"), with what to do;
    under --debug followed by the traceback to paste into a report."""
    text = f"internal error ({type(exc).__name__}: {exc}){' ' + where if where else ''}; please report it with this file"
    if debugging():
        import traceback

        return text + "\n" + "".join(traceback.format_exception(exc)).rstrip()
    return text + " (--debug shows the traceback)"
