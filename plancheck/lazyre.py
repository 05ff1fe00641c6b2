"""Regular expressions compiled on first use.

Python's ``re`` parses and compiles a pattern in Python code: plancheck's four hundred module
patterns took about 47 ms of a one-file run to compile, a third of its start, and a short text
needs few of them (a plan file none of the document readers', a Markdown file none of Word's).
The standard library has no lazy pattern, nor has any well-kept package that keeps ``re``'s
semantics (google-re2 has no look-behind), so this is written here.

``NAME = lazy_compile(pattern, flags)`` at a module's top level binds a stand-in. Its first use
compiles the pattern and puts the compiled one in place of the stand-in in the module that
defined it and in the module that used it, so every later use there is a plain ``re.Pattern``
at no added cost. A stand-in held elsewhere (in a list, a class) forwards each use.
"""
from __future__ import annotations

import re
import sys
from typing import Any


class LazyPattern:
    __slots__ = ("_source", "_flags", "_home", "_compiled", "_seen")

    def __init__(self, source: str, flags: int, home: dict[str, Any]) -> None:
        self._source, self._flags, self._home = source, flags, home
        self._compiled: re.Pattern[str] | None = None
        self._seen: set[int] = set()   # the modules' namespaces already rid of this stand-in

    def _rebind(self, namespace: dict[str, Any], compiled: re.Pattern[str]) -> None:
        if id(namespace) in self._seen:
            return
        self._seen.add(id(namespace))
        for name, value in list(namespace.items()):
            if value is self:
                namespace[name] = compiled

    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
            self._rebind(self._home, compiled)
        return compiled

    def __getattr__(self, name: str) -> Any:
        compiled = self.compiled()
        self._rebind(sys._getframe(1).f_globals, compiled)   # the module that asked: imported it by name
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags!r})"


def lazy_compile(source: str, flags: int | re.RegexFlag = 0) -> Any:
    """A stand-in for ``re.compile(source, flags)``, compiled on first use. Only at a module's
    top level: its first use rebinds that module's names."""
    return LazyPattern(source, int(flags), sys._getframe(1).f_globals)
