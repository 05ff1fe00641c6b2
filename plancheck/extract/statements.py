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

A figure with no stated relation yields nothing: a lone target, a rate whose base is not
printed ("tăng 4,5% so với năm 2023"), a share of an unstated total ("chiếm 17,4% dân số
của tỉnh"). The cue words are the language's, not one document's: see notes in each rule.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from typing import Callable

from ..models import (
    Breakdown,
    Calculation,
    Comparison,
    ComparisonKind,
    Component,
    Location,
    Operand,
    Period,
    PeriodKind,
    StatedCount,
    Structure,
    TextFigure,
    Value,
    WrittenForm,
)
from ..certainty import Assumption
from ..text import LETTER_WORD, VI_UPPER, foreign_around, parse_count
from ..units import conversion_factor, parse_unit
from .calculations import read_calculations
from .figures import STOP_NOUNS, Figure, clean, plain_value, scan

Locate = Callable[[int], Location]


class Statements:
    """What one paragraph states."""

    __slots__ = ("structures", "comparisons", "breakdowns", "counts", "open_count", "text_figures", "calculations")

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
_SPLIT_FIGURE = re.compile(r"\b(?:tăng|giảm|đạt|chiếm|là|bằng|khoảng|còn|ở mức)\s+(?P<n>\d{1,3} \d{1,3},\d+)\s*%",
                           re.IGNORECASE)


def _text_figures(text: str, figures: list[Figure], malformed: list[tuple[int, str]],
                  locate: Locate) -> list[TextFigure]:
    """The paragraph's figures written in a form a Vietnamese reader may misread."""
    # A figure among English words (a quoted title in the references, an English aside) is
    # written by English conventions, not the text's: no number-format finding.
    out = [TextFigure(text=f.number, form=WrittenForm(f.form), value=f.value, unit=f.unit or None,
                      noun=f.noun or None, multiplier=f.exponent, location=locate(f.number_at))
           for f in figures if f.form and not foreign_around(text, f.number_at)
           and not text.startswith("°", f.number_at + len(f.number))]   # decimal degrees: "21,028°B"
    malformed += [(m.start("n"), m.group("n")) for m in _SPLIT_FIGURE.finditer(text)]
    out += [TextFigure(text=number, form=WrittenForm.malformed, location=locate(at)) for at, number in malformed]
    return out


# -- cue words --------------------------------------------------------------------------

# Between a part and its share: the part's noun, then "(", "chiếm", "tức", "hay", "tương đương".
_SHARE_GAP = re.compile(r"^[^\d;:.()%]{0,60}?(?:\(\s*(?:chiếm\s*)?|,?\s*\bchiếm\b\s*|,\s*(?:tức|hay|tương đương|"
                        r"tương ứng)(?:\s+với)?\s*|\s(?:tức|hay|tức là|tương đương)\s+)(?:(?:tỷ|tỉ) lệ\s*)?(?:khoảng\s*)?:?\s*$",
                        re.IGNORECASE)
_GROWTH_BEFORE = re.compile(r"(?:\b(tăng|giảm|tăng trưởng|mức tăng|tốc độ tăng)(?:\s+(?:thêm|lên|đi|khoảng|gần|"
                            r"trên|hơn|bình quân|trung bình|tới))*|\bgiảm đi)\s*$", re.IGNORECASE)
# A change restated as a rate after its amount (and the amount's noun): "290.109 người hay 0,8%"
_YEAR_ASIDE = re.compile(r"\(\s*(?:năm\s*)?(?:1[89]|20)\d\d\s*\)")
_PLANNED = re.compile(r"\b(?:kế hoạch|dự toán|dự kiến|được giao|giao|mục tiêu|tổng số vốn|tổng vốn)\b[^\d]*$",
                      re.IGNORECASE)
_RESTATED = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2},?\s*(?:hay|tức|tức là|tương đương|tương ứng|hoặc)(?:\s+(?:với|là))?"
                       r"\s*(?:tăng|giảm)?\s*$", re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"\b(bằng|đạt|còn|chỉ bằng|chỉ đạt)(?:\s+(?:khoảng|gần|trên|hơn|tỷ lệ|tỉ lệ))*\s*$",
                           re.IGNORECASE)
_BASE_AFTER = re.compile(r"^\s*(?:\(|,)?\s*so\s+với\s+(?:mức\s+|số\s+|con\s+số\s+)?$|^\s*từ\s+$", re.IGNORECASE)
_PLAN_PAREN = re.compile(r"\(\s*(?:kế hoạch|dự toán|KH|DT)[^():]{0,40}:\s*$", re.IGNORECASE)
_VERSUS = re.compile(r"^\s*so\s+với\s*$", re.IGNORECASE)
_GROWTH_WORDS = re.compile(r"\b(?:tăng|giảm|tốc độ|mức tăng|so với|so cùng kỳ|cùng kỳ|vượt|bình quân|/năm|"
                           r"mỗi năm|hàng năm|kế hoạch|dự toán|lãi suất|tỷ suất|tỉ suất)\b", re.IGNORECASE)
_STRUCTURE_CUE = re.compile(r"\b(?:cơ cấu|chiếm|tỷ trọng|tỉ trọng|trong đó|trong số đó|gồm|bao gồm|phân theo)\b",
                            re.IGNORECASE)
# Words that may follow a share ("chiếm 79% diện tích", "52,2% là nữ"); any other word after a
# percentage makes it a rate of its own subject ("99,4% thôn, bản có đường ô tô").
_AFTER_SHARE = re.compile(r"^\s*(?:[,;.)\]]|$|và\b|là\b|của\b|trong\b|trên\b|so\b|dân số|diện tích|tổng|gdp|grdp|"
                          r"giá trị|cơ cấu|lao động|nền kinh tế|toàn|cả|năm\b|\(|"
                          # the share before its subject: "51,6% nam và 48,4% nữ", "38% sống ở khu vực đô thị"
                          r"nam\b|nữ\b|thành thị|nông thôn|đô thị|sống\b|cư trú)", re.IGNORECASE)
# A share listed after another: its clause opens with a list separator.
_LISTED = re.compile(r"(?:^|[;:]|\s-|\+)\s*[^\d;:,.%]{2,60}$")
_RATE_NAME = re.compile(r"(?:tỷ lệ|tỉ lệ|tốc độ|chỉ số)\b", re.IGNORECASE)
_AVERAGE = re.compile(r"\b(?:trung bình|bình quân|tuổi thọ|mật độ|tỷ lệ|tỉ lệ|tốc độ|năng suất)\b", re.IGNORECASE)
_EXTREME = re.compile(r"\bnhất\b", re.IGNORECASE)
# "…, bên cạnh đó còn có …", "ngoài ra", "ngoài 5 trường …": what follows is no part; but
# "vốn khu vực ngoài nhà nước" is one
_BESIDES = re.compile(r"\b(?:bên cạnh đó|ngoài ra)\b|(?:^|[,;.]\s*)ngoài\b(?!\s+(?:nhà nước|công lập|ngân sách|nước|tỉnh))",
                      re.IGNORECASE)
_NOT_SHARE_AFTER = re.compile(r"^\s*(?:kế hoạch|dự toán|so với|so cùng kỳ|cùng kỳ|KH\b|DT\b)", re.IGNORECASE)
# What a share is of, when the text names it right after: "chiếm 0,9% dân số", "79% diện tích".
_BASE_WORD = re.compile(r"^\s*(dân số|số dân|diện tích|GRDP|GDP|tổng sản phẩm|tổng mức đầu tư|tổng vốn|tổng số)\b",
                        re.IGNORECASE)
_OF_BASE = re.compile(r"^[^\d;:.()%]{0,60}?,?\s*\b(?:bằng|tương đương)\s*$", re.IGNORECASE)
_TAX = re.compile(r"\bthuế\b", re.IGNORECASE)
_REST = re.compile(r"\b(?:còn lại|khác)\b", re.IGNORECASE)
# Splits that name a whole completely, each member once: a list of exactly these members
# adds up to its whole. "ngoài nhà nước" is no "nhà nước"; "ngân sách địa phương" no "trung ương".
_PARTITIONS = [tuple(re.compile(m, re.IGNORECASE) for m in members) for members in (
    (r"\bnam\b", r"\bnữ\b"),
    (r"\b(?:thành thị|đô thị)\b", r"\bnông thôn\b"),
    (r"\btrung ương\b", r"\bđịa phương\b"),
    (r"(?<!ngoài )\bnhà nước\b", r"\bngoài nhà nước\b", r"\b(?:đầu tư (?:trực tiếp )?nước ngoài|fdi)\b"),
    (r"\btrong nước\b", r"\b(?:nước ngoài|ngoài nước)\b"),
    (r"(?<!ngoài )\bcông lập\b", r"\bngoài công lập\b"),
    (r"\btrong tỉnh\b", r"\bngoài tỉnh\b"),
    (r"\btrong ngân sách\b", r"\bngoài ngân sách\b"),
    # a project's capital: the investor's own and what it borrows or raises
    (r"\bvốn (?:góp|chủ sở hữu|tự có)\b", r"\bvốn (?:vay|huy động)\b"),
    # the levels of government a road, a budget or a task falls to ("do trung ương/tỉnh/huyện/xã quản lý")
    (r"\btrung ương\b", r"\btỉnh\b", r"\bhuyện\b", r"\bxã\b(?!\s+hội)"),
    (r"\btỉnh\b", r"\bhuyện\b", r"\bxã\b(?!\s+hội)"),
)]
_SECTORS = (re.compile(r"\bnông|\blâm|\bthủy sản|\bthuỷ sản|khu vực i\b", re.IGNORECASE),
            re.compile(r"công nghiệp|xây dựng|khu vực ii\b", re.IGNORECASE),
            re.compile(r"dịch vụ|khu vực iii\b", re.IGNORECASE))
_BREAKDOWN_CUE = re.compile(r"(?:[,;:(]\s*|\s)(?:trong\s+đó|trong\s+số\s+(?:đó|này)|trong\s+số|bao\s+gồm|gồm\s+có|gồm|"
                            r"chia\s+ra|chia\s+theo|phân\s+theo)\b"
                            r"[\s,:]*|^\s*(?:trong\s+đó|trong\s+số)\b[\s,:]*", re.IGNORECASE)
# a whole announcing its parts, before a colon ("…, bao gồm:", "cụ thể như sau:")
_ANNOUNCED_PARTS = re.compile(r"\b(?:trong\s+đó|bao\s+gồm|gồm\s+có|gồm|cụ\s+thể|chia\s+ra|phân\s+theo)"
                              r"(?:\s+như\s+sau)?\s*:", re.IGNORECASE)
# "Tổng cộng đạt 4.390 căn", "Tổng số: 12 dự án" opening a sentence
_TOTAL_OPENS = re.compile(r"(?:^|(?<=[.;:]\s)|(?<=[.;:]))\s*(?P<total>tổng\s+cộng|tổng\s+số)\s*(?:[:,]\s*)?"
                          r"(?:(?:là|đạt|có|được|gồm)\s+)?", re.IGNORECASE)
# what opens a list of parts in the sentence before a total
_ANNOUNCED_LIST = re.compile(r"\b(?:bao\s+gồm|gồm\s+có|gồm|cụ\s+thể|như\s+sau)\b\s*:?|:", re.IGNORECASE)
# between a figure and itself in another unit: "(~", "(khoảng", ", tương đương", " hay"
_RESTATED_AS = re.compile(r"\s*(?:\(\s*(?:~|≈|khoảng|tương đương|tức|hay|bằng)?\s*(?:với\s+)?|,?\s*(?:tương đương|tức là|tức|hay|≈|~)"
                          r"(?:\s+(?:với|khoảng))?\s*)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\.(?=\s+[A-ZÀ-Ỹ\d(\"“*-])|\.\s*$|;\s*(?=[-+•]\s)"
                           # "… dài hơn 26 km.Đường cao tốc …": a heading run in by extraction
                           # (after a unit in capitals too: "1,76 tỉ USD.Tổng doanh thu"; not "TP.Hồ Chí Minh")
                           r"|(?:(?<=[a-zà-ỹđ\d²%)])|(?<=[A-Z]{3}))\.(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")
