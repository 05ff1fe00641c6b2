"""Tables written one cell per line, with lines holding only ``|`` between cells.

Text extracted from PDF or Word lays a table out like this (Sơn La, Phụ lục 01;
one item per line in the file, shown here on one line)::

    STT | Chỉ tiêu | Đơn vị | Thực hiện năm 2022 | Năm 2023 | Kế hoạch năm 2024 | So sánh | |
    Kế hoạch | Ước TH cả năm | ƯTH 2023 so với thực hiện 2022 (%) | Kế hoạch 2024 so với ... | |
    I | CHỈ TIÊU KINH TẾ | | | | | | | | 1 | Tốc độ tăng ... | % | 8,9 | 7,50 | 0,75 | 7,5 | | | |
    2 | GRDP bình quân | Triệu đồng/người/ năm | 48,59 | ... | 107,28 | | 3 | Cơ cấu kinh tế ...

Each row ends with a pipe and the next one starts with one, an empty cell has no
line at all, and merged cells are simply missing (the sub-rows "- CN - XD" of a
structure have a name and four values only). A run of k pipes is therefore either
k - 1 empty cells or a row boundary with empty cells on either side: counting pipes
cannot find the rows. The reader resynchronises on what the cells say.

1. Pieces. Consecutive non-pipe lines form one cell (joined with a space, each
   line keeping a Span). A piece records ``gap``, the number of pipes before it,
   and a kind: NUMBER (plancheck.numbers reads it: "4.636", "8,9", "158.2"),
   UNIT (short text that plancheck.units knows, or "%"), MARK (a value that is no
   number: "-", "x", "Đạt") or TEXT. Row numbers ("1", "12", "II", "a", "1.2")
   are flagged as candidates.
2. Row numbers. A candidate is the STT of a row when the next piece is TEXT one
   pipe away and either two or more pipes precede it (a row boundary) or it
   continues the numbering (7 -> 8, II -> III, or a restart at 1): "18" followed
   by "| | | | 8" is a value, "8 | Tổng lượt khách du lịch" starts row 8.
3. Header: the pieces before the first row number; in a table without row
   numbers, the first run of cells up to a double pipe if it holds no data.
4. Body rows. A row starts at a row number; at a TEXT piece once the current row
   holds a number, unit or mark (it names the next, unnumbered row); and at a TEXT
   piece that would land in the value columns ("I | CHỈ TIÊU KINH TẾ" followed by
   an unnumbered row).
5. Columns. The unit column is where the header says "Đơn vị"/"ĐVT", else where
   numbered rows put their units; values start after it. A row is placed around
   an anchor: its unit in the unit column, else its first value in the first value
   column (its unit cell was merged away), else its number in column 0 or its name
   in the name column. Cells after the anchor follow by pipe gaps (a gap of k is
   k - 1 empty cells). Cells before it follow from column 0 when the row starts
   with its number, else go backwards from the anchor: "- Thuế sản phẩm ...",
   written with two empty cells before it, lands where "- CN - XD" does.
6. Header rows split at double pipes. With a second header row, some cells of
   the first are groups over it ("Năm 2023" over "Kế hoạch | Ước TH cả năm"):
   their number follows from the widths (first + second - table), they are the
   cells that look most like groups (a year without a kind, "so sánh"), and the
   cells below are shared among them in order, comparisons to comparison groups,
   otherwise as evenly as possible. Groups get ``column_span``.

Every step is one pass over the pieces with bounded look-ahead, and columns are
clamped and kept increasing within a row, so any input gives a Table.
"""
from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from itertools import accumulate

from ..models.document import Cell, Row, Span, Table
from ..models.location import Location
from ..numbers import NotANumber, parse_value, roman_value
from ..text import bare
from ..units import parse_unit
from ..lazyre import lazy_compile

__all__ = ["build_pipe_table"]


class Kind(Enum):
    NUMBER = "number"
    UNIT = "unit"
    MARK = "mark"     # a value that is not a number: "-", "x", "Đạt"
    TEXT = "text"


