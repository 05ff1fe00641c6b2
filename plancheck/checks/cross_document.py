"""Citations across documents: a citation of a known document matches it.

Known documents are those checked in the same run and those of the index given
with ``--index`` (plancheck.index). A citation is linked to a known document

- by its number ("Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh"):
  the same number (spaces, case, dashes and leading zeros aside), of the same
  place (a local body's number repeats across provinces) and not the citing
  document itself; when the dates differ, only where it is plainly the same
  document: the same year (a number names one document a year), or the number
  carries its year, or the title cited is the document's;
- by the session that passed it ("Kỳ họp thứ tám - HĐND tỉnh khóa XV đã thông
  qua ..."): the council resolutions of that session, term and place.

Then the date and the type word must be the document's, the title given after
"về" must be its title, a count stated with the citation ("gồm 28 chỉ tiêu",
"22/28 chỉ tiêu") must be the one it states, and a passage quoted after the
citation (in the same paragraph, or the next when the citation introduces it)
must be its text, compared word by word after normalisation (case, tone
placement, punctuation, spacing). A quote is compared only where it lines up
with a passage of the document: a quote from elsewhere (a slogan, another text)
is not the document's to answer for, and amendment text ("sửa đổi ... như sau:
“...”") is new text by design.
"""
from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Iterable, Iterator


from ..errors import PlancheckError
from ..index import (KnownDocument, KnownDocuments, count_key, known_from_subject, normalise_number,
                     normalise_text, place_of)
from ..models import Location
from ..text import fold, parse_count, parse_ordinal
from .base import CheckKind, Hit, Params, Subject
from ..lazyre import lazy_compile

# -- known documents: the run's, then the index's -------------------------------------------


class _Known:
    def __init__(self, run: KnownDocuments, index: Any = None) -> None:
        self.run, self.index = run, index

    def lookup(self, number: str) -> list[KnownDocument]:
        return self._merge(self.run.lookup(number), self.index.lookup(number) if self.index is not None else [])

    def has_sessions(self, besides: KnownDocument) -> bool:
        """Whether a known document other than ``besides`` was passed at a numbered session."""
        return self.index is not None or any(d.session is not None and d is not besides for d in self.run)

    def by_session(self, term: str, session: int) -> list[KnownDocument]:
        return self._merge(self.run.by_session(term, session),
                           self.index.by_session(term, session) if self.index is not None else [])

    @staticmethod
    def _merge(run: list[KnownDocument], indexed: list[KnownDocument]) -> list[KnownDocument]:
        """The run's documents, and the index's that are not one of them (a newer copy is in the run)."""
        out = list(run)
        for doc in indexed:
            if not any(r.key == doc.key and r.key and _place_ok(r.place, doc.place) for r in run) \
                    and not any(_same_file(r.path, doc.path) for r in run):
                out.append(doc)
        return out


def _same_file(a: str, b: str) -> bool:
    from pathlib import Path

    try:
        return bool(a and b) and Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def _place_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


# -- where a citation stands in its paragraph ------------------------------------------------------


class _Paragraphs:
    """Paragraphs of a document (all, or those a record keeps, by their place in it), and the
    paragraph and offset of a location."""

    def __init__(self, paragraphs: list[Any], places: list[int] | None = None) -> None:
        self.list = paragraphs
        self.places = places if places is not None else list(range(len(paragraphs)))
        self.position = {id(p): place for p, place in zip(self.list, self.places)}
        self._at = dict(zip(self.places, self.list))
        self._by_line: dict[int, list[tuple[Any, int, int]]] = defaultdict(list)
        for p in self.list:
            for span in p.spans:
                self._by_line[span.location.line].append((p, span.start, span.location.column))

    @classmethod
    def of(cls, document: Any) -> "_Paragraphs":
        return cls(document.paragraphs() if document is not None else [])

    def find(self, location: Location) -> tuple[Any, int] | None:
        best = None
        for p, start, column in self._by_line.get(location.line, ()):
            if column <= location.column and (best is None or column > best[2]):
                best = (p, start + location.column - column, column)
        if best is None:
            return None
        p, offset, _ = best
        found = p.locate(offset)
        if found.line != location.line or found.column != location.column or not 0 <= offset < len(p.text):
            return None
        return p, offset

    def next(self, p: Any) -> Any:
        i = self.position.get(id(p))
        return self._at.get(i + 1) if i is not None else None


def _consume(text: str, start: int, wanted: str) -> int:
    """Where ``wanted`` (whitespace collapsed) ends when read in ``text`` from ``start``."""
    i = start
    for ch in wanted:
        if ch.isspace():
            continue
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text) or text[i] != ch:
            break
        i += 1
    return i


# -- what the checks across documents keep of each document ---------------------------------------
_QUOTE_RUN = 20   # paragraphs a quote after a citation may run on into (see _quote_from)


@dataclass
class _Citing:
    """A document's citations by number, its paragraphs and its source lines."""

    references: list[Any]
    paragraphs: _Paragraphs
    lines: list[str]


