"""What a Vietnamese sentence states about its figures: a grammar over figure tokens.

One pass over a paragraph's figures (``extract.figures``) and the words between them
yields the statements the checks judge:

* share of a total — "dân số 801.700 người … thành thị là 111.300 người (13,88%)",
  "437/442 … đạt tỷ lệ 98,9%";
* structure — shares that make up a whole: "cơ cấu kinh tế: nông nghiệp 21%; công
  nghiệp 29%; …", "nữ chiếm 50,4%, nam chiếm 49,6%";
* growth and ratio with both figures — "đạt 365.820 lượt (tăng 39,96% so với 261.372
  lượt)", "tăng 290.109 người hay 0,8%", "bằng 97,6% kế hoạch (kế hoạch: 4.200 tỷ đồng)";
* quotient — "diện tích 5.868 km², dân số 801.700 người, mật độ 137 người/km²";
* breakdown — a whole and its parts: "40,2 km, trong đó đoạn A 11,63 km, đoạn B 28,57 km";
* count — "gồm 7 huyện: A, B, C, D, E, G và H".

The grammar's rooms, one a statement kind, are in ``extract.grammar``; this module runs
them over a paragraph. A figure with no stated relation yields nothing: a lone target, a
rate whose base is not printed ("tăng 4,5% so với năm 2023"), a share of an unstated total
("chiếm 17,4% dân số của tỉnh"). The cue words are the language's, not one document's: see notes in each rule.
"""
from __future__ import annotations

import re
from typing import Callable

from ..models import Breakdown, Calculation, Comparison, Location, StatedCount, Structure, TextFigure, Value, WrittenForm
from ..text import foreign_around
from .calculations import read_calculations
from .figures import Figure, clean, scan
from .grammar.comparisons import Comparisons
from .grammar.counts import Counts
from .grammar.parts import Parts
from .grammar.reader import ReaderBase
from .grammar.structures import Structures
from ..lazyre import lazy_compile

Locate = Callable[[int], Location]


class Statements:
    """What one paragraph states."""

    __slots__ = ("structures", "comparisons", "breakdowns", "counts", "open_count", "text_figures", "calculations",
                 "open_shares")

    def __init__(self) -> None:
        self.structures: list[Structure] = []
        self.comparisons: list[Comparison] = []
        self.breakdowns: list[Breakdown] = []
        self.counts: list[StatedCount] = []
        # a count whose list follows in the next paragraphs: (what, stated value, location)
        self.open_count: tuple[str, Value, Location | None] | None = None
        # figures written in a form a reader may misread (English, ambiguous, malformed)
        self.text_figures: list[TextFigure] = []
        self.calculations: list[Calculation] = []   # "A = (a x b)/ c = d"
        # shares of a total named but not stated in the paragraph ("chiếm 20% tổng diện tích khu"):
        # (part, its unit, share, the words naming the total, the part's name), for extract.named_totals
        self.open_shares: list[tuple[Value, str, Value, str, str]] = []

    def __len__(self) -> int:
        return len(self.structures) + len(self.comparisons) + len(self.breakdowns) + len(self.counts)


def read_statements(text: str, locate: Locate | None = None) -> Statements:
    """The statements of one paragraph. ``locate`` maps offsets to source locations."""
    locate = locate or (lambda offset: None)
    text = clean(text)
    out = Statements()
    malformed: list[tuple[int, str]] = []
    figures = scan(text, malformed)
    out.text_figures = _text_figures(text, figures, malformed, locate)
    out.calculations = read_calculations(text, locate)
    reader = _Reader(text, figures, locate, out)
    if figures:
        reader.comparisons()
        reader.densities()
        reader.restatements()
        reader.sex_ratios()
        reader.transitions()
        reader.structures()
        reader.contributions()
        reader.breakdowns()
        reader.totals_after()
        reader.shares_as_breakdowns()
    reader.counts()
    return out


# A figure split by a space after a verb that announces one ("tăng 2 3,45%").
_SPLIT_FIGURE = lazy_compile(r"\b(?:tăng|giảm|đạt|chiếm|là|bằng|khoảng|còn|ở mức)\s+(?P<n>\d{1,3} \d{1,3},\d+)\s*%",
                           re.IGNORECASE)
_SPLIT_NUMBER = lazy_compile(r"\d \d{1,3},\d")


def _text_figures(text: str, figures: list[Figure], malformed: list[tuple[int, str]],
                  locate: Locate) -> list[TextFigure]:
    """The paragraph's figures written in a form a Vietnamese reader may misread."""
    # A figure among English words (a quoted title in the references, an English aside) is
    # written by English conventions, not the text's: no number-format finding.
    out = [TextFigure(text=f.number, form=WrittenForm(f.form), value=f.value, unit=f.unit or None,
                      noun=f.noun or None, multiplier=f.exponent, location=locate(f.number_at))
           for f in figures if f.form and not foreign_around(text, f.number_at)
           and not text.startswith("°", f.number_at + len(f.number))]   # decimal degrees: "21,028°B"
    if _SPLIT_NUMBER.search(text):   # the split number first: the verbs ignore case, the digits lead
        malformed += [(m.start("n"), m.group("n")) for m in _SPLIT_FIGURE.finditer(text)]
    out += [TextFigure(text=number, form=WrittenForm.malformed, location=locate(at)) for at, number in malformed]
    return out


class _Reader(Comparisons, Structures, Parts, Counts, ReaderBase):
    """One paragraph's figures read by every statement kind of the grammar (extract.grammar)."""
