"""References within one document: parts that must exist, cited documents whose
number must agree with their type, form and date.

Internal references ("khoản 2 Điều 1", "Điều này", "Như Điều 3", "Phụ lục số 01",
"điểm a khoản 1 Điều 2") are resolved against the clause tree; cited documents are
checked against the conventions of Vietnamese document numbers (Nghị định
30/2020/NĐ-CP, Phụ lục III; Hướng dẫn 36-HD/VPTW for party documents):

- state documents: "96/NQ-CP", normative texts with their year "39/2020/NQ-HĐND",
  laws and National Assembly resolutions "103/2023/QH15";
- party documents: "11-NQ/TW", "855-KL/TU";
- the first part of the symbol names the type: NQ Nghị quyết, QĐ Quyết định,
  KL Kết luận, TB Thông báo, TTr Tờ trình ...

Party resolutions restart their numbers each term and state documents without a
year in the number restart each year, so one number with two dates of different
years is two documents, never a conflict.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Iterator


from ..lexicon import (CODE_TYPES, NAMED_ACT, SERIAL, TYPE_CODES, code_name, is_type_code, latin, parse_number,
                       parse_whole_number, squash)
from ..models.document import Cell, Clause, Document, Paragraph, Reference, Table
from ..models.location import Location
from ..packregex import PackPattern, compile_pattern
from ..numbers import roman_value
from ..certainty import Assumption
from ..text import fold
from .base import CheckKind, Hit, Localized, Params, Subject
from ..lazyre import lazy_compile

# -- where a reference stands in the document ------------------------------------------------
Piece = Paragraph | Cell


def _pieces(document: Document) -> Iterator[tuple[Piece, bool]]:
    """Paragraphs and table cells in reading order; True for paragraphs."""
    for block in document.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield cell, False
        else:
            yield block, True


class DocumentText:
    """Finds the piece of text a reference was read from, and its offset there, and
    says whether the reference stands inside quoted text (amendment text quoted from
    another document, whose references are that document's)."""

    _QUOTE_LIMIT = 400   # paragraphs: an unclosed quote must not swallow the document

    def __init__(self, document: Document | None) -> None:
        self._by_line: dict[int, list[tuple[Piece, int, int]]] | None = None   # built on first find
        self.quote_depth: dict[int, int] = {}                        # id(paragraph) -> depth at its start
        self.pieces: list[Piece] = []                                # in reading order
        self.order: dict[int, int] = {}                              # id(piece) -> its place in pieces
        if document is None:
            return
        depth = run = 0
        for piece, is_paragraph in _pieces(document):
            self.order[id(piece)] = len(self.pieces)
            self.pieces.append(piece)
            if is_paragraph:
                self.quote_depth[id(piece)] = depth
                depth = _depth_after(piece.text, depth)
                run = run + 1 if depth else 0
                if run > self._QUOTE_LIMIT:
                    depth = run = 0

    @property
    def by_line(self) -> dict[int, list[tuple[Piece, int, int]]]:
        """line -> (piece, span offset, column): built when a reference is first looked for (a
        document that cites nothing never needs it)."""
        if self._by_line is None:
            self._by_line = {}
            for piece in self.pieces:
                for span in piece.spans:
                    self._by_line.setdefault(span.location.line, []).append(
                        (piece, span.start, span.location.column))
        return self._by_line

    def find(self, location: Location) -> tuple[Piece, int] | None:
        best = None
        for piece, start, column in self.by_line.get(location.line, ()):
            if column <= location.column:
                offset = start + location.column - column
                if offset <= len(piece.text) and piece.locate(offset).line == location.line \
                        and piece.locate(offset).column == location.column:
                    best = (piece, offset)
        return best

    def quoted(self, location: Location) -> bool:
        found = self.find(location)
        if not found:
            return False
        piece, offset = found
        depth = self.quote_depth.get(id(piece))
        if depth is None:   # a table cell
            depth = 0
        return _depth_after(piece.text[:offset], depth) > 0

    def after(self, reference: Reference, limit: int = 200) -> str | None:
        """The text right after the reference as written (its spaces squashed)."""
        found = self.find(reference.location)
        if not found:
            return None
        piece, offset = found
        end = _raw_end(piece.text, offset, reference.text)
        return " ".join(piece.text[end:end + limit].replace("*", " ").split())


def _depth_after(text: str, depth: int) -> int:
    depth = max(0, depth + text.count("“") - text.count("”"))
    if text.count('"') % 2:
        depth = 0 if depth else 1
    return depth


def _raw_end(text: str, start: int, squashed: str) -> int:
    """Where the text that reads ``squashed`` (spaces collapsed) ends, from ``start``."""
    need = len(squashed.replace(" ", ""))
    i = start
    while i < len(text) and need > 0:
        if not (text[i].isspace() or text[i] == "*"):
            need -= 1
        i += 1
    return i


# -- internal references: the clause tree ----------------------------------------------------
_UNITS = ("Phụ lục", "Chương", "Mục", "Điều", "khoản", "điểm")
_LEVEL_OF_UNIT = {"Chương": "chapter", "Mục": "section", "Điều": "article", "khoản": "clause", "điểm": "point"}
_TARGET_PART = lazy_compile(r"(Phụ lục|Chương|Mục|Điều|khoản|điểm)(?:[ ]+(?!này\b)(\S+))?")
THIS = "này"
FOUND, UNKNOWN = "found", "unknown"


def same_number(a: str | None, b: str | None) -> bool:
    """'01' = '1' = 'I' for appendices and chapters; 'a' = 'a' for points."""
    if a is None or b is None:
        return False
    a, b = a.strip(), b.strip()
    if a.casefold() == b.casefold():
        return True

    def value(x: str) -> int | None:
        if x.isdigit():
            return int(x)
        return roman_value(x) if x.isupper() else None

    va, vb = value(a), value(b)
    return va is not None and va == vb


def parse_target(target: str) -> list[tuple[str, str]]:
    """'điểm a khoản 2 Điều 90' -> [('Điều','90'), ('khoản','2'), ('điểm','a')];
    'khoản 1 Điều này' -> [('Điều','này'), ('khoản','1')]; an unnumbered part gives ''."""
    parts = [(m.group(1), m.group(2) or "") for m in _TARGET_PART.finditer(target)]
    if target.rstrip().endswith(" " + THIS) and parts:
        unit, value = parts[-1]
        if not value:
            parts[-1] = (unit, THIS)
    parts.sort(key=lambda p: _UNITS.index(p[0]))
    return parts


@dataclass
class _Node:
    clause: Clause
    ancestors: tuple[Clause, ...]
    scope: int            # -1 body, i for appendix i


def _walk(clause: Clause, ancestors: tuple[Clause, ...], scope: int, out: list[_Node]) -> None:
    out.append(_Node(clause, ancestors, scope))
    for child in clause.children:
        _walk(child, ancestors + (clause,), scope, out)


def _position(location: Location) -> tuple[int, int]:
    return (location.line, location.column)


def _descendants(clause: Clause) -> Iterator[Clause]:
    for child in clause.children:
        yield child
        yield from _descendants(child)


def _of_level(roots: Iterable[Clause], level: str) -> list[Clause]:
    found = []
    for root in roots:
        if root.level == level:
            found.append(root)
        found += [c for c in _descendants(root) if c.level == level]
    return found


def _direct(clause: Clause, level: str) -> list[Clause]:
    """The units of ``level`` directly under ``clause`` (through bullets and enumerations,
    which do not number the law's parts)."""
    found = []
    for child in clause.children:
        if child.level == level:
            found.append(child)
        elif child.level in ("bullet", "enum"):
            found += _direct(child, level)
    return found


def _listing(unit: str, clauses: list[Clause]) -> str:
    numbers = list(dict.fromkeys(c.number for c in clauses if c.number))
    return f"{unit} {', '.join(numbers)}" if numbers else ""


# A point's or a khoản's label anywhere in a text ("a)", "đ)"; "2.", "3 ."), to tell a unit
# that has none from one whose parts the clause reader did not take.
_POINT_LABEL = lazy_compile(r"(?<![\w/(])[a-zđ]\)")
_CLAUSE_LABEL = lazy_compile(r"(?<![\w.,/])\d{1,2}\s?\.(?!\d)")


@dataclass
class Unresolved:
    missing: str          # "Điều 5", "khoản 4 Điều 2"
    available: str        # "Điều 1, 2, 3"
    severity: str | None = None


class ClauseIndex:
    """The clause trees of a document, to resolve its internal references."""

    def __init__(self, clauses: list[Clause], appendices: list[Clause], texts: dict[int, str] | None = None) -> None:
        self.body = clauses
        self.appendices = appendices
        self.texts = texts or {}    # block index -> text: to tell a unit with no parts from one not read
        self._levels: dict[tuple[int | None, str], list[Clause]] = {}
        self.nodes: list[_Node] = []
        for root in clauses:
            _walk(root, (), -1, self.nodes)
        for i, root in enumerate(appendices):
            _walk(root, (), i, self.nodes)
        self.nodes.sort(key=lambda n: _position(n.clause.location))
        self.positions = [_position(n.clause.location) for n in self.nodes]
        self._place = {id(n.clause): k for k, n in enumerate(self.nodes)}
        self.appendix_starts = [_position(a.location) for a in appendices]

    def scope_of(self, location: Location) -> int:
        return bisect_right(self.appendix_starts, _position(location)) - 1 if self.appendices else -1

    def enclosing(self, location: Location) -> tuple[Clause, ...]:
        """The units the location stands in, outermost first, within its own scope."""
        scope = self.scope_of(location)
        i = bisect_right(self.positions, _position(location)) - 1
        while i >= 0 and self.nodes[i].scope != scope:
            i -= 1
        if i < 0:
            return ()
        node = self.nodes[i]
        return node.ancestors + (node.clause,)

    def scope_roots(self, scope: int) -> list[Clause]:
        return self.body if scope < 0 else [self.appendices[scope]]

    def resolve(self, target: str, location: Location) -> Unresolved | None:
        """None when the target exists or cannot be checked; else what is missing."""
        result = self.status(target, location)
        return result if isinstance(result, Unresolved) else None

    def status(self, target: str, location: Location) -> str | Unresolved:
        """"found", "unknown" (cannot be checked: a bare "khoản 2", units the text does
        not number), or what is missing."""
        parts = parse_target(target)
        if not parts:
            return UNKNOWN
        chain = self.enclosing(location)
        scope = self.scope_of(location)
        node: Clause | None = None
        named: list[str] = []
        if parts[0][0] in ("khoản", "điểm") and parts[0][1] != THIS:
            return UNKNOWN   # "khoản 2" alone: of which Điều is for the reader to say
        for unit, value in parts:
            label = f"{unit} {value}".strip() if value != THIS else f"{unit} {THIS}"
            if value == THIS:
                node = self._this(unit, chain, scope)
                if node is None:
                    return UNKNOWN
                named.append(f"{unit} {node.number or ''}".strip())
                continue
            if unit == "Phụ lục":
                result = self._appendix(value)
                if isinstance(result, (Unresolved, str)):
                    return result
                node = result
                named.append(f"{unit} {value}".strip())
                continue
            if not value:
                return UNKNOWN
            level = _LEVEL_OF_UNIT[unit]
            if node is None:
                candidates = self._of_level(scope, level)
                if not any(same_number(c.number, value) for c in candidates):
                    everywhere = self._of_level(None, level)
                    if not everywhere:
                        return UNKNOWN   # the document has no such units: the text cites another one
                    if not any(same_number(c.number, value) for c in everywhere):
                        return Unresolved(label, _listing(unit, candidates or everywhere))
                    candidates = everywhere
            elif unit in ("khoản", "điểm"):
                candidates = _direct(node, level)
                if not candidates:
                    if self._unlabelled(node, unit):   # "điểm d khoản này" in a khoản with no points
                        inside = " ".join(reversed(named))
                        return Unresolved(f"{label} {inside}".strip(), "")
                    return UNKNOWN   # the unit's parts were not read as numbered: nothing to say
            else:
                candidates = _of_level([node], level)
                if not candidates:
                    return UNKNOWN
            match = [c for c in candidates if same_number(c.number, value)]
            if not match:
                inside = " ".join(reversed(named))
                return Unresolved(f"{label} {inside}".strip(),
                                  f"{inside}: {_listing(unit, candidates)}" if inside else _listing(unit, candidates))
            node = match[0]
            named.append(label)
        return FOUND

    def _of_level(self, scope: int | None, level: str) -> list[Clause]:
        """The units of ``level`` in a scope (None: everywhere), listed once per index: a long
        text's references would each walk its whole tree."""
        key = (scope, level)
        found = self._levels.get(key)
        if found is None:
            roots = self.body + self.appendices if scope is None else self.scope_roots(scope)
            found = self._levels[key] = _of_level(roots, level)
        return found

    def _unlabelled(self, node: Clause, unit: str) -> bool:
        """Whether the text of ``node`` (up to the next unit not inside it) holds no label of
        ``unit`` at all ("a)" for points, "2." for khoản): it has none, rather than parts
        the clause reader did not take."""
        if not self.texts:
            return False
        i = self._place.get(id(node))
        if i is None:
            return False
        end = next((n.clause.block for n in self.nodes[i + 1:] if node not in n.ancestors), None)
        last = max(self.texts) if end is None else max(node.block, end - 1)
        pattern = _POINT_LABEL if unit == "điểm" else _CLAUSE_LABEL
        for block in range(node.block, last + 1):
            text = self.texts.get(block, "")
            start = 0
            if block == node.block:
                at = text.find(node.label)
                start = at + len(node.label) if at >= 0 else 0
            if pattern.search(text, start):
                return False
        return True

    def _this(self, unit: str, chain: tuple[Clause, ...], scope: int) -> Clause | None:
        if unit == "Phụ lục":
            return self.appendices[scope] if scope >= 0 else None
        level = _LEVEL_OF_UNIT[unit]
        for clause in reversed(chain):
            if clause.level == level:
                return clause
        return None

    def _appendix(self, value: str) -> Clause | Unresolved | str:
        if not self.appendices:
            return Unresolved(f"Phụ lục {value}".strip(), "", severity="info")
        if not value:
            return FOUND
        numbered = [a for a in self.appendices if a.number]
        if not numbered:
            return UNKNOWN   # unnumbered attachments: which one is meant cannot be told
        for appendix in numbered:
            if same_number(appendix.number, value):
                return appendix
        return Unresolved(f"Phụ lục {value}", _listing("Phụ lục", numbered))


# What follows a part that belongs to another document: "(Quy tắc xuất xứ) của Hiệp định ...",
# "của Luật này" is this one.
_TYPE_WORDS = "|".join(sorted((t.replace(" ", r"\s+") for t in TYPE_CODES.keys() | {
    "Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp", "Hiệp định", "Công ước", "Văn bản", "Công văn", "Điều lệ"}),
    key=len, reverse=True))
_OTHER_OWNER = lazy_compile(
    rf"^(?:\([^()]{{0,120}}\)\s*)?,?\s*(?:của|tại|thuộc|theo|kèm\s+theo|ban\s+hành\s+kèm\s+theo)\s+"
    rf"(?:các\s+)?(?:{_TYPE_WORDS})(?!\w)(?!\s+này)", re.IGNORECASE)


_THIS_OWNER = lazy_compile(rf"^,?\s*(?:của\s+|tại\s+)?(?:{_TYPE_WORDS})\s+này(?!\w)", re.IGNORECASE)
_SENTENCE_END = lazy_compile(r"[.;](?=\s|$)")


_AMENDING = lazy_compile(r"(?<!\w)(?:sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|thay\s+thế|đính\s+chính)(?!\w)", re.IGNORECASE)
_AMENDMENT_BEFORE = lazy_compile(
    r"(?<!\w)(?:sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|thay\s+thế|bỏ\s+cụm\s+từ|thay\s+cụm\s+từ|đính\s+chính)(?!\w)"
    r"[^.;]{0,80}$", re.IGNORECASE)


def _amends(text: DocumentText, reference: Reference) -> bool:
    """'Sửa đổi khoản 2 Điều 5 như sau': the part amended belongs to the amended text."""
    found = text.find(reference.location)
    if not found:
        return False
    piece, offset = found
    return bool(_AMENDMENT_BEFORE.search(piece.text[max(0, offset - 120):offset]))


_LIST_ITEM = lazy_compile(r"^\W{0,3}(?:[a-zđ]\)|[-+•]\s|\d{1,2}[.)]\s)")


def _cites_in_paragraph(text: DocumentText, reference: Reference, cited_before: dict[int, list[int]]) -> bool:
    found = text.find(reference.location)
    return bool(found) and id(found[0]) in cited_before


def _cited_just_before(text: DocumentText, reference: Reference, cited_before: dict[int, list[int]],
                       reach: int = 200) -> bool:
    """Whether an act is named earlier in the reference's sentence ("… tại Luật Các tổ chức tín
    dụng (khoản 17 Điều 4 …)"), or the reference stands in a list item whose lead paragraph cites
    an act and ends with a colon ("… các điều sau của Luật X:" then "b) Điều 42 …")."""
    found = text.find(reference.location)
    if not found:
        return False
    piece, offset = found
    sentence = piece.text[: offset]
    sentence = sentence[max(sentence.rfind(". "), sentence.rfind("; ")) + 1:]
    if NAMED_ACT.search(sentence):
        return True   # "… tại Luật Các tổ chức tín dụng (khoản 17 Điều 4 …)": an act named by its title
    pieces = text.pieces
    at = text.order.get(id(piece))
    if at is None or not _LIST_ITEM.match(piece.text):
        return False
    for p in reversed(pieces[max(0, at - reach): at]):   # back over the list's items to its lead
        if not _LIST_ITEM.match(p.text):
            return id(p) in cited_before and p.text.rstrip(" *_").endswith(":")
    return False


def _follows_citation(text: DocumentText, reference: Reference, cited_before: dict[int, list[int]]) -> bool:
    """Whether the sentence cites another document before the reference, which then
    names parts of that document ("... của Luật Di sản văn hóa số 45/2024/QH15, bao
    gồm: điểm d khoản 3 Điều 7, khoản 4 Điều 13 ...")."""
    found = text.find(reference.location)
    if not found:
        return False
    piece, offset = found
    for end in cited_before.get(id(piece), ()):
        if end <= offset and not _SENTENCE_END.search(piece.text, end, offset):
            return True
    return False


class InternalReference(CheckKind):
    """A reference to a part of this document names a part that exists."""

    name = "internal_reference"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "target", "missing", "available"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        structure = subject.structure
        if structure is None:
            return
        texts = subject.document.block_texts() if subject.document is not None else {}
        index = ClauseIndex(structure.clauses, structure.appendices, texts)
        text = document_text(subject)
        # A text that amends another ("Sửa đổi, bổ sung một số điều của Quyết định số ...")
        # names the other's parts; only "Điều này", "Nghị quyết này" are surely its own.
        amending = bool(structure.header.title and _AMENDING.search(structure.header.title))
        cited_before: dict[int, list[int]] = {}   # id(piece) -> where external citations end
        for reference in structure.references:
            if not reference.internal:
                found = text.find(reference.location)
                if found:
                    piece, offset = found
                    cited_before.setdefault(id(piece), []).append(_raw_end(piece.text, offset, reference.text))
        for reference in structure.references:
            if not reference.internal or not reference.target:
                continue
            if text.quoted(reference.location) or _quoted_in_paragraph(text, reference):
                continue   # an amendment's quoted text: its "khoản này" is the amended act's
            after = text.after(reference)
            if after is not None and _OTHER_OWNER.match(after):
                continue
            anchored = (after is not None and bool(_THIS_OWNER.match(after))) or THIS in reference.target.split()
            if not anchored and (amending or _follows_citation(text, reference, cited_before)
                                 or _amends(text, reference)):
                continue
            problem = index.resolve(reference.target, reference.location)
            if problem is None:
                continue
            if not anchored and _cited_just_before(text, reference, cited_before):
                continue   # "… các điều sau của Luật Đấu thầu:" then "b) Điều 42 …": that law's articles
            yield Hit(
                location=reference.location,
                fields={"text": reference.text, "target": reference.target, "missing": problem.missing,
                        "available": problem.available or "—"},
                severity=problem.severity,
                evidence={"target": reference.target},
                # without "này", in a paragraph that cites another act, it may name one of that act's
                assumptions=(Assumption.own_text.value,) if not anchored and _cites_in_paragraph(
                    text, reference, cited_before) else (),
            )


# -- cited documents ----------------------------------------------------------------------------
def document_text(subject: Subject) -> DocumentText:
    """The document's pieces located, built once for the rules that find references in them."""
    if "document_text" not in subject.derived:
        subject.derived["document_text"] = DocumentText(subject.document)
    return subject.derived["document_text"]


def _own_citations(subject: Subject) -> list:
    """The references of the document's own words: a citation inside quotation marks (a quoted
    title in the references, a quoted passage) is written as its source wrote it, and is no
    citation the document can correct. Found once for the citation-form rules."""
    if "own_citations" not in subject.derived:
        text = document_text(subject)
        subject.derived["own_citations"] = [r for r in subject.structure.references
                                            if r.internal or not _quoted_in_paragraph(text, r)]
    return subject.derived["own_citations"]


def _quoted_in_paragraph(text: DocumentText, reference) -> bool:
    """Whether the reference stands between quotation marks opened in its own paragraph (a
    quotation running on from paragraphs before is the amendment rules' business: web pages
    leave quotes unclosed too often to carry them further here)."""
    found = text.find(reference.location)
    if not found:
        return False
    piece, offset = found
    before = piece.text[:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


class SymbolType(CheckKind):
    """The type word of a citation agrees with the type code of its symbol:
    "Kết luận số 176/TB-VPCP" cites a Thông báo."""

    name = "symbol_type"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "type", "number", "code", "code_type", "expected_vi", "expected_en"})

    class Params(Params):
        # A Công văn's symbol names its issuer ("3129/SNV-TCBC"); one that starts with one of
        # these codes followed by an issuer is another type of document.
        letter_codes: list[str] = field(default_factory=lambda: ["TTr", "QĐ", "NQ", "NĐ", "TB", "BC", "KH"])

    def run(self, subject: Subject, params: "SymbolType.Params") -> Iterable[Hit]:
        if subject.structure is None:
            return
        letter_codes = {c.casefold() for c in params.letter_codes}
        for reference in _own_citations(subject):
            if reference.internal or not reference.doc_type:
                continue
            number = parse_number(reference.number, reference.symbol)
            if number is None or not number.code:
                continue
            code_type = code_name(number.code)
            if code_type is None:
                continue
            doc_type = reference.doc_type
            if doc_type == "Công văn":
                if latin(number.code).casefold() not in letter_codes or not _STATE_ISSUER.match(number.issuer):
                    continue
                expected_vi = "ký hiệu của công văn chỉ gồm tên viết tắt của cơ quan, đơn vị ban hành"
                expected_en = "a Công văn's symbol names only its issuer, with no type code"
            else:
                codes = TYPE_CODES.get(doc_type)
                if codes is None or any(latin(number.code).casefold() == c.casefold() for c in codes):
                    continue
                expected = " hoặc ".join(sorted(codes))
                expected_vi = f"{doc_type} mang mã {expected}"
                expected_en = f"a {doc_type} carries {expected.replace(' hoặc ', ' or ')}"
            yield Hit(
                location=reference.location,
                fields={"text": reference.text, "type": doc_type, "number": reference.number,
                        "code": number.code, "code_type": code_type,
                        "expected_vi": expected_vi, "expected_en": expected_en},
                suggestion=_type_suggestion(doc_type, code_type, reference.number),
            )