_PERSON = frozenset({"người", "dân", "nhân khẩu", "khẩu", "nam", "nữ", "người dân", "lao động", "nhân viên", "cán bộ",
                     "công chức", "viên chức", "học sinh", "sinh viên", "giáo viên", "công nhân", "đại biểu",
                     "bệnh nhân", "hội viên", "đảng viên", "tín đồ", "thí sinh", "trẻ em", "cử tri", "hộ viên",
                     "thành viên"})
_NOT_PERSON = frozenset({"dân tộc", "dân số", "dân tộc thiểu số"})
_THRESHOLD = re.compile(r"\b(?:trên|từ|hơn|dưới)\s+[\d.,]+", re.IGNORECASE)


def _fold(s: str) -> str:
    return " ".join(s.casefold().split())


def _label(text: str) -> str:
    """A component's name: the words before its figure in its own clause, without cue words
    and list punctuation ("người, trong đó dân số thành thị là" → "dân số thành thị")."""
    t = re.sub(r"\(.*?\)", " ", text)
    pieces = [p for p in re.split(r"[;:]|\btrong (?:đó|số đó)\b|\b(?:bao\s+)?gồm\b", t) if re.search(r"\w", p)]
    t = pieces[-1] if pieces else t
    t = re.sub(r"^[\s;,:.+\-–•)(]+|[\s:;,(]+$", "", t)
    t = re.sub(r"^(?:và|còn|trong đó|trong số đó|gồm|bao gồm|cụ thể)\b[\s,:]*", "", t, flags=re.IGNORECASE)
    t = re.sub(r"\s*\b(?:đạt|chiếm|là|khoảng|chiếm tỷ trọng|chiếm tỉ trọng|chiếm tỷ lệ|chiếm tỉ lệ|với tỷ trọng|"
               r"có|được|dài|rộng|ước đạt|ước tính|gần|trên|hơn|tức|tức là|hay|tương đương)$", "", t, flags=re.IGNORECASE)
    return " ".join(t.split()).strip(" ,;:")


# -- the reader ---------------------------------------------------------------------------

