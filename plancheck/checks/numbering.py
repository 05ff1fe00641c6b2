"""Clause numbering: Điều, khoản, điểm, dotted and Roman sections, enumerations.

Each list of numbered siblings (the children of one unit in the clause tree, of
one label style) should run 1, 2, 3 ... (I, II, III ...; a, b, c, d, đ, e, g ...
for points). Articles, chapters and parts run on through the whole text (or the
appendix they are in) whatever chapter holds them; everything else restarts
under each parent. Bullets ("-", "+") are unnumbered and skipped; quoted text
(amendments) and the forms of an appendix are scopes of their own, and quoted
text is not checked at all: it numbers as the text it amends does.

A list is walked once, keeping the number expected next, and each departure is
explained by the fewest wrong labels, so that one slip gives one finding:

- a label that repeats an earlier one (9.1, 9.1) -> *duplicate*, expected 9.2;
  "d)" repeated where "đ)" belongs is its own problem (*d-for-dd*);
- a label that jumps ahead (1, 2, 4) -> *gap*, expected 3;
- two labels swapped (1, 3, 2), or a jump backwards to a number not used -> *order*;
- a letter outside the Vietnamese alphabet (f, j, w, z) in points, or points
  lettered in the Latin order (a b c d e f) -> *letter*;
- a dotted label whose prefix is not its parent's (2.3 under 3.) while its
  siblings agree with the parent -> *prefix*.

After a wrong label the walk goes on from the number it should have had when
the next label agrees with that (d, d, e: the second d is đ), and from the
written number otherwise (1, 2, 4, 5: only 4 is reported). A list that starts
again at 1 after two or more items is a new list (an unlabelled heading between
them), not an error.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Literal

from ..certainty import Assumption
from ..lexicon import NAMED_ACT, TextKind
from ..models.document import Clause, Document, DocumentStructure, Paragraph
from ..numbers import roman_numeral, roman_value
from ..text import ELISION, STEP_LABEL, VI_UPPER
from .base import CheckKind, Hit, Localized, Params, Subject
from ..lazyre import lazy_compile

VI_LETTERS = "abcdđeghiklmnopqrstuvxy"          # the Vietnamese order of points: no f, j, w, z
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
FOREIGN_LETTERS = frozenset("fjwz")
PROBLEMS = ("duplicate", "gap", "order", "letter", "d-for-dd", "prefix")

# Clauses numbered in a scope of their own: another act's text quoted, a footnote's list.
_OWN_SCOPES = frozenset({"quoted", "footnote"})
_SCOPED = ("part", "chapter", "article")        # numbered through the whole text, not per parent
_UNCHECKED = frozenset({"bullet", "appendix", "form"})
_ARTICLE = lazy_compile(r"^([0-9]+)$")
_NO_NEXT = object()   # there is no next label
_BLANK = lazy_compile(r"[\s.…:;,\-–]*")   # what follows the label of a form's blank line
# A block that hands over to another text: "… quy định:", "… như sau:", "… sau đây:".
_INTRODUCES = lazy_compile(r"(?:quy\s+định|như\s+sau|sau\s+đây|nêu\s+rõ|ghi\s+rõ)[^:]{0,40}:\s*[“\"]?$", re.IGNORECASE)


def _heading_like(text: str) -> bool:
    """A short line with no closing punctuation: "**1. Quy định đối với thí sinh**"."""
    text = text.strip(" *_")
    return len(text.split()) <= 12 and not text.endswith((".", ";", ":", ","))


_ISSUES = lazy_compile(r"\bban hành\b")   # "…, UBND tỉnh ban hành Kế hoạch … như sau:": its own text ("Luật Ban hành …" is a title)


_REGULATES = lazy_compile(r"\bquy\s+định\b", re.IGNORECASE)


def _hands_over(text: str) -> bool:
    """Whether a block hands over to another act's text: it cites one as what regulates what
    follows ("Căn cứ Điều 47 Luật Bảo hiểm xã hội quy định như sau:"); a plan's own "Thực hiện
    Quyết định số …, UBND ban hành Kế hoạch … như sau:" introduces its own text."""
    return bool(_INTRODUCES.search(text)) and bool(NAMED_ACT.search(text)) and bool(_REGULATES.search(text)) \
        and not _ISSUES.search(text)




