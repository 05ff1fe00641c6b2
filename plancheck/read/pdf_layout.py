"""A PDF page's characters -> lines of text and table cells, as a person reads the page.

pdfium gives each character its box on the page and the angle its text runs at. Characters
are read in the frame of their own text: a form printed sideways (its text turned a quarter,
"Mẫu số 01" running up the page) is read along its lines as upright text is, not letter by
letter across them. Lines are formed by vertical overlap in that frame and each line read left
to right (plancheck.read.pdf assembles the pages). pdfplumber's table cells are read the same
way wherever a cell holds turned text: its own reading takes turned text backwards.

Written here rather than taken from a library: pdfplumber and pdfminer group turned text by
word, not line (a column header "Thời gian đóng BHTN" came out one word a line, last first),
and pdftotext is no Python dependency.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from ..lazyre import lazy_compile

# A quarter turn of text: 0 upright, 1 running down the page, 2 upside down, 3 running up it.
_QUARTER = math.pi / 2

# Running headers and footers are looked for in the top and bottom tenth of a page's frame.
_MARGIN = 0.1


@dataclass(slots=True)
class _Char:
    """One of pdfium's characters: its text, its quarter turn and its box (points from the
    page's top-left corner: left, top, right, bottom); a line break pdfium found has no box."""

    text: str
    turn: int = 0
    box: tuple[float, float, float, float] | None = None


@dataclass
class _TextLine:
    """A line of a page's text, with its box in its own frame (points from the frame's top-left
    corner; the page's own for upright text); for a line read by OCR, the character ranges of
    its figures read with low confidence. ``edge``: among its frame's first or last two lines,
    in the frame's top or bottom tenth (a running header or footer, if it comes back)."""

    text: str
    top: float
    bottom: float
    left: float
    right: float
    doubted: tuple[tuple[int, int], ...] = ()
    turn: int = 0
    edge: bool = False
    spaced: bool = False   # a word pdfium read after a space


def page_chars(textpage, height: float) -> list[_Char]:
    """The characters of a pdfium text page, in pdfium's order, with their turns and boxes."""
    import pypdfium2.raw as raw

    handle = textpage.raw
    chars = []
    for i in range(textpage.count_chars()):
        ch = chr(raw.FPDFText_GetUnicode(handle, i))
        if ch in ("\r", "\n"):
            chars.append(_Char("\n"))
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        angle = raw.FPDFText_GetCharAngle(handle, i)   # radians, -1 when pdfium has none
        turn = round(angle / _QUARTER) % 4 if angle >= 0 else 0
        chars.append(_Char(ch, turn, (left, height - top, right, height - bottom)))
    return chars


def framed(box: tuple[float, float, float, float], turn: int, width: float, height: float) -> tuple[float, float, float, float]:
    """A box on the page (left, top, right, bottom) in the frame of text at ``turn``: its
    x along the text, its y down the text's lines."""
    left, top, right, bottom = box
    if turn == 1:   # running down the page: lines stack leftwards
        return top, width - right, bottom, width - left
    if turn == 2:
        return width - right, height - bottom, width - left, height - top
    if turn == 3:   # running up the page: lines stack rightwards
        return height - bottom, left, height - top, right
    return box


def frame_height(turn: int, width: float, height: float) -> float:
    return width if turn % 2 else height


def text_lines(chars: list[_Char], width: float, height: float) -> list[_TextLine]:
    """The characters as lines, each in its own text's frame: runs (char_runs) grouped into
    lines by vertical overlap and each line read left to right. Digits, hyphens and vowels set
    in a second font come as runs of their own whose middles sit a point or three off the
    line's: grouping by a rounded middle put them before or after the rest ("202 6Phiên");
    overlap keeps them in. Lines of each turn in their frame's reading order; upright first."""
    lines: list[_TextLine] = []
    runs = char_runs(chars, width, height)
    for turn in sorted({run.turn for run in runs}):
        turned = _lines_of([run for run in runs if run.turn == turn])
        _mark_edges(turned, frame_height(turn, width, height))
        lines += turned
    return lines


