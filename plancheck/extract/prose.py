"""Figures stated in prose and lists: structures, parts of a whole, stated counts, targets.

    "cơ cấu kinh tế: nông, lâm nghiệp và thủy sản 15,31%; công nghiệp và xây dựng 39,6%; ..."
    "- Cơ cấu kinh tế:" followed by "+ Công nghiệp, xây dựng: 58,6%;" items
    "Tỷ lệ lao động qua đào tạo: 74%, trong đó có bằng cấp, chứng chỉ: 36,5%."
    "Gồm 28 chỉ tiêu (phụ lục số 01 kèm theo)"

Only what the text says unambiguously becomes a figure: a list of rates laid out
like a structure but not announced as "cơ cấu" is not a structure, and growth
rates joined by "trong đó" are not parts of a whole.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterator

from ..models import (
    Component,
    Indicator,
    Observation,
    PartOfWhole,
    Period,
    PeriodKind,
    Plan,
    StatedCount,
    Structure,
    Value,
)
from ..models.document import Document, Paragraph
from ..numbers import QUALIFIER, NotANumber, parse_quantity
from ..text import parse_count
from ..units import is_share
from .key_values import key_value_statements
from .lists import list_blocks, list_items_after, read_block
from .named_totals import shares_of_named_totals
from .statements import read_statements
from ..lazyre import lazy_compile

# A figure with its unit: "15,31%", "21-22%", "từ 90% trở lên", "4.180 tỷ đồng".
_PERCENT = lazy_compile(
    rf"(?P<q>{QUALIFIER}\s+)?"
    r"(?P<n>\d[\d.,]*(?:\s*%?\s*(?:-|–|đến)\s*\d[\d.,]*)?)\s*(?P<u>%|‰)"
    r"(?P<up>\s+trở\s+lên)?",
    re.IGNORECASE,
)
_STRUCTURE_HEAD = lazy_compile(r"\b(cơ cấu(?: kinh tế| ngành| lao động| GRDP)?[^:;.]{0,60}?)\s*:\s*", re.IGNORECASE)
_GROWTH_WORDS = lazy_compile(r"\b(tăng|giảm|tốc độ|mức)\b", re.IGNORECASE)
_SHARE_NAME = lazy_compile(r"\b(tỷ lệ|tỉ lệ)\b", re.IGNORECASE)
_TRONG_DO = lazy_compile(r"[,;]?\s*trong đó\s*:?\s*", re.IGNORECASE)
_COUNT = lazy_compile(
    r"\b(?:gồm|có|bao gồm)\s+(?P<n>\d{1,3}|[a-zà-ỹ]+(?:\s+[a-zà-ỹ]+){0,2})\s+"
    r"(?P<what>chỉ tiêu(?: chủ yếu)?|nhiệm vụ|giải pháp|quan điểm|mục tiêu|nhóm nhiệm vụ|nhóm giải pháp|nội dung|chương trình)\b",
    re.IGNORECASE,
)
# what _COUNT counts, one of which a paragraph must hold before the pattern is tried
_COUNTED_WORDS = ("chỉ tiêu", "nhiệm vụ", "giải pháp", "quan điểm", "mục tiêu", "nội dung", "chương trình")
_APPENDIX_REF = lazy_compile(r"phụ lục(?: số)?\s+(?P<n>[0-9IVX]+)", re.IGNORECASE)
_YEAR = lazy_compile(r"\bnăm\s+(20\d\d)\b", re.IGNORECASE)
_BULLET = lazy_compile(r"^\s*([-+–•])\s+")


@dataclass
class _Figure:
    value: Value
    start: int
    end: int


def plan_year(document: Document, title: str | None = None, issued: int | None = None) -> int | None:
    """The year a plan is for: the latest "năm 20xx" of its title, else of its opening paragraphs.

    A vision year ("tầm nhìn đến năm 2050") is no plan year: years past the
    year after the document's own are ignored.
    """
    def usable(years: list[int]) -> list[int]:
        return [y for y in years if issued is None or y <= issued + 1]

    if title and (years := usable([int(y) for y in _YEAR.findall(title)])):
        return max(years)
    years = []
    for p in document.paragraphs()[:15]:
        if "tầm nhìn" not in p.lower:   # (asked once a paragraph: a PDF's may be its whole text)
            years += [int(y) for y in _YEAR.findall(p.text)]
    years = usable(years)
    return max(years) if years else None


def _figures(p: Paragraph, text: str, offset: int = 0) -> list[_Figure]:
    out = []
    for m in _PERCENT.finditer(text):
        raw = m.group(0).strip()
        try:
            q = parse_quantity(raw, p.locate(offset + m.start("n")))
        except NotANumber:
            continue
        out.append(_Figure(q.value, offset + m.start(), offset + m.end()))
    return out


def _label(text: str) -> str:
    """A component's name: the words before its figure, without list punctuation."""
    label = re.sub(r"^[\s;,:+\-–•]+|[\s:;,]+$", "", text)
    label = re.sub(r"\s*(đạt|chiếm|khoảng)$", "", label, flags=re.IGNORECASE)
    return label.strip()


