"""Lists written as blocks: a lead paragraph and the marked paragraphs under it.

A drafter in Word writes a whole and its parts as a list rather than a sentence::

    Đất ở 120.000 m2, bao gồm:
    - Liền kề 70.000 m2, chiếm 58,3%;
    - Biệt thự 50.000 m2, chiếm 41,7%.

That is the sentence "Đất ở 120.000 m2, bao gồm: liền kề 70.000 m2, chiếm 58,3%; biệt thự
50.000 m2, chiếm 41,7%." laid out one part to a line, and it states the same things. So a
block is read by the statement grammar (``extract.statements``) as the sentence it stands
for, each offset mapped back to its own paragraph: one grammar for both layouts, no second
set of patterns for lists. What the block adds is only what spans its paragraphs (a part's
share of the lead's whole, the parts' sum); what one paragraph states alone is that
paragraph's, read where it stands.

Nesting comes from the markers, never from the numbers: the items of a block are the
paragraphs after the lead with the first item's kind of marker, up to a marker of a kind
above it; an item's own sub-items (a kind below) are its business, read when that item is
itself a lead.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from typing import Iterator

from ..certainty import Assumption
from ..models import Breakdown
from ..models.document import Paragraph
from ..models.location import Location
from .figures import clean, scan
from .grammar.cues import PARTS_CUE
from .statements import Statements, read_statements
from ..lazyre import lazy_compile

_MARKER = lazy_compile(r"^\s*(?:(?P<num>\d{1,2}[.)])|(?P<alpha>[a-zđ]\))|(?P<roman>[IVX]{1,4}\.)|(?P<dash>[-–])|"
                     r"(?P<plus2>\+\+)|(?P<plus>\+)|(?P<bullet>[•●▪]))\s", re.IGNORECASE)
# A list of one kind of marker ends at a marker of a kind above it ("++" sits under "+").
_ABOVE = {"num": {"roman"}, "alpha": {"num", "roman"}, "dash": {"num", "alpha", "roman"},
          "plus": {"dash", "num", "alpha", "roman"}, "plus2": {"plus", "dash", "num", "alpha", "roman"},
          "bullet": {"num", "alpha", "roman"}, "roman": set()}

# A lead announces its parts at its end: "…, gồm:", "Trong đó:", "…, cụ thể như sau:".
_ANNOUNCES_PARTS = lazy_compile(rf"\b(?:{PARTS_CUE})\s*:\s*$", re.IGNORECASE)
_ITEM_END = lazy_compile(r"[\s;,.]+$")
_RATE_CUE = lazy_compile(r"[%‰]|người\s*/")


def list_items_after(paragraphs: list[Paragraph], i: int) -> list[str]:
    """The items of a list announced at the end of paragraph i ("gồm 04 giải pháp:"):
    the following paragraphs with the first one's kind of marker, up to a marker above it."""
    items = [paragraphs[k].text[m.end():].strip() for k, m in _items(paragraphs, i)]
    return _run_in_names(items)


def _items(paragraphs: list[Paragraph], i: int, adjacent: bool = False) -> list[tuple[int, re.Match]]:
    """(index, marker) of the items under paragraph i. ``adjacent``: only items that follow
    one another in the document, nothing (a table) between them."""
    out: list[tuple[int, re.Match]] = []
    kind = None
    last = paragraphs[i].index
    # a block's lead that is itself an item ("- Vốn ngân sách 60 tỷ đồng, trong đó:") has its parts
    # below its own marker: a marker of its kind or above it is a sibling, and ends them
    lead = _MARKER.match(paragraphs[i].text) if adjacent else None
    own = lead.lastgroup if lead else None
    for k in range(i + 1, len(paragraphs)):
        p = paragraphs[k]
        m = _MARKER.match(p.text)
        if not m or (adjacent and p.index != last + 1):
            break
        last = p.index
        this = m.lastgroup
        if own is not None and (this == own or this in _ABOVE[own]):
            break
        if kind is None:
            kind = this
        if this == kind:
            out.append((k, m))
        elif this in _ABOVE[kind]:
            break
    return out


def _run_in_names(items: list[str]) -> list[str]:
    """Items that each run several names together with dashes ("Ông A - Ông B - Ông C -"), as
    a web page's table leaves a list of members, are those names."""
    split = [[n for n in re.split(r"\s+-\s+|\s+-$", item) if n.strip()] for item in items]
    if items and all(len(names) >= 2 and all(n[:1].isupper() for n in names) for names in split):
        return [n.strip() for names in split for n in names]
    return items


def _announces_parts(text: str) -> bool:
    # the pattern ends on a colon: only a text that ends so is searched
    return text.rstrip().endswith(":") and bool(_ANNOUNCES_PARTS.search(text))


def list_blocks(paragraphs: list[Paragraph]) -> Iterator[tuple[int, list[tuple[int, re.Match]]]]:
    """(lead, items) for each paragraph that states a figure and announces the parts listed
    under it, with at least two items that hold figures."""
    for i, p in enumerate(paragraphs):
        if not _announces_parts(p.text) or not any(c.isdigit() for c in p.text):
            continue
        items = _items(paragraphs, i, adjacent=True)
        if any(_announces_parts(paragraphs[k].text) and items[n + 1][0] == k + 1
               for n, (k, _) in enumerate(items[:-1])):
            continue   # an item announcing parts followed by its siblings' marker: whose part each is, no marker says
        if sum(1 for k, _ in items if any(c.isdigit() for c in paragraphs[k].text)) >= 2:
            yield i, items