@dataclass(eq=False)
class CrossRecord:
    """What the checks across documents keep of one document of a run, so that a run of many
    files keeps no whole document: the document as a known document (header, counts; its text
    read again only when a quote is compared with it), the numbers it cites and whether it
    names a session. Its citations and paragraphs are read again from its file only when one
    of those numbers (or a session) is a known document's; a document checked from memory
    (no file) keeps them."""

    me: KnownDocument
    cited: frozenset[str]                 # the number keys of its citations by number
    sessions: bool                        # whether it names a council's session ("Kỳ họp thứ …")
    path: str | None = None               # the file to read them again from
    kept: _Citing | None = None           # for a document checked from memory
    lines: dict[int, str] = field(default_factory=dict)   # the source lines of its linked citations

    def citing(self) -> _Citing | None:
        if self.kept is not None:
            return self.kept
        return _citing_of_file(self.path) if self.path else None

    def source_line(self, line: int) -> str | None:
        return self.lines.get(line)


def cross_record(subject: Subject, reread: bool = False) -> CrossRecord | None:
    """The record of a checked document; ``reread``: its text is read again from its file
    when needed (a run of files), rather than kept (documents in memory)."""
    me = known_from_subject(subject, reread=reread)
    if me is None:
        return None
    structure, document = subject.structure, subject.document
    references = [] if structure is None else _numbered(structure.references)
    cited = frozenset(normalise_number(r.number) for r in references)
    sessions = document is not None and any(_SESSION.search(p.text) for p in document.paragraphs())
    path = getattr(document, "path", None)
    if reread and path and os.path.isfile(path):
        return CrossRecord(me=me, cited=cited, sessions=sessions, path=path)
    kept = _Citing(references, _Paragraphs.of(document), getattr(document, "lines", None) or [])
    return CrossRecord(me=me, cited=cited, sessions=sessions, kept=kept)


def _numbered(references: list[Any]) -> list[Any]:
    return [r for r in references if not r.internal and normalise_number(r.number)]


def _citing_of_file(path: str) -> _Citing | None:
    from ..extract.references import extract_references
    from ..read import read_source

    try:
        document, _ = read_source(path)
    except (PlancheckError, OSError):
        return None   # gone or changed since it was checked: its citations go unchecked
    if not hasattr(document, "paragraphs"):
        return None
    return _Citing(_numbered(extract_references(document)), _Paragraphs.of(document), document.lines)


def _trimmed(record: CrossRecord, citing: _Citing, links: list[_Link]) -> None:
    """The links of a document read again keep only the paragraphs they stand in (and those
    a quote may run on into), and the record the source lines of those: not the document."""
    everything = citing.paragraphs
    wanted = {everything.position[id(link.paragraph)] for link in links if link.paragraph is not None}
    places = sorted({j for i in wanted for j in _run_on(everything.list, i)})
    kept = _Paragraphs([everything._at[i] for i in places], places)
    for link in links:
        link.paragraphs = kept
    for p in kept.list:
        for span in p.spans:
            line = span.location.line
            if 1 <= line <= len(citing.lines):
                record.lines[line] = citing.lines[line - 1]


def _run_on(paragraphs: list[Any], i: int) -> Iterator[int]:
    """Paragraph i, and those after it that a quote after a citation in it may run on into:
    the next one when it ends with ":", and on while a curly quote stays open."""
    yield i
    text = paragraphs[i].text
    open_quotes = text.count("“") - text.count("”") + text.count("«") - text.count("»")
    follows = text.rstrip().endswith(":")
    for j in range(i + 1, min(i + _QUOTE_RUN + 1, len(paragraphs))):
        if open_quotes <= 0 and not follows:
            return
        yield j
        text = paragraphs[j].text
        open_quotes += text.count("“") - text.count("”") + text.count("«") - text.count("»")
        follows = False


# -- links: a place in a citing document and the known document it cites -------------------------


@dataclass
class _Link:
    record: CrossRecord
    docs: list[KnownDocument]        # one for a citation by number; a session's resolutions otherwise
    via: str                         # "number" | "session"
    location: Location
    reference: Any = None            # the Reference, for citations by number
    paragraph: Any = None            # where the citation stands, when in a paragraph
    start: int = 0
    end: int = 0
    stop: int = 0                    # where what follows it stops being about it (the next citation)
    cited_title: str | None = None
    title_end: int = 0
    title_state: str | None = None   # same | differs | unclear | None
    date_state: str | None = None    # equal | slip | other | None
    paragraphs: Any = None

    @property
    def doc(self) -> KnownDocument:
        return self.docs[0]


@dataclass
class _Analysis:
    links: list[_Link] = field(default_factory=list)


class Linking(list):
    """The records of a run, of which those at the indexes ``linking`` are to be linked here
    (all of them, or a worker's share; every record is still a known document), and the
    links once found, shared by the kinds of check across documents."""

    def __init__(self, records: Iterable[CrossRecord], linking: Iterable[int] | None = None) -> None:
        super().__init__(records)
        self.linking = frozenset(range(len(self)) if linking is None else linking)
        self.analysis: dict[int, _Analysis] = {}   # id(index) -> its links