def _type_suggestion(doc_type: str, code_type: str, number: str | None) -> str:
    if doc_type == "Kết luận" and code_type == "Thông báo":
        return f"Kết luận số {number} → Thông báo kết luận số {number}"
    return f"{doc_type} → {code_type}?"


# Issuers: party bodies end their symbols ("NQ/TW", "KL/TU"); state bodies follow the type
# code with a hyphen ("NQ-CP", "QĐ-UBND", "TTr-SNV").
_PARTY_ISSUER = lazy_compile(r"^(?:TW|TƯ|TU|HU|QU|ThU|TxU|ĐU|ĐUK|BCSĐ|ĐĐ|[A-ZĐ]{1,8}TW)$", re.IGNORECASE)
# A ministry's code ("BTC", "BYT") is a state issuer; a board ending in a Party committee's code
# ("BTGDVTU": Ban Tuyên giáo và Dân vận Thành ủy) is the Party's, and a steering board ("BCĐ")
# sits under either, so its form says nothing.
_STATE_ISSUER = lazy_compile(
    r"^(?:CP|TTg|VPCP|UBND|HĐND|UB|UBTVQH[0-9]*|QH[0-9]*|(?!BCĐ)B[A-ZĐ]{2,9}(?<!TW)(?<!TU)(?<!HU)(?<!QU)(?<!ĐU)|"
    r"S[A-ZĐ]{2,9})(?:-|$)")