# Row numbers as tables write them: 1 · 12. · 1.2 · 3) · II · a · đ)
_ARABIC = lazy_compile(r"(\d{1,3})[.)]?")
_DOTTED = lazy_compile(r"(\d{1,2})(?:\.\d{1,2})+\.?")
_ROMAN = lazy_compile(r"([IVXLC]{1,6})[.)]?")
_LETTER = lazy_compile(r"([a-zA-ZđĐ])[.)]?")

# Values that are no number: placeholders and verdicts.
_MARK_WORDS = {"x", "đạt", "vượt", "không đạt", "chưa đạt", "cơ bản đạt", "hoàn thành", "chưa hoàn thành",
               "cơ bản hoàn thành", "không", "có", "n/a", "k/h"}
_PUNCTUATION_ONLY = lazy_compile(r"[\W_]+")
_COMPARED_FIGURE = lazy_compile(r"[<>≤≥~≈]=?\s*[\d.,]+\s*%?")
_MAX_UNIT_LENGTH = 30
_MAX_HEADER_CELLS = 64

_UNIT_LABEL = lazy_compile(r"^(don vi( tinh)?|dvt)\b")
_NAME_LABEL = lazy_compile(r"^(chi tieu|noi dung|ten chi tieu|danh muc|hang muc)\b")
_GROUP_WORDS = lazy_compile(r"\b(so sanh|chia ra|trong do|bao gom|gom)\b")
_COMPARISON_WORDS = lazy_compile(r"\b(so sanh|so voi|tang|giam)\b|/|%")
_KIND_WORDS = lazy_compile(r"\b(thuc hien|th|uoc|uth|ke hoach|kh|muc tieu|du kien|du toan)\b")
_YEAR = lazy_compile(r"\b(?:19|20)\d\d\b")


@dataclass
class _Piece:
    """One cell as written: its lines, the pipes before it, what it looks like."""

    lines: list[tuple[int, str]]
    gap: int
    text: str = ""
    kind: Kind = Kind.TEXT
    numbering: bool = False        # could be a row number
    row_number: bool = False       # is one (decided from its neighbours)

    @property
    def value_like(self) -> bool:
        return not self.row_number and self.kind in (Kind.NUMBER, Kind.MARK)


@dataclass
class _Layout:
    name_col: int
    unit_col: int | None
    value_col: int
    stt_col: int | None = 0


@dataclass
class _Numbering:
    """The last row number of each style, to tell the next one from a value."""

    last: dict[str, int] = field(default_factory=dict)

    def continues(self, text: str) -> bool:
        style, n = _number_of(text)
        if style is None:
            return False
        if style == "dotted":
            return True
        previous = self.last.get(style)
        return previous is None or n in (1, previous + 1)

    def record(self, text: str) -> None:
        style, n = _number_of(text)
        if style is not None and style != "dotted":
            self.last[style] = n


def build_pipe_table(lines: list[tuple[int, str]], index: int, path: str) -> Table:
    """A table from lines (1-based line number, raw text) where ``|`` lines separate cells."""
    pieces = _pieces(lines)
    for p in pieces:
        _classify(p)
    body_start = _mark_row_numbers(pieces)
    header, body = pieces[:body_start], pieces[body_start:]
    layout = _layout(header, body)
    body_rows = _split_body(body, layout)
    placed = [_place(row, layout) for row in body_rows]
    width = max([cols[-1] + 1 for cols in placed if cols] + [0])
    width = max(width, _body_width_from_gaps(body_rows, placed))
    rows = _header_rows(header, width, path) + [_row(r, cols, path) for r, cols in zip(body_rows, placed)]
    width = max([width] + [c.column + c.column_span for r in rows for c in r.cells])
    return Table(index=index, rows=rows, columns=width, rows_from="inferred")


# -- 1. pieces --------------------------------------------------------------

