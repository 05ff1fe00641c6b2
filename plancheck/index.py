"""Known documents: citations of them are checked against what they say.

A document is "known" when it is checked in the same run, or when it is in an
index made by ``plancheck index FOLDER``: an SQLite file with, per document, its
number, symbol, type, issuer, date, title, session, stated counts ("gồm 28 chỉ
tiêu") and the text of its paragraphs (normalised: NFC, one tone placement,
case-folded, whitespace collapsed) for matching quoted passages.

Both kinds answer the same questions (``lookup(number)``, ``by_session(term,
session)``) with ``KnownDocument``s. sqlite3 is imported only when an index is
built or opened, so that ``import plancheck`` stays cheap.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .errors import PlancheckError
from .lexicon import normalise_number
from .lazyre import lazy_compile

if TYPE_CHECKING:  # pragma: no cover
    import sqlite3

__all__ = [
    "DEFAULT_INDEX", "INDEX_VERSION", "Index", "KnownCount", "KnownDocument", "KnownDocuments",
    "build_index", "count_key", "known_from_subject", "normalise_number", "normalise_text", "open_index",
    "place_of",
]

INDEX_VERSION = 1
DEFAULT_INDEX = "plancheck-index.sqlite"

# -- normalisation ------------------------------------------------------------------------
def normalise_text(text: str) -> str:
    """Text as quotes are compared: NFC, one tone placement, case-folded, whitespace collapsed."""
    from .text import fold

    return " ".join(fold(text).split())


def count_key(what: str) -> str:
    """What a count counts, for comparing two documents' counts: 'chỉ tiêu chủ yếu' -> 'chỉ tiêu'."""
    words = normalise_text(what).split()
    return " ".join(words[:3] if words[:1] == ["nhóm"] else words[:2])


_UNIT = lazy_compile(r"(?<!\w)(?:tỉnh|thành phố|tp\.|huyện|quận|thị xã|xã(?![ \t]+hội)|phường|thị trấn)(?!\w)",
                   re.IGNORECASE)
_NOT_NAME = frozenset({"khóa", "khoá", "kỳ", "họp", "về", "số", "ngày", "tại", "và", "năm", "lần", "thứ"})


def place_of(issuer: str | None) -> str | None:
    """The place an issuing body belongs to: 'HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA' -> 'sơn la';
    None for a national body ('CHÍNH PHỦ') or an issuer that names no place ('HĐND tỉnh',
    'HĐND tỉnh khóa XV')."""
    if not issuer:
        return None
    text = unicodedata.normalize("NFC", issuer)
    units = list(_UNIT.finditer(text))
    if not units:
        return None
    words = []
    for word in text[units[0].end():].split():
        word = word.strip(".,;:()")
        if not word or not word[0].isupper() or normalise_text(word) in _NOT_NAME:
            break
        words.append(word)
    return normalise_text(" ".join(words)) or None


# -- known documents ------------------------------------------------------------------------
@dataclass
class KnownCount:
    what: str            # as written: "chỉ tiêu"
    stated: int          # the number the document states
    stated_text: str     # as written: "28"
    counted: int | None  # the items plancheck counted, when it could
    line: int | None = None

    @property
    def key(self) -> str:
        return count_key(self.what)


@dataclass(eq=False)
class KnownDocument:
    """What citations of a document are checked against."""

    path: str
    number: str | None = None
    symbol: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    date: dt.date | None = None
    date_line: int | None = None
    passed: dt.date | None = None   # the date its closing says it was passed ("thông qua ngày ...")
    title: str | None = None
    term: str | None = None
    session: int | None = None
    counts: list[KnownCount] = field(default_factory=list)
    _paragraphs: list[tuple[int | None, str]] | Callable[[], list[tuple[int | None, str]]] | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def key(self) -> str | None:
        return normalise_number(self.number)

    @property
    def place(self) -> str | None:
        return place_of(self.issuer)

    @property
    def is_council(self) -> bool:
        """Issued by a people's council (HĐND): its resolutions are passed at numbered sessions."""
        text = normalise_text(self.issuer or "")
        return "hội đồng nhân dân" in text or "hđnd" in text

    def paragraphs(self) -> list[tuple[int | None, str]]:
        """(line, normalised text) of each paragraph, loaded on first use."""
        if callable(self._paragraphs):
            self._paragraphs = self._paragraphs()
        return self._paragraphs or []

    def describe(self) -> str:
        return self.number or self.path