def _analysis(records: list[CrossRecord], index: Any) -> _Analysis:
    if not isinstance(records, Linking):
        records = Linking(records)   # a caller's own list: linked whole, here and now
    found = records.analysis.get(id(index))
    if found is None:
        found = records.analysis[id(index)] = _link(records, index)
    return found


def _link(records: Linking, index: Any) -> _Analysis:
    run = KnownDocuments()
    for record in records:
        if record.me.key or record.me.session is not None:
            run.add(record.me)
    known = _Known(run, index)
    analysis = _Analysis()
    for i, record in enumerate(records):
        if i not in records.linking:
            continue   # another worker links this one
        try:
            analysis.links += _links_of(record, known)
        except PlancheckError:
            raise
        except Exception:  # noqa: BLE001 - a shape not foreseen: this document's citations go unchecked
            continue
    return analysis


_LOCAL_BODY = lazy_compile(r"hđnd|ubnd|hội đồng nhân dân|ủy ban nhân dân|tỉnh ủy|thành ủy|huyện ủy|ban thường vụ")
_LOCAL_SYMBOL = lazy_compile(r"HĐND|UBND|/T[UƯ]$|/HU$|/TU$")


def _cited_place(reference: Any, my_place: str | None) -> str | None:
    explicit = place_of(reference.issuer)
    if explicit:
        return explicit
    if reference.issuer:
        return my_place if _LOCAL_BODY.search(normalise_text(reference.issuer)) else None
    return my_place if _LOCAL_SYMBOL.search((reference.symbol or "").upper()) else None


def _links_of(record: CrossRecord, known: _Known) -> list[_Link]:
    if not (record.sessions and known.has_sessions(record.me)) and \
            not any(d is not record.me for key in record.cited for d in known.lookup(key)):
        return []   # it cites no other known document: its text need not be read again
    citing = record.citing()
    if citing is None:
        return []
    links = _links_in(record, citing, known)
    if record.kept is None:
        _trimmed(record, citing, links)
    elif citing.lines:
        record.lines = dict(enumerate(citing.lines, 1))
    return links


def _links_in(record: CrossRecord, citing: _Citing, known: _Known) -> list[_Link]:
    me, paragraphs = record.me, citing.paragraphs
    links: list[_Link] = []
    located: list[tuple[Any, int, Any]] = []
    for ref in citing.references:
        where = paragraphs.find(ref.location)
        located.append((ref, where))
    starts: dict[int, list[int]] = defaultdict(list)   # paragraph id -> starts of its citations
    for ref, where in located:
        if where:
            starts[id(where[0])].append(where[1])
    for ref, where in located:
        if normalise_number(ref.number) == me.key and _place_ok(_cited_place(ref, me.place), me.place):
            continue   # the document citing itself ("Kèm theo Nghị quyết số ...")
        place = _cited_place(ref, me.place)
        candidates = [d for d in known.lookup(ref.number) if d is not me and _place_ok(place, d.place)]
        if not candidates:
            continue
        link = _Link(record=record, docs=[], via="number", location=ref.location, reference=ref,
                     paragraphs=paragraphs)
        if where:
            p, start = where
            link.paragraph, link.start = p, start
            link.end = _consume(p.text, start, ref.text)
            later = [s for s in starts[id(p)] if s > start]
            link.stop = min(later) if later else len(p.text)
            link.cited_title, link.title_end = _title_after(p.text, link.end, link.stop)
        doc = _identify(ref, candidates, link)
        if doc is not None:
            link.docs = [doc]
            links.append(link)
    links += _session_links(record, paragraphs, known, starts)
    return links


def _identify(ref: Any, candidates: list[KnownDocument], link: _Link) -> KnownDocument | None:
    """The known document a citation names, or None when it is not plainly one of them."""
    viable = []
    for doc in candidates:
        title = _title_state(link.cited_title, doc.title)
        date = "equal" if ref.date is not None and ref.date == doc.passed else _date_state(ref.date, doc.date)
        if title == "differs" and date != "equal":
            continue   # another document with the same number
        if date == "other" and not (ref.year_in_number or title == "same"):
            continue
        viable.append((doc, title, date))
    if not viable:
        return None
    exact = [v for v in viable if v[2] == "equal"]
    if exact:
        viable = exact
    elif len(viable) > 1:
        titled = [v for v in viable if v[1] == "same"]
        if len(titled) != 1:
            return None
        viable = titled
    doc, link.title_state, link.date_state = viable[0]
    return doc


def _date_state(cited: Any, actual: Any) -> str | None:
    """equal; a slip (the same year: a number names one document a year); other (another
    year: the number may be reused); None when a date is missing."""
    if cited is None or actual is None:
        return None
    if cited == actual:
        return "equal"
    return "slip" if cited.year == actual.year else "other"