def _lines_of(runs: list[_TextLine]) -> list[_TextLine]:
    groups: list[list] = []   # [the line's widest run, its runs]
    for run in sorted(runs, key=lambda r: (r.top, r.left)):
        group = next((g for g in reversed(groups[-3:]) if _same_line(g[0], run)), None)   # this line or one above
        if group is None:
            groups.append([run, [run]])
            continue
        group[1].append(run)
        if run.right - run.left > group[0].right - group[0].left:
            group[0] = run
    lines = []
    for _, members in groups:
        members.sort(key=lambda r: r.left)
        first = members[0]
        line = _TextLine(first.text, first.top, first.bottom, first.left, first.right, turn=first.turn)
        for run in members[1:]:
            # a space where pdfium saw one, or on a gap wider than a letter's sliver
            gap = run.left - line.right
            line.text += (" " if (run.spaced and gap > -1.0) or gap >= _word_gap(run.bottom - run.top) else "") + run.text
            line.right = max(line.right, run.right)
            line.top, line.bottom = min(line.top, run.top), max(line.bottom, run.bottom)
        lines.append(line)
    lines.sort(key=lambda ln: (ln.top, ln.left))
    return lines


def _mark_edges(lines: list[_TextLine], height: float) -> None:
    for line in {id(ln): ln for ln in lines[:2] + lines[-2:]}.values():
        line.edge = line.top < _MARGIN * height or line.bottom > (1 - _MARGIN) * height


def char_runs(chars: list[_Char], width: float, height: float) -> list[_TextLine]:
    """The characters in pdfium's order cut into words: at its spaces and line breaks, at a
    change of turn, and wherever the next character stands on another line or jumps back (in
    its frame). Each character once; a word after a space says so (``spaced``). Words, not
    pdfium's lines, so that text drawn later into a line's blank (a number stamped into "Số:
    /TB-UBND" at signing) takes its place among them."""
    runs: list[_TextLine] = []
    text: list[str] = []
    box: list[float] = []   # top, bottom, left, right of the run's characters, in its frame
    turn, spaced, after_space = 0, False, False

    def close() -> None:
        if text:
            runs.append(_TextLine("".join(text), box[0], box[1], box[2], box[3], turn=turn, spaced=spaced))
        text.clear()
        box.clear()

    for ch in chars:
        if ch.box is None:   # pdfium's line break
            close()
            after_space = False
            continue
        if ch.turn != turn:
            close()
            turn, after_space = ch.turn, False
        if ch.text.isspace():
            close()
            after_space = True
            continue
        left, top, right, bottom = framed(ch.box, ch.turn, width, height)
        if box and (left < box[2] - 1 or bottom < box[0] or top > box[1]):
            close()   # behind the word's start, or off its line: a word of its own
            after_space = False
        elif box and left - box[3] >= _word_gap(box[1] - box[0]):
            close()   # a gap pdfium put no space in
        if box:
            box[:] = [min(box[0], top), max(box[1], bottom), box[2], max(box[3], right)]
        else:
            box[:] = [top, bottom, left, right]
            spaced, after_space = after_space, False
        text.append(ch.text)
    close()
    return runs


def _word_gap(height: float) -> float:
    """The least gap that parts two words, for letters of this height: a fifth of it (a word
    space is about a quarter of the type size; letters' boxes touch)."""
    return max(1.0, 0.2 * height)


def _same_line(main: _TextLine, run: _TextLine) -> bool:
    """Whether a run stands on the line of ``main`` (its widest run): their boxes overlap
    vertically by half the shorter one's height at least."""
    overlap = min(main.bottom, run.bottom) - max(main.top, run.top)
    shorter = min(main.bottom - main.top, run.bottom - run.top)
    return shorter > 0 and overlap >= 0.5 * shorter