def _structures_listed(paragraphs: list[Paragraph], i: int, period: Period | None) -> Structure | None:
    """"- Cơ cấu kinh tế:" followed by "+ X: 58,6%;" items (each its own paragraph)."""
    head = paragraphs[i]
    m = _STRUCTURE_HEAD.search(head.text) if "cơ cấu" in head.lower else None
    if not m or head.text[m.end():].strip():
        return None
    head_marker = _BULLET.match(head.text)
    components = []
    for p in paragraphs[i + 1:]:
        marker = _BULLET.match(p.text)
        if not marker or (head_marker and marker.group(1) == head_marker.group(1)):
            break
        figs = _figures(p, p.text)
        if len(figs) != 1:
            if len(components) >= 2 and not figs:
                break   # "- Thu ngân sách … đạt 26.000 tỉ đồng": the list of shares has ended
            return None
        components.append(Component(name=_label(p.text[marker.end(): figs[0].start]), value=figs[0].value))
    if len(components) < 2:
        return None
    return Structure(name=_label(m.group(1)), period=period, components=components, unit="%",
                     location=head.locate(m.start()))


_CLAUSE_REACH = 1000   # characters: the longest real clause around a "trong đó" is about 400


def _parts(p: Paragraph, period: Period | None) -> list[PartOfWhole]:
    """"<whole> <figure>, trong đó <part> <figure>" where both figures carry units."""
    out = []
    for m in _TRONG_DO.finditer(p.text) if "trong đó" in p.lower else ():
        # the clause around it, no farther than a long sentence reaches (linear on a paragraph
        # without a full stop: a run-on line would otherwise be read again for each "trong đó")
        window = max(0, m.start() - _CLAUSE_REACH)
        before, after = p.text[window: m.start()], p.text[m.end(): m.end() + _CLAUSE_REACH]
        clause_start = max(before.rfind(";"), before.rfind(". "), -1) + 1
        whole_text = before[clause_start:]
        part_end = re.search(r"[;.](?!\d)", after)
        part_text = after[: part_end.start()] if part_end else after
        whole = _last_quantity(p, whole_text, window + clause_start)
        part = _last_quantity(p, part_text, m.end())
        if whole is None or part is None:
            continue
        (whole_value, whole_unit, whole_name), (part_value, part_unit, part_name) = whole, part
        if _GROWTH_WORDS.search(whole_name) or _GROWTH_WORDS.search(part_name):
            continue  # growth rates and reductions are not parts of a whole
        same_base = True if (whole_unit == part_unit == "%" and _SHARE_NAME.search(whole_name)) else None
        out.append(PartOfWhole(whole_name=whole_name, whole=whole_value, whole_unit=whole_unit,
                               part_name=part_name, part=part_value, part_unit=part_unit or whole_unit,
                               period=period, same_base=same_base, location=part_value.location))
    return out


_QUANTITY = lazy_compile(rf"(?:{QUALIFIER}\s+)?(\d[\d.,]*)\s*(%|‰|tỷ đồng|triệu đồng|nghìn tỷ đồng|triệu USD|người|lao động|"
                       r"lượt|nghìn lượt|ha|xã|doanh nghiệp|hộ)", re.IGNORECASE)


def _last_quantity(p: Paragraph, text: str, offset: int):
    matches = list(_QUANTITY.finditer(text))
    if not matches:
        return None
    m = matches[-1]
    try:
        q = parse_quantity(m.group(0), p.locate(offset + m.start()))
    except NotANumber:
        return None
    name = _label(re.sub(r"\b(đạt|là|ở mức)\b", "", text[: m.start()], flags=re.IGNORECASE))
    return q.value, m.group(2), name