def read_block(paragraphs: list[Paragraph], lead: int, items: list[tuple[int, re.Match]]) -> Statements:
    """What a block states across its paragraphs, read as the sentence it stands for: its parts'
    sum and structure over all the items; each item's share of the lead's whole over the lead and
    that item alone (a sibling's figures between them are no candidates for its base)."""
    head = _lead_piece(paragraphs[lead])
    pieces: list[_Piece] = [head]
    for k, m in items:
        p = paragraphs[k]
        pieces.append((p, m.end(), _ITEM_END.sub("", p.text[m.end():])))
    lines = _Lines([(p.location.line, p.locate(len(p.text)).line) for p, _, _ in pieces])

    def spans_pieces(values) -> bool:
        return len({_piece_of(lines, v.location) for v in values if v is not None}) > 1

    out = Statements()
    for item in pieces[1:]:
        # what an item can state of the lead's whole is a rate of it: no "%", nothing to read
        if _RATE_CUE.search(item[2]):
            own = _own_figure(item[2])
            out.comparisons += [c for c in _read_pieces([head, item]).comparisons
                                if spans_pieces((c.value, c.numerator.value, c.denominator.value))
                                and c.numerator.value.text == own]
    if len(pieces) - 1 > _MAX_JOINED_ITEMS or sum(len(body) for _, _, body in pieces) > _MAX_JOINED_LENGTH:
        return out   # a list too long to read as one sentence in bounded time: each part against its whole only
    found = _read_pieces(pieces)
    out.structures = [s for s in found.structures if spans_pieces(c.value for c in s.components)]
    # parts summed across a block: one to an item, every item with a figure one of them (an item
    # stating several measures, "diện tích đất …; diện tích xây dựng …", is no single part)
    with_figures = {n for n, (_, _, body) in enumerate(pieces) if n and any(c.isdigit() for c in body)}
    out.breakdowns = [_paired_by_layout(b, head) for b in found.breakdowns
                      if sorted(_piece_of(lines, c.value.location) for c in b.parts) == sorted(with_figures)]
    return out


def _own_figure(body: str) -> str | None:
    """The item's own figure: its first quantity, when no part of it is announced before it. A
    share of a later figure of the item ("40 tỷ đồng, chiếm 80%; trong đó nhà chính 30 tỷ đồng,
    chiếm 75%") is of the item's own figure, not of the lead's whole."""
    text = clean(body)
    first = next((f for f in scan(text) if f.kind == "qty" and f.depth == 0), None)   # not in an aside
    if first is None or _PART_BEFORE.search(text, 0, first.start):
        return None   # the first figure already inside a part
    return first.value.text


_PART_BEFORE = lazy_compile(rf"\b(?:{PARTS_CUE})\b", re.IGNORECASE)


def _paired_by_layout(b: Breakdown, head: _Piece) -> Breakdown:
    """A block's parts are its lead's by layout; when the lead holds one figure of their measure,
    that is their whole, whatever words stand between it and the colon ("Có tổng diện tích
    60.885 m2, với tầng cao tối đa 2 tầng, bao gồm … như sau:"): no pairing was guessed."""
    if Assumption.paired.value not in b.assumed:
        return b
    figures = scan(clean(head[2]))
    measure = next((f.measure for f in figures if f.text == b.whole.text), None)
    if not measure or sum(1 for f in figures if f.kind == "qty" and f.measure == measure) != 1:
        return b
    return dataclasses.replace(b, assumed=[a for a in b.assumed if a != Assumption.paired.value])


_Piece = tuple[Paragraph, int, str]   # a paragraph, where the piece starts in its text, the piece
_LAST_SENTENCES = lazy_compile(r"[.;]\s+(?=\S)")
_LEAD_REACH = 600   # characters of the lead read with its items: a long sentence's worth
# The statement grammar reads a sentence in more than linear time; a list longer than a real
# list of parts (63 provinces, a few thousand characters) is not joined into one.
_MAX_JOINED_ITEMS = 50
_MAX_JOINED_LENGTH = 8000


def _lead_piece(p: Paragraph) -> _Piece:
    """The lead's last sentence, and the one before it when the last names no figure
    ("Tổng vốn 329,78 tỷ đồng. Trong đó:"): what its items' wholes can be."""
    text = p.text.rstrip()
    ends = [m.end() for m in _LAST_SENTENCES.finditer(text)]
    start = ends[-1] if ends else 0
    if ends and not any(c.isdigit() for c in text[start:]):
        start = ends[-2] if len(ends) > 1 else 0
    if len(text) - start > _LEAD_REACH:   # cut at a space, never inside a figure
        cut = text.find(" ", len(text) - _LEAD_REACH)
        start = cut + 1 if cut >= 0 else len(text) - _LEAD_REACH
    return p, start, text[start:]


def _read_pieces(pieces: list[_Piece]) -> Statements:
    """The pieces read as one sentence: the lead, then the items parted by semicolons."""
    starts: list[int] = []
    text = ""
    for n, (_, _, body) in enumerate(pieces):
        text += "; " if n > 1 else " " if n == 1 else ""
        starts.append(len(text))
        text += body
    text += "."

    def locate(offset: int) -> Location | None:
        n = max(0, bisect_right(starts, offset) - 1)
        p, shift, _ = pieces[n]
        return p.locate(shift + max(0, offset - starts[n]))

    return read_statements(text, locate)


class _Lines:
    """The pieces' line spans, ascending, with their first lines kept for bisection."""

    __slots__ = ("spans", "firsts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans, self.firsts = spans, [first for first, _ in spans]


def _piece_of(lines: _Lines, location: Location | None) -> int | None:
    """Which piece holds ``location``."""
    if location is None or location.line is None:
        return None
    n = bisect_right(lines.firsts, location.line) - 1
    return n if n >= 0 and location.line <= lines.spans[n][1] else None