def _pipe_count(line: str) -> int:
    """How many cell separators a line holds: 0 unless it is only pipes."""
    s = line.strip()
    if not s or s.replace("|", "").strip():
        return 0
    return s.count("|")


def _pieces(lines: list[tuple[int, str]]) -> list[_Piece]:
    pieces: list[_Piece] = []
    current: list[tuple[int, str]] = []
    gap = 0
    for number, raw in lines:
        pipes = _pipe_count(raw)
        if pipes:
            if current:
                pieces.append(_Piece(current, gap))
                current, gap = [], 0
            gap += pipes
        elif raw.strip():  # blank lines inside a cell carry nothing
            current.append((number, raw))
    if current:
        pieces.append(_Piece(current, gap))
    return pieces  # pipes after the last cell close the table: they say nothing


def _cell_text(lines: list[tuple[int, str]]) -> str:
    return " ".join(unicodedata.normalize("NFC", raw.strip()) for _, raw in lines)


def _spans(lines: list[tuple[int, str]], path: str) -> list[Span]:
    spans, offset = [], 0
    for number, raw in lines:
        column = len(raw) - len(raw.lstrip()) + 1
        spans.append(Span(start=offset, location=Location(path=path, line=number, column=column)))
        offset += len(unicodedata.normalize("NFC", raw.strip())) + 1
    return spans


# -- classification -----------------------------------------------------------

def _number_of(text: str) -> tuple[str | None, int]:
    """The style and value of a row number: ("arabic", 12), ("roman", 2), ("letter", 1)."""
    s = text.strip()
    if m := _ARABIC.fullmatch(s):
        return "arabic", int(m[1])
    if _DOTTED.fullmatch(s):
        return "dotted", 0
    if (m := _ROMAN.fullmatch(s)) and (n := roman_value(m[1])):
        return "roman", n
    if m := _LETTER.fullmatch(s):
        letter = m[1]
        style = "upper" if letter.isupper() else "letter"
        return style, "abcdđefghijklmnopqrstuvwxyz".find(letter.lower()) + 1
    return None, 0


@lru_cache(maxsize=4096)   # a table repeats its cells ("x", "-", "100")
def _is_number(text: str) -> bool:
    if not _DIGIT.search(text):
        return False   # a figure has digits: words and marks need no parse
    try:
        parse_value(text)
    except (NotANumber, ArithmeticError, ValueError):
        return False
    return True


_DIGIT = lazy_compile(r"[0-9]")


def _is_mark(text: str) -> bool:
    folded = " ".join(text.casefold().split())
    return (folded in _MARK_WORDS or bool(_PUNCTUATION_ONLY.fullmatch(text))
            or bool(_COMPARED_FIGURE.fullmatch(text)))


def _is_unit(text: str) -> bool:
    return len(text) <= _MAX_UNIT_LENGTH and parse_unit(text).known


def _classify(p: _Piece) -> None:
    p.text = _cell_text(p.lines)
    p.numbering = _number_of(p.text)[0] is not None
    if _is_number(p.text):
        p.kind = Kind.NUMBER
    elif _is_unit(p.text):  # before marks: "%" is punctuation too
        p.kind = Kind.UNIT
    elif _is_mark(p.text) or p.numbering:  # "x", or "II" where no row starts: a value
        p.kind = Kind.MARK
    else:
        p.kind = Kind.TEXT


# -- 2. row numbers, 3. header ---------------------------------------------------

def _mark_row_numbers(pieces: list[_Piece]) -> int:
    """Decide which candidates are row numbers; return where the body starts."""
    numbering = _Numbering()
    first = None
    for i, p in enumerate(pieces):
        if not p.numbering or i + 1 >= len(pieces):
            continue
        after = pieces[i + 1]
        if after.kind != Kind.TEXT or after.gap != 1:
            continue
        if i == 0 or p.gap >= 2 or numbering.continues(p.text):
            p.row_number = True
            numbering.record(p.text)
            first = i if first is None else first
    return first if first is not None else _header_end_without_numbers(pieces)