def known_from_subject(subject: Any, reread: bool = False) -> KnownDocument | None:
    """A document of this run as a known document: its header, counts and paragraphs.

    ``reread``: its paragraphs are read again from its file when a quote is compared
    with them, rather than kept (a run of many files keeps no whole documents)."""
    plan = subject.plan
    structure = subject.structure
    document = subject.document
    if structure is not None:
        header = structure.header
        closing = structure.closing
        date, date_loc = header.date, header.date_location
        if date is None and closing is not None and closing.date is not None:
            date, date_loc = closing.date, closing.date_location
        term = header.term or (closing.term if closing else None)
        session = header.session or (closing.session if closing else None)
        known = KnownDocument(
            path=plan.path or (document.path if document is not None else ""),
            number=header.number, symbol=_symbol(header.number), doc_type=header.doc_type,
            issuer=header.issuer, date=date, date_line=date_loc.line if date_loc else None,
            passed=closing.date if closing is not None else None,
            title=header.title, term=term.upper() if term else None, session=session,
        )
    else:
        info = plan.document
        known = KnownDocument(path=plan.path, number=info.number, symbol=_symbol(info.number),
                              doc_type=info.kind, issuer=info.issuer, date=info.date, title=info.title)
    known.counts = [_known_count(c) for c in plan.counts]
    known.counts = [c for c in known.counts if c is not None]
    if document is not None and reread and document.path and os.path.isfile(document.path):
        known._paragraphs = partial(_paragraphs_of_file, document.path)
    elif document is not None:
        known._paragraphs = partial(_normalised_paragraphs, document)
    return known


def _normalised_paragraphs(document: Any) -> list[tuple[int | None, str]]:
    return [(p.location.line if p.spans else None, normalise_text(p.text)) for p in document.paragraphs()]


def _paragraphs_of_file(path: str) -> list[tuple[int | None, str]]:
    from .read import read_source

    try:
        document, _ = read_source(path)
    except (PlancheckError, OSError):
        return []   # gone or changed since it was checked: no quote is compared with it
    return _normalised_paragraphs(document) if hasattr(document, "paragraphs") else []


def _symbol(number: str | None) -> str | None:
    """'NQ-HĐND' of 252/NQ-HĐND and of 39/2020/NQ-HĐND; 'NQ/TW' of the party's 11-NQ/TW."""
    if not number or "/" not in number:
        return None
    party = re.match(r"^\s*[0-9]+[a-zđ]?-(?=[^\W\d_])", number)
    symbol = number[party.end():] if party else number.rsplit("/", 1)[1]
    return "".join(symbol.split()) or None


def _known_count(count: Any) -> KnownCount | None:
    point = count.stated.point
    if point is None or point != int(point):
        return None
    return KnownCount(what=count.what, stated=int(point), stated_text=count.stated.text.strip(),
                      counted=count.counted, line=count.location.line if count.location else None)


class KnownDocuments:
    """Documents known in memory (those of the run), looked up by number and by session."""

    def __init__(self, documents: Iterable[KnownDocument] = ()) -> None:
        self._all: list[KnownDocument] = []
        self._by_key: dict[str, list[KnownDocument]] = {}
        for doc in documents:
            self.add(doc)

    def add(self, doc: KnownDocument) -> None:
        self._all.append(doc)
        if doc.key:
            self._by_key.setdefault(doc.key, []).append(doc)

    def __iter__(self) -> Iterator[KnownDocument]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)

    def lookup(self, number: str | None) -> list[KnownDocument]:
        key = normalise_number(number)
        return list(self._by_key.get(key, [])) if key else []

    def by_session(self, term: str, session: int) -> list[KnownDocument]:
        return [d for d in self._all if d.term == term.upper() and d.session == session]

    @classmethod
    def from_subjects(cls, subjects: Iterable[Any]) -> "KnownDocuments":
        known = cls()
        for subject in subjects:
            doc = known_from_subject(subject)
            if doc is not None and (doc.key or doc.session is not None):
                known.add(doc)
        return known