# -- numbers of one system ------------------------------------------------------------
@dataclass(frozen=True)
class _System:
    """How the numbers of one list are read and written."""

    kind: Literal["arabic", "roman", "letters"]
    alphabet: str = VI_LETTERS
    upper: bool = False
    width: int = 0             # zero-padded arabic numbers ("01.")

    def render(self, value: int) -> str:
        if value < 1:
            return "?"
        if self.kind == "roman":
            return roman_numeral(value)
        if self.kind == "letters":
            letter = self.alphabet[value - 1] if value <= len(self.alphabet) else "?"
            return letter.upper() if self.upper else letter
        return str(value).zfill(self.width)


# -- a list of siblings --------------------------------------------------------------
@dataclass
class _Item:
    clause: Clause
    value: int | None          # None: a letter outside the alphabet in use
    number: str                # the part of the label the list counts ("1" of "9.1")
    prefix: str = ""           # dotted labels: what comes before the counted part ("9.")


@dataclass
class Problem:
    """A label that breaks its list: what it is, and what it should be."""

    problem: str               # one of PROBLEMS
    clause: Clause
    expected: str              # the label expected there, written the way the list writes its labels
    expected_number: str
    fields: dict[str, object] = field(default_factory=dict)
    assumptions: tuple[str, ...] = ()   # what reading it as one list assumed (plancheck.certainty)


class _Walk:
    """The departures from 1, 2, 3 ... in one list: (index, problem, expected value, earlier index)."""

    def __init__(self, values: list[int | None], start: int) -> None:
        self.values = values
        self.start = start
        self.found: list[tuple[int, str, int, int | None]] = []
        self.repaired: dict[int, int] = {}   # index -> the value it should have had
        self.restarts: list[int] = []         # indexes where a new list (or branch) starts

    def run(self) -> "_Walk":
        values, n = self.values, len(self.values)
        expected = self.start
        seen: dict[int, int] = {}           # value -> first index in the current run
        i = 0
        while i < n:
            written = values[i]
            following = values[i + 1] if i + 1 < n else _NO_NEXT
            if written is None:             # a letter outside the alphabet: it holds a place or none
                self._report(i, "letter", expected, None)
                if following != expected:
                    expected += 1
                i += 1
                continue
            if written == expected:
                seen.setdefault(written, i)
                expected, i = written + 1, i + 1
                continue
            if written == self.start and len(seen) >= 2:   # a new list after an unlabelled heading
                self.restarts.append(i)
                seen = {written: i}
                expected, i = written + 1, i + 1
                continue
            if written < expected - 1 and following == written + 1 and len(seen) >= 2:
                # back to an earlier number and on from there: a second branch
                # ("Đối với đề nghị cấp lại: 3. 4. ..." after "... cấp mới: 3. 4. ...")
                self.restarts.append(i)
                seen = {written: i}
                expected, i = written + 1, i + 1
                continue
            if written == expected + 1 and following == expected:   # two labels swapped
                self._report(i, "order", expected, i + 1)
                self.repaired[i + 1] = expected + 1
                seen.setdefault(expected, i)
                seen.setdefault(expected + 1, i + 1)
                expected, i = expected + 2, i + 2
                continue
            earlier = seen.get(written)
            problem = "duplicate" if earlier is not None else "gap" if written > expected else "order"
            if problem == "order":
                earlier = i - 1 if i else None
            self._report(i, problem, expected, earlier)
            if following is _NO_NEXT or following == expected + 1:
                seen.setdefault(expected, i)   # one wrong label: go on from the number it should have
                expected += 1
            elif following == expected:       # one label too many: the next takes the number
                pass
            else:                              # the list goes on from what was written
                seen.setdefault(written, i)
                expected = written + 1
            i += 1
        return self

    def _report(self, i: int, problem: str, expected: int, earlier: int | None) -> None:
        self.found.append((i, problem, expected, earlier))
        self.repaired[i] = expected


# -- the check ---------------------------------------------------------------------
class NumberingParams(Params):
    problem: Literal["duplicate", "gap", "order", "letter", "d-for-dd", "prefix"]