class PartyStateForm(CheckKind):
    """Party documents are numbered '11-NQ/TW', state documents '96/NQ-CP': a citation that
    writes one in the other's form ('06/NQ-TU') is mixed."""

    name = "party_state_form"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "number", "form", "form_vi", "expected"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        if subject.structure is None:
            return
        for reference in _own_citations(subject):
            if reference.internal:
                continue
            number = parse_number(reference.number, reference.symbol)
            if number is None or number.serial is None or not number.code:
                continue
            serial = SERIAL.match(reference.number or "").group(1)  # type: ignore[union-attr]
            if not number.party and _PARTY_ISSUER.match(number.issuer):
                expected, form = f"{serial}-{number.code}/{number.issuer}", "party"
            elif number.party and _STATE_ISSUER.match(number.issuer) and not number.issuer.upper().endswith("TW"):
                middle = f"/{number.year}" if number.year else ""
                expected, form = f"{serial}{middle}/{number.code}-{number.issuer}", "state"
            else:
                continue
            yield Hit(
                location=reference.location,
                fields={"text": reference.text, "number": reference.number, "form": form,
                        "form_vi": "văn bản của Đảng" if form == "party" else "văn bản nhà nước",
                        "expected": expected},
                suggestion=f"{reference.number} → {expected}",
            )