class _Reader:
    def __init__(self, text: str, figures: list[Figure], locate: Locate, out: Statements) -> None:
        self.text, self.f, self.locate, self.out = text, figures, locate, out
        self.used_as_base: set[int] = set()        # figures that are another's denominator
        self.share_parts: set[int] = set()         # figures followed by their share of a total
        self.share_of: dict[int, int] = {}         # part -> the total its share is of
        self.in_transition: set[int] = set()       # shares stated as moving from one year to the next
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]

    # helpers
    def gap(self, i: int) -> str:
        """The words between figure i-1 (or the sentence's start) and figure i."""
        start = self.f[i - 1].end if i > 0 else 0
        return self.text[max(start, self.sentence_start(self.f[i].start)): self.f[i].start]

    def after(self, i: int, limit: int = 60) -> str:
        end = self.f[i + 1].start if i + 1 < len(self.f) else len(self.text)
        return self.text[self.f[i].end: min(end, self.f[i].end + limit)]

    def sentence_start(self, offset: int) -> int:
        k = bisect_left(self.sentence_ends, offset)
        return self.sentence_ends[k - 1] + 1 if k else 0

    def same_sentence(self, a: int, b: int) -> bool:
        """Whether figures a and b sit in one sentence."""
        return self.same_sentence_offset(*sorted((self.f[a].start, self.f[b].start)))

    def same_sentence_offset(self, lo: int, hi: int) -> bool:
        """Whether no sentence ends between offsets lo < hi."""
        k = bisect_right(self.sentence_ends, lo)
        return k == len(self.sentence_ends) or self.sentence_ends[k] >= hi

    def _name(self, i: int, label: str, prefer_after: bool = True) -> str:
        """What figure i is: the counted noun phrase after it when that says more than its noun
        ("109.156 mục tiêu giao thông vận tải (chiếm 53,5%)"), else the label before it."""
        g, phrase = self.f[i], ""
        if g.kind == "qty" and (g.noun or g.unit) and (prefer_after or not label):
            phrase = re.match(r"[^,;:.()\[\]\d]{0,60}", self.text[g.end:]).group(0)
            cut = re.split(r"(?:^|\s)(?:và|chiếm|tăng|giảm|đạt|bằng|là|so với|trong đó|gồm)\b", phrase)[0]
            phrase = _whole_words(cut, self.text[g.end + len(cut):]) if cut == phrase else cut.strip()
            # "…, 4 chi cục và 2 trung tâm" (not "Mông: 61.579 người", labelled before its colon)
            listed = g.noun and not g.unit and not re.split(r"[,;]|\bvà\b", self.gap(i))[-1].strip()
            if (len(phrase.split()) > len(g.noun.split()) or listed) and phrase[:1].isalpha():
                return phrase
        if len(label) > 80:   # the last words, whole
            label = label[-80:].split(" ", 1)[-1]
        return label or (phrase if phrase[:1].isalpha() else "") or g.text

    def value(self, fig: Figure, exponent: int = 0) -> Value:
        """The figure's value located, scaled by 10^exponent when operands differ in multiplier."""
        v = fig.value
        if exponent:
            k = Decimal(10) ** exponent
            v = v.model_copy(update={"lo": v.lo * k, "hi": v.hi * k,
                                     "point": v.point * k if v.point is not None else None,
                                     "decimals": max(0, (v.decimals or 0) - exponent)})
        return v.model_copy(update={"location": self.locate(fig.start)})

    def compatible(self, a: Figure, b: Figure) -> bool:
        """Whether two figures measure the same thing (so one can be part or base of the other)."""
        if a.kind == "pct" or b.kind == "pct":
            return False
        ma, mb = a.measure, b.measure
        if not ma or not mb:
            if a.kind == b.kind == "qty" and (ma or mb) in _MONEY and (a.exponent if not ma else b.exponent) >= 6:
                return True   # "392,78 tỷ đồng … vốn tự có 49,6 tỷ": the currency said once, a sum of money
            return not ma and not mb and a.kind == b.kind == "qty" and a.exponent == b.exponent
        if ma == mb:
            return True
        if a.unit or b.unit:   # one unit however written ("km2", "km²"; "đô la Mỹ", "USD"): no conversion here
            ua, ub = parse_unit(a.unit), parse_unit(b.unit)
            return ua.known and ua.expression == ub.expression
        wa, wb = ma.split(), mb.split()
        if wa[0] == wb[0] or ma in mb or mb in ma:
            return True
        if (wa[0] in _CLASSIFIERS and wa[1:2] == wb[:1]) or (wb[0] in _CLASSIFIERS and wb[1:2] == wa[:1]):
            return True   # "203.733 lần mục tiêu … 109.156 mục tiêu"
        if (_CONTAINER.match(ma) and _ADMIN.match(mb + " ")) or (_CONTAINER.match(mb) and _ADMIN.match(ma + " ")):
            return True   # "12 đơn vị hành chính … gồm 2 thị trấn … và 10 xã"
        if (_ORG_WHOLE.match(ma) and wb[0] in _ORG_UNITS) or (_ORG_WHOLE.match(mb) and wa[0] in _ORG_UNITS):
            return True   # "Bộ … gồm 30 đơn vị, trong đó có 5 vụ và 21 cục …"
        return _person(ma) and _person(mb)

    def operands(self, *figs: Figure) -> list[Value]:
        """Values in one scale: each figure's multiplier applied when they differ."""
        exps = {f.exponent for f in figs}
        if len(exps) == 1:
            return [self.value(f) for f in figs]
        return [self.value(f, f.exponent) for f in figs]

    # -- comparisons: growth, ratio, share of a total ------------------------------------
    def comparisons(self) -> None:
        f = self.f
        for i, p in enumerate(f):
            if p.kind == "frac":
                self._fraction(i)
                continue
            if p.kind != "pct":
                continue
            before = _YEAR_ASIDE.sub("", self.gap(i))   # "138.790 người (2019), chiếm 1,6%"
            if (g := _GROWTH_BEFORE.search(before)) is not None:
                self._growth(i, g.group(1) or "giảm")
            elif i > 0 and f[i - 1].kind == "qty" and _RESTATED.match(before) \
                    and (g := _GROWTH_BEFORE.search(self.gap(i - 1))) is not None:
                self._growth(i, g.group(1) or "giảm")   # "tăng 290.109 người hay 0,8% so với năm 2005"
            elif _RATIO_BEFORE.search(before) and (not _SHARE_GAP.match(before) or _NOT_SHARE_AFTER.match(self.after(i, 30))) \
                    and not (_OF_BASE.match(before) and _BASE_WORD.match(self.after(i, 30))):
                self._ratio(i)
            elif i > 0 and f[i - 1].kind == "qty" and (_SHARE_GAP.match(before) or _OF_BASE.match(before)
                                                       and _BASE_WORD.match(self.after(i, 30))) \
                    and self.same_sentence(i - 1, i) and not f[i - 1].unit.startswith("người/"):
                self._share(i)   # "… 1.200 người chết đói, bằng 57% số dân": a share of a total named after it

    def _subject_of(self, i: int, like: Figure | None = None) -> int | None:
        """The figure a rate at i is about: the nearest earlier quantity of the sentence, outside
        parentheses, not itself a base."""
        for j in range(i - 1, -1, -1):
            if not self.same_sentence(j, i):
                return None
            g = self.f[j]
            if g.kind == "qty" and g.depth <= self.f[i].depth and j not in self.used_as_base \
                    and (like is None or self.compatible(g, like)) and not _GROWTH_BEFORE.search(self.gap(j)):
                return j   # not a change itself: "tăng 290.109 người …, tăng 2.260.494 người" are no subjects
        return None

    def _growth(self, i: int, word: str) -> None:
        f, p = self.f, self.f[i]
        decrease = word.casefold().startswith("giảm")
        # the base: "so với [mức] B" right after the rate
        if i + 1 < len(f) and f[i + 1].kind == "qty" and _BASE_AFTER.match(self.text[p.end: f[i + 1].start]):
            j = self._subject_of(i, f[i + 1])
            if j is not None:
                self._add_comparison(ComparisonKind.growth, j, i + 1, i, decrease)
                self.used_as_base.add(i + 1)
                return
        # the increase: "V, tăng Δ U hay g%" / "tăng g%, tương ứng tăng Δ U"
        for k in (i - 1, i + 1):
            if 0 <= k < len(f) and f[k].kind == "qty" and self.same_sentence(k, i):
                between = self.text[min(f[k].end, p.end): max(f[k].start, p.start)]
                if k == i - 1 and not re.search(r"\b(?:hay|tương đương|tương ứng|tức|hoặc)\b|\(", between):
                    continue
                if k == i + 1 and not re.match(r"^[\s,]*(?:tương ứng|tương đương|hay|tức)\s+(?:tăng|giảm)\s+$",
                                               between, re.IGNORECASE):
                    continue
                if k == i - 1 and not _GROWTH_BEFORE.search(self.gap(k)):
                    continue
                j = self._subject_of(min(k, i), f[k])
                if j is not None and j != k:
                    self._add_increase(j, k, i, decrease)
                    return

    def _ratio(self, i: int) -> None:
        f, p = self.f, self.f[i]
        # "(khoảng 6.600 USD so với 16.000 USD)": both operands after the rate
        if i + 2 < len(f) and f[i + 1].kind == f[i + 2].kind == "qty" and f[i + 1].depth > p.depth \
                and _VERSUS.match(self.text[f[i + 1].end: f[i + 2].start]) and self.compatible(f[i + 1], f[i + 2]):
            self._add_comparison(ComparisonKind.ratio, i + 1, i + 2, i)
            self.used_as_base.update({i + 1, i + 2})
            return
        j = self._subject_of(i)
        if j is None:
            return
        for k in range(i + 1, min(i + 4, len(f))):
            g = f[k]
            if g.kind != "qty" or not self.same_sentence(i, k) or not self.compatible(f[j], g):
                continue   # "bằng 107,6% kế hoạch, tăng trưởng 4,25% (Kế hoạch: 17.559 tỷ đồng …)"
            between = self.text[p.end: g.start]
            if _PLAN_PAREN.search(between) or _BASE_AFTER.match(between) or \
                    (g.depth > p.depth and len(between) < 40 and re.match(r"^\s*[^\d;.]{0,30}\($", between)):
                self._add_comparison(ComparisonKind.ratio, j, k, i)
                self.used_as_base.add(k)
                return
        # the planned total earlier in the sentence: "Với tổng số vốn dự kiến cả năm là 46.285 tỷ đồng,
        # đến nay đã giải ngân được 24.146 tỷ đồng, đạt 52,2%"
        if not re.match(r"^\s*(?:[,.;)]|$)", self.after(i, 5)):
            return   # "đạt 104,5% dự toán …": a base named after the rate, not this one
        for k in range(j - 1, -1, -1):
            g = f[k]
            if not self.same_sentence(k, j):
                return
            if g.kind == "qty" and self.compatible(g, f[j]) and _PLANNED.search(self.gap(k)[-50:]) \
                    and g.value.lo > 0 and k not in self.used_as_base:
                self._add_comparison(ComparisonKind.ratio, j, k, i)
                self.used_as_base.add(k)
                return

    def _share(self, i: int) -> None:
        f, part_i = self.f, i - 1
        part = f[part_i]
        after = self.after(i, 60)
        if (f[i].qualifier or "").casefold() == "vượt" or _NOT_SHARE_AFTER.match(after):
            return   # "(vượt 119% kế hoạch năm)": a ratio to the plan, no share
        base = _BASE_WORD.match(after)
        if base and not _measures(part, base.group(1)):
            return   # "29 tộc người còn lại chỉ chiếm 0,9% dân số": a share of people, not of groups
        total_i = None
        assumed: list[str] = []
        # the total after the share: "(chiếm 4,6% dân số) trên tổng số dân khoảng 2.955.000 người"
        m = re.match(r"^[\s,)]*(?:(?:dân số|dân cư|diện tích)[\s,)]*)?(?:trên|của|trong)\s+(?:[^\d;.]{0,20}?\s)?"
                     r"(?:tổng\s+(?:số\s+)?|số\s+)(?:[^\d;.]{0,25}?)$", after)
        out_of = (part.qualifier or "").casefold() == "trên" and re.match(r"^[^\d;.]{0,25}$", self.gap(i - 1))
        if i >= 2 and f[i - 2].kind == "qty" and self.compatible(f[i - 2], part) and (out_of or re.match(
                r"^[^\d;.]{0,25}\btrên\s+(?:tổng\s+số\s+)?[^\d;.]{0,15}$", self.gap(i - 1))):
            # "378.269 người trên 1.390.000 người …, chiếm khoảng 27%": "trên" is "out of", no bound
            if out_of:
                f[i - 1] = _without_qualifier(part)
            part_i, total_i = i - 2, i - 1
        elif m and i + 1 < len(f) and self.compatible(f[i + 1], part):
            total_i = i + 1
        else:
            for j in range(part_i - 1, -1, -1):
                g = f[j]
                if g.kind == "qty" and self.compatible(g, part) and (j not in self.share_parts or self._opens_parts(j, part_i)) \
                        and not _YEAR_SPAN.fullmatch(g.text.strip()) \
                        and j not in self.used_as_base and g.value.lo >= part.value.lo * Decimal("0.9999") \
                        and not _GROWTH_BEFORE.search(self.gap(j)) \
                        and (g.depth == 0 or self.same_sentence(j, part_i)):   # no total from an aside
                    total_i = j
                    if any(f[k].kind == "qty" and self.compatible(f[k], part) and f[k].value.lo >= part.value.lo
                           and self.same_sentence(k, j) for k in range(j)):
                        # another figure earlier in the sentence could be the base as well as the
                        # nearest one taken ("… 5.000 hộ, 2.000 hộ kinh doanh và 800 hộ nghèo, chiếm 20%")
                        assumed.append(Assumption.base.value)
                    break
        self.share_parts.add(part_i)
        if total_i is None:
            return
        self.share_of[part_i] = total_i
        self._add_comparison(ComparisonKind.share, part_i, total_i, i, assumed=assumed)

    def _opens_parts(self, j: int, part_i: int) -> bool:
        """Whether figure j, itself a share of a larger whole, announces the parts that follow it
        ("đất đô thị 190.651 m2 chiếm 55,55%, cụ thể: đất ở 49.107 m2 chiếm 25,76%"): the whole of
        part_i then, not its sibling."""
        between = self.text[self.f[j].end: self.f[part_i].start]
        return _ANNOUNCED_PARTS.search(between) is not None and \
            not any(self.f[k].kind == "qty" and self.compatible(self.f[k], self.f[part_i]) for k in range(j + 1, part_i))

    def _fraction(self, i: int) -> None:
        """"81/521 đơn vị (tỷ lệ giảm 15,54%)", "96/126 ĐVHC (đạt tỷ lệ 76,19%)"."""
        f = self.f
        if i + 1 >= len(f) or f[i + 1].kind != "pct" or not self.same_sentence(i, i + 1):
            return
        between = self.text[f[i].end: f[i + 1].start]
        if len(between) > 60 or re.search(r"\d", between):
            return
        if re.search(r"\b(?:tăng|giảm)\s+[\d]", between):
            return
        approximate = re.search(r"\b(?:khoảng|gần|hơn|trên|dưới)\s*$", self.gap(i))
        if f[i + 1].qualifier or (approximate and not re.fullmatch(r"[^\d()]{0,20}\(\s*", between)):
            return   # "06/34 địa phương tỷ lệ đạt dưới 90%": a threshold, not the fraction's value;
            # but "giảm khoảng 485/902 đầu mối (53,77%)" states the fraction's own rate
        after = self.after(i + 1, 60)
        # "chiếm tỉ lệ 99,79% tổng số đại biểu tham gia bầu cử": the rate names those voting as its base
        of_voters = re.match(r"^\s*(?:trên\s+)?(?:tổng\s+)?số\s+(?:đại biểu|ĐBQH)[^,;.()\d]{0,25}?\b(?:có mặt|tham gia)\b",
                             after, re.IGNORECASE)
        if re.match(r"^\s*(?:tổng số|tổng|trên tổng số|số đại biểu|đại biểu)", after, re.IGNORECASE) and not of_voters:
            return   # a rate of an unstated total ("chiếm 92,39% tổng số đại biểu Quốc hội")
        fr = f[i]
        if _VOTE.search(self.text[self.sentence_start(fr.start): f[i + 1].end]) and not of_voters \
                and not _ratio_holds(fr, f[i + 1]):
            return   # a vote's rate is of all the deputies ("432/438 … tán thành (chiếm 91,33 %)"), not of those voting
        loc = self.locate(fr.start)
        self._emit(ComparisonKind.ratio, i, i + 1, fr.numerator.model_copy(update={"location": loc}),
                   fr.denominator.model_copy(update={"location": loc}), fr.noun or None, label=fr.text)

    def _add_comparison(self, kind: ComparisonKind, num_i: int, den_i: int, result_i: int,
                        negative: bool = False, assumed: list[str] = ()) -> None:
        num, den = self.operands(self.f[num_i], self.f[den_i])
        self._emit(kind, num_i, result_i, num, den, self.f[num_i].measure or None, negative=negative,
                   den_label=self.f[den_i].text, assumed=assumed)

    def _emit(self, kind: ComparisonKind, subject_i: int, result_i: int, num: Value, den: Value,
              unit: str | None, negative: bool = False, den_label: str | None = None,
              indicator: str | None = None, scale: Decimal = Decimal(1), label: str | None = None,
              assumed: list[str] = ()) -> None:
        """One comparison: the figure at result_i stated of num against den."""
        f = self.f
        result = self.value(f[result_i])
        if negative:
            result = _negated(result)
        self.out.comparisons.append(Comparison(
            indicator=indicator or self._name(subject_i, _subject(self.gap(subject_i))), kind=kind,
            value=result, numerator=Operand(label=num.text, value=num),
            denominator=Operand(label=den_label or den.text, value=den), label=label or f[result_i].text,
            location=self.locate(f[result_i].start), unit=unit, scale=scale, assumed=list(assumed)))

    def _add_increase(self, value_i: int, delta_i: int, result_i: int, negative: bool) -> None:
        f = self.f
        value, delta = self.operands(f[value_i], f[delta_i])
        base_iv = value.interval + delta.interval if negative else value.interval - delta.interval
        if base_iv.lo <= 0:
            return
        sign = "+" if negative else "−"
        base = Value(text=f"{f[value_i].text} {sign} {f[delta_i].text}", lo=base_iv.lo, hi=base_iv.hi,
                     location=self.locate(f[delta_i].start))
        self._emit(ComparisonKind.growth, value_i, result_i, value, base, f[value_i].measure or None, negative)

    # -- quotients: population density, sex ratio -----------------------------------------
    def sex_ratios(self) -> None:
        """"947.570 nam và 960.782 nữ, tỷ số giới tính 98,6 nam/100 nữ": men per 100 women."""
        f = self.f
        for i, r in enumerate(f):
            if r.kind != "qty" or r.noun.casefold() != "nam/" or not re.match(r"\s*/\s*100\s+nữ\b", self.text[r.end + 4:]):
                continue
            men = next((k for k in range(i - 1, -1, -1) if f[k].kind == "qty" and f[k].noun.casefold() == "nam"
                        and self.same_sentence(k, i)), None)
            women = next((k for k in range(i - 1, -1, -1) if f[k].kind == "qty" and f[k].noun.casefold() == "nữ"
                          and self.same_sentence(k, i)), None)
            if men is not None and women is not None:
                self._add_comparison(ComparisonKind.ratio, men, women, i)

    def densities(self) -> None:
        f = self.f
        for i, d in enumerate(f):
            if d.kind != "qty" or not re.fullmatch(r"người/\s*km[²2]", d.unit or "", re.IGNORECASE):
                continue
            if not re.search(r"(?:mật độ|bình quân)[^\d]{0,25}$", self.gap(i), re.IGNORECASE):
                continue   # "mật độ 137 người/km²", "bình quân khoảng 84 người/km2"
            people: list[int] = []
            area = None
            for j in range(i - 1, -1, -1):
                g = f[j]
                if not self.same_sentence(j, i) and j < i - 4:
                    break
                if g.kind == "qty" and (g.noun.split(" ")[0].casefold() in _PERSON) and not g.unit \
                        and j not in self.share_of:   # "nông thôn 194.258 người (92,5%)": a part
                    people.append(j)
                elif area is None and g.kind == "qty" and g.unit.casefold() in ("km²", "km2", "ha") \
                        and re.search(r"diện tích", self.gap(j), re.IGNORECASE):
                    area = j
            if not people or area is None:
                continue
            # the population is the figure named as the whole ("dân số", "tổng cộng"), else the only one;
            # "thành thị 195.760 người, nông thôn 32.776 người" name no whole: a guess which
            total = [j for j in people if _POPULATION_WHOLE.search(self.gap(j)[-40:])]
            assumed = [] if total or len(people) == 1 else [Assumption.paired.value]
            people = (total or people)[0]
            scale = Decimal(100) if f[area].unit.casefold() == "ha" else Decimal(1)
            num, den = self.operands(f[people], f[area])
            self._emit(ComparisonKind.quotient, people, i, num, den, d.unit, indicator="mật độ dân số", scale=scale,
                       assumed=assumed)

    def restatements(self) -> None:
        """A figure restated in another unit of its dimension right after it: "406.195 m2 (~40,62
        ha)", "12,5 km, tương đương 12.500 m". Money is left alone: no rate of exchange is known."""
        f = self.f
        for i in range(len(f) - 1):
            a, b = f[i], f[i + 1]
            if a.kind != "qty" or b.kind != "qty" or not a.unit or not b.unit or a.exponent or b.exponent:
                continue
            between = self.text[a.end: b.start]
            if not _RESTATED_AS.fullmatch(between):
                continue
            after = self.text[b.end: b.end + 3]
            if not (re.match(r"\s*\)", after) if "(" in between else re.match(r"\s*(?:[,.;)]|$)", after)):
                continue   # "12 km2 (1.250 ha rừng, …)": a part in another unit, not the same figure
            ua, ub = parse_unit(a.unit), parse_unit(b.unit)
            if not (ua.known and ub.known) or ua.expression == ub.expression:
                continue
            factor = conversion_factor(ua, ub)
            if factor is None:
                continue
            num = self.value(a)
            self.out.comparisons.append(Comparison(
                indicator=b.unit, kind=ComparisonKind.conversion, value=self.value(b),
                numerator=Operand(label=a.text, value=num),
                denominator=Operand(label="1", value=Value(text="1", lo=1, hi=1, point=1, decimals=0)),
                label=b.text, location=self.locate(b.start), unit=a.unit, scale=factor))

    # -- structures ------------------------------------------------------------------------
    def transitions(self) -> None:
        """A structure stated as it moved between two years, clause by clause: "nông, lâm nghiệp và
        thủy sản năm 2021 chiếm tỷ trọng 32,78% giảm còn 30,29% năm 2022; công nghiệp, xây dựng và dịch
        vụ từ 67,22% tăng lên 69,71%": the shares before and those after make a structure each."""
        f = self.f
        pairs: list[tuple[int, int]] = []
        for i in range(len(f) - 1):
            a, b = f[i], f[i + 1]
            if a.kind != "pct" or b.kind != "pct" or a.depth != b.depth or not self.same_sentence(i, i + 1) \
                    or (pairs and pairs[-1][1] == i):
                continue
            if not _TRANSITION.fullmatch(self.text[a.end: b.start]):
                continue
            clause = re.split(r"[;:]", self.gap(i))[-1]
            sentence = self.text[self.sentence_start(a.start): a.start]
            if re.search(r"\b(?:tốc độ|tăng trưởng|tỷ lệ|tỉ lệ|lãi suất)\b", clause, re.IGNORECASE) or not \
                    re.search(r"\b(?:cơ cấu|tỷ trọng|tỉ trọng)\b", sentence, re.IGNORECASE):
                continue
            pairs.append((i, i + 1))
        by_sentence: dict[int, list[tuple[int, int]]] = {}
        for pair in pairs:
            by_sentence.setdefault(self.sentence_start(f[pair[0]].start), []).append(pair)
        for group in by_sentence.values():
            if len(group) < 2:
                continue
            self.in_transition.update(k for pair in group for k in pair)
            names = [_sector_name(_label(re.split(r"[;]", self.gap(a))[-1])) for a, _ in group]
            head = self.text[self.sentence_start(f[group[0][0]].start): f[group[0][0]].start]
            a, b = group[0]
            years = (_year(_label(self.gap(a))[-20:] + " " + self.text[f[a].end: f[b].start]),
                     _year(self.text[f[b].end: f[b].end + 15]))
            aim = PeriodKind.target if re.search(r"\b(?:mục tiêu|phấn đấu|đến năm)\b", head, re.IGNORECASE) \
                else PeriodKind.actual
            for side in (0, 1):
                idx = [pair[side] for pair in group]
                values = [f[k].value for k in idx]
                total = sum((v.point or v.lo for v in values), Decimal(0))
                complete, remainder = self._completeness(names, head, total, [])
                self.out.structures.append(Structure(
                    name="cơ cấu" if re.search(r"\bcơ cấu\b", head, re.IGNORECASE) else "tỷ trọng",
                    components=[Component(name=n or f[k].text, value=self.value(f[k])) for n, k in zip(names, idx)],
                    location=self.locate(f[idx[0]].start), complete=complete, remainder=remainder,
                    period=Period(year=years[side], kind=aim if side else PeriodKind.actual) if years[side] else None))

    def structures(self) -> None:
        f = self.f
        run: list[int] = []
        for i, p in enumerate(f):
            if i in self.in_transition:
                if run:
                    self._close_run(run)
                    run = []
                continue
            if p.kind == "pct" and self._is_share(i):
                if run and not self._continues(run[-1], i):
                    self._close_run(run)
                    run = []
                run.append(i)
            elif p.kind == "pct" and run and p.depth > f[run[-1]].depth:
                continue   # "đạt 34% (giảm 11,3%); công nghiệp – xây dựng 35%": an aside between shares
            elif p.kind == "qty" and i + 1 < len(f) and f[i + 1].kind == "pct" and \
                    (self._own_share(i) or (run and _REST.search(self.gap(i + 1)))):
                continue   # "Tày 103 người, chiếm 0,05%": the count goes with its share
            elif run:
                self._close_run(run)
                run = []
        if run:
            self._close_run(run)

    def _own_share(self, i: int) -> bool:
        """Whether the share after figure i is that figure's ("103 người, chiếm 0,05%"), not the
        share of a new subject ("246 người/km² và dân số trong độ tuổi lao động chiếm 58.8%")."""
        gap = self.gap(i + 1)
        words = gap.strip(" ,(").split()
        if re.search(r"\(\s*(?:chiếm\s*)?$", gap) and len(gap) <= 80 and _SHARE_GAP.match(gap):
            return True   # "1,515 tỷ USD trong thời kỳ kháng chiến chống Nhật (chiếm 40%)": the share in its parenthesis
        return bool(_SHARE_GAP.match(gap)) and len(words) <= len(self.f[i].noun.split()) + 3 \
            and not re.search(r"\svà\s", gap)

    def _is_share(self, i: int) -> bool:
        p = self.f[i]
        if p.value.point is None and p.value.qualifier:
            return False
        if p.value.lo != p.value.hi and p.value.point is None and "-" not in p.text and "–" not in p.text:
            return False
        before, after = self.gap(i), self.after(i, 25)
        if self._chain(i) >= 3:
            return True   # "cơ cấu kinh tế ước đạt 8,8% - 59,7% - 31,5%"
        # "giảm còn 18,2%", "(cơ cấu tương ứng của cùng kỳ năm 2018 là: 39,72%; …)": a level, no change
        level = re.search(r"\b(?:giảm|tăng)\s+(?:còn|lên mức|xuống)\s*$|\bcùng kỳ(?:\s+năm\s+(?:19|20)\d\d)?\s+là\s*:?\s*$",
                          before, re.IGNORECASE)
        if _GROWTH_WORDS.search(before[-40:]) and not level:
            return False   # a rate of change; but "nông nghiệp giảm còn 18,2%" is the share it fell to
        if _RATIO_BEFORE.search(before) and not level and not (
                re.match(r"^\s*(?:;|,|và\b|\()", after)
                and (_LISTED.search(before) or re.search(r"\b(?:tỷ trọng|tỉ trọng|cơ cấu)\b", before, re.IGNORECASE))):
            return False   # "đạt 104,5%" is a ratio; "…; nông - lâm - thủy sản đạt 6,72%;" a listed share
        if re.match(r"^\s*(?:so với|kế hoạch|dự toán|cùng kỳ|/\s*năm|mỗi năm|năm\b|trở lên|điểm)", after,
                    re.IGNORECASE):
            return False
        clause = re.split(r"[;,.(]|\svà\s", self.after(i, 80), 1)[0]
        if re.search(r"\b(?:được|sử dụng|có|đạt|tham gia|hoàn thành)\b", clause, re.IGNORECASE):
            return False   # "99,0% dân số đô thị được cung cấp nước sạch": a rate among a group, no share
        if i > 0 and self.f[i - 1].kind == "qty" and self._own_share(i - 1) and self.same_sentence(i - 1, i):
            return True   # "184 người tức 13% thừa kế tài sản": the quantity restated as its share
        return bool(_AFTER_SHARE.match(after))

    def _chain(self, i: int) -> int:
        """How many percentages figure i's dash chain holds ("8,8% - 59,7% - 31,5%", the shares of
        a structure written in a row) when a structure word opens its sentence; 0 otherwise."""
        f = self.f

        def linked(a: int, b: int) -> bool:
            return 0 <= a and b < len(f) and f[a].kind == f[b].kind == "pct" \
                and re.fullmatch(r"\s*[-–]\s*", self.text[f[a].end: f[b].start]) is not None
        lo = hi = i
        while linked(lo - 1, lo):
            lo -= 1
        while linked(hi, hi + 1):
            hi += 1
        if hi == lo or not re.search(r"\b(?:cơ cấu|tỷ trọng|tỉ trọng)\b",
                                     self.text[self.sentence_start(f[lo].start): f[lo].start], re.IGNORECASE):
            return 0
        return hi - lo + 1

    def _continues(self, a: int, b: int) -> bool:
        """Whether the share at b continues the list of the share at a."""
        between = self.text[self.f[a].end: self.f[b].start]
        rest = _REST.search(between) and len(between) < 120   # "…(1,3%). 29 tộc người còn lại chỉ chiếm 0,9%"
        if not self.same_sentence(a, b) and not re.match(r"^\s*[-+•]", between) and not rest:
            return False
        f = self.f
        owned = a > 0 and b > 0 and f[a - 1].kind == f[b - 1].kind == "qty" and self._own_share(a - 1) \
            and self._own_share(b - 1)
        if f[b].depth != f[a].depth and not rest and not owned:
            return False   # but "20,6 triệu dân …, hay 89,3%, … và 2,5 triệu dân (10,7%)": each its quantity's
        if re.search(r"\btrong (?:đó|số đó)\b", between, re.IGNORECASE):
            return False   # "74%, trong đó có bằng cấp 36,5%": a whole and its part, no structure
        return len(between) < 160

    def _close_run(self, run: list[int]) -> None:
        if len(run) < 2:
            return
        f = self.f
        if self._listed_beside(run[0] - 1, run[0]) or self._listed_beside(run[-1], run[-1] + 1):
            return   # "39,72%; 19,37% và 40,91%" with the first taken for a change: part of a list, no whole
        head_start = self.sentence_start(f[run[0]].start)
        prev_sentence = self.sentence_start(max(0, head_start - 2)) if head_start else 0
        context = self.text[prev_sentence: f[run[0]].start] + " ".join(self.gap(i) for i in run)
        labels = [_fold(f"{_label(self.gap(i))} {self.after(i, 30)}") for i in run]
        if not _STRUCTURE_CUE.search(context) and not _partition(labels):
            return
        rates = sum(bool(_RATE_NAME.match(self._clause_label(i))) for i in run) >= 2 and \
            not re.search(r"\bcơ cấu\b", context, re.IGNORECASE)
        if rates or not self._one_total(run):
            return   # rates of their own bases ("tỷ lệ … thu gom khoảng 87%, tỷ lệ … 78%"), or shares of several totals
        for group in _groups([f[i].value for i in run]):
            idx = [run[k] for k in group]
            if len(idx) < 2:
                continue
            components = [Component(name=_label(self.gap(i)) or f[i].text, value=self.value(f[i])) for i in idx]
            names = [_fold(c.name) for c in components]
            head = self.text[head_start: f[idx[0]].start]
            name_m = re.search(r"\b(cơ cấu[^:;,.(]{0,40})", head, re.IGNORECASE)
            total = sum((f[i].value.point or f[i].value.lo for i in idx), Decimal(0))
            complete, remainder = self._completeness(names, head, total, [labels[k] for k in group])
            if re.match(r"^\W*trong\s+số\s+đó\b", head, re.IGNORECASE) or \
                    re.match(r"^\W*trong\s+đó\b", head, re.IGNORECASE) and head_start and self._share_before(head_start):
                complete = False   # "… Kitô giáo chiếm 57%. Trong số đó gồm có: Ngũ Tuần chiếm 17%, …": shares of a share
            at = head_start + name_m.start(1) if name_m else f[idx[0]].start
            # the years each share is of: after it, and between shares (the head before the first
            # share, "Cơ cấu kinh tế giai đoạn 2021-2025:", dates them all alike)
            years = {m.group(0)[-4:] for k, i in enumerate(idx)
                     for m in _YEAR.finditer(f"{self.gap(i) if k else ''} {self.after(i, 15)}")}
            if len(years) > 1:
                continue   # "51,27% (2013) … 51,82% (1953)": one share in two years, no whole
            assumed = []
            named = re.search(r"\b(?:cơ cấu|tỷ trọng|tỉ trọng)\b", head, re.IGNORECASE)
            if not named and complete and total < 50 and not _partition(names):
                continue   # "thuế 5% và phí 2%": rates, or shares of other wholes, not a structure short by half
            clauses = [_fold(self._clause_before(i)) for i in idx]   # "đường do tỉnh quản lý dài …, chiếm"
            if not named and not _partition(names) and not _each_names_one(clauses):
                # shares named without "cơ cấu": that they are shares of one whole, none overlapping
                # another ("60 tự ứng cử (60%), 45 nữ (45%)"), is the reading's
                assumed.append(Assumption.siblings.value)
            self.out.structures.append(Structure(
                name=(_whole_words(name_m.group(1), head[name_m.end(1):]) if name_m else "Cơ cấu"), components=components, unit="%",
                location=self.locate(at), complete=complete, remainder=remainder, assumed=assumed))

    def _clause_before(self, i: int) -> str:
        """The words of share i's own clause: back to the previous share, semicolon or sentence start."""
        f = self.f
        start = self.sentence_start(f[i].start)
        prev = next((f[k].end for k in range(i - 1, -1, -1) if f[k].kind == "pct" and f[k].end > start), start)
        text = self.text[max(start, prev): f[i].start]
        return re.split(r"[;]", text)[-1]

    def _share_before(self, offset: int) -> bool:
        """Whether the sentence before ``offset`` ends its figures with a percentage."""
        before = [g for g in self.f if g.end <= offset]
        return bool(before) and before[-1].kind == "pct" and before[-1].start >= self.sentence_start(offset - 2)

    def _listed_beside(self, a: int, b: int) -> bool:
        """Whether percentages a and b stand side by side in one list, nothing but a separator between."""
        f = self.f
        return 0 <= a and b < len(f) and f[a].kind == f[b].kind == "pct" and f[a].depth == f[b].depth \
            and re.fullmatch(r"\s*[;,]?\s*(?:và\s*)?", self.text[f[a].end: f[b].start]) is not None

    def contributions(self) -> None:
        """"Trong mức tăng chung 9,6% …, khu vực nông, lâm nghiệp và thủy sản … đóng góp 0,80 điểm phần
        trăm; khu vực công nghiệp - xây dựng … 6,19 điểm phần trăm; …": the sectors' contributions in
        percentage points add up to the growth they share."""
        f = self.f
        for m in _GROWTH_SHARED.finditer(self.text):
            total_i = next((k for k, g in enumerate(f) if g.start >= m.end()), None)
            if total_i is None or f[total_i].kind != "pct" or f[total_i].start - m.end() > 10:
                continue
            idx = [k for k in range(total_i + 1, len(f)) if f[k].kind == "qty" and _POINTS.match(f[k].noun)
                   and re.search(r"\bđóng góp\b|\bgóp\b", self.gap(k)[-60:] or "", re.IGNORECASE)]
            if len(idx) < 2:
                continue
            names = [self._sector_clause(k, f[total_i].end) for k in idx]
            complete, remainder = self._completeness([_fold(n) for n in names], "", Decimal(0), [])
            self.out.structures.append(Structure(
                name="đóng góp vào mức tăng trưởng", total=self.value(f[total_i]), unit="điểm phần trăm",
                components=[Component(name=n or f[k].text, value=self.value(f[k])) for n, k in zip(names, idx)],
                location=self.locate(f[idx[0]].start), complete=complete, remainder=remainder))

    def _sector_clause(self, k: int, floor: int) -> str:
        """What contributed the points at figure k: its clause, from the list separator (or the
        growth they share) before it, up to its first verb ("; khu vực dịch vụ tăng 8,6%, đóng góp")."""
        start = max(self.text.rfind(";", 0, self.f[k].start) + 1, floor)
        clause = _from_sector(self.text[start: self.f[k].start])
        return re.split(r"\s(?:ước|tăng|đạt|đóng góp|góp)\b|\d", clause, 1)[0].strip(" ,:-")

    def _clause_label(self, i: int) -> str:
        """The words of figure i's own clause before it."""
        return re.split(r"[,;:(]\s*", self.gap(i))[-1].strip()

    def _one_total(self, run: list[int]) -> bool:
        """Whether shares each stated with its own quantity ("95 tấn/ngày (chiếm 10%), 5.390 tấn/ngày
        (chiếm 70%)") are shares of one total: the totals they imply agree within a factor of two."""
        implied = []
        for i in run:
            q = self.f[i - 1] if i else None
            if q is None or q.kind != "qty" or q.value.hi.is_infinite() or not self.f[i].value.point \
                    or not _SHARE_GAP.match(self.gap(i)):
                continue
            amount = q.value.point if q.value.point is not None else (q.value.lo + q.value.hi) / 2
            implied.append(amount * 100 / self.f[i].value.point)
        # a slip in one share moves its implied total by a fraction; shares of different totals
        # (tấn/ngày of solid waste and of industrial waste) imply totals apart by a factor
        return len(implied) < 2 or max(implied) <= min(implied) * 2

    def _completeness(self, names: list[str], head: str, total: Decimal, around: list[str]) -> tuple[bool, str | None]:
        """Whether the shares name the whole (so they must reach 100%), and what an economic
        structure may leave unstated (the product-tax share). ``around``: each share's words
        before and after it ("89,3%, là dân thành thị")."""
        if any(_TAX.search(n) for n in names) or any(_REST.search(n) for n in names):
            return True, None
        sectors = [any(s.search(n) for n in names) for s in _SECTORS]
        if all(sectors) and len(names) == 3:
            return False, "thuế sản phẩm trừ trợ cấp sản phẩm"
        if _complementary(names) or _complementary(around):
            return True, None
        if re.search(r"\bcơ cấu\b", head, re.IGNORECASE) and not all(sectors):
            return True, None
        return False, None

    # -- breakdowns: a whole and its parts ----------------------------------------------------
    def breakdowns(self) -> None:
        """Cue-driven: each "trong đó", "gồm", "bao gồm", "trong số", or a parenthesis opened
        right after a figure, followed by figures that measure what a figure before it does."""
        f = self.f
        taken: set[int] = set()
        for m in _BREAKDOWN_CUE.finditer(self.text):
            cue_end = m.end()
            first = next((k for k, g in enumerate(f) if g.start >= cue_end), None)
            if first is None or not self.same_sentence_offset(m.start(), f[first].start):
                continue
            if _closes_before(self.text, m.end(), f[first].start):
                continue   # "gồm 97 loài thú (trong đó nổi bật là …), 137 loài chim": the aside names no figure
            # "gồm", "chia ra" split the whole; "trong đó" names some of it
            exhaustive = bool(re.search(r"gồm|chia|phân", m.group(0), re.IGNORECASE))
            if re.match(r"trong\s+số\b(?!\s+(?:đó|này))", m.group(0).strip(" ,(:"), re.IGNORECASE) and \
                    f[first].kind == "qty":
                self._parts_of(first, first + 1, exhaustive, taken)   # "Trong số 203.733 lần …, có 109.156 …"
                continue
            whole = self._whole_before(m.start(), first)
            between = self.text[f[whole].end: m.start()] if whole is not None else ""
            if exhaustive and (";" in between or re.search(r"\svà\s", between) and not re.match(r"\s*[,:(]", m.group(0))):
                continue   # "440 người và giảng viên thỉnh giảng gồm 170 người": a new subject's own count
            if whole is not None:
                self._parts_of(whole, first, exhaustive, taken)
        for i, w in enumerate(f):   # "26.262 ha (tôm – lúa 24.775 ha, chuyên tôm 1.487 ha)"
            if i in taken or w.kind != "qty" or i + 1 >= len(f):
                continue
            if re.match(r"^[^\d();.]{0,30}\([^\d();.]{0,40}$", self.text[w.end: f[i + 1].start]) \
                    and f[i + 1].depth > w.depth:
                self._parts_of(i, i + 1, False, taken, inside=True)

    def totals_after(self) -> None:
        """A sentence opening with its total after a sentence that listed the parts: "… gồm dự án A
        đạt 1.340 căn; dự án B đạt 720 căn; dự án C đạt 466 căn. Tổng cộng đạt 2.526 căn". The
        parts are the figures of the list's measure after its cue, one a clause; "tổng cộng" sums
        what was listed, so they make the whole."""
        f = self.f
        for m in _TOTAL_OPENS.finditer(self.text):
            start = m.start("total")
            if self.sentence_start(start) != start - (len(m.group(0)) - len(m.group(0).lstrip())) and \
                    self.text[self.sentence_start(start): start].strip(" *-+•"):
                continue   # "tổng cộng" inside a sentence
            whole = next((k for k, g in enumerate(f) if g.start >= m.end()), None)
            if whole is None or f[whole].kind != "qty" or f[whole].start - m.end() > 2 or not f[whole].measure:
                continue
            prev = self.sentence_start(max(0, self.sentence_start(start) - 2))
            cue = None
            for c in _ANNOUNCED_LIST.finditer(self.text, prev, start):
                cue = c
            if cue is None:
                continue
            parts = [k for k in range(whole) if f[k].start >= cue.end() and f[k].kind == "qty"
                     and self.compatible(f[k], f[whole]) and f[k].depth == f[whole].depth]
            if len(parts) < 2 or any(not re.search(r"[;,]|\svà\s", self.text[f[a].end: f[b].start])
                                     for a, b in zip(parts, parts[1:])):
                continue   # one part a clause, or no list
            if any(k in self.share_parts or _GROWTH_BEFORE.search(self.gap(k)) for k in parts):
                continue
            self._add_breakdown(whole, parts, exhaustive=True)

    def _whole_before(self, cue: int, first: int) -> int | None:
        """The whole a part cue refers to: the nearest earlier quantity that measures what the
        first part does, in this sentence (or the one before, for a sentence opening "Trong đó")."""
        f = self.f
        start = self.sentence_start(cue)
        if not self.text[start:cue].strip(" *-+•"):
            start = self.sentence_start(max(0, start - 2))
        target = next((k for k in range(first, len(f)) if f[k].kind == "qty" and
                       self.same_sentence_offset(cue, f[k].start)), None)
        if target is None:
            return None
        for j in range(first - 1, -1, -1):
            g = f[j]
            if g.start < start:
                return None
            clause = self.text.rfind(";", g.end, cue)
            if clause >= 0 and self.text[clause + 1: cue].strip(" ,:"):
                return None   # "cụm A gồm 3 đảo; cụm B … gồm 2 đảo": each clause its own whole
            if g.kind == "qty" and self.compatible(g, f[target]) and not g.unit.startswith("người/") \
                    and not _GROWTH_BEFORE.search(self.gap(j)) and g.depth <= f[target].depth:
                return j
        return None

    def _counted_parts(self, m: re.Match, rest_length: int) -> None:
        """A count whose list names counts ("241 đơn vị hành chính cấp xã gồm: 29 phường, 14 thị
        trấn, 190 xã"): a breakdown of the whole into its parts, which must add up to it."""
        f = self.f
        whole = next((k for k, g in enumerate(f) if g.number_at == m.start("n") and g.kind == "qty"), None)
        if whole is None:
            return
        end = m.end() + len(_list_body(self.text[m.end(): m.end() + rest_length]))
        parts = [k for k in range(whole + 1, len(f)) if f[k].kind == "qty" and m.end() <= f[k].start < end
                 and f[k].depth == f[whole].depth and not f[k].unit]
        if len(parts) >= 2:
            self._add_breakdown(whole, parts, exhaustive=True, name=" ".join(m.group("noun").split()))

    def _parts_of(self, i: int, first: int, exhaustive: bool, taken: set[int], inside: bool = False) -> None:
        f, w = self.f, self.f[i]
        if w.kind != "qty" or "/" in w.unit or not w.measure:
            return   # a bare number ("ĐT.631 … 15.2 - …") measures nothing a part could share
        if _GROWTH_BEFORE.search(self.gap(i)):
            return   # "tương ứng tăng 17 ha, (trong đó: rừng sản xuất đạt 1,2 ha …)": a change has no parts
        parts: list[int] = []
        depth = None
        if self._range_end(i):
            return   # "từ 500m đến 2000m": a range's end is no whole
        for k in range(first, len(f)):
            g = f[k]
            if not self.same_sentence(i, k):
                break
            if inside and g.depth <= w.depth:
                break
            if w.depth and _closes_before(self.text, w.end, g.start):
                break   # "(188 quốc gia, trong đó 187 …, 1 …), … (18 quốc gia …)": the aside ends the list
            if _NEW_WHOLE.search(self.gap(k)):
                break   # "một trong số 10 hồng y …, trên tổng số 115": a new whole
            if self._range_end(k):
                continue
            if g.kind != "qty" or not self.compatible(w, g):
                continue
            if parts and _CONTAINER.match(g.measure) and _CONTAINER.match(w.measure) and g.value.lo > w.value.hi:
                break   # "7 đơn vị … gồm 3 thành phố và 4 huyện với 77 đơn vị hành chính cấp xã …": a new whole
            if _BESIDES.search(self.gap(k)):
                break   # "…, bên cạnh đó còn có 327 trường mẫu giáo": no longer the whole's parts
            if _GROWTH_BEFORE.search(self.gap(k)) or k in self.used_as_base:
                continue
            if depth is None:
                depth = g.depth
            if g.depth < depth:
                break
            if g.depth > depth:
                continue
            parts.append(k)
        if not parts or (len(parts) == 1 and inside):
            return
        taken.add(i)
        assumed = self._pairing_assumed(i, first, parts, inside)
        splits = _splits(w.value, [f[k].value for k in parts])
        if splits:   # "nam … nữ …; đô thị … nông thôn …": one whole split twice
            for g in group_indices(splits[0], parts):
                self._add_breakdown(i, g, True, same_whole_ok=True, assumed=assumed)
            return
        names = [_fold(f"{_label(self.gap(k))} {f[k].noun}") for k in parts]   # "947.570 nam và 960.782 nữ"
        nested = sum(1 for k in parts if f[k].qualifier and f[k].qualifier.casefold() in ("trên", "hơn")) >= 2 \
            or sum(1 for n in names if _THRESHOLD.search(n)) >= 2
        head = re.split(r"\b(?:gồm|chia ra|chia theo|phân theo)\b:?", self.gap(first))[-1]
        named = self._named_units(w, first, parts) if _CONTAINER.match(w.measure) else []
        if exhaustive and (self._item_without_figure(parts) or re.search(r"[;,]", head)):
            exhaustive = False   # "… chuối (2.500 ha) và cam, bưởi với sản lượng …": cam, bưởi have no area
        if exhaustive and len(parts) + len(named) == 1:
            exhaustive = False   # "350 USD, bao gồm 75 USD tạm ứng": one part named is no split
        if exhaustive and not _partition(names) and not _SPLIT_CUE.search(self.gap(first)) \
                and ":" not in self.gap(first) and not _ANNOUNCED_AFTER.match(self.text, f[parts[-1]].end):
            # "gồm" may name only some ("20 tầng, gồm 2 tầng hầm"); "chia ra", or a list
            # announced by a colon ("gồm: 29 phường, 14 thị trấn, 190 xã"), names them all
            assumed.append(Assumption.complete.value)
        self._add_breakdown(i, parts, exhaustive or _partition(names), nested, named=named, assumed=assumed)

    def _range_end(self, i: int) -> bool:
        """Whether figure i is an end of a range written as two figures ("từ 22 tháng đến 24 tháng")."""
        f = self.f
        return bool(_RANGE_AFTER.match(self.text, f[i].end) or
                    _RANGE_BEFORE.search(self.text, max(0, f[i].start - 30), f[i].start))

    def _pairing_assumed(self, i: int, first: int, parts: list[int], inside: bool) -> list[str]:
        """What pairing whole i with its parts assumed: that a whole with other figures or many
        words between it and its parts' cue is theirs ("36.000 người bị hại và 33 bị cáo, trong
        đó 35.824 …"), and that parts past a semicolon or a year still belong to the list."""
        f, assumed = self.f, []
        between = self.text[f[i].end: f[first].start]
        cues = list(_BREAKDOWN_CUE.finditer(between))
        between = between[: cues[-1].start()] if cues else between   # the words before the cue
        rival = i > 0 and f[i - 1].kind == "qty" and self.same_sentence(i - 1, i) and \
            self.compatible(f[i - 1], f[first]) and ";" not in self.text[f[i - 1].end: f[i].start]
        if not inside and (first - i > 1 or len(LETTER_WORD.findall(between)) > 10 or rival
                           or re.search(r"[,;]\s*[^\W\d_]", between)):
            # another figure could be the whole ("36.000 người bị hại và 33 bị cáo, trong đó …"),
            # or a new clause stands between ("6 đến 10 thuyền, có cơ đặc biệt gồm có 60 …")
            assumed.append(Assumption.paired.value)
        span = self.text[f[parts[0]].end: f[parts[-1]].start]
        announced = ":" in self.gap(first)   # "chia ra: A …; B …": ";" parts its items
        if len(parts) > 1 and ((";" in span and not announced) or _YEAR_WORD.search(span)):
            assumed.append(Assumption.list_bounds.value)
        return assumed

    def _named_units(self, w: Figure, first: int, parts: list[int]) -> list[str]:
        """Units named once among a count's parts: "7 đơn vị hành chính, gồm thị xã Thủ Dầu Một (tỉnh
        lỵ) và 6 huyện"; "6 đơn vị hành chính, bao gồm 5 huyện: A, …, E, thị xã Tuyên Quang và 134 đơn
        vị … cấp xã" (the thị xã is no huyện: the list of the 5 ended before it)."""
        f = self.f
        last = parts[-1]
        end = f[last + 1].start if last + 1 < len(f) and self.same_sentence(last, last + 1) else \
            next((e for e in self.sentence_ends if e >= f[last].end), len(self.text))
        head = re.split(r"\bgồm\b:?", self.gap(first))[-1]
        counted = {_unit_kind(f[k].noun) for k in parts}
        span = head + " " + self.text[f[first].end: end]
        return [m.group(0) for m in _NAMED_UNIT.finditer(span) if _unit_kind(m.group(0)) not in counted]

    def _item_without_figure(self, parts: list[int]) -> bool:
        """Whether the list goes on after its last part with an item that states no figure:
        the rest of the sentence, asides in parentheses left out, opens with "và X" or ", X"."""
        last = self.f[parts[-1]]
        end = next((e for e in self.sentence_ends if e >= last.end), len(self.text))
        tail = self.text[last.end:end]
        while re.search(r"\([^()]*\)", tail):
            tail = re.sub(r"\([^()]*\)", "", tail)
        tail = tail.split(")", 1)[-1] if last.depth else tail   # leave the last part's own parenthesis
        tail = re.split(r";", tail, 1)[0]
        # "và cam, bưởi …", ", cam và bưởi …": more items; ", được quy hoạch …" is no item
        return bool(re.match(r"^\s*,?\s*và\s+[^\W\d_]{2,}|^\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s+và\s", tail))

    def _add_breakdown(self, i: int, parts: list[int], exhaustive: bool, nested: bool = False,
                       same_whole_ok: bool = False, name: str | None = None, named: list[str] = (),
                       assumed: list[str] = ()) -> None:
        f, w = self.f, self.f[i]
        if _AVERAGE.search(_label(self.gap(i))[-60:]) or any(_EXTREME.search(_label(self.gap(k))) for k in parts):
            return   # an average and its extremes ("trung bình 55 km (chỗ hẹp nhất 50 km, …)") add up to nothing
        at = self.locate(w.start)
        places = [(self.locate(f[k].start), f[k].text) for k in parts]
        if any(b.location == at and (len(b.parts) >= len(parts) if not same_whole_ok
                                     else [(c.value.location, c.value.text) for c in b.parts] == places)
               for b in self.out.breakdowns):
            return
        values = self.operands(w, *(f[k] for k in parts))
        self.out.breakdowns.append(Breakdown(
            whole_name=name or (self._counted_noun(i) if _CONTAINER.match(w.measure) else self._name(
                i, re.sub(r"^(?:trong\s+)?(?:tổng\s+)?số\b\s*", "", _label(self.gap(i)), flags=re.IGNORECASE), prefer_after=False)),
            whole=values[0], unit=w.measure or None,
            parts=[Component(name=self._name(k, _label(self.gap(k))), value=v) for k, v in zip(parts, values[1:])]
            + [Component(name=unit, value=Value(text="1", lo=1, hi=1, point=1, decimals=0, location=self.locate(w.start)))
               for unit in named],
            exhaustive=exhaustive, nested=nested, location=self.locate(w.start), assumed=list(assumed)))

    def _counted_noun(self, i: int) -> str:
        """What figure i counts, in full: "đơn vị hành chính cấp xã" of "241 đơn vị hành chính cấp xã gồm"."""
        m = re.match(r"\s*([^\d,;:()]{1,50}?)\s*(?:,|\b(?:bao gồm|gồm|trực thuộc|được)\b|$)", self.text[self.f[i].end:])
        return m.group(1).strip() if m else self.f[i].noun

    def shares_as_breakdowns(self) -> None:
        """Parts whose shares of one total are stated ("thành thị 111.300 người (13,88%) …
        nông thôn 690.400 người (86,12%)") are a breakdown of that total too."""
        by_total: dict[int, list[int]] = {}
        for part_i, total_i in self.share_of.items():
            by_total.setdefault(total_i, []).append(part_i)
        for total_i, parts in list(by_total.items()):
            # a sentence naming two or more parts is a split of its own ("đường do trung ương …
            # 10,75%; … do xã … 75%. Chất lượng: đá dăm … 19,14%; nhựa … 17,38%"); one part
            # per sentence ("Dân số thành thị … (13,88%). Dân số nông thôn … (86,12%).") is one split
            by_sentence: dict[int, list[int]] = {}
            for k in parts:
                by_sentence.setdefault(self.sentence_start(self.f[k].start), []).append(k)
            if len(by_sentence) > 1 and all(len(g) >= 2 for g in by_sentence.values()):
                del by_total[total_i]
                for g in by_sentence.values():
                    self._shares_split(total_i, g, separate=True)
        for total_i, parts in by_total.items():
            self._shares_split(total_i, parts)

    def _shares_split(self, total_i: int, parts: list[int], separate: bool = False) -> None:
        if len(parts) < 2:
            return
        parts = sorted(parts)
        # "nam … (49,75%) và nữ … (50,35%); … đô thị … (42,2%) và nông thôn … (57,8%)": two splits
        split = _splits(self.f[total_i].value, [self.f[k].value for k in parts])
        for group in (split[0] if split else [list(range(len(parts)))]):
            idx = [parts[k] for k in group]
            self._add_breakdown(total_i, idx, _partition([_fold(_label(self.gap(k))) for k in idx]),
                                same_whole_ok=bool(split) or separate)

    # -- counts ----------------------------------------------------------------------------
    def counts(self) -> None:
        for m in _COUNT.finditer(self.text):
            self._count(m)
        for m in _COUNT_OF_KIND.finditer(self.text):   # "có 10 xã trực thuộc, bao gồm các xã: A, B, …"
            if m.group("kind").casefold() == m.group("noun").casefold():
                self._count(m)
        for m in _COUNT_NAMED.finditer(self.text):
            self._count(m, colon=False)

    def _count(self, m: re.Match, colon: bool = True) -> None:
        """A count and the list after it; ``colon``: the list is announced by a colon, and one that
        follows in the next paragraphs is the count's (without one, the list is in the sentence)."""
        n_text = m.group("n")
        n = parse_count(n_text)
        if n is None or n < 2 or n > 300:
            return
        noun = " ".join(m.group("noun").split())
        if re.search(r"[\d,]", noun) or noun.split(" ")[0].casefold() in STOP_NOUNS | _NOT_COUNTED \
                or len(noun.split()) > 7:
            return   # "9 đơn vị hành chính trực thuộc, bao gồm các quận:" counts no list
        if n_text[:1].isupper() and not n_text.isupper():
            return   # a name: "Má Tám Nhung"
        if noun[:1].isupper() and not noun.isupper() and (noun.isascii() or not self.text[:m.start()].strip(" *-+•")):
            return   # a title or a heading: "100 Decisive Battles:", "16 Ví dụ:"; but "có 8 Tiết độ:" counts
        before = self.text[max(0, m.start() - 40): m.start()]
        if re.search(r"\d[\d.]*\s+[^\W\d_]+(?:\s+[^\W\d_]+)?(?:\s+(?:với|và)|\s*,)\s+$", before) or \
                re.search(r"\d[\d.]*(?:\s+[^\W\d_]+){1,3}\s+(?:từ|trong số|trên tổng số|trên)\s+$", before):
            return   # "10 tổng với 79 làng …:", "2 phủ, 4 huyện: A (a, b), B (c, d)": the list names the first count's items
        if _NOT_A_COUNT_BEFORE.search(before):
            return   # "Quốc lộ 14 đi qua …:", "05 hoặc 07 thành viên"
        if n_text.casefold() == "năm" and _YEAR_NOUN_BEFORE.search(before):
            return   # "hằng năm", "mỗi năm": the year, not five
        stated = Value(text=n_text, lo=n, hi=n, point=n, decimals=0, location=self.locate(m.start("n")))
        rest = self.text[m.end():]
        if self.text.count("(", 0, m.start()) > self.text.count(")", 0, m.start()):
            rest = rest.split(")", 1)[0]   # "Nội Ô (gồm 4 khu: 1A, 1B, 2, 3)": the list ends with its parenthesis
        if not colon:
            rest = _SENTENCE_END.split(rest, 1)[0]   # the list ends with its sentence
        if not rest.strip():
            if colon:
                self.out.open_count = (noun, stated, self.locate(m.start()))
            return
        items, at_least, joins, assumed = _list_items(rest, noun)
        if len(items) < 2 and not at_least:
            return
        body = _list_body(rest)
        ands = sum(1 for m in re.finditer(r"\s(?:và|hoặc)\s", body) if _long_sides(body, m))
        if ands and len(items) - ands <= n < len(items):
            # "3 ngành: …, Kỹ thuật và Khoa học máy tính": the last "và" joins the list, or one name;
            # a "và" inside a name can only make the items fewer, never more
            assumed.add(Assumption.list_bounds.value)
        if all(re.match(r"\d[\d.]*\s+[^\W\d_]", piece) for piece in _split_items(_list_body(rest))[0]):
            self._counted_parts(m, len(rest))   # "241 đơn vị … gồm: 29 phường, 14 thị trấn, 190 xã"
            return
        if any(len(item.split()) > 12 for item in items) or _unbalanced(rest, items):
            return   # clauses, not a list ("3 ngọn hải đăng: một ngọn được xây dựng trên …")
        if n != len(items) and len(_semicolon_items(rest)) == n:
            return   # "năm yếu tố: thể chế, chính sách …; nhân lực …; …; và …": items split at semicolons
        self.out.counts.append(StatedCount(what=noun, stated=stated, items=items, at_least=at_least,
                                           fewest=len(items) - joins if joins else None,
                                           location=self.locate(m.start()), assumed=sorted(assumed)))


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_SPAN = re.compile(r"(?:1[89]|20)\d\d\s*[-–]\s*(?:1[89]|20)\d\d")   # "1965-2005": a period, no quantity
_ANNOUNCED_AFTER = re.compile(r"[^.;:\d]{0,30}\b(?:như sau|sau đây|cụ thể)\s*:", re.IGNORECASE)   # "…, 79 xã như sau:"
_SPLIT_CUE = re.compile(r"\b(?:chia\s+ra|chia\s+theo|phân\s+theo|phân\s+ra)\b", re.IGNORECASE)   # a split, all of it
_YEAR_WORD = re.compile(r"\b(?:năm|tháng)\s+\d|\b(?:19|20)\d\d\b", re.IGNORECASE)