class Numbering(CheckKind):
    """One kind for all numbering rules: each rule reports one ``problem``."""

    name = "numbering"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"label", "expected", "number", "expected_number", "missing", "previous",
                        "previous_line", "previous_at", "parent", "prefix", "where", "letters", "around"})
    Params = NumberingParams

    def run(self, subject: Subject, params: NumberingParams) -> Iterable[Hit]:
        structure = subject.structure
        if structure is None:
            return
        if "numbering" not in subject.derived:   # once for the numbering rules
            subject.derived["numbering"] = numbering_problems(structure, subject.document)
        # An administrative text of no named kind (a header with no type, a page of a law
        # portal) often quotes acts without marking the quotation: that the numbers are its
        # own is an assumption. (An unknown kind is read as a draft's excerpt: its own.)
        kind = subject.plan.document.text_kind
        own = (Assumption.document.value,) if kind is TextKind.other_document else ()
        for problem in subject.derived["numbering"]:
            if problem.problem != params.problem:
                continue
            yield Hit(
                location=problem.clause.location,
                fields={"label": problem.clause.label, "expected": problem.expected,
                        "number": problem.clause.number or "", "expected_number": problem.expected_number,
                        **problem.fields},
                suggestion=f"{problem.clause.label} → {problem.expected}",
                evidence={k: v for k, v in problem.fields.items() if v not in ("", None)},
                assumptions=(*problem.assumptions, *own),
            )


def numbering_problems(structure: DocumentStructure, document: Document | None = None) -> list[Problem]:
    """Every numbering problem of a document.

    With the document, the text is used too: a label missing from the tree may
    stand inside the previous paragraph (a line break lost in extraction) or in
    a table between the two labels, and "2. ........" lines are blanks of a
    form, not sections.
    """
    texts = document.block_texts() if document is not None else {}
    try:
        checker = _Checker(texts)
        problems = checker.check(structure)
        if document is not None:
            problems.extend(checker.steps(document))
    except RecursionError:   # a pathological tree: no findings rather than a crash
        problems = []
    return problems