class AssemblyResolution(CheckKind):
    """National Assembly resolutions are numbered like laws, '103/2023/QH15': no NQ- part."""

    name = "assembly_resolution_number"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "number", "expected"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        if subject.structure is None:
            return
        for reference in _own_citations(subject):
            if reference.internal:
                continue
            number = parse_number(reference.number, reference.symbol)
            if number is None or number.party or number.serial is None or not number.code:
                continue
            if latin(number.code).casefold() != "nq" or not re.fullmatch(r"QH[0-9]{2}", latin(number.issuer)):
                continue
            year = number.year or (reference.date.year if reference.date else None)
            serial = SERIAL.match(reference.number or "").group(1)  # type: ignore[union-attr]
            expected = f"{serial}/{year or 'năm'}/{number.issuer}"
            yield Hit(
                location=reference.location,
                fields={"text": reference.text, "number": reference.number, "expected": expected},
                suggestion=f"{reference.number} → {expected}",
            )


class MalformedSymbol(CheckKind):
    """A symbol that cannot be found as written: a missing hyphen ('92/2017/NĐCP'),
    look-alike Cyrillic or Greek letters ('NQ-СР'), O for Q in 'QH15'."""

    name = "malformed_symbol"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "number", "problem", "expected"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        if subject.structure is None:
            return
        seen: set[tuple[int, int]] = set()
        if subject.document is not None:   # numbers the reference reader cannot take apart
            for piece, _ in subject.document.pieces():
                if "/" not in piece.text:   # both shapes hold a slash
                    continue
                for pattern, mend in _MISPLACED_SLASHES:
                    for m in pattern.finditer(piece.text):
                        location = piece.locate(m.start())
                        seen.add(_position(location))
                        problem, expected = mend(m)
                        yield Hit(location=location, fields={"text": m.group(0), "number": m.group(0),
                                                             "problem": problem, "expected": expected},
                                  suggestion=f"{m.group(0)} → {expected}")
        for reference in _own_citations(subject):
            if reference.internal or not reference.number or not reference.symbol:
                continue
            found = _malformed(reference)
            position = _position(reference.location)
            if found is None or position in seen:
                continue
            seen.add(position)
            problem, expected, sure = found
            yield Hit(   # at the number itself: the fix replaces it there
                location=reference.number_location or reference.location,
                fields={"text": reference.text, "number": reference.number, "problem": problem,
                        "expected": expected},
                suggestion=f"{reference.number} → {expected}",
                evidence={"fix_certain": True} if sure else {},
            )


