"""The numbered units of a document, as trees.

Vietnamese texts number their parts with a few label kinds: Phần, Chương, Mục,
"Điều 1.", khoản "1.", điểm "a)", dotted sections "1.1.", Roman sections "II.",
enumerations "(1)" and bullets "-" "+". A label opens a unit at the start of a
paragraph; the unit lasts until a label of its own kind or an outer kind comes.

How labels nest is read from the document itself: a label continues the list
of the nearest open unit of the same kind ("2." after "1.", even under "1.1."),
and a kind not yet open becomes a child of the current unit, except that the
fixed hierarchy (Phần > Chương > Mục > Điều > A. > I. > 1. > 1.1. > 1.1.1.) sends
an outer kind outwards. Points, enumerations and bullets have no fixed rank:
documents nest them either way, so the order they first appear in decides.

Appendices ("PHỤ LỤC 01", and attachments such as "QUY ĐỊNH (Ban hành kèm
theo ...)") start trees of their own, where numbering restarts legitimately;
so do the forms inside them ("Mẫu số 01") and amendment text in quotes.
Numbering is not checked here: the trees are built faithfully, duplicates and
gaps included, so that a rule can check the order of siblings.

Levels (Clause.level): part, chapter, section (Mục), article (Điều), alpha
("A."), roman ("II."), clause ("1."), dotted ("1.2."), point ("a)"), enum
("(1)", "1)"), bullet; appendix and form for the roots of their scopes.
Contexts: "appendix 01" (or "appendix QUY ĐỊNH" for an unnumbered attachment)
for everything in an appendix, "quoted" for quoted text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import NORMATIVE_TYPES, type_alternation
from ..models.document import Clause, Document, Paragraph
from ..text import ELISION
from ..lazyre import lazy_compile

__all__ = ["extract_clauses"]


# -- labels -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Label:
    level: str            # Clause.level
    label: str            # as written
    number: str | None
    style: str            # what a sibling must share: "article", "dotted2", "bullet+"
    rank: float | None    # place in the fixed hierarchy; None for points, enumerations, bullets
    start: int            # offset of the label in the paragraph's text
    end: int


_ROMAN = r"X{0,3}(?:IX|IV|V?I{1,3}|V)|X{1,3}"  # I .. XXXIX: higher numerals are letters ("C.", "L.")


@dataclass(frozen=True, slots=True)
class _Kind:
    level: str
    rank: float | None
    pattern: re.Pattern[str]
    heading: bool = False  # the words after it must not start in lower case ("2023. năm" is prose)


_KINDS: list[_Kind] = [
    _Kind("part", 1, re.compile(r"(?P<label>(?:PHẦN|Phần)\s+(?P<number>(?:THỨ|thứ)\s+\w+|[IVXLC]+|[0-9]+))(?!\w)")),
    _Kind("chapter", 2, re.compile(r"(?P<label>(?:CHƯƠNG|Chương)\s+(?P<number>[IVXLC]+|[0-9]+))(?!\w)")),
    _Kind("section", 3, re.compile(r"(?P<label>(?:MỤC|Mục)\s+(?P<number>[0-9]+|[IVXLC]+))(?!\w)"), True),
    _Kind("article", 4, re.compile(r"(?P<label>(?:Điều|ĐIỀU)\s+(?P<number>[0-9]+[a-zđ]?))(?=[ \t]*(?:[.:]|\n|$))")),
    _Kind("roman", 6, re.compile(rf"(?P<label>(?P<number>{_ROMAN})[.)])(?=\s|$)")),
    _Kind("alpha", 5, re.compile(r"(?P<label>(?P<number>[A-ZĐ])\.)(?=\s)"), True),
    _Kind("dotted", 7, re.compile(r"(?P<label>(?P<number>[0-9]{1,2}(?:\.[0-9]{1,2})+)\.?)(?=\s|$)"), True),
    _Kind("clause", 7, re.compile(r"(?P<label>(?P<number>[0-9]{1,2})\.)(?=\s|$)"), True),
    _Kind("point", None, re.compile(r"(?P<label>(?P<number>[a-zđ])\))(?=\s|$)")),
    _Kind("point", None, re.compile(r"(?P<label>(?P<number>[a-zđ])\.)(?=\s)"), True),
    _Kind("enum", None, re.compile(r"(?P<label>\((?P<number>[0-9]{1,3}|[a-zđ])\))(?=\s|$)")),
    _Kind("enum", None, re.compile(r"(?P<label>(?P<number>[0-9]{1,2})\))(?=\s|$)"), True),
    _Kind("bullet", None, re.compile(r"(?P<label>[-–—+•·▪◦●○■□➢►✓])(?=\s)")),
]
_LEAD = lazy_compile(r"[\s*_#>]*")         # markdown emphasis and headings before a label
_QUOTE_LEAD = lazy_compile(r"[\s*_#>]*[“\"]")
_BULLET_STYLE = {"–": "-", "—": "-"}     # dashes typed three ways are one list


def _heading_follows(text: str, position: int) -> bool:
    """Whether what follows ``position`` may start a heading's text: the end, a
    capital, a digit or a quote; not a lower-case word, comma or semicolon."""
    rest = text[position:position + 40].lstrip()
    if not rest:
        return True
    first = rest[0]
    return first.isupper() if first.isalpha() else first not in ",;"


def _style(level: str, label: str, number: str | None) -> str:
    if level == "dotted" and number:
        return f"dotted{number.count('.') + 1}"
    if level == "bullet":
        return "bullet" + _BULLET_STYLE.get(label, label)
    if level in ("point", "enum"):
        # "a)" and "a." are different lists, "(1)" and "(a)" too.
        kind = "#" if number and number.isdigit() else "x"
        return level + label.replace(number or "", kind)
    return level


def _rank(level: str, base: float | None, number: str | None) -> float | None:
    if level == "dotted" and number and base is not None:
        return base + 0.1 * number.count(".")
    return base


def _content_start(plain: str) -> int:
    """Where a paragraph's words start, after markdown emphasis and an opening quote."""
    start = _LEAD.match(plain).end()  # type: ignore[union-attr]
    if start < len(plain) and plain[start] in "“\"":
        start = _LEAD.match(plain, start + 1).end()  # type: ignore[union-attr]
    return start