class _Checker:
    def __init__(self, texts: dict[int, str]) -> None:
        self.texts = texts
        self.problems: list[Problem] = []
        self.accepted: dict[int, set[str]] = {}   # id(clause) -> numbers its children may carry as prefix

    def check(self, structure: DocumentStructure) -> list[Problem]:
        self.parents: dict[int, Clause] = {}
        stack = list(structure.clauses) + list(structure.appendices)
        while stack:
            clause = stack.pop()
            for child in clause.children:
                self.parents[id(child)] = clause
            stack.extend(clause.children)
        self._scope(list(structure.clauses), parent=None)
        for appendix in structure.appendices:
            self._scope([appendix], parent=None)
        self.problems.sort(key=lambda p: (p.clause.block, p.clause.location.line, p.clause.location.column))
        return self.problems

    # A scope: the body, an appendix or a form: articles, chapters and parts run through it.
    def _scope(self, roots: list[Clause], parent: Clause | None) -> None:
        for level in _SCOPED:
            members = [c for c in _in_scope(roots) if c.level == level]
            if members:
                self._list(members, parent=None)
        self._children(roots, parent)
        stack = list(reversed(roots))
        while stack:
            clause = stack.pop()
            if clause.context == "footnote":
                continue
            if clause.context == "quoted":
                # the quoted text's own lists are checked within it ("a)" then "c)" in an enacted
                # khoản); where the quotation starts ("2." alone) is the amended act's business
                # (its points only: a quoted article's khoản run through paragraphs whose tree is
                # less sure than the points of one khoản)
                self._children([c for c in clause.children if c.context == "quoted" and c.level == "point"],
                               clause, quoted=True)
                stack.extend(reversed(clause.children))
                continue
            if clause.level == "form":
                self._scope(clause.children, clause)
                continue
            self._children(clause.children, clause)
            stack.extend(reversed(clause.children))

    def steps(self, document: Document) -> list[Problem]:
        """The step labels of the procedures ("Bước 1", "Bước 2" ...), which the clause tree
        does not hold: each run from "Bước 1" should count on without a repeat or a gap."""
        self.problems = []
        runs: list[list[_Item]] = []
        for clause in _step_labels(document):
            if clause.number == "1" or not runs:
                runs.append([])
            runs[-1].append(_Item(clause, int(clause.number or 0), clause.number or ""))
        for run in runs:
            if len(run) >= 2:
                self._sequence(run, _System("arabic"), run[0].value or 1, parent=None)
        return self.problems

    def _children(self, children: list[Clause], parent: Clause | None, quoted: bool = False) -> None:
        lists: dict[tuple[str, str], list[Clause]] = {}
        for child in children:
            if (child.context in _OWN_SCOPES and not quoted) or child.level in _UNCHECKED or child.level in _SCOPED:
                continue
            lists.setdefault(_style(child), []).append(child)
        for members in lists.values():
            self._list(members, parent, anywhere=quoted)

    def _list(self, members: list[Clause], parent: Clause | None, anywhere: bool = False) -> None:
        """Check one list of siblings; ``anywhere``: it may start at any number (quoted text
        amends "d)" alone)."""
        level = members[0].level
        if level == "dotted":
            self._dotted(members, parent)
            return
        system, items = _read_list(members)
        if not items:
            return
        if system.kind == "letters" and system.alphabet == LATIN_LETTERS and level in ("point", "enum"):
            self._latin_points(items)
        self._sequence(items, system, (items[0].value or 1) if anywhere else 1, parent)

    def _latin_points(self, items: list[_Item]) -> None:
        """Points lettered a b c d e f: one finding where the orders part (e, which should be đ)."""
        for item in items:
            if item.value is not None and item.value >= 5:
                expected = VI_LETTERS[item.value - 1] if item.value <= len(VI_LETTERS) else "?"
                self._add("letter", item, expected, {"letters": _letters(items)})
                return

    def _dotted(self, members: list[Clause], parent: Clause | None) -> None:
        items = [_dotted_item(c) for c in members]
        items = [i for i in items if i is not None]
        if not items:
            return
        depth = items[0].prefix.count(".")
        accepted = self.accepted.get(id(parent), set()) if parent is not None and _holds_dotted(parent, depth) \
            else set()
        system = _System("arabic")
        agrees = [i.prefix[:-1] in accepted for i in items]
        if parent is not None and any(agrees) and all(_stray(items, agrees, k) for k, ok in enumerate(agrees)
                                                       if not ok):
            # the number the children follow: the written one, or the one the parent should have
            votes = {n: sum(i.prefix[:-1] == n for i in items) for n in accepted}
            parent_number = max(sorted(votes), key=lambda n: (votes[n], n == parent.number))
            for item, ok in zip(items, agrees):
                if not ok:
                    self._add("prefix", item, parent_number + "." + item.number,
                              {"prefix": item.prefix[:-1], "parent": parent.label},
                              label_number=parent_number + "." + item.number)
            self._sequence(items, system, 1, parent, prefix=parent_number + ".")
            return
        # No parent to follow: each run of one prefix is a list of its own.
        run: list[_Item] = []
        for item in items + [None]:  # type: ignore[list-item]
            if run and (item is None or item.prefix != run[-1].prefix):
                self._sequence(run, system, run[0].value or 1, parent, prefix=run[0].prefix)
                run = []
            if item is not None:
                run.append(item)

    def _sequence(self, items: list[_Item], system: _System, start: int, parent: Clause | None,
                  prefix: str | None = None) -> None:
        walk = _Walk([i.value for i in items], start).run()
        for index, item in enumerate(items):
            numbers = {item.clause.number or ""}
            if index in walk.repaired:
                numbers.add(_full(item, system.render(walk.repaired[index]), prefix))
            self.accepted[id(item.clause)] = numbers
        # a list whose lead hands over to another text ("Điều 3 Luật … quy định như sau:") is that text's
        quoted_list = bool(items) and self._introduced(items[0].clause)
        for index, problem, expected, earlier in walk.found:
            item = items[index]
            if self._blank(item.clause):
                continue   # the blanks of a form hold their place in the list; they are not reported
            wanted = system.render(expected)
            if problem == "duplicate" and system.kind == "letters" and (item.number or "").lower() == "d" \
                    and wanted.lower() == "đ":
                problem = "d-for-dd"
            extra: dict[str, object] = {}
            if earlier is not None and 0 <= earlier < len(items):
                extra["previous"] = items[earlier].clause.label
                extra["previous_line"] = items[earlier].clause.location.line
                extra["previous_at"] = _place(items[earlier].clause.location)
            elif index:
                extra["previous"] = items[index - 1].clause.label
                extra["previous_line"] = items[index - 1].clause.location.line
                extra["previous_at"] = _place(items[index - 1].clause.location)
            if problem == "gap" and item.clause.elided_before:
                continue   # "1." "[...]" "3.": the elision left "2." out
            if problem == "gap" and item.value is not None:
                last = item.value - 1
                if index == 0 and len(items) < 2:
                    continue   # a lone label that does not start at 1: too little to go on
                values = list(range(expected, min(last, expected + 5) + 1))
                skipped = [_relabel(item.clause, _full(item, system.render(v), prefix)) for v in values]
                after = items[index - 1].clause if index else parent
                present = self._written_between(skipped, after, item.clause)
                if len(present) == len(values):
                    continue
                while 0 in present:   # the first labels skipped are there (in a table): the gap starts later
                    present = {i - 1 for i in present if i}
                    values = values[1:]
                    expected = values[0]
                wanted = system.render(expected)
                extra["missing"] = wanted if last <= expected else f"{wanted}–{system.render(last)}"
            if problem == "letter":
                extra["letters"] = _letters(items)
            extra["around"] = ", ".join(i.clause.label for i in items[max(0, index - 1):index + 3])
            assumed = []
            if problem == "gap" and index == 0 and parent is None and item.clause.level not in _SCOPED:
                # a list standing alone that starts at 5 may be an excerpt; under an article a
                # khoản list starts at 1, and articles, chapters and parts run through the
                # whole text, so "Điều 2" first is a gap of its own
                assumed.append(Assumption.one_list.value)
            before = items[earlier].clause if earlier is not None and 0 <= earlier < len(items) else \
                items[index - 1].clause if index else None
            if quoted_list or (before is not None and self._quoting_between(before, item.clause)):
                assumed.append(Assumption.own_text.value)   # "Điều 3 Luật … quy định:" then its own "1."
            if problem == "duplicate" and not item.prefix and system.kind == "arabic" and before is not None \
                    and item.clause.level not in _SCOPED and self._two_levels(before, item):
                # "**1. Quy định chung**" then "1. Có mặt …": a heading and an item of the list under
                # it, numbered alike; or "1." again after a lead ending in ":" ("… các nội dung sau:")
                assumed.append(Assumption.one_list.value)
            self._add(problem, item, wanted, extra, label_number=_full(item, wanted, prefix), assumed=assumed)

    def _add(self, problem: str, item: _Item, expected_number: str, extra: dict[str, object],
             label_number: str | None = None, assumed: list[str] = ()) -> None:
        clause = item.clause
        full = label_number or expected_number
        expected = _relabel(clause, full)
        fields = {"missing": "", "previous": "", "previous_line": "", "previous_at": "", "parent": "", "prefix": "",
                  "letters": "", "around": "", "where": self._where(clause), **extra}
        self.problems.append(Problem(problem, clause, expected, full, fields, tuple(assumed)))

    def _two_levels(self, earlier: Clause, item: _Item) -> bool:
        """Whether a label repeating an earlier one may stand at another level: one is a heading
        (a short line, no closing punctuation) and the other an item of running text, or a "1."
        opens a new list after a lead ending in ":"."""
        label = item.clause
        if _heading_like(self.texts.get(earlier.block, "")) != _heading_like(self.texts.get(label.block, "")):
            return True
        return item.value == 1 and self.texts.get(label.block - 1, "").rstrip(" *_").endswith(":")

    def _introduced(self, first: Clause, reach: int = 3) -> bool:
        """Whether one of the few blocks before a list's first label hands over to another text."""
        for block in range(first.block - 1, max(-1, first.block - 1 - reach), -1):
            if _hands_over(self.texts.get(block, "").strip(" *_")):
                return True
        return False

    def _quoting_between(self, after: Clause, before: Clause) -> bool:
        """Whether a block between two labels of one list hands over to another act's text
        ("Khoản 2 Điều 5 Nghị định … quy định:") or marks an elision ("…"): the later label may be
        that text's own, numbered as it is."""
        for block in range(after.block + 1, before.block):
            text = self.texts.get(block, "").strip(" *_")
            if _hands_over(text) or ELISION.fullmatch(text):
                return True
        return False

    def _blank(self, clause: Clause) -> bool:
        """A numbered blank of a form: "2. ......................", or a label with no words at all."""
        if clause.level not in ("clause", "dotted", "point", "enum"):
            return False
        text = self.texts.get(clause.block, "").replace("*", " ").replace("_", " ")
        at = text.find(clause.label)
        if at < 0:
            return False
        rest = text[at + len(clause.label):]
        return bool(_BLANK.fullmatch(rest))

    def _written_between(self, labels: list[str], after: Clause | None, before: Clause) -> set[int]:
        """Which of ``labels`` (their indexes) stand inside the blocks from ``after`` to just
        before ``before``: labels the tree does not hold because their line break was lost
        ("2.4. Về kiểm tra ... a) Là đầu mối"), or because they are in a table (items 1-5
        in prose, 6-10 in a table, 11 in prose)."""
        if after is None or not self.texts:
            return set()
        # "9.Cảng …": a label run into its first word is still written there; "5, 6, 7. Sđd …":
        # notes sharing one text write their numbers together
        patterns = {i: re.compile(rf"(?:^|(?<=\s)|(?<=\d,)){re.escape(label)}(?=\s|[{VI_UPPER}])"
                                  + (rf"|(?:^|(?<=[\s,])){re.escape(label[:-1])}(?=(?:,\s*\d+)+\.\s)"
                                     if label.endswith(".") else ""))
                    for i, label in enumerate(labels)}
        present: set[int] = set()
        for block in range(after.block, max(after.block + 1, before.block)):
            text = self.texts.get(block, "").replace("*", " ")
            start = 0
            if block == after.block:   # after the label that opens the earlier unit ("Điều 1." holds "1.")
                at = text.find(after.label)
                start = at + len(after.label) if at >= 0 else 1
            present |= {i for i, p in patterns.items() if i not in present and p.search(text, start)}
            if len(present) == len(labels):
                break
        return present

    def _where(self, clause: Clause) -> str:
        """The units that hold the label, outermost first, ready to stand before
        it: "Điều 1 › II. › 9. › " ("" for a unit at the top)."""
        chain = []
        parent = self.parents.get(id(clause))
        while parent is not None and len(chain) < 12:
            if parent.level != "bullet":
                chain.append(parent.label)
            parent = self.parents.get(id(parent))
        return "".join(label + " › " for label in reversed(chain))