def main_turn(chars: list[_Char]) -> int:
    """The turn most of the visible characters are set at: the page's (or a table's) reading frame."""
    counts = [0, 0, 0, 0]
    for ch in chars:
        if ch.box is not None and not ch.text.isspace():
            counts[ch.turn] += 1
    return max(range(4), key=lambda t: (counts[t], -t))


def added(before: list[_Char], after: list[_Char]) -> list[_Char]:
    """The visible characters of ``after`` that ``before`` does not hold (by text and box):
    what flattening a page's annotations added to its text."""
    seen: dict[tuple, int] = {}
    for ch in before:
        if ch.box is not None:
            key = (ch.text, tuple(round(v, 1) for v in ch.box))
            seen[key] = seen.get(key, 0) + 1
    new = []
    for ch in after:
        if ch.box is None:
            continue
        key = (ch.text, tuple(round(v, 1) for v in ch.box))
        if seen.get(key):
            seen[key] -= 1
        else:
            new.append(ch)
    return new


def field_text(chars: list[_Char], boxes: list[tuple[float, float, float, float]],
               width: float, height: float) -> list[_Char]:
    """Of the characters a page's annotations show, those that fill a field: one line in its
    box (a number and day stamped into "Số: /TB-UBND … ngày tháng"). An annotation showing
    several lines is a signature's stamp ("Người ký: … Thời gian ký: …"), whose signer and
    time are not the document's words, as its seal's picture is not."""
    kept: list[_Char] = []
    taken: set[int] = set()   # annotations' boxes may overlap: each character once
    for box in boxes:
        mine = [c for c in chars if c.box is not None and id(c) not in taken and inside(c, box, 1.0)]
        if len(text_lines(mine, width, height)) == 1:
            kept += mine
        taken.update(id(c) for c in mine)
    return kept


def inside(ch: _Char, bbox: tuple[float, float, float, float], slack: float = 0.0) -> bool:
    """Whether a character's middle lies in a box (left, top, right, bottom) on the page."""
    left, top, right, bottom = ch.box
    x, y = (left + right) / 2, (top + bottom) / 2
    return bbox[0] - slack <= x <= bbox[2] + slack and bbox[1] - slack <= y <= bbox[3] + slack


def read_grid(cells: list[list[tuple[float, float, float, float] | None]], turn: int,
              width: float, height: float) -> list[list[tuple[float, float, float, float] | None]]:
    """A table's grid of cell boxes (rows down the page, as pdfplumber finds it) turned into
    the reading order of text at ``turn``: a form printed sideways has its rows across the page.
    Each cell keeps its box; a merged cell sits where its frame's top-left corner does."""
    if turn == 0:
        return cells
    boxes = [(framed(box, turn, width, height), box) for row in cells for box in row if box is not None]
    tops = sorted({round(f[1], 1) for f, _ in boxes})
    lefts = sorted({round(f[0], 1) for f, _ in boxes})
    grid: list[list[tuple[float, float, float, float] | None]] = [[None] * len(lefts) for _ in tops]
    at_top, at_left = {t: i for i, t in enumerate(tops)}, {x: j for j, x in enumerate(lefts)}
    for f, box in boxes:
        grid[at_top[round(f[1], 1)]][at_left[round(f[0], 1)]] = box
    return grid


def cell_text(chars: list[_Char], width: float, height: float) -> str:
    """A cell's text from its characters: its lines in reading order, joined by spaces."""
    return " ".join(line.text for line in text_lines(chars, width, height))


_FURNITURE_KEY = lazy_compile(r"[\W\d_]+")


def furniture_key(text: str) -> str:
    """What a running header or footer keeps from page to page: its letters, without the page
    number, the issue's number or date, on whichever side they stand ("8 CÔNG BÁO/Số 231 …"
    on an even page, "CÔNG BÁO/Số 231 … 9" on an odd one); a bare page number is "#"."""
    return _FURNITURE_KEY.sub("", text).casefold() or ("#" if any(c.isdigit() for c in text) else "")