# -- the index file ---------------------------------------------------------------------------
_SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL, tool TEXT, created TEXT);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    number TEXT, number_key TEXT, symbol TEXT, doc_type TEXT, issuer TEXT, place TEXT,
    date TEXT, date_line INTEGER, passed TEXT, title TEXT, term TEXT, session INTEGER
);
CREATE TABLE counts (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    what TEXT NOT NULL, what_key TEXT NOT NULL, stated INTEGER NOT NULL, stated_text TEXT NOT NULL,
    counted INTEGER, line INTEGER
);
CREATE TABLE paragraphs (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, line INTEGER, text TEXT NOT NULL
);
CREATE INDEX documents_by_number ON documents(number_key);
CREATE INDEX documents_by_session ON documents(term, session);
CREATE INDEX counts_by_document ON counts(document_id);
CREATE INDEX paragraphs_by_document ON paragraphs(document_id, position);
"""

_COLUMNS = "id, path, number, symbol, doc_type, issuer, date, date_line, passed, title, term, session"


@dataclass
class IndexResult:
    output: str
    documents: int = 0       # indexed
    numbered: int = 0        # of which have a number citations can name
    errors: list[PlancheckError] = field(default_factory=list)


def build_index(paths: Iterable[str | Path], output: str | Path = DEFAULT_INDEX, jobs: int = 1) -> IndexResult:
    """Read every document under ``paths`` and write the index to ``output``; ``jobs`` > 1
    reads them in that many worker processes (the same index).

    A file that cannot be read is listed in the result's errors and skipped; the
    others are indexed. The file is written whole and then moved into place, so
    a failed run leaves an earlier index as it was."""
    import sqlite3

    from .read import discover_files
    from .runner import map_in_order

    output = Path(output)
    result = IndexResult(output=str(output))
    if output.is_dir():
        raise PlancheckError("the index file is a folder; give a file name with -o", str(output))
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    out_resolved = output.resolve()
    try:
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
    except (OSError, sqlite3.Error) as exc:
        raise PlancheckError(f"cannot write the index: {exc}", str(output)) from None
    try:
        with db:
            db.executescript(_SCHEMA)
            from . import __version__

            db.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                       (INDEX_VERSION, f"plancheck {__version__}", dt.datetime.now().isoformat(timespec="seconds")))
            files = [p for p in discover_files(list(paths)) if Path(p).resolve() not in (out_resolved, tmp.resolve())]
            for known in map_in_order(_known_of_file, files, None, jobs):
                if isinstance(known, PlancheckError):
                    result.errors.append(known)
                    continue
                if known is None:
                    continue
                _insert(db, known)
                result.documents += 1
                result.numbered += bool(known.key)
        db.close()
        os.replace(tmp, output)
    except (OSError, sqlite3.Error) as exc:
        raise PlancheckError(f"cannot write the index: {exc}", str(output)) from None
    finally:
        db.close()
        tmp.unlink(missing_ok=True)   # still there only when something went wrong
    return result


def _known_of_file(path: Path, _shared: Any = None) -> KnownDocument | PlancheckError | None:
    """One file read for the index (in a worker or here): its known document, paragraphs
    included, or the error that kept it out."""
    from .checks.base import Subject
    from .config import DEFAULT_TIMEOUT
    from .errors import internal_error
    from .pipeline import load_path
    from .timelimit import FileTimeout, time_limit

    try:
        with time_limit(DEFAULT_TIMEOUT):
            loaded = load_path(path)
            known = known_from_subject(Subject(plan=loaded.plan, document=loaded.document,
                                               structure=loaded.structure))
            if known is None:
                return None
            known.path = str(path)
            known._paragraphs = known.paragraphs()   # read here, not where the index is written
            return known
    except PlancheckError as exc:
        exc.path = exc.path or str(path)
        return exc
    except FileTimeout:
        return PlancheckError(f"stopped after {DEFAULT_TIMEOUT:g} s (the limit per file)", str(path))
    except Exception as exc:  # a bug in plancheck: say so, index the others
        return PlancheckError(internal_error(exc), str(path))


def _insert(db: "sqlite3.Connection", doc: KnownDocument) -> None:
    cur = db.execute(
        "INSERT INTO documents (path, number, number_key, symbol, doc_type, issuer, place, date, date_line,"
        " passed, title, term, session) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.path, doc.number, doc.key, doc.symbol, doc.doc_type, doc.issuer, doc.place,
         doc.date.isoformat() if doc.date else None, doc.date_line,
         doc.passed.isoformat() if doc.passed else None, doc.title, doc.term, doc.session))
    doc_id = cur.lastrowid
    db.executemany("INSERT INTO counts VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [(doc_id, c.what, c.key, c.stated, c.stated_text, c.counted, c.line) for c in doc.counts])
    db.executemany("INSERT INTO paragraphs VALUES (?, ?, ?, ?)",
                   [(doc_id, i, line, text) for i, (line, text) in enumerate(doc.paragraphs()) if text])


class Index:
    """An index file opened for lookups (read only)."""

    def __init__(self, path: str | Path) -> None:
        import sqlite3

        self.path = str(path)
        p = Path(path)
        if not p.exists():
            raise PlancheckError("no such index file (make one with `plancheck index FOLDER`)", self.path)
        if p.is_dir():
            raise PlancheckError("the index is a folder, not a file made by `plancheck index`", self.path)
        try:
            self._db = sqlite3.connect(p.resolve().as_uri() + "?mode=ro", uri=True)
            row = self._db.execute("SELECT version FROM schema_version").fetchone()
            self._db.execute(f"SELECT {_COLUMNS} FROM documents LIMIT 1").fetchall()
        except sqlite3.Error as exc:
            self.close()
            raise PlancheckError(f"not an index made by `plancheck index` ({exc})", self.path) from None
        if row is None or row[0] != INDEX_VERSION:
            self.close()
            found = "no version" if row is None else f"version {row[0]}"
            raise PlancheckError(f"index {found}, this plancheck reads version {INDEX_VERSION}: "
                                 "make it again with `plancheck index`", self.path)
        self._docs: dict[int, KnownDocument] = {}

    def close(self) -> None:
        db = getattr(self, "_db", None)
        if db is not None:
            db.close()
            self._db = None

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __len__(self) -> int:
        return self._query("SELECT COUNT(*) FROM documents")[0][0]

    def __iter__(self) -> Iterator[KnownDocument]:
        return iter(self._documents(self._query(f"SELECT {_COLUMNS} FROM documents ORDER BY id")))

    def lookup(self, number: str | None) -> list[KnownDocument]:
        key = normalise_number(number)
        if not key:
            return []
        return self._documents(self._query(f"SELECT {_COLUMNS} FROM documents WHERE number_key = ? ORDER BY id",
                                           (key,)))

    def by_session(self, term: str, session: int) -> list[KnownDocument]:
        return self._documents(self._query(
            f"SELECT {_COLUMNS} FROM documents WHERE term = ? AND session = ? ORDER BY id", (term.upper(), session)))

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        import sqlite3

        if self._db is None:
            raise PlancheckError("the index is closed", self.path)
        try:
            return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise PlancheckError(f"cannot read the index ({exc})", self.path) from None

    def _documents(self, rows: list[tuple]) -> list[KnownDocument]:
        out = []
        for row in rows:
            doc_id = row[0]
            if doc_id not in self._docs:
                self._docs[doc_id] = self._document(row)
            out.append(self._docs[doc_id])
        return out

    def _document(self, row: tuple) -> KnownDocument:
        doc_id, path, number, symbol, doc_type, issuer, date, date_line, passed, title, term, session = row
        counts = [KnownCount(what=w, stated=s, stated_text=t, counted=c, line=line) for w, s, t, c, line in
                  self._query("SELECT what, stated, stated_text, counted, line FROM counts WHERE document_id = ?",
                              (doc_id,))]
        doc = KnownDocument(path=path, number=number, symbol=symbol, doc_type=doc_type, issuer=issuer,
                            date=_day(date), date_line=date_line, passed=_day(passed), title=title, term=term,
                            session=session, counts=counts)
        doc._paragraphs = lambda: [(line, text) for line, text in self._query(
            "SELECT line, text FROM paragraphs WHERE document_id = ? ORDER BY position", (doc_id,))]
        return doc


def _day(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


def open_index(path: str | Path) -> Index:
    """An index made by ``plancheck index``; PlancheckError when it is missing, not an
    index, or of another version."""
    return Index(path)