def _label_at_start(text: str) -> _Label | None:
    """The label a paragraph starts with, after markdown emphasis ("**Điều 1.**")."""
    plain = text.replace("*", " ")
    start = _content_start(plain)
    for kind in _KINDS:
        m = kind.pattern.match(plain, start)
        if m and (not kind.heading or _heading_follows(plain, m.end())):
            return _make_label(kind.level, kind.rank, m)
    return None


def _make_label(level: str, base: float | None, m: re.Match[str]) -> _Label:
    number = m.group("number") if "number" in m.re.groupindex else None
    number = " ".join(number.split()) if number else None
    label = " ".join(m.group("label").split())
    return _Label(level, label, number, _style(level, label, number), _rank(level, base, number),
                  m.start("label"), m.end("label"))


def _title_after(text: str, end: int) -> str:
    line = text[end:].split("\n", 1)[0].replace("*", " ")
    line = line.lstrip(" .:)–-\t")
    return " ".join(line.split())[:200]


# -- appendices -------------------------------------------------------------------
_APPENDIX = lazy_compile(
    r"(?P<label>(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:số|SỐ))?(?:\s+(?P<number>[0-9]+[a-zđ]?|[IVXLC]+|[A-Z])(?!\w))?)")
# An attachment issued with the text: its type heading, then "(Ban hành kèm theo ...)".
_ATTACHMENT = lazy_compile(r"(?P<label>QUY ĐỊNH|QUY CHẾ|DANH MỤC|ĐIỀU LỆ|KẾ HOẠCH|CHƯƠNG TRÌNH|HƯỚNG DẪN|ĐỀ ÁN"
                         r"|PHƯƠNG ÁN|NỘI QUY|BIỂU MẪU)(?!\w)")
_ATTACHED_TO = lazy_compile(r"\(?\s*(?:Ban\s+hành\s+)?(?:kèm|đính\s+kèm)\s+theo", re.IGNORECASE)
_ATTACHED_WITHIN = 5     # paragraphs between the heading and its "(kèm theo ...)"
_FORM = lazy_compile(r"(?P<label>(?:Mẫu|MẪU)\s+(?:số|SỐ)\s+(?P<number>[0-9]+[a-zđ]?))(?!\w)")
_FORM_CODE = lazy_compile(r"(?P<label>BM[-.]?(?P<number>[0-9]{1,3}))")
_FORM_RANK = 0.5         # a form inside an appendix: its numbering restarts too
_SPLIT_HEADING = lazy_compile(r"^(?:PHỤ|Phụ|CHƯƠNG|Chương|PHẦN|Phần|Điều|ĐIỀU|MỤC|Mục|Mẫu|MẪU|Mẫu số)$")
_RECIPIENTS = lazy_compile(r"^\s*N[ơo]i\s+nh[ậa]n\b", re.IGNORECASE)  # "Noi nhận" is a slip seen in print