def _header_end_without_numbers(pieces: list[_Piece]) -> int:
    """Without row numbers: the first run up to a double pipe is a header if it holds no data."""
    for i, p in enumerate(pieces):
        if i and p.gap >= 2:
            run = pieces[:i]
            holds_data = any(q.kind == Kind.UNIT or (q.kind == Kind.NUMBER and not _YEAR.search(q.text))
                             for q in run)
            return 0 if holds_data else i
    return len(pieces)  # one run: a layout table, all header


# -- 4. body rows --------------------------------------------------------------------

def _layout(header: list[_Piece], body: list[_Piece]) -> _Layout:
    has_numbers = any(p.row_number for p in body)
    stt_col = 0 if has_numbers else None
    name_col = 1 if has_numbers else 0
    labels = _positions(header[: _first_double_pipe(header)])
    name_col = next((c for c, p in labels if _NAME_LABEL.match(bare(p.text))), name_col)
    unit_col = next((c for c, p in labels if _UNIT_LABEL.match(bare(p.text))), None)
    if unit_col is None:
        unit_col = _unit_col_from_rows(body)
    value_col = (unit_col if unit_col is not None else name_col) + 1
    return _Layout(name_col=name_col, unit_col=unit_col, value_col=value_col, stt_col=stt_col)


def _first_double_pipe(pieces: list[_Piece]) -> int:
    return next((i for i, p in enumerate(pieces) if i and p.gap >= 2), len(pieces))


def _positions(pieces: list[_Piece]) -> list[tuple[int, _Piece]]:
    """Columns of a run of cells laid out by pipe gaps, the first in column 0."""
    out, col = [], 0
    for i, p in enumerate(pieces):
        col = 0 if i == 0 else col + max(p.gap, 1)
        out.append((col, p))
    return out


def _unit_col_from_rows(body: list[_Piece]) -> int | None:
    """Where numbered rows put their units: the column of the first unit after the number."""
    seen: Counter[int] = Counter()
    for i, p in enumerate(body):
        if not p.row_number:
            continue
        col = 0
        for q in body[i + 1: i + 6]:
            col += max(q.gap, 1)
            if q.kind == Kind.UNIT:
                seen[col] += 1
            if q.kind != Kind.TEXT:
                break
    return seen.most_common(1)[0][0] if seen else None


@dataclass
class _OpenRow:
    """The row being gathered, with what decides whether a piece starts the next one."""

    pieces: list[_Piece] = field(default_factory=list)
    has_data: bool = False        # a unit, number or mark: a name after it is the next row's
    column: int = 0               # where its last piece would stand

    def add(self, p: _Piece, layout: _Layout) -> None:
        if not self.pieces:
            numbered = p.row_number and layout.stt_col is not None
            self.column = layout.stt_col if numbered else layout.name_col
        else:
            self.column += max(p.gap, 1)
        self.has_data = self.has_data or p.kind == Kind.UNIT or p.value_like
        self.pieces.append(p)

    def ends_before(self, p: _Piece, layout: _Layout) -> bool:
        if not self.pieces:
            return False
        if p.row_number:
            return True
        if p.kind != Kind.TEXT:
            return False
        # A name after the values names the next, unnumbered row; so does text that
        # would land in the value columns of a row holding only its number and name.
        return self.has_data or self.column + max(p.gap, 1) >= layout.value_col


def _split_body(body: list[_Piece], layout: _Layout) -> list[list[_Piece]]:
    rows: list[list[_Piece]] = []
    row = _OpenRow()
    for p in body:
        if row.ends_before(p, layout):
            rows.append(row.pieces)
            row = _OpenRow()
        row.add(p, layout)
    if row.pieces:
        rows.append(row.pieces)
    return rows


# -- 5. columns ----------------------------------------------------------------------