# "49/2025TT-BCT", "255/2025-NĐ-CP": the slash between the year and the type code lost or
# typed as a hyphen.
_YEAR_RUN_IN = lazy_compile(r"(?<![\w/])(?P<serial>[0-9]{1,5})/(?P<year>(?:19|20)[0-9]{2})(?P<sep>-?)"
                          r"(?P<symbol>(?:NQ|QĐ|NĐ|TTLT|TT|CT|KH|QyĐ)-[A-ZĐ][A-Za-zĐđ0-9]*)(?![\w/])")


_SLASH_MOVED = lazy_compile(r"(?<![\w/.,])(?P<serial>[0-9]{1,5})(?P<code>NQ|QĐ|NĐ|TT|CT|KH|TB|BC|TTr)/"
                          r"(?P<issuer>UBND|HĐND|CP|TTg|[BS][A-ZĐ]{2,9})(?![\w/])")


_NO_SLASH = Localized({"vi": "thiếu dấu / sau năm", "en": "no slash after the year"})
_HYPHEN_FOR_SLASH = Localized({"vi": "dấu - thay cho dấu /", "en": "a hyphen for the slash"})
_SLASH_AFTER_CODE = Localized({"vi": "dấu / đặt sau mã loại văn bản", "en": "the slash after the type code"})
# Numbers the reference reader cannot take apart, each with what went wrong and its mended form.
_MISPLACED_SLASHES = (
    (_YEAR_RUN_IN, lambda m: (_HYPHEN_FOR_SLASH if m.group("sep") else _NO_SLASH,
                              f"{m.group('serial')}/{m.group('year')}/{m.group('symbol')}")),
    (_SLASH_MOVED, lambda m: (_SLASH_AFTER_CODE, f"{m.group('serial')}/{m.group('code')}-{m.group('issuer')}")),
)