_FOOTNOTE = lazy_compile(r"^\s*\[[0-9]{1,3}\]\s*\S")   # a footnote's text, as web pages set it at the end
# A paragraph that cites a part of another act and ends announcing its text.
# The acts quoted article by article; "lệnh" is left out: lower case it is a common word ("mệnh lệnh").
_NORMATIVE = type_alternation(NORMATIVE_TYPES, exclude=frozenset({"Lệnh"}))
_FOREIGN_INTRO = lazy_compile(
    r"\b(?:Điều|khoản|điểm|Mục|Chương)\s+[0-9a-zđIVX]+\b(?![^:]{0,200}\bnày\b)[^:]{0,160}?"
    r"\b" + _NORMATIVE + r"\b[^:]{0,200}?"
    r"(?:như sau|cụ thể|quy định)[ \t]*:[\s*_“\"]*$", re.IGNORECASE)
_ENDS_ON_COLON = lazy_compile(r":[\s*_“\"]*$")   # how _FOREIGN_INTRO ends: asked first, it opens on its colon
_ENGLISH_WORDS = frozenset("the of and to is for in shall this with by be are on or that as from under".split())
_VIETNAMESE_LETTER = lazy_compile(r"[đĐăĂâÂêÊôÔơƠưƯ\u0300-\u0323àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)


def _english(text: str) -> bool:
    """Whether a paragraph is English: English words, and (almost) no letter of Vietnamese."""
    head = text[:300]   # a translation's paragraph may run into a Vietnamese one later on
    vietnamese = len(_VIETNAMESE_LETTER.findall(head))
    if vietnamese > len(head) // 100:   # more than the letters allow (the test below, asked first)
        return False
    words = _LATIN_WORD.findall(head)
    if len(words) < 6 or sum(w.casefold() in _ENGLISH_WORDS for w in words) < 3:
        return False
    letters = sum(c.isalpha() for c in head)
    return vietnamese <= letters // 100


_LATIN_WORD = lazy_compile(r"[A-Za-z]+")


def _plain(text: str) -> str:
    return " ".join(text.replace("*", " ").split())


def _heading(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    plain = text.replace("*", " ")
    m = pattern.match(plain, _LEAD.match(plain).end())  # type: ignore[union-attr]
    return m if m and _heading_follows(plain, m.end()) else None


def _appendix_label(text: str, paragraphs: list[Paragraph], i: int, may_attach: bool) -> _Label | None:
    """A heading that starts an appendix: "PHỤ LỤC 01", "Phụ lục số 02", or an
    attachment's type heading followed by its "(kèm theo ...)" line."""
    m = _heading(_APPENDIX, text)
    if m:
        return _make_label("appendix", 0, m)
    m = _heading(_ATTACHMENT, text)
    if m and may_attach and _attached_soon(paragraphs, i):
        return _make_label("appendix", 0, m)
    return None


def _form_label(text: str) -> _Label | None:
    m = _heading(_FORM, text)
    return _make_label("form", _FORM_RANK, m) if m else None


def _form_code_label(text: str) -> _Label | None:
    """A form's code alone on its line ("**BM-09**"), where a decision sets its forms among its
    procedures: the form's own numbering restarts under it."""
    m = _FORM_CODE.fullmatch(_plain(text))
    return _make_label("form", _FORM_RANK, m) if m else None


def _joined_if_split(paragraphs: list[Paragraph], i: int) -> tuple[str, bool]:
    """A heading cut after its first word ("PHỤ" / "LỤC I", "Chương" / "III") read
    whole; True when the next paragraph was used."""
    text = paragraphs[i].text
    if i + 1 < len(paragraphs) and _SPLIT_HEADING.match(_plain(text)):
        return text + " " + paragraphs[i + 1].text, True
    return text, False


def _attached_soon(paragraphs: list[Paragraph], i: int) -> bool:
    return any(_ATTACHED_TO.search(p.text[:80]) for p in paragraphs[i:i + 1 + _ATTACHED_WITHIN])


def _is_appendix_heading(clause: Clause) -> bool:
    return _APPENDIX.match(clause.label) is not None


def _appendix_context(label: _Label) -> str:
    return f"appendix {label.number or label.label}"


# -- the tree -----------------------------------------------------------------------
@dataclass
class _Open:
    label: _Label
    clause: Clause


@dataclass
class _Tree:
    """Clauses being nested: the open units from the outermost in, and the
    stack positions where quoted scopes begin."""

    roots: list[Clause] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    barriers: list[int] = field(default_factory=list)

    @property
    def floor(self) -> int:
        return self.barriers[-1] if self.barriers else 0

    def add(self, label: _Label, clause: Clause) -> None:
        self._close_for(label)
        if self.stack:
            self.stack[-1].clause.children.append(clause)
        else:
            self.roots.append(clause)
        self.stack.append(_Open(label, clause))

    def _close_for(self, label: _Label) -> None:
        """Close the units the new label cannot be inside of."""
        for i in range(len(self.stack) - 1, self.floor - 1, -1):
            if self.stack[i].label.style == label.style:
                del self.stack[i:]  # the next of an open list: a sibling
                return
        while len(self.stack) > self.floor and self._must_close(self.stack[-1].label, label):
            self.stack.pop()

    @staticmethod
    def _must_close(top: _Label, new: _Label) -> bool:
        if new.rank is not None:  # a fixed-rank kind closes whatever is not outside it
            return top.rank is None or top.rank >= new.rank
        # A point or enumeration after bullets belongs beside the bullets' parent.
        return top.level == "bullet" and new.level != "bullet"

    def open_quote(self) -> None:
        self.barriers.append(len(self.stack))

    def close_quote(self) -> None:
        if self.barriers:
            del self.stack[self.barriers.pop():]


class _QuoteState:
    """Whether a paragraph starts inside quoted text (amendment text that runs
    over several paragraphs: '... như sau: “Điều 5. ...' ... '”')."""

    _LIMIT = 400  # paragraphs: an unclosed quote must not swallow the document

    def __init__(self) -> None:
        self.depth = 0
        self.length = 0

    @property
    def inside(self) -> bool:
        return self.depth > 0

    def after(self, text: str) -> None:
        straight = text.count('"') % 2
        self.depth = max(0, self.depth + text.count("“") - text.count("”"))
        if straight:
            self.depth = 0 if self.depth else 1
        self.length = self.length + 1 if self.depth else 0
        if self.length > self._LIMIT:
            self.reset()

    def reset(self) -> None:
        self.depth = self.length = 0


# -- walking the document ---------------------------------------------------------------
def extract_clauses(document: Document) -> tuple[list[Clause], list[Clause]]:
    """(body clauses, appendices): top-level clauses of the body as trees, and
    one tree per appendix with the appendix heading as its root."""
    walker = _Walker([b for b in document.blocks if isinstance(b, Paragraph)])
    walker.walk()
    return walker.body.roots, walker.appendices


class _Walker:
    """Reads the paragraphs in order (tables hold no clauses) into the body's tree
    and the appendices' trees."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.body = self.tree = _Tree()
        self.appendices: list[Clause] = []
        self.context: str | None = None
        self.quotes = _QuoteState()
        self.in_recipients = False
        self.quote_rank: float | None = None   # the rank of the first clause of an open quotation
        # Another act's clauses reproduced without quote marks ("… quy định tại Điều 5 Nghị định số
        # 267/2025/NĐ-CP, cụ thể:" then "1. …", "2. …"): opened by the paragraph that cites them,
        # closed by the first paragraph that is no clause, or a table between.
        self.foreign_next = self.foreign = self.labelled = self.in_footnote = self.elided = False
        self.last_index = -1

    def walk(self) -> None:
        skip = False
        for i, paragraph in enumerate(self.paragraphs):
            if _english(paragraph.text):
                continue   # a translation a website appends ("Article 1. Scope …", "1. The annual …")
            if self.foreign and (paragraph.index != self.last_index + 1 or _label_at_start(paragraph.text) is None):
                self.foreign = False
                self.tree.close_quote()
            if ELISION.fullmatch(paragraph.text):
                self.elided = True   # "[...]": what follows may skip the numbers left out
                continue
            if _FOOTNOTE.match(paragraph.text):   # "[4] Gồm: (i) …; (ii) …": each footnote numbers its own list
                self.tree.close_quote()
                self.tree.open_quote()
                self.in_footnote = True
            self.labelled = False
            if not skip:  # else the second half of a heading cut in two
                skip = self._read(i, paragraph)
            else:
                skip = False
            self.quotes.after(paragraph.text)
            if not self.quotes.inside and not self.foreign and not self.in_footnote:
                self.tree.close_quote()
            self.foreign_next = not self.quotes.inside and bool(_ENDS_ON_COLON.search(paragraph.text)) \
                and bool(_FOREIGN_INTRO.search(paragraph.text)) \
                and not self.labelled   # "1. … theo Điều 79 Luật …, cụ thể:" is a clause of this act
            self.last_index = paragraph.index

    def _read(self, i: int, paragraph: Paragraph) -> bool:
        """Add the paragraph's label, if any; True when it used the next paragraph too."""
        text, joined = _joined_if_split(self.paragraphs, i)
        appendix = _appendix_label(text, self.paragraphs, i, self._may_attach())
        if appendix:
            self._start_appendix(i, joined, text, appendix)
            return joined and appendix.end > len(paragraph.text)
        if _RECIPIENTS.match(paragraph.text.replace("*", " ")):
            self.in_recipients = True  # the recipients' bullets and the signature are no clauses
        label = None if self.in_recipients else (self.context and _form_label(text)) or _form_code_label(text) \
            or _label_at_start(text)
        if label is None:
            return False
        self.labelled = True
        quoted = self.quotes.inside or bool(_QUOTE_LEAD.match(paragraph.text)) or self.foreign or self.foreign_next
        if quoted and self.tree.barriers and not _QUOTE_LEAD.match(paragraph.text) \
                and self._outranks_quote(label):
            # "… như sau: “2. Tỷ lệ vốn …" never closed, then "Điều 2.": a quoted khoản holds no
            # article; the document's own numbering resumes
            self.quotes.reset()
            self.tree.close_quote()
            quoted = self.foreign = self.foreign_next = False
        if quoted and not self.tree.barriers:
            self.tree.open_quote()
            self.quote_rank = label.rank
        if self.foreign_next:
            self.foreign, self.foreign_next = True, False
        context = "quoted" if quoted else "footnote" if self.in_footnote else self.context
        clause = _clause(paragraph, label, context, _title_after(text, label.end))
        clause.elided_before, self.elided = self.elided, False
        self.tree.add(label, clause)
        return joined and label.end > len(paragraph.text)

    def _outranks_quote(self, label: _Label) -> bool:
        """Whether a label ranks above the quotation's first clause (an article after a quoted
        khoản), so that it cannot be part of it."""
        return label.rank is not None and self.quote_rank is not None and label.level == "article" \
            and label.rank < self.quote_rank

    def _may_attach(self) -> bool:
        """An attachment ("QUY ĐỊNH (Ban hành kèm theo ...)") follows the body or
        another attachment; inside a PHỤ LỤC such a heading is a form's, or the
        appendix's own title."""
        if not self.body.roots:
            return False
        last = self.appendices[-1] if self.appendices else None
        return last is None or (not _is_appendix_heading(last) and bool(last.children))

    def _start_appendix(self, i: int, joined: bool, text: str, label: _Label) -> None:
        self.context = _appendix_context(label)
        title = _appendix_title(self.paragraphs, i + joined, text, label)
        root = _clause(self.paragraphs[i], label, self.context, title)
        self.appendices.append(root)
        self.tree = _Tree(stack=[_Open(label, root)])
        self.quotes.reset()
        self.in_recipients = False


def _clause(paragraph: Paragraph, label: _Label, context: str | None, title: str) -> Clause:
    return Clause(level=label.level, label=label.label, number=label.number, title=title,
                  location=paragraph.locate(label.start), block=paragraph.index, context=context)


def _appendix_title(paragraphs: list[Paragraph], last: int, text: str, label: _Label) -> str:
    """The heading's own words, or the line under it ("PHỤ LỤC 01" / "CÁC CHỈ TIÊU ...")."""
    title = _title_after(text, label.end)
    if not title and last + 1 < len(paragraphs) and not _ATTACHED_TO.match(_plain(paragraphs[last + 1].text)):
        title = _plain(paragraphs[last + 1].text)[:200]
    return title
