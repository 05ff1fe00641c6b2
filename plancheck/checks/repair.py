"""Likely fixes for failing arithmetic: one mistyped figure that explains a failure.

After the typo correction of R's ``deductive`` package for balance rules. For a
comparison cell or a structure that does not add up, try the single edits
(plancheck.edits) of each figure taking part in it. An edit is a candidate when
it makes this check hold and breaks no check that holds now and uses the same
figure: a table value is usually an operand of two comparison cells of its row.

Candidates rank by (1) how many other failing checks the edit also mends (a
mistyped value breaks both cells computed from it: restore it rather than edit
a cell), (2) how plausible the slip is (a swap or a digit change, then a
decimal shift, then a separator), (3) how near the recomputed point lands to
the reported figure, relative to the rounding tolerance. The best is suggested
only when no other candidate is as good on (1) and (2). Closeness alone never
decides: published cells agree only within rounding (Sơn La's 106,41 for
51,7 / 48,59 is 106,40 by points), so a nearer candidate is no likelier one.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterator

from ..certainty import approximate
from ..edits import Edit, EditKind, figure_edits
from ..models import Breakdown, Comparison, ComparisonKind, Plan, Structure, Value
from .arithmetic import (QUOTIENT_SLACK, StructureSumParams, breakdown_holds, comparison_holds, computed_interval,
                         computed_point, parts_sum, structure_holds, structure_tolerance, structure_total, within)
from .series import Cells, Key, replace_figure

_FAR = Decimal("Infinity")
# No fix is searched for a check of more figures than any real structure, row or split holds
# (a run-on list of shares): every candidate edit sums all the figures again, so the search
# grows with the square of their number (300 shares: 8 s).
MAX_FIGURES = 40


@dataclass(frozen=True)
class Fix:
    """One edit of one figure that makes a failing check hold."""

    old: Value
    edit: Edit
    also_fixes: int          # other failing checks the edit mends
    closeness: Decimal       # |recomputed − reported| / tolerance, 0 is exact

    @property
    def suggestion(self) -> str:
        return f"{self.edit.old} → {self.edit.new}?"

    def rank(self) -> tuple:
        return (-self.also_fixes, self.edit.kind.plausibility, self.closeness, self.edit.kind)

    def ties(self, other: "Fix") -> bool:
        """As good an explanation: as many checks mended, as plausible a slip."""
        return self.rank()[:2] == other.rank()[:2]

    def evidence(self) -> dict:
        loc = self.old.location
        where = {"at": loc.describe(), "path": loc.path, "line": loc.line, "column": loc.column} if loc else {"at": ""}
        if loc:   # a Word document's position of the figure, for the report to say it in Word's terms
            where.update({k: getattr(loc, k) for k in ("paragraph", "table", "row", "cell", "part", "page", "page_line")
                          if getattr(loc, k) is not None})
        return {**where, "old": self.edit.old, "new": self.edit.new,
                "kind": self.edit.kind.name, "also_fixes": self.also_fixes}


# -- the arithmetic checks of a plan, over replaceable figures ---------------------

class _Arithmetic:
    """A comparison, a structure or a split, with the figures it computes with."""

    item: Comparison | Structure | Breakdown
    # Whether a fix must be the only single edit that mends the check, however plausible the
    # others: a sum is mended by as many edits as it has figures (a part typed "10" for "1",
    # or the whole "250" for "259"), so the kind of slip alone cannot tell them apart.
    only_edit = False

    def figures(self) -> list[Value]:
        raise NotImplementedError

    def replaced(self, key: Callable[[Value], Key], old: Key, new: Value):
        raise NotImplementedError

    def holds(self, item) -> bool | None:
        raise NotImplementedError

    def closeness(self, item) -> Decimal:
        raise NotImplementedError


class _ComparisonArithmetic(_Arithmetic):
    def __init__(self, c: Comparison, quotient_slack: Decimal = QUOTIENT_SLACK) -> None:
        self.item, self.quotient_slack = c, quotient_slack

    def figures(self) -> list[Value]:
        c = self.item
        return [c.value, c.numerator.value, c.denominator.value]

    def replaced(self, key, old, new) -> Comparison:
        return replace_figure(self.item, lambda v: key(v) == old, new)

    def holds(self, item: Comparison) -> bool | None:
        # as the check judges: a density within its slack is reported by no one, so an edit
        # giving it mends the check as well as one giving it exactly
        held = comparison_holds(item)
        if held is False and item.kind == ComparisonKind.quotient and within(item, self.quotient_slack):
            return True
        return held

    def closeness(self, item: Comparison) -> Decimal:
        point = computed_point(item)
        if point is None:
            return _FAR
        tolerance = computed_interval(item).width / 2 + item.value.interval.width / 2
        return _relative(abs(point - item.value.best), tolerance)


class _StructureArithmetic(_Arithmetic):
    def __init__(self, s: Structure, params: StructureSumParams) -> None:
        self.item, self.params = s, params

    def figures(self) -> list[Value]:
        return [c.value for c in self.item.components]  # the total is rarely written, never a typo here

    def replaced(self, key, old, new) -> Structure:
        s = self.item
        components = [dataclasses.replace(c, value=new) if key(c.value) == old else c for c in s.components]
        return dataclasses.replace(s, components=components)

    def holds(self, item: Structure) -> bool | None:
        return structure_holds(item, self.params)

    def closeness(self, item: Structure) -> Decimal:
        written = sum((c.value.best for c in item.components), Decimal(0))
        miss = abs(written - structure_total(item, self.params).mid)
        return _relative(miss, structure_tolerance(item, self.params))


class _BreakdownArithmetic(_Arithmetic):
    only_edit = True

    def __init__(self, b: Breakdown) -> None:
        self.item = b

    def figures(self) -> list[Value]:
        b = self.item
        return [b.whole, *(p.value for p in b.parts if p.value.location != b.whole.location)]   # not a named unit's 1

    def replaced(self, key, old, new) -> Breakdown:
        b = self.item
        parts = [dataclasses.replace(p, value=new) if key(p.value) == old else p for p in b.parts]
        return dataclasses.replace(b, whole=new if key(b.whole) == old else b.whole, parts=parts)

    def holds(self, item: Breakdown) -> bool | None:
        return breakdown_holds(item)

    def closeness(self, item: Breakdown) -> Decimal:
        total = parts_sum(item)
        miss = abs(total.mid - item.whole.interval.mid)
        return _relative(miss, total.width / 2 + item.whole.interval.width / 2)


def _relative(miss: Decimal, tolerance: Decimal) -> Decimal:
    if tolerance > 0:
        return miss / tolerance
    return Decimal(0) if miss == 0 else _FAR


def _as_precise_as(new: Value, old: Value) -> Value:
    """The edited figure read with the precision the original was read with: a whole
    percentage of running text stands for ±0,5 ("57%" is 56,5–57,5), so does its edit."""
    if new.point is None or old.point is None or old.hi - old.lo <= new.hi - new.lo:
        return new
    below, above = old.point - old.lo, old.hi - old.point
    return dataclasses.replace(new, lo=new.point - below, hi=new.point + above)


def _editable(v: Value) -> bool:
    """A figure read as written: no bound ("trên 90%"), no round estimate ("khoảng 5%"); "khoảng
    92.810,79 m2" is read digit for digit (plancheck.certainty.approximate), so a slip can be in it."""
    return v.point is not None and (v.qualifier is None or not approximate([v]))