def _stated_counts(document: Document, plan: Plan) -> list[StatedCount]:
    out = []
    paragraphs = document.paragraphs()
    for i, p in enumerate(paragraphs):
        for m in _COUNT.finditer(p.text) if any(w in p.lower for w in _COUNTED_WORDS) else ():
            stated = _count_value(m.group("n"), p.locate(m.start("n")))
            if stated is None:
                continue
            items = _counted_items(p, m, paragraphs, i, plan)
            if items is None:
                continue
            out.append(StatedCount(what=m.group("what"), stated=stated, items=items, listed="rows",
                                   location=p.locate(m.start())))
    return out


def _count_value(text: str, location) -> Value | None:
    n = parse_count(text)
    if n is None:
        return None
    return Value(text=text, lo=n, hi=n, point=n, decimals=0, location=location)


def _counted_items(p: Paragraph, m: re.Match, paragraphs: list[Paragraph], i: int, plan: Plan) -> list[str] | None:
    """What a stated count counts: the numbered rows of the appendix it points to."""
    tail = p.text[m.end(): m.end() + 80]
    if _APPENDIX_REF.search(tail) or (i + 1 < len(paragraphs) and _APPENDIX_REF.search(paragraphs[i + 1].text[:60])):
        numbered = [f"{ind.id}. {ind.name}" for ind in plan.indicators
                    if ind.id and ind.id.isdigit() and ind.location is not None]
        return numbered or None
    return None


def _targets(p: Paragraph, period: Period | None) -> list[Indicator]:
    """"- Thu ngân sách nhà nước trên địa bàn tỉnh: 19.515 tỷ đồng." → an indicator with a plan value."""
    if period is None:
        return []
    m = re.match(r"^\s*(?:[-+–•]\s+|\(\d+\)\s*)?(?P<name>[^:;]{5,120}?)\s*:\s*(?P<value>[^;:]{1,40}?)\s*[.;]?\s*$",
                 p.text)
    if not m:
        return []
    try:
        q = parse_quantity(m.group("value"), p.locate(m.start("value")))
    except NotANumber:
        return []
    unit = q.unit or None
    return [Indicator(name=m.group("name").strip(), unit=unit, values=[Observation(period=period, value=q.value)],
                      location=p.locate(m.start("name")), origin="text")]


# "Phấn đấu thu ngân sách trên địa bàn trong năm 2024 đạt 4.180 tỷ đồng": what, when, how much.
# The figure after "đạt" is found first, then its subject before it: the words back to the
# punctuation or the previous statement, 6 to 160 characters (the same matches as the one
# pattern "(?P<subject>[^.;:!?()]{6,160}?)\s+…đạt…", without retrying it at every character).
_STATEMENT_FIGURE = lazy_compile(
    r"(?P<ws>\s+)(?P<estimate>ước\s+(?:thực\s+hiện\s+)?)?(?P<verb>đạt)\s+"
    rf"(?P<value>(?:{QUALIFIER}\s+)?\d[\d.,]*(?:\s*(?:-|–|đến)\s*\d[\d.,]*)?)"
    r"\s*(?P<unit>%|‰|[^\W\d_]+(?:\s+[^\W\d_]+)?(?:/[^\W\d_]+)*)?(?P<up>\s+trở\s+lên)?",
    re.IGNORECASE)
_SUBJECT_STOP = lazy_compile(r"[.;:!?()]")
_SUBJECT_MIN, _SUBJECT_MAX = 6, 160


class _Statement:
    """A figure after "đạt" and the subject before it, read as the one pattern reads them."""

    __slots__ = ("figure", "subject_start", "subject_end", "estimate")

    def __init__(self, figure: re.Match, subject_start: int, subject_end: int, estimate: bool) -> None:
        self.figure, self.subject_start, self.subject_end, self.estimate = figure, subject_start, subject_end, estimate

    def group(self, name: str) -> str | None:
        if name == "subject":
            return self.figure.string[self.subject_start:self.subject_end]
        if name == "estimate" and not self.estimate:
            return None
        return self.figure.group(name)

    def start(self, name: str) -> int:
        return self.subject_start if name == "subject" else self.figure.start(name)


_VERB_CUE = lazy_compile("đạt", re.IGNORECASE)