# -- titles -------------------------------------------------------------------------------------
_TITLE_START = lazy_compile(r"[ \t]*(?:về|v/v)[ \t]+", re.IGNORECASE)
_TITLE_END = lazy_compile(r"[;(\n]|\.(?=\s|$)|,[ \t]+(?:theo|tại|và|đã|UBND|HĐND|Ủy|Hội)\b")
_TOKEN = lazy_compile(r"\w+(?:[.,]\w+)*")
_TITLE_NOISE = frozenset({"về", "việc", "v", "v/v"})


def _title_after(text: str, end: int, stop: int) -> tuple[str | None, int]:
    """The title given after a citation ("về Kế hoạch ..."), and where it ends."""
    m = _TITLE_START.match(text, end, stop)
    if not m:
        return None, end
    tail = text[m.start():stop]
    cut = _TITLE_END.search(tail)
    title = tail[:cut.start()] if cut else tail
    return title.strip() or None, m.start() + len(title.rstrip())


def _title_words(title: str) -> list[str]:
    words = _TOKEN.findall(normalise_text(title))
    while words and words[0] in _TITLE_NOISE:
        words = words[1:]
    return words


def _title_state(cited: str | None, actual: str | None) -> str | None:
    """'same' when the cited title is the document's (shortened or not), 'differs' when
    it plainly names another subject, 'unclear' between; None when one is missing."""
    if not cited or not actual:
        return None
    actual_words = _title_words(actual)
    cited_words = _title_words(cited)[:len(actual_words) + 2]
    if len(cited_words) < 3 or len(actual_words) < 3:
        return None
    have = Counter(actual_words)
    shared = sum(min(n, have[w]) for w, n in Counter(cited_words).items())
    ratio = shared / len(cited_words)
    if ratio >= 0.8:
        return "same"
    if ratio < 0.5 and len(cited_words) >= 4:
        return "differs"
    return "unclear"


# -- citations of a session ("Kỳ họp thứ tám - HĐND tỉnh khóa XV đã thông qua") ---------------------
_SESSION = lazy_compile(r"(?<!\w)[Kk][ỳỲ][ \t]+[Hh][ọỌ][Pp][ \t]+(?P<ord>[Tt][Hh][Ứứ](?:[ \t]+[^\W_]+){1,4})")
_TERM = lazy_compile(
    r"(?<!\w)(?:HĐND|Hội[ \t]+đồng[ \t]+nhân[ \t]+dân|HỘI[ \t]+ĐỒNG[ \t]+NHÂN[ \t]+DÂN)"
    r"(?P<body>[^,;:.()“”\"]{0,40}?)[ \t]*,?[ \t]*(?:[Kk]h(?:óa|oá)|KH(?:ÓA|OÁ))[ \t]+"
    r"(?P<term>[IVXLC]+|[0-9]{1,2})(?!\w)")
_SESSION_GAP = lazy_compile(r"^[ \t,–-]*(?:của[ \t]+)?$")
_GAP_AFTER = lazy_compile(r"[ \t,–-]*(?:của[ \t]+)?")
_PASSED = lazy_compile(r"^[^.;“”\"]{0,30}?(?:thông[ \t]+qua|quyết[ \t]+nghị|ban[ \t]+hành|biểu[ \t]+quyết)",
                     re.IGNORECASE)


def _session_number(text: str) -> tuple[int, int] | None:
    """The session's number and where its words end: 'thứ mười chín HĐND' -> (19, 13)."""
    words = list(re.finditer(r"\S+", text))
    for n in range(len(words), 1, -1):   # the longest reading: "thứ mười chín" before "thứ mười"
        found = parse_ordinal(" ".join(w.group() for w in words[:n]))
        if found:
            return found.value, words[n - 1].end()
    return None


def _session_links(record: CrossRecord, paragraphs: _Paragraphs, known: _Known,
                   starts: dict[int, list[int]]) -> list[_Link]:
    me = record.me
    links = []
    for p in paragraphs.list:
        for m in _SESSION.finditer(p.text):
            read = _session_number(m.group("ord"))
            if read is None:
                continue
            session, ord_end = read[0], m.start("ord") + read[1]
            gap = _GAP_AFTER.match(p.text, ord_end)
            term = _TERM.match(p.text, gap.end())
            if term is None:
                for t in _TERM.finditer(p.text, max(0, m.start() - 80), m.start()):
                    if _SESSION_GAP.match(p.text[t.end():m.start()]):
                        term = t
            if term is None:
                continue
            begin = min(m.start(), term.start())
            cited = [s for s in starts[id(p)] if s < begin]
            if cited and not _SENTENCE_END.search(p.text, max(cited), begin):
                continue   # "Nghị quyết số 252/NQ-HĐND ... khóa XV, kỳ họp thứ tám": cited by its number
            end = max(ord_end, term.end())
            if not _PASSED.match(p.text[end:]):
                continue
            named = place_of("hđnd " + term.group("body"))
            place = named or me.place
            docs = [d for d in known.by_session(term.group("term").upper(), session)
                    if d is not me and d.is_council and _place_ok(place, d.place)
                    and not (d.key and d.key == me.key)]
            if not docs:
                continue
            later = [s for s in starts[id(p)] if s > end]
            links.append(_Link(record=record, docs=docs, via="session", location=p.locate(begin), paragraph=p,
                               start=begin, end=end, stop=min(later) if later else len(p.text),
                               paragraphs=paragraphs))
    return links