def _malformed(reference: Reference) -> tuple[str | Localized, str, bool] | None:
    """What is wrong with a number, its mended form, and whether that form is certain (a
    look-alike letter has one Latin form; the other mendings are readings)."""
    number, symbol = reference.number or "", reference.symbol or ""
    foreign = [c for c in number if unicodedata.name(c, "").startswith(("CYRILLIC", "GREEK"))]
    if foreign:
        names = ", ".join(dict.fromkeys(f"{c} ({unicodedata.name(c).split()[0].title()})" for c in foreign))
        return f"lookalike: {names}", latin(number), True
    compact = squash(symbol)
    if re.fullmatch(r"(?:UBTV)?OH[0-9]{2}", compact):
        return "O → Q", number.replace(compact, compact.replace("OH", "QH")), False
    first = compact.split("-", 1)[0]
    expected_codes = TYPE_CODES.get(reference.doc_type or "", frozenset())
    if "-" in compact and expected_codes and not is_type_code(first):
        near = [c for c in expected_codes if _one_edit(latin(first).casefold(), c.casefold())]
        if len(near) == 1:   # "15/CTT-TTg" of a Chỉ thị: the type code CT with a letter too many
            return Localized({"vi": f"mã loại {first} → {near[0]}", "en": f"type code {first} → {near[0]}"}), \
                number[: len(number) - len(symbol)] + near[0] + compact[len(first):], False
    if "-" in compact or "/" in compact:
        return None
    # "NĐCP": a type code run into its issuer.
    for code in sorted(CODE_TYPES, key=len, reverse=True):
        if compact.casefold().startswith(code.casefold()) and _STATE_ISSUER.fullmatch(compact[len(code):]):
            codes = TYPE_CODES.get(reference.doc_type or "", frozenset())
            if reference.doc_type not in (None, "Văn bản") and code not in codes:
                return None
            fixed = f"{compact[:len(code)]}-{compact[len(code):]}"
            return "hyphen", number[: len(number) - len(symbol)] + fixed, False
    return None


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by one letter inserted, dropped or changed."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


