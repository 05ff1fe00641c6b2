"""plancheck's own errors: what is wrong, where, and what to do.

Caught at the CLI and the pytest boundary and turned into a message (and exit
code 2 for that file). Anything else escaping is a bug.
"""
from __future__ import annotations


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