# -- reading labels -------------------------------------------------------------------
def _step_labels(document: Document) -> Iterator[Clause]:
    """The step labels of a document in reading order, each as a clause of level "step"."""
    for block in document.blocks:
        cells = [block] if isinstance(block, Paragraph) else [c for row in block.rows for c in row.cells]
        for cell in cells:
            # at the start of each source line of it (lines without a blank between are one paragraph)
            for start in sorted({0, *(span.start for span in cell.spans)}):
                match = STEP_LABEL.match(cell.text, start)
                if match is None:
                    continue
                number = match.group(1).lstrip("0") or "0"
                location = cell.locate(cell.text.find("Bước", match.start()))
                yield Clause(level="step", label=f"Bước {match.group(1)}", number=number,
                             location=location, block=block.index)


def _in_scope(roots: list[Clause]) -> Iterator[Clause]:
    """The clauses of a scope in document order, without quoted text and forms (scopes of their own)."""
    stack = list(reversed(roots))
    while stack:
        clause = stack.pop()
        if clause.context in _OWN_SCOPES or clause.level == "form":
            continue
        yield clause
        stack.extend(reversed(clause.children))


def _style(clause: Clause) -> tuple[str, str]:
    """What siblings of one list share: the level and the shape of the label."""
    if clause.level == "dotted":
        return ("dotted", str((clause.number or "").count(".")))
    number = clause.number or ""
    shape = clause.label.replace(number, "#" if number.isdigit() else "x", 1) if number else clause.label
    return (clause.level, shape)