def _anchor(row: list[_Piece], layout: _Layout) -> tuple[int, int]:
    """(index of the piece whose column is known, that column)."""
    first_value = next((i for i, p in enumerate(row) if p.value_like), len(row))
    if layout.unit_col is not None:
        for i, p in enumerate(row[:first_value]):
            if p.kind == Kind.UNIT and i > 0:
                return i, layout.unit_col
    if first_value < len(row):
        return first_value, layout.value_col
    if row[0].row_number and layout.stt_col is not None:
        return 0, layout.stt_col
    return 0, layout.name_col


def _place(row: list[_Piece], layout: _Layout) -> list[int]:
    at, col = _anchor(row, layout)
    cols = [0] * len(row)
    cols[at] = col
    for i in range(at + 1, len(row)):
        cols[i] = cols[i - 1] + max(row[i].gap, 1)
    if at and row[0].row_number and layout.stt_col is not None:
        cols[0] = layout.stt_col
        for i in range(1, at):
            cols[i] = cols[i - 1] + max(row[i].gap, 1)
        if at > 1 and cols[at - 1] >= col:  # the gaps do not fit before the anchor
            _place_backwards(row, cols, at)
    else:
        _place_backwards(row, cols, at)
    return _increasing(cols)


def _place_backwards(row: list[_Piece], cols: list[int], at: int) -> None:
    for i in range(at - 1, -1, -1):
        if i == 0 and row[0].row_number:
            cols[0] = 0
        else:
            cols[i] = cols[i + 1] - max(row[i + 1].gap, 1)


def _increasing(cols: list[int]) -> list[int]:
    shift = -min(cols + [0])
    out: list[int] = []
    for c in cols:
        out.append(max(c + shift, out[-1] + 1 if out else 0))
    return out


def _body_width_from_gaps(rows: list[list[_Piece]], placed: list[list[int]]) -> int:
    """The most common width of numbered rows, counting their trailing empty cells.

    Between two rows a run of pipes holds the closing and opening pipes: a numbered
    next row starting in column 0 leaves gap - 2 empty cells at the end of this one.
    """
    widths: Counter[int] = Counter()
    for k, (row, cols) in enumerate(zip(rows, placed)):
        following = rows[k + 1][0] if k + 1 < len(rows) else None
        if following is not None and following.row_number:
            widths[cols[-1] + 1 + max(following.gap - 2, 0)] += 1
    return widths.most_common(1)[0][0] if widths else 0


def _row(pieces: list[_Piece], cols: list[int], path: str) -> Row:
    return Row(cells=[_cell(p, c, 1, path) for p, c in zip(pieces, cols)])


def _cell(p: _Piece, column: int, span: int, path: str) -> Cell:
    return Cell(text=p.text, spans=_spans(p.lines, path), column=column, column_span=span)


# -- 6. header rows ----------------------------------------------------------------------

def _header_rows(header: list[_Piece], width: int, path: str) -> list[Row]:
    """Header rows, group cells spanning their children."""
    runs = _runs(header)
    if not runs:
        return []
    top = _positions(runs[0])
    top_width = top[-1][0] + 1
    groups: set[int] = set()
    if len(runs) > 1:
        sub = _positions(runs[1])
        groups = _choose_groups(top, top_width + sub[-1][0] + 1 - width, len(sub))
    if not groups:
        flat = Row(cells=[_cell(p, c, 1, path) for c, p in top])
        return [flat] + [_right_aligned(run, max(width, top_width), path) for run in runs[1:]]
    top_row, sub_row, used = _grouped_rows(top, groups, sub, path)
    return [top_row, sub_row] + [_right_aligned(run, max(width, used), path) for run in runs[2:]]


def _grouped_rows(top: list[tuple[int, _Piece]], groups: set[int], sub: list[tuple[int, _Piece]],
                  path: str) -> tuple[Row, Row, int]:
    """The top row with its groups spanning their share of the row below; and the width used."""
    shares = _share_children([p for c, p in top if c in groups], sub)
    top_row, sub_row, col = Row(), Row(), 0
    previous = None
    for c, p in top:
        col += 0 if previous is None else c - previous - 1  # empty header cells
        previous = c
        if c not in groups:
            top_row.cells.append(_cell(p, col, 1, path))
            col += 1
            continue
        children = shares.pop(0)
        first = children[0][0] if children else 0
        span = children[-1][0] - first + 1 if children else 1
        top_row.cells.append(_cell(p, col, span, path))
        sub_row.cells += [_cell(child, col + offset - first, 1, path) for offset, child in children]
        col += span
    return top_row, sub_row, col