# -- the search --------------------------------------------------------------------

class Repairs:
    """Likely fixes for the failing arithmetic checks of one plan."""

    def __init__(self, plan: Plan, structure_params: StructureSumParams | None = None,
                 quotient_slack: Decimal = QUOTIENT_SLACK) -> None:
        """``quotient_slack``: the density slack the quotient rule is configured with, so that the
        search judges a mended density as the rule does."""
        self.params = params = structure_params or StructureSumParams()
        self.quotient_slack = quotient_slack
        self.checks: list[_Arithmetic] = [_ComparisonArithmetic(c, quotient_slack) for c in plan.comparisons]
        self.checks += [_StructureArithmetic(s, params) for s in plan.structures]
        self.checks += [_BreakdownArithmetic(b) for b in plan.breakdowns]
        self.key = Cells(plan).key
        self.now = {id(check): check.holds(check.item) for check in self.checks}
        self.uses: dict[Key, list[_Arithmetic]] = defaultdict(list)
        for check in self.checks:
            for k in {self.key(v) for v in check.figures()}:
                self.uses[k].append(check)
        self.by_item = {id(check.item): check for check in self.checks}

    def for_comparison(self, c: Comparison) -> Fix | None:
        if c.kind == ComparisonKind.conversion:
            return None   # a figure and its restatement: a slip in either has its mirror in the other
        return self.best(self.by_item.get(id(c)) or _ComparisonArithmetic(c, self.quotient_slack))

    def for_structure(self, s: Structure) -> Fix | None:
        return self.best(self.by_item.get(id(s)) or _StructureArithmetic(s, self.params))

    def for_breakdown(self, b: Breakdown) -> Fix | None:
        return self.best(self.by_item.get(id(b)) or _BreakdownArithmetic(b))

    def best(self, check: _Arithmetic) -> Fix | None:
        """The fix to suggest: the best candidate, when no other explains the failure as well.
        None when a figure of the check is a range or a bound ("khoảng 5%", "từ 90% trở
        lên"): any value inside it would do, so no single edit says more than another."""
        if len(check.figures()) > MAX_FIGURES:
            return None
        if not all(_editable(v) and any(e.kind <= EditKind.digit for e in figure_edits(v.text, v.point))
                   for v in check.figures()):
            return None   # a figure no slip can be read from ("91.8%", "4276,0") may be the slip itself
        ranked = self.candidates(check)
        if not ranked or (len(ranked) > 1 and (ranked[0].ties(ranked[1]) or
                                               check.only_edit and ranked[0].also_fixes == ranked[1].also_fixes)):
            return None
        return ranked[0]

    def candidates(self, check: _Arithmetic) -> list[Fix]:
        """Every single edit that makes ``check`` hold and breaks nothing that holds, best first."""
        return sorted(self._candidates(check), key=Fix.rank)

    def _candidates(self, check: _Arithmetic) -> Iterator[Fix]:
        seen: set[Key] = set()
        for old in check.figures():
            k = self.key(old)
            if k in seen or not _editable(old):
                continue
            seen.add(k)
            others = [o for o in self.uses[k] if o is not check]
            for edit in figure_edits(old.text, old.point):
                new = _as_precise_as(edit.value(old.location), old)
                mended = check.replaced(self.key, k, new)
                if check.holds(mended) is not True:
                    continue
                also = self._also_fixes(others, k, new)
                if also is not None:
                    yield Fix(old, edit, also, check.closeness(mended))

    def _also_fixes(self, others: list[_Arithmetic], k: Key, new: Value) -> int | None:
        """How many failing checks the edit also mends; None when it breaks one that holds."""
        mended = 0
        for other in others:
            after = other.holds(other.replaced(self.key, k, new))
            before = self.now.get(id(other))
            if (before is True and after is not True) or (before is None and after is False):
                return None
            mended += before is False and after is True
        return mended
