"""Single edits of a written figure: the typos that turn one number into another.

A figure copied by hand goes wrong in a few ways: two adjacent digits swapped
("107,28" → "107,82"), one digit mistyped, the decimal mark put one or two
places off ("7,5" → "0,75"), or a separator of the other convention ("4.250"
→ "4,250", "158,2" → "158.2"). Given the text as written, ``edits`` lists the
texts one such slip away, each with its kind; repair (plancheck.checks.repair)
asks which of them makes a failing check hold.

Every candidate is parsed by plancheck.numbers, so only well-formed Vietnamese
numbers come out and each keeps the decimals it is written with ("75,0" has one).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from .models.location import Location
from .models.value import Value
from .numbers import NotANumber, parse_number, parse_value
from .lazyre import lazy_compile


class EditKind(IntEnum):
    """Kinds of slip, in the order they are listed."""

    swap = 0
    digit = 1
    shift = 2       # the decimal mark moved
    separator = 3   # "," and "." confused

    @property
    def plausibility(self) -> int:
        """Lower is likelier. A swap and a digit change are one class: which of the two
        was made cannot be told from the figures (107,82 is a swapped 107,28 or a
        mistyped 107,32; 22.010 a mistyped 22.000 or a swapped 22.001)."""
        return {EditKind.swap: 0, EditKind.digit: 0, EditKind.shift: 1, EditKind.separator: 2}[self]


@dataclass(frozen=True, slots=True)
class Edit:
    old: str
    new: str
    kind: EditKind
    number: str = ""   # the edited number alone, when ``new`` keeps words around it ("khoảng 15,04%")

    def value(self, location: Location | None = None) -> Value:
        """The edited figure as a reported value (its interval from the decimals written)."""
        return parse_value(self.number or self.new, location)


# sign, the number (digits and separators), then at most a percent sign: "−3,2", "9,0%".
_FIGURE = lazy_compile(r"^(?P<lead>\s*[-+\u2212]?\s*)(?P<num>[0-9](?:[0-9.,]*[0-9])?)(?P<tail>\s*[%‰]?\s*)$")


def edits(text: str) -> list[Edit]:
    """Every well-formed figure one slip away from ``text``; none when it is no plain figure
    (a range, "trên 10%", "05 xã")."""
    m = _FIGURE.match(text)
    if not m or _parsed(m["num"]) is None:
        return []
    lead, num, tail = m["lead"], m["num"], m["tail"]
    best: dict[str, EditKind] = {}
    for new, kind in _raw(num):
        if new not in best and _acceptable(num, new, kind):
            best[new] = kind  # _raw yields the more plausible kinds first
    return [Edit(text, lead + new + tail, kind) for new, kind in best.items()]


# a figure of running text: a qualifier or "~" before it, a unit or a counted noun after it
_IN_TEXT = lazy_compile(r"^(?P<pre>(?:[^\W\d_]+\s+){0,2}|~\s*)(?P<fig>[0-9](?:[0-9.,]*[0-9])?\s*[%‰]?)"
                      r"(?P<post>(?:\s*[^\W\d_][^\n]*)?)$")


def figure_edits(text: str, point=None) -> list[Edit]:
    """The edits of a figure as running text writes it ("khoảng 15,40%", "46,02ha", "49,6 tỷ"):
    the number edited, its words kept. ``point``: the value the figure was read as; when the
    number alone reads otherwise (a multiplier applied), no edit is offered, rather than a wrong one."""
    plain = edits(text)
    if plain:
        return plain
    m = _IN_TEXT.match(text.strip())
    if not m or (not m["pre"] and not m["post"]):
        return []
    if point is not None:
        try:
            if parse_value(m["fig"]).point != point:
                return []
        except (NotANumber, ValueError):
            return []
    return [Edit(text, f"{m['pre']}{e.new}{m['post']}", e.kind, number=e.new) for e in edits(m["fig"])]


def _raw(num: str):
    yield from ((s, EditKind.swap) for s in _swaps(num))
    yield from ((s, EditKind.digit) for s in _digit_changes(num))
    yield from ((s, EditKind.shift) for s in _shifts(num))
    yield from ((s, EditKind.separator) for s in _separator_flips(num))


def _swaps(num: str):
    """Neighbouring digits swapped, across a thousands point too (4.210.714 typed 2.410.714),
    never across the decimal comma (51,7 and 57,1 are no swap of each other)."""
    digits = [i for i, ch in enumerate(num) if ch.isdigit()]
    for i, j in zip(digits, digits[1:]):
        if num[i] != num[j] and num[i + 1:j] in ("", "."):
            chars = list(num)
            chars[i], chars[j] = chars[j], chars[i]
            yield "".join(chars)


def _digit_changes(num: str):
    for i, ch in enumerate(num):
        if ch.isdigit():
            for d in "0123456789":
                if d != ch:
                    yield num[:i] + d + num[i + 1:]


def _shifts(num: str):
    """The decimal mark one or two places either way; digits stay as typed (none is added
    at the end), a leading "0," is how a fraction is written."""
    parsed = _parsed(num)
    if parsed is None or parsed.foreign:
        return  # "158.2": which mark is the decimal one is the separator edit's question
    digits = num.replace(".", "").replace(",", "")
    point = len(digits) - parsed.decimals   # digits before the decimal mark
    ungrouped = len(_whole(num)) >= 4 and "." not in num   # "4636": the document does not group
    for step in (-2, -1, 1, 2):
        at = point + step
        if at > len(digits):
            continue
        padded = "0" * max(0, 1 - at) + digits   # "7,5" two left: "0,075"
        at = max(at, 1)
        whole, frac = padded[:at].lstrip("0") or "0", padded[at:]
        if len(whole) >= 4 and not ungrouped:
            whole = _group(whole)
        yield whole + ("," + frac if frac else "")


def _group(whole: str) -> str:
    head = len(whole) % 3 or 3
    return ".".join([whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)])


def _separator_flips(num: str):
    for i, ch in enumerate(num):
        if ch in ".,":
            yield num[:i] + ("," if ch == "." else ".") + num[i + 1:]


def _acceptable(old: str, new: str, kind: EditKind) -> bool:
    """A Vietnamese number of another value, written as a person would write it."""
    parsed, original = _parsed(new), _parsed(old)
    if parsed is None or parsed.foreign:
        return False
    if parsed.value == original.value and kind != EditKind.separator:
        return False  # "0" → "0,0": the same figure; "158.2" → "158,2" is the same value, not the same reading
    if parsed.ambiguous and not original.ambiguous and kind != EditKind.separator:
        return False  # "4,250" as a typo of "42,50" would raise the question it answers
    # "07,5" is no way to write 7,5, unless the document pads ("05" xã) and so did the original.
    whole, old_whole = _whole(new), _whole(old)
    return not (len(whole) > 1 and whole[0] == "0" and not (len(old_whole) > 1 and old_whole[0] == "0"))


def _whole(num: str) -> str:
    """The digits before the decimal mark (the Vietnamese reading: "," is the mark)."""
    return num.split(",")[0].replace(".", "") if "," in num else num.replace(".", "")


def _parsed(num: str):
    try:
        return parse_number(num)
    except NotANumber:
        return None