def _runs(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Header pieces split at double pipes (row boundaries)."""
    runs: list[list[_Piece]] = []
    for i, p in enumerate(pieces):
        if not runs or (i and p.gap >= 2):
            runs.append([])
        runs[-1].append(p)
    return runs


def _right_aligned(run: list[_Piece], width: int, path: str) -> Row:
    """A header row we cannot relate to the one above: under the last columns."""
    placed = _positions(run)
    start = max(width - (placed[-1][0] + 1), 0)
    return Row(cells=[_cell(p, start + c, 1, path) for c, p in placed])


def _group_score(p: _Piece) -> int:
    text = bare(p.text)
    if _UNIT_LABEL.match(text) or _NAME_LABEL.match(text) or text in ("stt", "tt", "so tt"):
        return -10
    score = 0
    if _GROUP_WORDS.search(text):
        score += 3
    if _YEAR.search(text) and not _KIND_WORDS.search(text):
        score += 2  # "Năm 2023": a year whose kinds are below it
    return score


def _choose_groups(top: list[tuple[int, _Piece]], count: int, sub_count: int) -> set[int]:
    """The columns (in the top row's own layout) of the cells that are groups."""
    likely = [c for c, p in top if _group_score(p) >= 2]
    if not 1 <= count <= min(len(top), sub_count):
        count = len(likely) if 1 <= len(likely) <= sub_count else 0
    if count <= 0:
        return set()
    ranked = sorted(top, key=lambda cp: (_group_score(cp[1]), cp[0]), reverse=True)
    return {c for c, p in ranked[:count]}


def _is_comparison(p: _Piece) -> bool:
    return bool(_COMPARISON_WORDS.search(bare(p.text)))


def _misfit(child: _Piece, group: _Piece) -> int:
    """How badly a header cell sits under a group: comparisons go under comparisons."""
    group_compares = bool(re.search(r"\b(so sanh|so voi|tang|giam)\b", bare(group.text)))
    if _is_comparison(child) != group_compares:
        return 1
    years_child, years_group = set(_YEAR.findall(child.text)), set(_YEAR.findall(group.text))
    return int(bool(years_child and years_group and not years_child & years_group and not group_compares))


def _share_children(groups: list[_Piece], sub: list[tuple[int, _Piece]]) -> list[list[tuple[int, _Piece]]]:
    """Split the cells below, in order, among the groups: each at least one, misfits costly."""
    n, g = len(sub), len(groups)
    even = n / g
    if n > _MAX_HEADER_CELLS:  # no real header is this wide: share evenly, skip the search
        cuts = [round(even * (j + 1)) for j in range(g)]
        return [sub[a:b] for a, b in zip([0] + cuts, cuts)]
    misfits = [[0] + list(accumulate(_misfit(p, group) for _, p in sub)) for group in groups]
    best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
    for j in range(g):  # best[(j, i)]: the first j groups take the first i cells
        for i in range(j, n + 1):
            if (j, i) not in best:
                continue
            cost, cuts = best[(j, i)]
            last = n if j == g - 1 else n - (g - j - 1)
            for end in range(i + 1, last + 1):
                misfit = misfits[j][end] - misfits[j][i]
                total = cost + 10 * misfit + abs((end - i) - even)
                if (j + 1, end) not in best or total < best[(j + 1, end)][0]:
                    best[(j + 1, end)] = (total, cuts + [end])
    cuts = best.get((g, n), (0.0, [n]))[1]
    shares, start = [], 0
    for end in cuts:
        shares.append(sub[start:end])
        start = end
    while len(shares) < g:
        shares.append([])
    return shares