def _statement_matches(text: str) -> Iterator[_Statement]:
    """What ``(?P<subject>[^.;:!?()]{6,160}?)\\s+(?P<estimate>ước …)?đạt\\s+<figure>`` finds
    (the leftmost subject, as short as it may be), without retrying it at every character:
    each figure after "đạt" is found first and its subject placed before it."""
    done = 0
    first = _VERB_CUE.search(text)   # "đạt", "ĐẠT" or "Đạt": the first, in whatever case
    if first is None:
        return
    position = max(0, first.start() - 60)
    while (figure := _STATEMENT_FIGURE.search(text, position)) is not None:
        position = figure.start() + 1   # a figure with no room for its subject: the next may take its words
        # where the subject may end: before the whitespace that leads to "ước … đạt", or
        # (the estimate's words then in the subject) to "đạt" itself
        ends = [(figure.start("ws"), figure.end("ws"), True)] if figure.group("estimate") else []
        verb = figure.start("verb")
        gap = len(text[:verb]) - len(text[:verb].rstrip())
        ends.append((verb - gap, verb, False))
        found = None
        for ws_start, ws_end, estimate in ends:
            start = max(done, ws_start - _SUBJECT_MAX)
            stops = [m.end() for m in _SUBJECT_STOP.finditer(text, start, ws_start)]
            if stops:
                start = stops[-1]
            end = max(ws_start, start + _SUBJECT_MIN)   # as short as it may be, 6 characters at least
            if end <= ws_end - 1 and (found is None or start < found[0]):
                found = (start, end, estimate)
        if found is None:
            continue
        done = position = figure.end()
        yield _Statement(figure, *found)


_STATEMENT_YEAR = lazy_compile(r"\s*(?:trong\s+|của\s+|cả\s+)?năm\s+(?P<year>20\d\d)\b", re.IGNORECASE)
# "9 tháng đầu năm 2023", "quý I năm 2024": part of a year, never the year's figure.
_PART_OF_YEAR = lazy_compile(r"\b(?:tháng|quý|đầu\s+năm|cuối\s+năm|nửa\s+năm)\b", re.IGNORECASE)
_STATEMENT_LEAD = lazy_compile(r"^(?:[-+–•]\s*)?(?:phấn\s+đấu|dự\s+kiến|mục\s+tiêu|chỉ\s+tiêu)\s+", re.IGNORECASE)


def _statements(p: Paragraph, year: int | None) -> list[Indicator]:
    """Figures stated in a sentence for a named year: "X năm 2024 đạt Y đơn vị" (a plan
    for the plan year), "X năm 2023 ước đạt Y" (an estimate). A sentence that names no
    year is not taken: in a resolution it may report on the past year or set a target."""
    from ..units import parse_unit

    out = []
    for m in _statement_matches(p.text):
        years = list(_STATEMENT_YEAR.finditer(m.group("subject")))
        if not years or _PART_OF_YEAR.search(m.group("subject")):
            continue
        stated = int(years[-1].group("year"))
        if m.group("estimate"):
            kind = PeriodKind.estimate
        elif stated == year:
            kind = PeriodKind.plan
        else:
            continue
        unit = m.group("unit") or ""
        if unit not in ("%", "‰") and not parse_unit(unit).known:
            first_word = unit.split(" ")[0]
            unit = first_word if parse_unit(first_word).known else ""
        if not unit:
            continue
        written = m.group("value") + (unit if unit in ("%", "‰") else "") + (" trở lên" if m.group("up") else "")
        try:
            q = parse_quantity(written, p.locate(m.start("value")))
        except NotANumber:
            continue
        name = _STATEMENT_YEAR.sub("", m.group("subject")).strip(" ,")
        name = _STATEMENT_LEAD.sub("", name)
        out.append(Indicator(name=name, unit=unit, location=p.locate(m.start("subject")), origin="text",
                             values=[Observation(period=Period(year=stated, kind=kind), value=q.value)]))
    return out