# -- what follows a citation: its sentence, quotes, counts ---------------------------------------------
_OPENING = {"“": "”", "\"": "\"", "«": "»"}
_AMENDING = lazy_compile(r"(?<!\w)(?:sửa[ \t]+đổi|bổ[ \t]+sung|thay[ \t]+thế|thay[ \t]+đổi|bãi[ \t]+bỏ|cụm[ \t]+từ|"
                       r"đính[ \t]+chính|điều[ \t]+chỉnh|thay[ \t]+bằng)(?!\w)", re.IGNORECASE)
_SENTENCE_END = lazy_compile(r"[;\n]|[.!?](?=\s+[^\W\d_]|\s*$)")


def _quote_spans(text: str, start: int, stop: int) -> list[tuple[int, int, str]]:
    """(start, end, closing mark) of the quotes opening in text[start:stop]; end is
    len(text) when the quote does not close in this paragraph."""
    spans = []
    i = start
    while i < stop:
        ch = text[i]
        if ch in _OPENING:
            close = text.find(_OPENING[ch], i + 1)
            spans.append((i + 1, close if close >= 0 else len(text), _OPENING[ch]))
            i = (close if close >= 0 else len(text)) + 1
            continue
        i += 1
    return spans


def _sentence_end(text: str, start: int, stop: int) -> int:
    """Where the sentence going on at ``start`` ends (quotes are part of it)."""
    quotes = _quote_spans(text, start, stop)
    i = start
    while True:
        m = _SENTENCE_END.search(text, i, stop)
        if not m:
            return stop
        inside = next((q for q in quotes if q[0] <= m.start() < q[1]), None)
        if inside is None:
            return m.start()
        i = inside[1] + 1


def _sentence_start(text: str, end: int) -> int:
    cut = max(text.rfind(";", 0, end), text.rfind(". ", 0, end), text.rfind(":", 0, end))
    return cut + 1


@dataclass
class _Word:
    folded: str          # as compared
    written: str         # as written
    paragraph: Any
    offset: int
    segment: int         # the part of the quote it is in; '…' starts another

    def location(self) -> Location:
        return self.paragraph.locate(self.offset)


_ELLIPSIS = lazy_compile(r"…|\.\.\.")


@dataclass
class _Quote:
    pieces: list[tuple[Any, int, int]]    # (paragraph, start, end)

    def words(self) -> list[_Word]:
        out: list[_Word] = []
        segment = 0
        for p, start, end in self.pieces:
            piece = p.text[start:end]
            written = list(_TOKEN.finditer(piece))
            folded = _TOKEN.findall(fold(piece))
            if len(folded) != len(written):
                folded = [(_TOKEN.findall(fold(w.group())) or [w.group()])[0] for w in written]
            cuts = [m.start() for m in _ELLIPSIS.finditer(piece)]
            for f, w in zip(folded, written):
                while cuts and cuts[0] < w.start():
                    cuts.pop(0)
                    segment += 1
                out.append(_Word(f, w.group(), p, start + w.start(), segment))
            segment += len(cuts)
        return out


def _quotes_after(link: _Link) -> list[_Quote]:
    """The passages quoted after the citation, in its paragraph or the next one."""
    p = link.paragraph
    if p is None:
        return []
    before = p.text[_sentence_start(p.text, link.start):link.start]
    quotes = []
    for start, end, closer in _quote_spans(p.text, link.end, link.stop):
        if _AMENDING.search(before) or _AMENDING.search(p.text[link.end:start]):
            return []
        quote = _quote_from(link.paragraphs, p, start, end, closer)
        if quote is not None:
            quotes.append(quote)
    if not quotes and link.stop == len(p.text) and p.text.rstrip().endswith(":") \
            and not _AMENDING.search(p.text[_sentence_start(p.text, link.start):]):
        q = link.paragraphs.next(p)
        m = re.match(r"\s*([“\"«])", q.text) if q is not None else None
        if m:
            closer = _OPENING[m.group(1)]
            close = q.text.find(closer, m.end())
            quote = _quote_from(link.paragraphs, q, m.end(), close if close >= 0 else len(q.text), closer)
            if quote is not None:
                quotes.append(quote)
    return quotes