def _closes_before(text: str, start: int, end: int) -> bool:
    """Whether a parenthesis open at ``start`` closes before ``end``: a cue inside an aside
    ("(trong đó …)") whose list ends with it; a whole inside one ("(188 quốc gia, trong đó …)")
    whose parts end with it."""
    depth = 0
    for ch in text[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return True
    return False


_RANGE_AFTER = re.compile(r"\s*(?:đến|tới|-|–)\s*\d")
_RANGE_BEFORE = re.compile(r"\d(?:\s*[^\W\d_]+){0,2}\s+(?:đến|tới)\s*$|\d\s*[^\W\d_]{0,3}\s*[-–]\s*$")
_NEW_WHOLE = re.compile(r"\btổng\s+(?:số|cộng)\b", re.IGNORECASE)


def _from_sector(text: str) -> str:
    """The text from its sector's name on: "…, khu vực nông, lâm nghiệp …" → "khu vực nông, …"."""
    sector = _SECTOR_START.search(text)
    return text[sector.start():] if sector else text


_SECTOR_START = re.compile(r"\b(?:khu vực|ngành|thuế)\b", re.IGNORECASE)


def _sector_name(label: str) -> str:
    """A sector's name in a clause about its share: "cơ cấu kinh tế chuyển dịch đúng hướng, khu vực nông,
    lâm nghiệp và thủy sản năm 2021 chiếm tỷ trọng" → "khu vực nông, lâm nghiệp và thủy sản"."""
    label = _from_sector(label)
    label = re.sub(r"^(?:tỷ trọng|tỉ trọng)\s+(?:của\s+)?", "", label, flags=re.IGNORECASE)
    label = re.sub(r"(?:\s+(?:năm\s+(?:19|20)\d\d|chiếm|tỷ trọng|tỉ trọng|giảm|tăng|từ))+\s*$", "", label, flags=re.IGNORECASE)
    return label.strip(" ,:")


def _year(text: str) -> int | None:
    m = _YEAR.search(text)
    return int(m.group(0)) if m else None


def _unit_kind(name: str) -> str:
    """The administrative kind a name or counted noun opens with: "thị xã Phú Thọ" → "thị xã"."""
    m = re.match(r"(?:thành phố|thị xã|thị trấn|đặc khu|[^\W\d_]+)", name.strip(), re.IGNORECASE)
    return m.group(0).casefold() if m else ""


def _unbalanced(rest: str, items: list[str]) -> bool:
    """Whether the list's parentheses fail to close ("Định Quán (… 26 km, Tân Phú (…)"): no count
    can be read from it."""
    body = _list_body(rest)
    return body.count("(") != body.count(")")


def _long_sides(body: str, m: re.Match) -> bool:
    """Whether the words around a "và" could make one name with it: a side of three words or
    more ("Kỹ thuật và Khoa học máy tính"); between two short names ("…, Yên Bình và Yên Trung")
    it joins the list."""
    left = re.split(r"[,;:(]", body[: m.start()])[-1].split()
    right = re.split(r"[,;(]", body[m.end():])[0].split()
    return len(left) >= 3 or len(right) >= 3


def _list_body(rest: str) -> str:
    end = _ITEM_END.search(rest)
    return rest[: end.start()] if end else rest


def _semicolon_items(rest: str) -> list[str]:
    """The items of a list whose items are separated by semicolons, up to the sentence's end."""
    end = re.search(r"\.(?=\s|$)|\n", rest)
    body = rest[: end.start()] if end else rest
    if ";" not in body:
        return []
    return [p for p in (re.sub(r"^\s*(?:và|hoặc)\s+", "", piece).strip() for piece in body.split(";")) if p]


# An organisation's units under their common name, and the kinds it is made of.
_ORG_WHOLE = re.compile(r"^(?:đơn vị|cơ quan|tổ chức)\b", re.IGNORECASE)
_ORG_UNITS = frozenset({"vụ", "cục", "chi", "phòng", "ban", "trung", "viện", "trường", "sở", "văn", "thanh", "trạm",
                        "bệnh", "tổng", "đơn", "cơ", "tổ", "hội", "đội", "khoa", "bộ"})
# Between a share and the share it moved to: "32,78% giảm còn 30,29%", "từ 67,22% tăng lên 69,71%",
# "25,5% năm 2020 xuống 22,3%", "(năm 2020) lên".
_TRANSITION = re.compile(r"\s*(?:\(?\s*(?:năm\s+)?(?:19|20)\d\d\s*\)?\s*)?,?\s*(?:(?:giảm|tăng)\s*)?"
                         r"(?:xuống|lên|còn|đến|tới)(?:\s+(?:mức|còn))?\s*", re.IGNORECASE)
# "Trong mức tăng chung 9,6%", "Trong mức tăng trưởng 8,5% của toàn nền kinh tế": a growth that the
# sectors' contributions, in percentage points, add up to.
_GROWTH_SHARED = re.compile(r"\b(?:trong|với)\s+(?:tổng\s+)?mức\s+tăng(?:\s+trưởng)?(?:\s+chung)?"
                            r"(?:\s+(?:của\s+)?(?:toàn\s+)?(?:nền\s+kinh\s+tế|GRDP|GDP|tỉnh))?\s*(?:là|đạt)?\s*",
                            re.IGNORECASE)
_POINTS = re.compile(r"^điểm(?:\s+phần|\s*%|$)", re.IGNORECASE)
# Words that count occurrences of what follows them: "lần mục tiêu" counts mục tiêu.
_CLASSIFIERS = frozenset({"lần", "lượt", "số"})
_POPULATION_WHOLE = re.compile(r"\b(?:dân số|số dân|tổng cộng|tổng số|toàn (?:tỉnh|huyện|thành phố|thị xã|xã|vùng|quốc))\b",
                               re.IGNORECASE)
_MONEY = frozenset({"đồng", "usd", "vnđ", "vnd"})
_AREA_UNITS = frozenset({"ha", "km2", "km²", "m2", "m²"})


_VOTE = re.compile(r"\b(?:biểu quyết|tán thành|phiếu|tín nhiệm|bầu cử|đại biểu)\b", re.IGNORECASE)


def _ratio_holds(fraction: Figure, result: Figure) -> bool:
    """Whether a fraction gives the rate beside it, within both's rounding."""
    from ..intervals import ratio_percent

    computed = ratio_percent(fraction.numerator.interval, fraction.denominator.interval)
    return computed.overlaps(result.value.interval)


def _without_qualifier(fig: Figure) -> Figure:
    """The figure with its qualifier read as a preposition: "trên 1.390.000 người" as "out of"."""
    value = plain_value(fig.number) or fig.value
    return Figure(fig.number_at, fig.end, fig.number, value, fig.kind, fig.unit, fig.noun, fig.exponent, None,
                  depth=fig.depth, form=fig.form, number_at=fig.number_at, number=fig.number)


def _measures(part: Figure, base: str) -> bool:
    """Whether a figure can be a part of what a base word names: people of "dân số", an area
    of "diện tích", money of "GRDP"."""
    base = base.casefold()
    if base == "tổng số":
        return True
    if base in ("dân số", "số dân"):
        return not part.unit and _person(part.noun.casefold() or "người")
    if base == "diện tích":
        return part.unit.casefold() in _AREA_UNITS
    if not part.unit:   # "49,6 tỷ (chiếm 15% tổng mức đầu tư)": money whose currency goes unsaid
        return not part.noun and part.exponent >= 6
    return part.unit.casefold() not in _AREA_UNITS | {"km", "m"}   # money


def _person(noun: str) -> bool:
    """Whether a counted noun counts people ("người", "nhân khẩu", "dân"), not "dân tộc"."""
    words = noun.split()
    return noun in _PERSON or (words[0] in _PERSON and noun not in _NOT_PERSON) or words[-1] == "dân"   # giáo dân, cư dân


def _splits(whole: Value, parts: list[Value]) -> list[list[int]]:
    """Consecutive groups of parts that each add up to the whole, when the parts fall into
    two or more such groups; [] otherwise."""
    groups, current, lo, hi = [], [], Decimal(0), Decimal(0)
    for k, v in enumerate(parts):
        current.append(k)
        lo, hi = lo + v.interval.lo, hi + v.interval.hi
        if len(current) >= 2 and lo <= whole.interval.hi and hi >= whole.interval.lo:
            groups.append(current)
            current, lo, hi = [], Decimal(0), Decimal(0)
    return [groups] if len(groups) >= 2 and not current else []


def group_indices(groups: list[list[int]], parts: list[int]) -> list[list[int]]:
    return [[parts[k] for k in g] for g in groups]


def _partition(names: list[str]) -> bool:
    """Whether labels name a whole completely: "… còn lại", "khác", nam/nữ, thành thị/nông thôn,
    or the segments of a length ("đoạn qua tỉnh A …, đoạn qua tỉnh B …"; "phần trên lãnh thổ …")."""
    if any(_REST.search(n) for n in names):
        return True
    if len(names) >= 2 and all(re.search(r"(?:^|[,:]\s*|\s)(?:đoạn|phần)\s+(?:qua|trên|thuộc|nằm)\b", n) for n in names):
        return True
    return _complementary(names)


def _each_names_one(clauses: list[str]) -> bool:
    """Whether the clauses name the members of one known split, each clause its own member
    ("đường do tỉnh quản lý …; … do huyện …; … do xã …"), not all of them in one clause."""
    from itertools import permutations

    for members in _PARTITIONS:
        if len(members) != len(clauses):
            continue
        if any(all(m.search(c) for m, c in zip(order, clauses)) for order in permutations(members)):
            return True
    return False


def _complementary(names: list[str]) -> bool:
    """Whether the names are the members of one known split ("ngân sách trung ương" and
    "ngân sách địa phương"; nhà nước, ngoài nhà nước and FDI)."""
    for members in _PARTITIONS:
        if len(members) != len(names):
            continue
        # the labels run into each other ("nam và … nữ"; "… nông thôn và 38% sống ở … đô thị"): read together
        joined = " | ".join(names)
        if all(m.search(joined) for m in members):
            return True
    return False


def _subject(text: str) -> str:
    """What a comparison is about: the label of its figure, in its own clause."""
    pieces = [p for p in re.split(r",\s", _label(text)) if p.strip()]
    return pieces[-1].strip() if pieces else ""


def _negated(v: Value) -> Value:
    return v.model_copy(update={"lo": -v.hi, "hi": -v.lo, "point": -v.point if v.point is not None else None,
                                "lo_closed": v.hi_closed, "hi_closed": v.lo_closed})


def _whole_words(name: str, after: str) -> str:
    """A name cut at a length, without the piece of a word the cut left ("… mạnh mẽ th")."""
    if after[:1].isalpha() and " " in name:
        name = name.rsplit(" ", 1)[0]
    return name.strip()


def _groups(values: list[Value]) -> list[list[int]]:
    """Split a run of shares into the structures it holds: consecutive groups that each
    close at 100% within their rounding ("nặng 34,1% và nhẹ 65,9%; quốc doanh 62,7%, …");
    one group when the whole run can close at 100% or no split closes every group. A share
    left alone after the groups that close is no component."""
    from ..intervals import interval_sum

    hundred = Decimal(100)
    whole = interval_sum(v.interval for v in values)
    if whole.lo <= hundred + Decimal("0.5") or len(values) < 3:
        return [list(range(len(values)))]
    groups, current, lo, hi = [], [], Decimal(0), Decimal(0)
    for k, v in enumerate(values):
        current.append(k)
        lo, hi = lo + v.interval.lo, hi + v.interval.hi
        if len(current) >= 2 and lo <= hundred <= hi:
            groups.append(current)
            current, lo, hi = [], Decimal(0), Decimal(0)
    if len(current) == 1 and groups:
        return groups   # "thành thị 31,9%, nông thôn 68,1%, … lao động 58.8%": the last is a share of its own
    if current or len(groups) < 2:
        return [list(range(len(values)))]
    return groups


# "gồm 7 huyện:", "có 6 ấp:", "bao gồm 8 đảo (hòn):", "gồm có 5 bộ tư lệnh khu vực (…):"
_COUNT = re.compile(
    r"(?<![\w.,/])(?P<n>\d{1,3}|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+\w+)?)\s+"
    r"(?P<noun>(?!(?:gồm|có|bao|là|như)\b)[^\W\d_][^\d:;.()\[\]]{0,50}?)\s*(?:\([^()]{0,80}\))?\s*"
    r"(?:,?\s*(?:là|gồm|bao\s+gồm|gồm\s+có)\b|như sau|sau)?\s*:(?!\d)",   # "có 9 phường, gồm: …"
    re.IGNORECASE)
# A count whose list follows without a colon, announced by words that can only open the list:
# "4 xã là các xã A, B, C", "03 ô đất có ký hiệu BDX-01, BDX-02, BDX-03".
_COUNT_NAMED = re.compile(
    r"(?<![\w.,/])(?P<n>\d{1,3})\s+(?P<noun>[^\W\d_]+(?:\s[^\W\d_]+){0,2}?)\s*,?\s+"
    r"(?:(?:là|gồm|bao\s+gồm)\s+các\s+(?P=noun)|có\s+ký\s+hiệu(?:\s+là)?)\s+(?=\S)", re.IGNORECASE)
# A count named again before its list: "có 10 xã trực thuộc, bao gồm các xã:" (but "9 đơn vị hành
# chính trực thuộc, bao gồm các quận:" lists only the quận: the kinds must agree).
_COUNT_OF_KIND = re.compile(
    r"(?<![\w.,/])(?P<n>\d{1,3})\s+(?P<noun>[^\W\d_]+(?:\s[^\W\d_]+)?)\s+trực\s+thuộc\s*,?\s*(?:bao\s+)?gồm\s+"
    r"(?:các\s+)?(?P<kind>[^\W\d_]+(?:\s[^\W\d_]+)?)\s*:(?!\d)", re.IGNORECASE)
_YEAR_NOUN_BEFORE = re.compile(r"\b(?:hằng|hàng|mỗi|cả|các|những|nhiều|trong|mấy|vài)\s*$", re.IGNORECASE)
_NOT_A_COUNT_BEFORE = re.compile(r"(?:\b(?:quốc lộ|tỉnh lộ|đường|hoặc|đến|tới|khoảng|gần|trên|hơn|ít nhất|tối thiểu|"
                                 r"tối đa|không quá|điều|khoản|điểm|mục|chương|số|năm|ngày|tháng|lớp|khối|xe|loại|hạng|khóa|cấp|tuyến|"
                                 r"phòng|tầng|lô|ô|tờ|thửa)|[-–])\s*$",   # "lớp 10 THPT", "xe 29 chỗ": an attribute
                                 re.IGNORECASE)
# Counted nouns whose list after a colon is never of them: time, clauses, multipliers; the
# floors of a building ("ký túc xá 8 tầng …: thư viện, nhà ăn") describe it, they are not listed.
_NOT_COUNTED = frozenset({"năm", "tháng", "ngày", "giờ", "lần", "điều", "khoản", "phần", "triệu", "tỷ", "nghìn",
                          "tầng"})
_ADMIN = re.compile(r"^(?:thành phố|thị xã|thị trấn|huyện|quận|tỉnh|phường|xã|đặc khu|tp\.?)\s", re.IGNORECASE)
_NAMED_UNIT = re.compile(r"(?<![\d\w])(?:thành phố|thị xã|thị trấn|huyện|quận|phường|xã|đặc khu)"
                         r"(?:\s+[A-ZĐÀ-Ỹ][^\s,;:()]*)+")
_CONTAINER = re.compile(r"^(?:đơn vị|đô thị|ĐVHC|thành viên|đơn vị hành chính)\b", re.IGNORECASE)
_GROUP_ITEM = re.compile(r"(?:và\s+)?(?:các|những|một\s+số|một\s+vài|nhiều)\s", re.IGNORECASE)
_ITEM_END = re.compile(r"\.(?=\s|$)|;|\n")


def _list_items(rest: str, noun: str) -> tuple[list[str], bool, int, set[str]]:
    """The items of a list after its colon, whether the list is open ("…", "v.v."), at
    how many "và" it was split before its last item (the one before the last item joins the
    list; any other may join the words of one name: "Sở Tài nguyên và Môi trường"), and what
    reading it assumed (plancheck.certainty): where it ends and splits, what its items name."""
    end = _ITEM_END.search(rest)
    body = rest[: end.start()] if end else rest
    doubts: set[str] = set()
    seen: set[str] = set()
    if end and end.group(0) == ";" and re.match(r"\s*[^\W\d_]", rest[end.end():]):
        doubts.add(Assumption.list_bounds.value)   # "4 tổ chức: A, B; C và D": the list may go on past ";"
    at_least = bool(re.search(r"(?:…|\.\.\.|v\.v|vv)\s*$", body.strip())) or bool(
        re.search(r"(?:…|\.\.\.)\s*$", rest[: (end.end() if end else len(rest))].strip()))
    pieces, joined = _split_items(body)
    opened: list[bool] = []   # per item: whether a "và" opens it
    other_kind = 0            # items of another administrative kind than the noun counted
    items: list[str] = []
    names = bool(pieces) and (pieces[0][:1].isupper() or pieces[0][:1].isdigit())
    noun_head = noun.split(" ")[0].casefold()
    for k, piece in enumerate(pieces):
        piece = piece.strip(" *“”\"'")
        if not piece or piece in ("…", "..."):
            continue
        if (sub := re.match(r"^(?:(?:là|gồm|có)\s+)?(\d{1,3})\s+([^\W\d_]+)[^:]*:", piece)):
            # "10 đơn vị: A, B và 8 huyện: …": 8 of the 10; "7 quận: là 4 quận cũ: … và 3 quận mới: …"
            if (items or k) and _CONTAINER.match(noun) or (k == 0 and sub.group(2).casefold() == noun_head):
                items.extend(f"{sub.group(0).rstrip(':')} ({j}/{sub.group(1)})" for j in range(1, int(sub.group(1)) + 1))
                if sub.group(2).casefold() == noun_head:
                    rest_pieces = pieces[k + 1:]
                    for later in rest_pieces:   # the next sub-count of the same kind
                        more = re.match(r"^(?:và\s+)?(\d{1,3})\s+([^\W\d_]+)[^:]*:", later.strip())
                        if more and more.group(2).casefold() == noun_head:
                            items.extend(f"{more.group(0).rstrip(':')} ({j}/{more.group(1)})"
                                         for j in range(1, int(more.group(1)) + 1))
            break
        if re.match(r"^(?:…|\.\.\.|v\.v)", piece):
            at_least = True
            break
        if re.fullmatch(r"\([^()]*\)", piece):
            continue   # "Thạch An, (châu lỵ ở Đông Khê), Nguyên Bình": an aside, no item
        if _GROUP_ITEM.match(piece):
            at_least = True   # "Chủ tịch, Phó Chủ tịch và các thành viên": a group stands for the rest
            break
        admin = _ADMIN.match(piece)
        if admin and names and admin.group(0).strip().casefold() != noun_head and k > 0:
            # "3 tỉnh: A, B, C và Thành phố Hồ Chí Minh": the city may be no tỉnh, or one of
            # three units merged ("3 tỉnh: Quảng Nam, Quảng Tín và thành phố Đà Nẵng")
            items.append(_trim_name(piece))
            other_kind += 1
            break
        if names and not (piece[:1].isupper() or piece[:1].isdigit()):
            if any(p.strip(" *“”\"'")[:1].isupper() for p in pieces[k + 1:]):
                # "…, Tam Chúc, chùa Cổ Lễ và Núi Non Nước": a name written in lower case, the
                # list going on after it; where it ends is a guess
                doubts.add(Assumption.list_bounds.value)
            break    # a name list ends where the words are no name: "… Thái Bình và chỉ là …"
        if names:   # "Thường trực: Lê Thị Bình": the role before the name is no item
            piece = re.sub(rf"^[^:,\d]{{1,25}}:\s+(?=[{VI_UPPER}])", "", piece)
            if piece.casefold() in seen:
                doubts.add(Assumption.items.value)   # a name listed again (with its role): one person
            seen.add(piece.casefold())
        item = _trim_name(piece) if names else piece
        if len(LETTER_WORD.findall(piece)) > 10:
            # an item that is a description or a clause ("thứ nhất là đã tiêu diệt …"): what
            # the items name, and so how many there are, is a guess
            doubts.add(Assumption.items.value)
        items.append(item)
        opened.append(k in joined and len(items) > 1)
    if other_kind:
        doubts.add(Assumption.list_bounds.value)   # the list was cut at a unit of another kind
    return items, at_least, sum(opened[:-1]) + other_kind, doubts


def _split_items(body: str) -> tuple[list[str], set[int]]:
    """Split at commas and "và" outside parentheses; with the indices of the pieces a "và" opens."""
    out, depth, start, i = [], 0, 0, 0
    joined: set[int] = set()
    while i < len(body):
        ch = body[i]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif depth == 0 and ch == ",":
            out.append(body[start:i])
            start = i + 1
        elif depth == 0 and body.startswith(" và ", i):
            out.append(body[start:i])
            joined.add(len(out))
            start = i + 4
            i += 3
        i += 1
    out.append(body[start:])
    kept = [k for k, p in enumerate(out) if p.strip()]
    return [out[k].strip() for k in kept], {n for n, k in enumerate(kept) if k in joined}


def _trim_name(piece: str) -> str:
    """A name without the words that follow it: "Quân Bình với 12.000 hộ" → "Quân Bình"."""
    m = re.match(r"^((?:[\dA-ZÀ-Ỹ][^\s(]*|\([^)]*\)|-|–)(?:\s+(?:[\dA-ZÀ-Ỹ][^\s(]*|\([^)]*\)|-|–))*)", piece)
    return m.group(1) if m else piece