# -- dates of cited documents --------------------------------------------------------------------
_LEVELS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")


def _level(issuer: str | None) -> str | None:
    if not issuer:
        return None
    folded = fold(issuer)
    found = [(folded.find(level), level) for level in _LEVELS if re.search(rf"(?<!\w){level}(?!\w)", folded)]
    return min(found)[1] if found else None


@dataclass
class _Cited:
    number: str
    key: tuple
    date: object
    location: Location
    issuer: str | None
    own: bool = False


class CitationDateConflict(CheckKind):
    """One number and symbol cited with two different dates in the same year (the
    document's own number included): one of the dates is wrong."""

    name = "citation_date_conflict"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"number", "date", "other_date", "other_line", "other_vi", "other_en"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        structure = subject.structure
        if structure is None:
            return
        cited: list[_Cited] = []
        header = structure.header
        if header.number and header.date:
            own = parse_whole_number(header.number)
            if own is not None:
                cited.append(_Cited(header.number, own.key, header.date,
                                    header.number_location or header.date_location or Location(), header.issuer,
                                    own=True))
        for reference in structure.references:
            if reference.internal or not reference.date:
                continue
            number = parse_number(reference.number, reference.symbol)
            if number is None or number.serial is None:
                continue
            cited.append(_Cited(reference.number or "", number.key, reference.date, reference.location,
                                reference.issuer))
        first: dict[tuple, list[_Cited]] = {}
        for c in cited:
            earlier = first.setdefault(c.key, [])
            clash = next((e for e in earlier if e.date != c.date and e.date.year == c.date.year
                          and not _different_levels(e.issuer, c.issuer)), None)
            if clash is not None and not any(e.date == c.date for e in earlier):
                yield Hit(
                    location=c.location,
                    fields={"number": c.number, "date": c.date.strftime("%d/%m/%Y"),
                            "other_date": clash.date.strftime("%d/%m/%Y"), "other_line": clash.location.line,
                            **_clash_source(clash)},
                    evidence={"dates": [e.date.isoformat() for e in earlier + [c]]},
                )
            earlier.append(c)