def _quote_from(paragraphs: _Paragraphs, p: Any, start: int, end: int, closer: str) -> _Quote | None:
    """A quote from ``start``; one that does not close in its paragraph runs on into the
    next ones (curly quotes only); one that never closes is not a quote to compare."""
    quote = _Quote([(p, start, end)])
    if end < len(p.text):
        return quote
    if closer == "\"":
        return None
    q = p
    for _ in range(20):
        q = paragraphs.next(q)
        if q is None:
            return None
        close = q.text.find(closer)
        if any(0 <= q.text.find(mark) < (close if close >= 0 else len(q.text)) for mark in ("“", "«")):
            return None   # another quote opens first: this one was never closed
        quote.pieces.append((q, 0, close if close >= 0 else len(q.text)))
        if close >= 0:
            return quote
    return None


_COUNTED = (r"chỉ[ \t]+tiêu|nhóm[ \t]+nhiệm[ \t]+vụ|nhóm[ \t]+giải[ \t]+pháp|nhiệm[ \t]+vụ|giải[ \t]+pháp|"
            r"quan[ \t]+điểm|mục[ \t]+tiêu|nội[ \t]+dung|chương[ \t]+trình")
_CITED_COUNT = lazy_compile(
    r"(?<![\w/.,])(?:(?P<intro>gồm|bao[ \t]+gồm|có|với|xác[ \t]+định|đề[ \t]+ra|thông[ \t]+qua|tổng[ \t]+số|"
    r"tổng[ \t]+cộng)[ \t]+(?:là[ \t]+|có[ \t]+)?(?P<n>[0-9]{1,3}|[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}?)"
    r"|(?P<done>[0-9]{1,3})[ \t]*/[ \t]*(?P<total>[0-9]{1,3}))"
    rf"[ \t]+(?P<what>{_COUNTED})(?!\w)",
    re.IGNORECASE)


_PART = lazy_compile(r"(?<!\w)(?:trong[ \t]+đó|riêng)(?!\w)", re.IGNORECASE)


@dataclass
class _CitedCount:
    value: int
    text: str
    what: str
    location: Location


def _count_after(link: _Link) -> _CitedCount | None:
    """The count stated with the citation, in its sentence: 'gồm 28 chỉ tiêu', '22/28 chỉ tiêu'."""
    p = link.paragraph
    if p is None:
        return None
    end = _sentence_end(p.text, link.end, link.stop)
    quotes = _quote_spans(p.text, link.end, end)
    for m in _CITED_COUNT.finditer(p.text, link.end, end):
        if any(a <= m.start() < b for a, b, _ in quotes):
            continue
        # Said of the cited document: right after the citation, its title or the passage quoted
        # from it ("... về Kế hoạch ... gồm 28 chỉ tiêu", "...: “…” và xác định 28 chỉ tiêu"),
        # not in a clause of its own ("..., UBND tỉnh ban hành Kế hoạch với 35 nhiệm vụ").
        said = max([link.end, link.title_end] + [b + 1 for a, b, _ in quotes if b < m.start()])
        gap = p.text[said:m.start()].lstrip(" \t,:”\"»")
        if "," in gap or ";" in gap or len(gap.split()) > 4 or _PART.search(gap):
            return None   # another clause, or a part of the whole ("trong đó 12 chỉ tiêu kinh tế")
        if m.group("total"):
            value, text, at = int(m.group("total")), m.group("total"), m.start("total")
        else:
            text, at = m.group("n"), m.start("n")
            value = parse_count(text)
            if value is None:
                continue
        return _CitedCount(value=value, text=text, what=" ".join(m.group("what").split()), location=p.locate(at))
    return None


# -- quoted passages against the source text ------------------------------------------------------------
@dataclass
class _Source:
    words: list[str]
    lines: list[int | None]
    joined: str                       # " w1 w2 ... "
    grams: dict[tuple[str, str, str], list[int]]


def _source(doc: KnownDocument) -> _Source:
    cached = doc._cache.get("source")
    if cached is None:
        words: list[str] = []
        lines: list[int | None] = []
        for line, text in doc.paragraphs():
            found = _TOKEN.findall(text)
            words += found
            lines += [line] * len(found)
        grams: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        for i in range(len(words) - 2):
            grams[(words[i], words[i + 1], words[i + 2])].append(i)
        cached = _Source(words, lines, " " + " ".join(words) + " ", grams)
        doc._cache["source"] = cached
    return cached


@dataclass
class _Difference:
    doc: KnownDocument
    quoted: str
    source_text: str
    location: Location
    source_line: int | None
    votes: int


def _segments(words: list[_Word]) -> list[list[_Word]]:
    """The quote cut at its ellipses ('…' marks words left out)."""
    segments: dict[int, list[_Word]] = {}
    for w in words:
        segments.setdefault(w.segment, []).append(w)
    return list(segments.values())


def _compare(words: list[_Word], doc: KnownDocument, min_words: int) -> _Difference | None | bool:
    """True when every part of the quote is in the document; a _Difference where a part
    lines up with a passage of it but differs; None when it does not line up at all."""
    source = _source(doc)
    if not source.words:
        return None
    at = 0
    first: _Difference | None = None
    unplaced = False
    for segment in _segments(words):
        needle = " " + " ".join(w.folded for w in segment) + " "
        found = source.joined.find(needle, at)
        if found < 0:
            found = source.joined.find(needle)
        if found >= 0:
            at = found + len(needle) - 1
            continue
        if len(segment) < min_words:
            unplaced = True
            continue
        diff = _align(segment, source, doc)
        if diff is None:
            unplaced = True
        elif first is None:
            first = diff
    if first is not None:
        return first
    return None if unplaced else True


