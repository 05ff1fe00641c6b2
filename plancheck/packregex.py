"""Regular expressions written in rule packs, matched in time linear in the text.

A rule pack is data anyone may write, and a pattern in it must not be able to hang
plancheck: Python's ``re`` backtracks (``(\\w+\\s?)+$`` ran for minutes on a 400-byte
document). RE2 (google-re2) runs in linear time and refuses the features that need
backtracking (look-arounds, back-references); a pattern it refuses is an error of the
pack, named with its file and line when the pack loads (the ``PackPattern`` type of a
check's parameters).

RE2's ``\\w``, ``\\W`` and ``\\b`` are ASCII, and Vietnamese letters are not: ``\\w`` and
``\\W`` are read here as Unicode letters, digits and "_" (``\\pL\\pN_``), ``\\s`` also takes
the no-break spaces Word writes, and ``\\b`` is refused with what to write instead. The
translation is written by hand: no library translates Python's syntax to RE2's. Patterns
are case-insensitive.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

_WORD = r"\pL\pN_"
_SPACE = r"\s\x{00a0}\x{2007}\x{2009}\x{202f}"
_OUTSIDE = {"w": f"[{_WORD}]", "W": f"[^{_WORD}]", "s": f"[{_SPACE}]", "S": f"[^{_SPACE}]"}
_INSIDE = {"w": _WORD, "s": _SPACE}
_NO_BOUNDARY = ("\\b and \\B are ASCII-only in the linear-time engine and miss Vietnamese letters; "
                "write (?:^|[^\\pL]) before a word and (?:[^\\pL]|$) after it")


class PackPatternError(ValueError):
    """A rule pack's pattern that cannot be matched in linear time, or is no pattern."""


def translate(pattern: str) -> str:
    """``pattern`` (Python's syntax) in RE2's, with Unicode word and space classes."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            letter = pattern[i + 1]
            if letter in "bB":
                raise PackPatternError(_NO_BOUNDARY)
            if in_class and letter in "WS":
                raise PackPatternError(f"\\{letter} inside [...] cannot be read as Unicode; list what to "
                                       "exclude with [^...] instead")
            out.append((_INSIDE if in_class else _OUTSIDE).get(letter, c + letter))
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            out.append(c)
            # a "]" (or "^]") right after the opening bracket is a member, not the end
            j = i + 1
            if pattern[j:j + 1] == "^":
                out.append("^")
                j += 1
            if pattern[j:j + 1] == "]":
                out.append("]")
                j += 1
            i = j
            continue
        if c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> Any:
    """The RE2 program of a rule pack's pattern; PackPatternError saying why it has none."""
    import re2

    options = re2.Options()
    options.log_errors = False     # the error is raised, not also printed
    options.case_sensitive = False
    try:
        return re2.compile(translate(pattern), options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise PackPatternError(f"not a pattern the linear-time engine (RE2) runs: {reason} (look-arounds "
                               "and back-references cannot be used in rule packs)") from None


def _checked(pattern: str) -> str:
    compile_pattern(pattern)
    return pattern


class _CheckedWhenLoaded:
    """What makes a str parameter a pack's pattern, for pydantic when it validates the pack (its
    protocol for a type's own validation): pydantic is loaded only then, not when a kind is."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(_checked, handler(source))


# A regular expression as a check's parameter: checked when the pack loads, matched with
# compile_pattern(p).search(text) (or .match).
PackPattern = Annotated[str, _CheckedWhenLoaded]