def _read_list(members: list[Clause]) -> tuple[_System, list[_Item]]:
    level = members[0].level
    numbers = [(c.number or "").strip() for c in members]
    if level in ("point", "enum", "alpha") and all(n and not n.isdigit() for n in numbers):
        letters = [n.lower() for n in numbers]
        if letters[0] == "i" and all(roman_value(n.upper()) for n in letters):
            # "(i) …; (ii) …" or "(i)" alone: small roman numerals, not the ninth letter
            return _System("roman"), [_Item(c, roman_value(n.upper()), c.number or "") for c, n in zip(members, letters)]
        if level == "alpha":
            alphabet = VI_LETTERS if "đ" in letters else LATIN_LETTERS   # capitals: Đ is optional
        elif any(n in FOREIGN_LETTERS for n in letters) and "đ" not in letters:
            alphabet = LATIN_LETTERS
        else:
            alphabet = VI_LETTERS
        system = _System("letters", alphabet, upper=level == "alpha")
        items = []
        for clause, letter in zip(members, letters):
            if letter in alphabet:
                items.append(_Item(clause, alphabet.index(letter) + 1, clause.number or ""))
            elif letter in FOREIGN_LETTERS:
                items.append(_Item(clause, None, clause.number or ""))
        return system, items
    if level in ("roman", "chapter", "part", "section") and all(roman_value(n) for n in numbers):
        return _System("roman"), [_Item(c, roman_value(n), c.number or "") for c, n in zip(members, numbers)]
    if level == "part" and not all(n.isdigit() for n in numbers):
        return _System("arabic"), []   # "PHẦN THỨ NHẤT": words, not checked
    width = max((len(n) for n in numbers if n.startswith("0") and n.isdigit()), default=0)
    items = [_Item(c, int(n), c.number or "") for c, n in zip(members, numbers) if n.isdigit()]
    return _System("arabic", width=width), items