def _align(segment: list[_Word], source: _Source, doc: KnownDocument) -> _Difference | None:
    words = [w.folded for w in segment]
    n = len(words)
    votes: Counter[int] = Counter()
    for i in range(n - 2):
        for pos in source.grams.get((words[i], words[i + 1], words[i + 2]), ()):
            votes[pos - i] += 1
    if not votes:
        return None
    offset, count = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))
    if count < max(3, 0.4 * (n - 2)):
        return None
    lo = max(0, offset - 3)
    window = source.words[lo:offset + n + 3]
    ops = SequenceMatcher(None, words, window, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal" or (tag == "insert" and (i1 == 0 or i1 == n)):
            continue
        quoted = " ".join(w.written for w in segment[max(0, i1 - 1):min(n, i2 + 1)])
        shown_j1 = max(0, j1 - (1 if i1 > 0 else 0))
        shown_j2 = min(len(window), j2 + (1 if i2 < n else 0))
        source_text = " ".join(window[shown_j1:shown_j2])
        where = segment[min(i1, n - 1)].location()
        line = source.lines[lo + min(j1, len(window) - 1)] if window else None
        return _Difference(doc=doc, quoted=quoted, source_text=source_text, location=where, source_line=line,
                           votes=count)
    return None


# -- the kinds ---------------------------------------------------------------------------------------


def _source_of(doc: KnownDocument, line: int | None) -> str:
    return f"{doc.path}:{line}" if line else doc.path


def _format_date(date: Any, like: str | None) -> str:
    """The date in the way the citation wrote its own: '07/12/2023', 'ngày 07 tháng 12 năm 2023'."""
    numbers = re.findall(r"[0-9]+", like or "")
    if len(numbers) == 3:
        values = iter([date.day, date.month, date.year])
        return re.sub(r"[0-9]+", lambda m: f"{next(values):0{len(m.group())}d}", like)
    return f"{date.day:02d}/{date.month:02d}/{date.year}"


def _date_location(link: _Link) -> Location:
    """Where the cited date is written, else where the citation starts."""
    from ..dates import find_dates

    p = link.paragraph
    if p is not None:
        for mention in find_dates(p.text[link.start:link.end]):
            if mention.date == link.reference.date:
                return p.locate(link.start + mention.start)
    return link.location


class _CrossDocument(CheckKind):
    scope = "run"

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        return []

    def run_all(self, records: list[CrossRecord], params: Params, index: Any = None) -> Iterable[Hit]:
        hits = []
        for link in _analysis(records, index).links:
            try:
                hits += list(self.check(link, params))
            except PlancheckError:
                raise   # an unreadable index: the user must hear of it
            except Exception:  # noqa: BLE001 - a shape not foreseen: no finding rather than no report
                continue
        return hits

    def check(self, link: _Link, params: Params) -> Iterable[Hit]:
        raise NotImplementedError


class CitationDate(_CrossDocument):
    """A citation by number gives the cited document's date."""

    name = "citation_date"
    fields = frozenset({"number", "cited_type", "cited_date", "source_date", "source"})

    def check(self, link: _Link, params: Params) -> Iterable[Hit]:
        ref, doc = link.reference, link.doc
        if link.via != "number" or link.date_state not in ("slip", "other"):
            return
        cited = re.sub(r"^ngày\s+", "", ref.date_text or "", flags=re.IGNORECASE)
        right = _format_date(doc.date, cited)
        yield Hit(location=_date_location(link),
                  fields={"number": ref.number, "cited_type": ref.doc_type or "", "cited_date": cited,
                          "source_date": f"{doc.date.day:02d}/{doc.date.month:02d}/{doc.date.year}",
                          "source": _source_of(doc, doc.date_line)},
                  suggestion=f"{cited} → {right}" if cited else None,
                  evidence={"cited": ref.text, "source": doc.path, "source_date": doc.date.isoformat()})


# The codes that start a symbol and name a type ("NQ" in 252/NQ-HĐND and in 11-NQ/TW), as the
# references pack reads them; laws and National Assembly resolutions carry none ("61/2020/QH14").
_TYPE_CODES = frozenset(c.casefold() for c in (
    "NQ", "NQLT", "NĐ", "QĐ", "TT", "TTLT", "CT", "KL", "TB", "TTr", "BC", "KH", "CTr", "ĐA", "HD", "QĐi", "QyĐ",
    "QC", "CĐ", "BB", "PA", "TC", "CV"))


def _type_code(symbol: str | None) -> bool:
    """Whether a symbol starts with a type code."""
    compact = "".join((symbol or "").split())
    first, sep, rest = compact.partition("/") if "/" in compact else compact.partition("-")
    return bool(sep and rest) and first.casefold() in _TYPE_CODES


class CitationType(_CrossDocument):
    """A citation by number names the cited document's type."""

    name = "citation_type"
    fields = frozenset({"number", "cited_type", "source_type", "source"})

    def check(self, link: _Link, params: Params) -> Iterable[Hit]:
        ref, doc = link.reference, link.doc
        if link.via != "number" or not ref.doc_type or not doc.doc_type:
            return
        cited, actual = normalise_text(ref.doc_type), normalise_text(doc.doc_type)
        if cited == actual:
            return
        if _type_code(ref.symbol) or _type_code(doc.symbol):
            # The symbol names the type ("NQ" in 252/NQ-HĐND): a word that contradicts it is the
            # references pack's finding (PC702), and a header that contradicts it is not sure.
            return
        right = actual[:1].upper() + actual[1:]
        yield Hit(location=link.location,
                  fields={"number": ref.number, "cited_type": ref.doc_type, "source_type": right,
                          "source": _source_of(doc, None)},
                  suggestion=f"{ref.doc_type} → {right}",
                  evidence={"cited": ref.text, "source": doc.path})


class CitationTitle(_CrossDocument):
    """A citation's title ("... về Kế hoạch ...") is the cited document's."""

    name = "citation_title"
    fields = frozenset({"number", "cited_title", "source_title", "source"})

    def check(self, link: _Link, params: Params) -> Iterable[Hit]:
        ref, doc = link.reference, link.doc
        if link.via != "number" or link.title_state != "differs" or link.date_state != "equal":
            return
        p = link.paragraph
        at = p.text.find(link.cited_title, link.end) if p is not None and link.cited_title else -1
        yield Hit(location=p.locate(at) if at >= 0 else link.location,
                  fields={"number": ref.number, "cited_title": link.cited_title,
                          "source_title": " ".join((doc.title or "").split()), "source": _source_of(doc, None)},
                  evidence={"cited": ref.text, "source": doc.path})


class CitedCount(_CrossDocument):
    """A count stated with a citation ('gồm 28 chỉ tiêu') is the one the cited document states."""

    name = "cited_count"
    fields = frozenset({"number", "stated", "what", "source_count", "source"})

    def check(self, link: _Link, params: Params) -> Iterable[Hit]:
        if link.date_state in ("slip", "other") or link.title_state == "differs":
            return   # not sure enough it is the same document
        count = _count_after(link)
        if count is None:
            return
        key = count_key(count.what)
        docs = link.docs
        if link.via == "session" and len(docs) > 1:
            quoted = self._quoted_doc(link)
            docs = [quoted] if quoted is not None else [d for d in docs if any(c.key == key for c in d.counts)]
            if len(docs) != 1:
                return
        doc = docs[0]
        counts = [c for c in doc.counts if c.key == key]
        if not counts or len({c.stated for c in counts}) != 1:
            return
        if any(count.value in (c.stated, c.counted) for c in counts):
            return
        c = counts[0]
        yield Hit(location=count.location,
                  fields={"number": doc.describe(), "stated": count.text, "what": count.what,
                          "source_count": c.stated_text, "source": _source_of(doc, c.line)},
                  suggestion=f"{count.text} → {c.stated_text}" if count.text.isdigit() else None,
                  evidence={"source": doc.path, "source_stated": c.stated, "source_counted": c.counted})

    @staticmethod
    def _quoted_doc(link: _Link) -> KnownDocument | None:
        for quote in _quotes_after(link):
            words = quote.words()
            for doc in link.docs:
                if _compare(words, doc, 8) is True:
                    return doc
        return None


class _QuoteParams(Params):
    min_words: int = 8   # shorter quotes are names and slogans, not passages

    def __post_init__(self) -> None:
        if self.min_words < 3:
            raise ValueError("min_words: at least 3 (shorter quotes are names and slogans)")


class QuotedPassage(_CrossDocument):
    """A passage quoted after a citation is the cited document's text."""

    name = "quoted_passage"
    fields = frozenset({"number", "quoted", "source_text", "source"})
    Params = _QuoteParams

    def check(self, link: _Link, params: Params) -> Iterable[Hit]:
        if link.date_state == "other" or link.title_state == "differs":
            return
        for quote in _quotes_after(link):
            words = quote.words()
            if len(words) < params.min_words:
                continue
            differences = []
            for doc in link.docs:
                result = _compare(words, doc, params.min_words)
                if result is True:
                    differences = []
                    break
                if isinstance(result, _Difference):
                    differences.append(result)
            if not differences:
                continue
            d = max(differences, key=lambda x: x.votes)
            yield Hit(location=d.location,
                      fields={"number": d.doc.describe(), "quoted": d.quoted, "source_text": d.source_text,
                              "source": _source_of(d.doc, d.source_line)},
                      suggestion=f"“{d.quoted}” → “{d.source_text}”" if d.source_text else None,
                      evidence={"source": d.doc.path})