def _clash_source(clash: _Cited) -> dict[str, str]:
    """Who gives the other date: the document's own header (an annex caption or a closing
    that dates the document itself otherwise), or another citation."""
    vi, en = clash.location.place("vi"), clash.location.place("en")
    if clash.own:
        return {"other_vi": f"số, ngày của chính văn bản này ({vi}) ghi",
                "other_en": f"this document's own number and date ({en}) give"}
    return {"other_vi": f"{vi} dẫn cùng số này", "other_en": f"{en} cites the same number as of"}


def _different_levels(a: str | None, b: str | None) -> bool:
    la, lb = _level(a), _level(b)
    return la is not None and lb is not None and la != lb


class NormativeYear(CheckKind):
    """A normative HĐND resolution or UBND decision ('... quy định chính sách hỗ trợ ...')
    carries its year in its number, as the same text writes for others of its kind."""

    name = "normative_year"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "number", "expected", "example"})

    class Params(Params):
        # Symbols of bodies whose normative texts carry the year.
        symbols: list[str] = field(default_factory=lambda: ["NQ-HĐND", "QĐ-UBND"])
        # How a normative title starts, right after the citation (its date and issuer).
        titles: list[PackPattern] = field(default_factory=lambda: [
            r"(?:ban\s+hành\s+)?quy\s+định(?:\W|$)",
            r"ban\s+hành\s+(?:quy\s+chế|bảng\s+giá|danh\s+mục)(?:\W|$)",
        ])
        # ... but "quy định tại/của ..." cites a provision, not a title
        not_titles: list[PackPattern] = field(default_factory=lambda: [
            r"(?:ban\s+hành\s+)?quy\s+định\s+(?:tại|của|như|này|trên|về\s+việc\s+giao)(?:\W|$)",
        ])

    def run(self, subject: Subject, params: "NormativeYear.Params") -> Iterable[Hit]:
        structure = subject.structure
        if structure is None:
            return
        symbols = {fold(s) for s in params.symbols}
        titles = [compile_pattern(t) for t in params.titles]
        not_titles = [compile_pattern(t) for t in params.not_titles]
        with_year: dict[str, str] = {}
        for reference in structure.references:
            if not reference.internal and reference.year_in_number and reference.symbol:
                with_year.setdefault(fold(squash(reference.symbol)), reference.number or "")
        if not with_year:
            return
        text = document_text(subject)
        for reference in structure.references:
            if reference.internal or reference.year_in_number or not reference.symbol or not reference.date:
                continue
            symbol = fold(squash(reference.symbol))
            if symbol not in symbols or symbol not in with_year:
                continue
            number = parse_number(reference.number, reference.symbol)
            if number is None or number.serial is None or number.party:
                continue
            after = text.after(reference)
            if after is None or not any(t.match(after) for t in titles) or any(t.match(after) for t in not_titles):
                continue
            serial = SERIAL.match(reference.number or "").group(1)  # type: ignore[union-attr]
            expected = f"{serial}/{reference.date.year}/{squash(reference.symbol)}"
            yield Hit(
                location=reference.location,
                fields={"text": reference.text, "number": reference.number, "expected": expected,
                        "example": with_year[symbol]},
                suggestion=f"{reference.number} → {expected}",
            )