def _dotted_item(clause: Clause) -> _Item | None:
    parts = (clause.number or "").split(".")
    if len(parts) < 2 or not all(p.isdigit() for p in parts):
        return None
    return _Item(clause, int(parts[-1]), parts[-1], prefix=".".join(parts[:-1]) + ".")


def _stray(items: list[_Item], agrees: list[bool], k: int) -> bool:
    """Whether the k-th dotted label, whose prefix is not its parent's, is a lone slip: its
    neighbours follow the parent and its own last number continues theirs (2.1, 2.2, 3.3, 2.4).
    Two in a row (2.1, 2.2, 3.1, 3.2) are rather a section whose heading "3." was lost."""
    if k > 0 and not agrees[k - 1] or k + 1 < len(items) and not agrees[k + 1]:
        return False
    value = items[k].value
    if k > 0:
        return value is not None and value == (items[k - 1].value or 0) + 1
    return value == 1 or k + 1 < len(items) and items[k + 1].value == (value or 0) + 1


def _holds_dotted(parent: Clause, depth: int) -> bool:
    """Whether ``parent`` numbers the dotted children of ``depth`` dots (1. holds 1.2; 1.2 holds 1.2.3)."""
    number = parent.number or ""
    if parent.level == "clause":
        return depth == 1
    if parent.level == "dotted":
        return number.count(".") + 1 == depth
    return False


def _full(item: _Item, number: str, prefix: str | None) -> str:
    """The whole number of a label ("9.2" for the counted "2" under "9.")."""
    if item.prefix:
        return (prefix if prefix is not None else item.prefix) + number
    return number


def _relabel(clause: Clause, number: str) -> str:
    """The label with another number, written as the label is ("9.1." -> "9.2.", "d)" -> "đ)")."""
    written = clause.number or ""
    if written and written in clause.label:
        return clause.label.replace(written, number, 1)
    return number


def _letters(items: list[_Item]) -> str:
    return ", ".join(i.number for i in items)


def _place(location) -> Localized:
    """Where an earlier label stands, as its document shows it ("dòng 768", "đoạn 12", "trang 3, dòng 4")."""
    return Localized({lang: location.place(lang) for lang in ("vi", "en")})