def prose_to_plan(document: Document, plan: Plan, year: int | None = None) -> None:
    """Add what the paragraphs state to ``plan`` (after the tables are in it)."""
    year = year or plan_year(document)
    period = Period(year=year, kind=PeriodKind.plan) if year else None
    paragraphs = document.paragraphs()
    open_shares: list[tuple[int, tuple]] = []
    # where the structures' shares stand, kept as they are added (asked for each paragraph: made
    # again each time, it was quadratic in a document of thousands of structures)
    taken = {c.value.location for s in plan.structures for c in s.components}
    for i, p in enumerate(paragraphs):
        listed = _structures_listed(paragraphs, i, period)
        if listed:
            plan.structures.append(listed)
            taken.update(c.value.location for c in listed.components)
        plan.parts.extend(part for part in _parts(p, period) if is_share(part.whole_unit) and part.same_base)
        plan.indicators.extend(_targets(p, period))
        plan.indicators.extend(_statements(p, year))
        open_shares.extend((i, share) for share in _add_statements(plan, paragraphs, i, period, taken))
    for lead, items in list_blocks(paragraphs):   # a whole and its parts laid out as a list
        _add_found(plan, read_block(paragraphs, lead, items), period, taken)
    # shares of a total the document named in another paragraph ("chiếm 20% tổng diện tích khu")
    compared = {c.value.location for c in plan.comparisons if c.value.location is not None}
    plan.comparisons.extend(shares_of_named_totals(paragraphs, open_shares, compared))
    plan.counts.extend(_stated_counts(document, plan))
    for found in key_value_statements(document.tables()):   # infoboxes read as the sentences they stand for
        _add_found(plan, found, period, taken)


def _add_statements(plan: Plan, paragraphs: list[Paragraph], i: int, period: Period | None,
                    taken: set) -> list[tuple]:
    """What the statement grammar reads in paragraph i (extract.statements), less what the
    list and inline readers above already took (one defect, one finding); returns the shares
    whose total the paragraph names without stating it."""
    p = paragraphs[i]
    if not _FIGURE_OR_COUNT.search(p.text):
        return []
    found = read_statements(p.text, p.locate)
    if i and len(_SHARES_OF_POPULATION.findall(p.text)) >= 2 and not found.comparisons:
        wider = _with_population_before(paragraphs[i - 1], p)
        if wider is not None:
            wider.counts, wider.text_figures, wider.calculations = found.counts, found.text_figures, found.calculations
            wider.open_count = found.open_count
            found = wider
    _add_found(plan, found, period, taken)
    if found.open_count is not None:
        what, stated, location = found.open_count
        items = list_items_after(paragraphs, i)
        if len(items) >= 2:   # one marked paragraph per item: items by construction, however long
            plan.counts.append(StatedCount(what=what, stated=stated, items=items, location=location, listed="rows"))
    return found.open_shares


# "Tày: 216.577 người (chiếm 40,84% dân số), Nùng: 158.114 người (29,81 %)": shares of a
# population the paragraph before states ("Dân số toàn tỉnh là 530.341 người").
_SHARES_OF_POPULATION = lazy_compile(r"\d\s*người\s*\((?:chiếm\s*)?\d[\d,.]*\s*%", re.IGNORECASE)
_POPULATION = lazy_compile(r"[^.;]*\b(?:dân số|số dân)\b[^.;\d]{0,40}\d[\d.]*\s*người[^.;]*", re.IGNORECASE)


def _with_population_before(before: Paragraph, p: Paragraph):
    """The paragraph read after the sentence of the paragraph before that states the population
    its shares are of; statements that lie wholly in that sentence are the paragraph before's."""
    m = _POPULATION.search(before.text)
    if m is None:
        return None
    prefix = m.group(0).strip() + ". "
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))

    def locate(offset: int):
        return before.locate(start + offset) if offset < len(prefix) else p.locate(offset - len(prefix))

    found = read_statements(prefix + p.text, locate)
    first, last = before.locate(start).line, before.locate(start + max(0, len(prefix) - 3)).line
    inside = set(range(first, last + 1))   # the lines of the sentence borrowed from the paragraph before
    found.comparisons = [c for c in found.comparisons if c.value.location and c.value.location.line not in inside]
    # a breakdown of the population before sits where its parts are listed
    found.breakdowns = [dataclasses.replace(b, location=b.parts[0].value.location) for b in found.breakdowns
                        if any(c.value.location and c.value.location.line not in inside for c in b.parts)]
    found.structures = [s for s in found.structures if s.components[0].value.location
                        and s.components[0].value.location.line not in inside]
    return found


def _add_found(plan: Plan, found, period: Period | None, taken: set) -> None:
    """``taken``: where the plan's structures' shares stand (updated here)."""
    for s in found.structures:
        if not any(c.value.location in taken for c in s.components):
            plan.structures.append(dataclasses.replace(s, period=period) if period and not s.period else s)
            taken.update(c.value.location for c in s.components)
    plan.comparisons.extend(found.comparisons)
    plan.breakdowns.extend(found.breakdowns)
    plan.counts.extend(found.counts)
    plan.text_figures.extend(found.text_figures)
    plan.calculations.extend(found.calculations)


_FIGURE_OR_COUNT = lazy_compile(r"\d")
