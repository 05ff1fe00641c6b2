"""Plain text and Markdown -> Document, every piece located.

Text reaches plancheck as extraction leaves it (from PDF, Word or a web page):
sentences broken across lines, page numbers alone on a line, tables written one
cell per line with a line holding "|" after each cell, Markdown emphasis and
pipe tables. This reader repairs what it safely can and keeps every character
traceable to its 1-based line and column in the file (``Document.lines``).

Paragraphs. A line continues the paragraph above unless one of these says not:
- a blank line, a rule line ("-------"), a "|" left over from a table or a
  dropped page number ends the paragraph, except where the line above ends
  without punctuation and the next starts in lower case (a page break inside a
  sentence);
- a line starting with a structural marker starts one ("Điều 3.", "1.2.", "a)",
  "(1)", "- ", "II.", "Căn cứ", "QUYẾT NGHỊ", "PHỤ LỤC", "TM.", "HỘI ĐỒNG NHÂN
  DÂN", "KHÓA XV", "Số:", "Sơn La, ngày" ...), except a dash and a lower-case word
  after an unpunctuated line: that is "kinh tế - xã hội" wrapped at its dash;
  a label alone on its line ("Điều 2.") always takes the next line;
- a line ending with '.', '!' or '?' ends one; ';' and ':' end one unless the
  next line starts in lower case (a list of clauses wrapped at a semicolon);
- text not wrapped at all (a line per paragraph) breaks at every line that does
  not start in lower case;
- headings: a document type alone on its line ("NGHỊ QUYẾT") is a paragraph of
  its own; so is a change between an all-capitals and a mixed-case line ("KHÓA
  XV, KỲ HỌP THỨ TÁM" / "Căn cứ ..."), a Markdown "#" line, a bold line that
  closes its "**", and in plain text a labelled line much shorter than the
  document's usual first lines ("1.1. Mục tiêu" / "Thực hiện ...", see
  ``_layout``); bold open at a line's end ("**Điều 7. Ban" / "Kiểm soát Quỹ**")
  holds the lines together.

Tables written one cell per line are found as runs of "|" lines (see
``_cell_regions``) and handed to ``plancheck.read.pipe_table``; Markdown pipe
rows ("| a | b |") are tables with exact rows.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..i18n import _
from ..models.document import Cell, Document, Paragraph, Row, Span, Table
from ..models.location import Location
from .encoding import decode_document, legacy_caveat
from ..lazyre import lazy_compile

MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt",) + MARKDOWN_SUFFIXES

# One-cell-per-line tables: the most lines a cell may hold, the most lines of a
# first cell found by walking back from the first "|", and how long such a line may be.
MAX_CELL_LINES = 40
MAX_FIRST_CELL_LINES = 6
SHORT_LINE = 60
# Text wrapped wider than this was not wrapped at all (a line per paragraph).
UNWRAPPED_WIDTH = 150
# In wrapped text, a labelled line ("1.1. Mục tiêu") this much shorter than the
# document's usual first line of a labelled paragraph is a heading.
HEADING_SHARE = 0.6

# -- line classification -------------------------------------------------------
_LINE_BREAK = lazy_compile(r"\r\n|\r|\n")
_WORD = lazy_compile(r"\S+")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")   # and the soft hyphen
# Words with single spaces between them and nothing to drop: cleaning only trims.
_PLAIN = lazy_compile(r"[^\s*_\u200b\u200c\u200d\u2060\ufeff\u00ad]+(?: [^\s*_\u200b\u200c\u200d\u2060\ufeff\u00ad]+)*")
_STAR_RUN = lazy_compile(r"\*+")
# Words with single spaces between them, nothing invisible: only emphasis ("*", "_") may be dropped.
_ONE_SPACED = lazy_compile(r"[^\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+(?: [^\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+)*")
_MARKED_WORD = lazy_compile(r"[^ ]*[*_][^ ]*")
# A plain line (as _PLAIN) wholly in emphasis: "**…**", "*…*", "***…***", or opened or closed only
_EMPHASISED = lazy_compile(r"\*{0,3}([^\s*_\u200b\u200c\u200d\u2060\ufeff\u00ad]+(?: [^\s*_\u200b\u200c\u200d\u2060\ufeff\u00ad]+)*)\*{0,3}")
# A line that ends on a word no sentence ends with: the next line goes on with it.
_OPEN_END = lazy_compile(r"(?<!\w)(?:tại|của|theo|về|với|cho|từ|đến|trong|và|hoặc|thuộc|là)\s*$")
# A line that opens in bold with the word of a heading, its number maybe on the next line.
_BOLD_HEADING_WORD = lazy_compile(r"[ \t]*\*\*[ \t]*(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Phụ lục|PHỤ LỤC)(?![^\W\d_])")
_DOUBLE_UNDERSCORE = lazy_compile(r"(?<!_)__(?!_)")
_HEADING = lazy_compile(r"[ \t]{0,3}#{1,6}(?=\s|$)")
_PIPE_ONLY = lazy_compile(r"[\s|]*\|[\s|]*")
_RULE = lazy_compile(r"[-_=*~.…–—]{3,}")
_RULE_CHARS = frozenset("-_=*~.…–—")
_DOTS = lazy_compile(r"\s*(?:\.{3,5}|…{1,2})\s*")   # an elision standing alone: numbers around it may skip
_DECORATION = lazy_compile(r"[*_#\s]+")
_DECORATION_CHARS = frozenset("*_#")
_PAGE_NUMBER = lazy_compile(r"\d{1,3}|-\s*\d{1,3}\s*-")

# Numbering labels: "Điều 3.", "Chương II", "1.", "1.2.", "1.2.3.", "1)", "a)", "đ)",
# "(1)", "I.", "II.", "A.". A label alone on its line ("Điều 2.") has its text on
# the next line; a short labelled line is a heading.
_LABELS = r"""
        (?:Điều|ĐIỀU)\s+\d+[a-zđ]?\s*[.:]
      | (?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+(?:\d+|[IVXLC]+|thứ\s+\w+|THỨ\s+\w+)\b\.?
      | \d{1,2}(?:\.\d{1,2})*[.)](?=\s|$)          # 1.  1.2.  1.2.3.  1)
      | \d{1,2}(?:\.\d{1,2})+(?=\s)                # 1.2 without the last dot
      | [a-zđ]\)  |  [a-zđ]\.(?=\s)                # a)  đ)  a.
      | \((?:\d{1,3}|[a-zđ])\)                     # (1)  (a)
      | (?=[IVXLC])X{0,3}(?:IX|IV|V?I{0,3})\.(?=\s|$)   # I.  II.  IV.
      | [A-ZĐ]\.(?=\s)                             # A.  B.
"""
_LABEL = lazy_compile(f"(?:{_LABELS})", re.VERBOSE)
# A structural marker at the start of a line begins a paragraph: a label, a
# bullet, the words that open a part of a legal text, a header field.
_MARKER = lazy_compile(
    rf"""(?:{_LABELS}
      | [-+•–]\s                                   # bullets
      | Căn\s+cứ\b | Xét\b | Theo\s+đề\s+nghị\b | Sau\s+khi\b
      | QUYẾT\s+NGHỊ | QUYẾT\s+ĐỊNH\s*: | Nơi\s+nhận | PHỤ\s+LỤC | Phụ\s+lục | DANH\s+MỤC
      | CHỦ\s+TỊCH | TM\.\s? | KT\.\s? | Số\s*:
      | HỘI\s+ĐỒNG\s+NHÂN\s+DÂN | (?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN | KH[OÓ][AÁ]\s+[IVXLC]+\b
      | [A-ZĐ][^\d,.;:]{{1,30}},\s+ngày\s+(?:\d|tháng\b|[._…])   # Sơn La, ngày 07 ...
    )""",
    re.VERBOSE,
)
# Lines that cannot sit inside a table cell: a one-cell-per-line table ends before them.
_SECTION = lazy_compile(r"(?:PHỤ\s+LỤC|DANH\s+MỤC|QUYẾT\s+NGHỊ|QUYẾT\s+ĐỊNH|(?:Điều|ĐIỀU)\s+\d+[a-zđ]?\s*\."
                      r"|(?:Chương|CHƯƠNG)\s+(?:\d+|[IVXLC]+)\b)")
_DOC_TYPE = lazy_compile(r"(?:NGHỊ QUYẾT|QUYẾT ĐỊNH|CHỈ THỊ|KẾ HOẠCH|BÁO CÁO|TỜ TRÌNH|THÔNG BÁO|CÔNG VĂN"
                       r"|ĐỀ ÁN|CHƯƠNG TRÌNH|QUY ĐỊNH|QUY CHẾ|HƯỚNG DẪN|NGHỊ ĐỊNH|THÔNG TƯ|LUẬT)")
_WRAPPED_DASH = lazy_compile(r"[-–]\s+(?=[^\W\d_])")
_CLOSING_QUOTES = "”’\"»"
_CELL_STOP = (")", ":", ".", ";", "!", "?")


@dataclass(slots=True)
class _Line:
    """A source line and its cleaned text (NFC, emphasis and extra spaces removed)."""

    number: int                            # 1-based
    raw: str
    text: str
    breaks: list[tuple[int, int]]          # (offset in text, 0-based column in raw) where the mapping jumps
    kind: str                              # text | blank | decoration | rule | pipe | row | joined
    heading: bool = False                  # a Markdown "#" heading
    bold: str = ""                         # "open": ends inside **bold**; "closed": ends closing it

    def column(self, offset: int) -> int:
        """1-based column in ``raw`` of character ``offset`` of ``text``."""
        start, col = self.breaks[0]
        for b_off, b_col in self.breaks:
            if b_off > offset:
                break
            start, col = b_off, b_col
        return col + offset - start + 1

    def spans(self, path: str, base: int = 0) -> list[Span]:
        return [Span(base + off, Location(path, self.number, col + 1)) for off, col in self.breaks]


# -- entry point -----------------------------------------------------------------
def read_text_document(path: str | Path, data: bytes | None = None, wrapped: frozenset[int] = frozenset()) -> Document:
    """A .txt or .md file (or its bytes) as a Document; InputError when unreadable. Its size
    is the caller's to bound (plancheck.read.read_source checks it against the limits).
    ``wrapped``: numbers of lines known to go on the line before (a PDF's lines broken by the
    page's width, plancheck.read.pdf), whatever they start with."""
    name = str(path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError(_("cannot read: {strerror}").format(strerror=exc.strerror), name) from None
    text, legacy = decode_document(data, name)
    markdown = Path(path).suffix.lower() in MARKDOWN_SUFFIXES
    raw_lines = _split_lines(text)
    lines = [_classify(i + 1, raw, markdown) for i, raw in enumerate(raw_lines)]
    _close_broken_rows(lines)
    _rows_without_leading_bar(lines)
    _mark_bold(lines)
    doc = Document(path=name, source_format="markdown" if markdown else "text", lines=raw_lines)
    if legacy:
        doc.caveats.append(legacy_caveat(legacy))
    _Builder(doc, lines, wrapped).run()
    return doc


def _split_lines(text: str) -> list[str]:
    # Only CR/LF end a line, as in editors and grep -n; str.splitlines() would also
    # split at form feeds and U+2028 and shift every line number after them.
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


# -- cleaning one line ---------------------------------------------------------------
_COMMENT_LINE = lazy_compile(r"\s*<!--.*?-->\s*")


def _classify(number: int, raw: str, markdown: bool) -> _Line:
    # the first character of each test's pattern guards it: most lines are plain text
    if "<!--" in raw and _COMMENT_LINE.fullmatch(raw):
        return _Line(number, raw, "", [], "blank")   # an HTML comment (a suppression) is no text
    if "|" in raw:
        if _PIPE_ONLY.fullmatch(raw):
            return _Line(number, raw, raw.strip(), [(0, len(raw) - len(raw.lstrip()))], "pipe")
        stripped = raw.strip()
        if len(stripped) > 2 and stripped[0] == "|" and stripped[-1] == "|":
            text, breaks = clean_text(raw)
            return _Line(number, raw, text, breaks, "row")
    heading = _HEADING.match(raw) if markdown and "#" in raw else None
    text, breaks = clean_text(raw, heading.end() if heading else 0)
    if not text:
        kind = "decoration" if raw.strip() else "blank"
    elif text[0] in _DECORATION_CHARS and _DECORATION.fullmatch(text):
        kind = "decoration"   # what is left of "**", "* *", "#": nothing to read
    elif text[0] in _RULE_CHARS and _RULE.fullmatch(text.replace(" ", "")) and not _DOTS.fullmatch(text):
        kind = "rule"   # "-----", "* * *"; dots alone ("...", "…") are an elision, kept as text
    else:
        kind = "text"
    return _Line(number, raw, text, breaks, kind, heading=bool(heading) and kind == "text")


def _close_broken_rows(lines: list[_Line]) -> None:
    """A pipe row whose closing bar went to the next line ("| Diện tích (km²) | 91,5 | … |
    640,9[8]" then "|"), as web pages leave a row after a footnote, is a row."""
    for i, line in enumerate(lines[:-1]):
        if line.kind != "text" or lines[i + 1].kind != "pipe":   # the cheap tests first: most lines
            continue
        stripped = line.raw.strip()
        if stripped.startswith("|") and stripped.count("|") >= 3:
            text, breaks = clean_text(line.raw + "|")
            lines[i] = _Line(line.number, line.raw + "|", text, breaks, "row")
            lines[i + 1] = _Line(lines[i + 1].number, lines[i + 1].raw, "", [(0, 0)], "joined")


def _rows_without_leading_bar(lines: list[_Line]) -> None:
    """Lines that end with "|" and hold as many bars as the lines around them ("Năm 2026 |
    3.682,35 | 2.920,17 |"), as a page's table leaves its rows once the first bar is lost, are
    rows: two such lines in a row at least, of three cells or more (one alone is text that happens
    to end with a bar; "A | B |" lines are what an infobox leaves of its multi-line cells)."""
    def open_row(line: _Line) -> int:
        if line.kind != "text" or "|" not in line.raw:   # most lines: no bar at all
            return 0
        stripped = line.raw.strip()
        return stripped.count("|") if stripped.endswith("|") \
            and not stripped.startswith("|") and stripped.count("|") >= 3 else 0

    i = 0
    while i < len(lines):
        bars = open_row(lines[i])
        j = i
        while bars and j + 1 < len(lines) and open_row(lines[j + 1]) == bars:
            j += 1
        if j > i:
            for k in range(i, j + 1):
                lines[k] = _Line(lines[k].number, lines[k].raw, lines[k].text, lines[k].breaks, "row")
        i = j + 1


def _mark_bold(lines: list[_Line]) -> None:
    """Where **bold** spans a line end ("**Điều 7. Ban" / "Kiểm soát Quỹ**") the
    lines are one unit; where a line ends closing it, a bold heading ended."""
    bold = False
    for line in lines:
        if line.kind == "blank":
            bold = False   # Markdown ends emphasis with the paragraph
            continue
        toggles = sum(len(run) // 2 for run in _STAR_RUN.findall(line.raw) if len(run) > 1) \
            if "**" in line.raw else 0
        bold ^= toggles % 2 == 1
        if bold:
            line.bold = "open"
        elif toggles and line.raw.rstrip().endswith("**"):
            line.bold = "closed"


def clean_text(raw: str, lo: int = 0, hi: int | None = None) -> tuple[str, list[tuple[int, int]]]:
    """``raw[lo:hi]`` as NFC text without emphasis markers, zero-width characters
    or repeated spaces, and where its characters came from: a list of (offset in
    the result, 0-based column in ``raw``) at each point where the two stop
    advancing together. Between breaks, offset and column advance as one."""
    segment = raw[lo:hi]
    stripped = segment.strip()
    if _PLAIN.fullmatch(stripped) and unicodedata.is_normalized("NFC", stripped):
        return stripped, [(0, lo + len(segment) - len(segment.lstrip()))]   # the common case
    bold = _EMPHASISED.fullmatch(stripped) if "*" in stripped else None
    if bold is not None and unicodedata.is_normalized("NFC", bold.group(1)):
        # the next most common: a plain line in emphasis ("**Điều 1. Phạm vi**"); what the
        # general path below would make of it, without taking it apart word by word
        return bold.group(1), [(0, lo + len(segment) - len(segment.lstrip()) + bold.start(1))]
    if _ONE_SPACED.fullmatch(stripped) and unicodedata.is_normalized("NFC", stripped):
        # emphasis inside a line ("**Champa** (tiếng Phạn …) hay **Chiêm Thành**"): only the words
        # holding a mark are taken apart; the words between them go through as one piece
        return _clean_marked(stripped, lo + len(segment) - len(segment.lstrip()))
    return _clean_words(raw, lo, hi, segment)


def _clean_marked(stripped: str, base: int) -> tuple[str, list[tuple[int, int]]]:
    """clean_text of a line as _ONE_SPACED whose first character is at column ``base``: what
    _clean_words makes of it, each run of unmarked words handled as one piece."""
    units: list[tuple[int, list[tuple[int, str]]]] = []   # (where it ends, its kept pieces)
    pos = 0
    for m in _MARKED_WORD.finditer(stripped):
        a, b = m.span()
        first = pos + (pos > 0)   # past the space after the last marked word
        if a - 1 > first or (a > 0 and pos == 0):   # unmarked words before this one
            units.append((a - 1, [(first, stripped[first:a - 1])]))
        units.append((b, [(col, nfc) for col, piece in _kept_pieces(m.group(), a)
                          for col, nfc in _nfc_pieces(col, piece)]))
        pos = b
    if pos < len(stripped):
        first = pos + (pos > 0)
        units.append((len(stripped), [(first, stripped[first:])]))
    parts: list[str] = []
    breaks: list[tuple[int, int]] = []
    length = 0
    previous_end = 0
    for end, pieces in units:
        if not pieces:
            continue   # a word of markup alone
        if length:
            pieces = [(previous_end, " ")] + pieces   # a space between units, where the last one ended
        for col, piece in pieces:
            if not breaks or breaks[-1][1] + length - breaks[-1][0] != base + col:
                breaks.append((length, base + col))
            parts.append(piece)
            length += len(piece)
        previous_end = end
    return "".join(parts), breaks or [(0, base)]


def _clean_words(raw: str, lo: int, hi: int | None, segment: str) -> tuple[str, list[tuple[int, int]]]:
    """clean_text's general path: word by word."""
    parts: list[str] = []
    breaks: list[tuple[int, int]] = []
    length = 0
    previous_end = -1

    def emit(column: int, piece: str) -> None:
        nonlocal length
        if not breaks or breaks[-1][1] + length - breaks[-1][0] != column:
            breaks.append((length, column))
        parts.append(piece)
        length += len(piece)

    for match in _WORD.finditer(raw, lo, len(raw) if hi is None else hi):
        pieces = _kept_pieces(match.group(), match.start())
        if not pieces:
            continue
        if length:
            emit(previous_end, " ")   # a run of spaces becomes one, at its first
        for column, piece in pieces:
            for col, nfc in _nfc_pieces(column, piece):
                emit(col, nfc)
        previous_end = match.end()
    if not breaks:
        breaks.append((0, lo + len(segment) - len(segment.lstrip())))
    return "".join(parts), breaks


def _kept_pieces(word: str, start: int) -> list[tuple[int, str]]:
    """The parts of a word to keep, with their columns: emphasis markers and
    zero-width characters dropped."""
    drop = _dropped(word)
    if not drop:
        return [(start, word)]
    pieces: list[tuple[int, str]] = []
    i = 0
    for a, b in drop:
        if a > i:
            pieces.append((start + i, word[i:a]))
        i = max(i, b)
    if i < len(word):
        pieces.append((start + i, word[i:]))
    return pieces


def _dropped(word: str) -> list[tuple[int, int]]:
    """Ranges of ``word`` that are markup: Markdown emphasis and invisible characters.

    "**" and "__" are always emphasis; a single "*" or "_" is when it opens or
    closes the word ("*Căn", "2025;*") or touches punctuation ("cáo)*;"). Kept:
    a lone "*", the footnote marks "(*)" and "(**)", "m*2", "___" fill-in blanks.
    """
    if "*" not in word and "_" not in word and not _ZERO_WIDTH.intersection(word):
        return []
    ranges = [(i, i + 1) for i, c in enumerate(word) if c in _ZERO_WIDTH]
    for m in _STAR_RUN.finditer(word):
        a, b = m.span()
        before, after = word[a - 1:a], word[b:b + 1]
        if before == "(" and after == ")":
            continue   # (*) (**): footnote marks
        if b - a == 1 and (len(word) == 1 or before.isalnum() and after.isalnum()):
            continue   # a lone "*", "m*2"
        ranges.append((a, b))
    ranges += [m.span() for m in _DOUBLE_UNDERSCORE.finditer(word)]
    if len(word) > 1 and any(c.isalpha() for c in word):
        if word[0] == "_" and word[1:2] != "_":
            ranges.append((0, 1))
        if word[-1] == "_" and word[-2:-1] != "_":
            ranges.append((len(word) - 1, len(word)))
    return sorted(ranges)


def _nfc_pieces(column: int, piece: str) -> Iterator[tuple[int, str]]:
    """NFC of ``piece``, cut where composition shortens it so columns stay exact."""
    if unicodedata.is_normalized("NFC", piece):
        yield column, piece
        return
    start = 0
    for i in range(1, len(piece) + 1):
        if i == len(piece) or not unicodedata.combining(piece[i]):
            yield column + start, unicodedata.normalize("NFC", piece[start:i])
            start = i


# -- paragraph rules -------------------------------------------------------------------
def _ending(text: str) -> str | None:
    """'strong' after a sentence, 'weak' after a clause (';' ':'), else None."""
    t = text.rstrip(_CLOSING_QUOTES + " ")
    if t.endswith(("...", "…")):
        t = t.rstrip(".…")   # an ellipsis says nothing; ";…" still ends a clause
    if t.endswith((".", "!", "?")):
        return "strong"
    if t.endswith((";", ":")):
        return "weak"
    return None


def _starts_lower(text: str) -> bool:
    return text[:1].islower()


def _has_lower(text: str) -> bool:
    return text != text.upper()


def _all_caps(text: str) -> bool:
    return not _has_lower(text) and sum(c.isalpha() for c in text) >= 2


def _case_changes(previous: str, text: str) -> bool:
    """An all-capitals header line next to a mixed-case line ("/QĐ-UBND" /
    "ngày ... tháng" is no such change: a lower-case start goes on)."""
    if _starts_lower(text):
        return False
    if _all_caps(previous):
        return _has_lower(text)
    return _has_lower(previous) and text[:1].isupper() and _all_caps(text) and len(text.split()) >= 2


def _is_doc_type(line: _Line) -> bool:
    return _DOC_TYPE.fullmatch(line.text.rstrip(": ")) is not None


def _continues(previous: _Line, line: _Line, gap: bool, layout: _Layout) -> bool:
    """Whether ``line`` goes on the paragraph that ``previous`` ended."""
    if previous.heading or line.heading or _is_doc_type(previous) or _is_doc_type(line):
        return False
    if not gap and _OPEN_END.search(previous.text):
        return True   # "… quy định tại" / "**Điều 5** Luật …", "Mục I Phụ lục này …": a reference wrapped
    if _BOLD_HEADING_WORD.match(line.raw):
        return False   # "*(Chi tiết theo Phụ lục đính kèm)*" / "**Điều" / "2. **Giao …": an article opens
    if previous.bold == "open":
        return not gap
    if previous.bold == "closed" and not _starts_lower(line.text):
        return False
    label = _LABEL.match(previous.text)
    if label and label.end() == len(previous.text.rstrip()):
        return not _MARKER.match(line.text)   # "Điều 2." / "Nhiệm vụ và quyền hạn"
    ending = _ending(previous.text)
    if _MARKER.match(line.text):
        # "kinh tế\n- xã hội": a dash wrapped to the start of a line is no bullet
        return (not gap and ending is None and _WRAPPED_DASH.match(line.text) is not None
                and _starts_lower(line.text[2:].lstrip()))
    if ending == "strong":
        return False
    if ending == "weak" or gap or layout.unwrapped:
        return _starts_lower(line.text)
    if label and len(previous.text) < layout.heading_limit and line.text[:1].isupper() and not (
            previous.text.endswith((",", "-", "–")) or _all_caps(previous.text) and _all_caps(line.text)):
        return False   # "1.1. Mục tiêu" / "Thực hiện ...": a heading, not a wrap
    title = previous.text[label.end():] if label else previous.text   # "Mục 1. HỒ SƠ ..."
    return not _case_changes(title, line.text)


@dataclass(frozen=True, slots=True)
class _Layout:
    """How the text was wrapped, measured on the document itself."""

    unwrapped: bool        # a line per paragraph
    heading_limit: int     # a labelled line shorter than this, followed by a capital, is a heading


def _layout(lines: list[_Line], markdown: bool) -> _Layout:
    """The wrap width is the 90th percentile of line lengths. First lines of
    labelled paragraphs are often shorter than the rest (an indent lost in
    extraction: "1. Quỹ Bảo vệ môi trường tỉnh" / "Quảng Trị là ..."), so headings
    are judged against those first lines that surely wrap (the next line starts
    in lower case), or against the width when there are too few of them.
    Markdown shows its headings (# and bold): length is no evidence there."""
    text = [line for line in lines if line.kind == "text"]
    lengths = sorted(len(line.text) for line in text)
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    firsts = sorted(len(a.text) for a, b in zip(text, text[1:])
                    if b.number == a.number + 1 and _LABEL.match(a.text) and _starts_lower(b.text))
    if len(firsts) >= 3:
        limit = HEADING_SHARE * firsts[len(firsts) // 2]
    else:
        limit = 0.4 * width
    return _Layout(unwrapped=width > UNWRAPPED_WIDTH, heading_limit=0 if markdown else int(limit))


def _is_page_number(lines: list[_Line], i: int) -> bool:
    """A number alone on a line with a blank line (or the file's edge) beside it."""
    line = lines[i]
    if line.kind != "text" or not _PAGE_NUMBER.fullmatch(line.text):
        return False
    before = lines[i - 1].kind == "blank" if i > 0 else True
    after = lines[i + 1].kind == "blank" if i + 1 < len(lines) else True
    return before or after


# -- table regions -------------------------------------------------------------------------
def _row_regions(lines: list[_Line]) -> list[tuple[int, int]]:
    """Runs of Markdown pipe rows (separator rows included): (first, last) indexes."""
    regions: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i].kind == "row":
            j = i
            while j + 1 < len(lines) and lines[j + 1].kind in ("row", "joined"):
                j += 1
            regions.append((i, j))
            i = j + 1
        else:
            i += 1
    return regions


def _cell_regions(lines: list[_Line], taken: set[int]) -> list[tuple[int, int]]:
    """One-cell-per-line tables: (first, last) indexes.

    "|" lines belong to one table while fewer than MAX_CELL_LINES lines stand
    between them and none of those is blank or a section heading (PHỤ LỤC,
    Điều 2. ...). The table's first cell is the short lines right before its
    first "|": walking back stops at a blank, a line ending a sentence or clause
    (")" ":" "." ";"), a long line, or after a line that starts a unit ("1.",
    "HỘI ĐỒNG NHÂN DÂN"). A table needs two cells with text; a lone "|" is debris.
    """
    pipes = [i for i, line in enumerate(lines) if line.kind == "pipe" and i not in taken]
    chains: list[list[int]] = []
    for p in pipes:
        if chains and _joins(lines, chains[-1][-1], p, taken):
            chains[-1].append(p)
        else:
            chains.append([p])
    regions: list[tuple[int, int]] = []
    floor = 0
    for chain in chains:
        start = _first_cell_start(lines, chain[0], floor, taken)
        if _cells_with_text(lines, start, chain[-1]) >= 2:
            regions.append((start, chain[-1]))
            floor = chain[-1] + 1
    return regions


def _joins(lines: list[_Line], a: int, b: int, taken: set[int]) -> bool:
    between = range(a + 1, b)
    return len(between) <= MAX_CELL_LINES and not any(
        i in taken or lines[i].kind == "blank" or _SECTION.match(lines[i].text) for i in between)


def _first_cell_start(lines: list[_Line], pipe: int, floor: int, taken: set[int]) -> int:
    start = pipe
    while start > floor and pipe - start < MAX_FIRST_CELL_LINES and start - 1 not in taken:
        line = lines[start - 1]
        if line.kind == "decoration":
            start -= 1
            continue
        if (line.kind not in ("text", "rule") or len(line.text) > SHORT_LINE
                or line.text.endswith(_CELL_STOP) or _SECTION.match(line.text)):
            break
        start -= 1
        if _MARKER.match(line.text):
            break
    while lines[start].kind == "decoration":   # do not begin on leftover markup
        start += 1
    return start


def _cells_with_text(lines: list[_Line], first: int, last: int) -> int:
    count, filled = 0, False
    for line in lines[first:last + 1]:
        if line.kind == "pipe":
            count += filled
            filled = False
        elif line.kind == "text":
            filled = True
    return count


# -- building the document ------------------------------------------------------------------
class _Builder:
    def __init__(self, doc: Document, lines: list[_Line], wrapped: frozenset[int] = frozenset()) -> None:
        self.doc = doc
        self.wrapped = wrapped
        self.path = doc.path
        self.lines = lines
        self.paragraph: list[_Line] = []
        self.gap = False
        self.debris: list[int] = []
        self.layout = _Layout(unwrapped=False, heading_limit=0)

    def run(self) -> None:
        lines = self.lines
        rows = _row_regions(lines)
        taken = {i for a, b in rows for i in range(a, b + 1)}
        tables = {a: (b, "rows") for a, b in rows}
        tables |= {a: (b, "cells") for a, b in _cell_regions(lines, taken)}
        inside = {i for a, (b, _) in tables.items() for i in range(a, b + 1)}
        markdown = self.doc.source_format == "markdown"
        self.layout = _layout([line for i, line in enumerate(lines) if i not in inside], markdown)
        i = 0
        while i < len(lines):
            if i in tables:
                end, kind = tables[i]
                self._flush()
                region = lines[i:end + 1]
                table = self._row_table(region) if kind == "rows" else self._cell_table(region)
                if table.rows:
                    self.doc.blocks.append(table)
                self.gap = True
                i = end + 1
                continue
            self._take(i)
            i += 1
        self._flush()
        if self.debris:
            shown = ", ".join(map(str, self.debris[:5])) + (" ..." if len(self.debris) > 5 else "")
            self.doc.notes.append(f"dropped {len(self.debris)} line(s) holding only '|' outside tables "
                                  f"(table debris) at line(s) {shown}")

    def _take(self, i: int) -> None:
        line = self.lines[i]
        if line.kind == "decoration":
            return
        if line.kind == "pipe":
            self.debris.append(line.number)
        elif line.kind == "text" and _is_page_number(self.lines, i):
            self.doc.notes.append(f"dropped page number {line.text} at line {line.number}")
        elif line.kind == "text":
            if self.paragraph and line.number not in self.wrapped \
                    and not _continues(self.paragraph[-1], line, self.gap, self.layout):
                self._flush()
            self.paragraph.append(line)
            self.gap = False
            return
        self.gap = True   # blank, rule, debris, page number: a break unless a sentence goes on

    def _flush(self) -> None:
        if not self.paragraph:
            return
        text, spans = _join(self.paragraph, self.path)
        self.doc.blocks.append(Paragraph(index=len(self.doc.blocks), text=text, spans=spans))
        self.paragraph = []

    # -- tables --
    def _row_table(self, region: list[_Line]) -> Table:
        rows = []
        for line in region:
            if line.kind == "joined" or _is_separator_row(line.raw):
                continue
            rows.append(Row(cells=[self._cell(text, breaks, line, column)
                                   for column, (text, breaks) in enumerate(_row_cells(line.raw))]))
        width = max((len(r.cells) for r in rows), default=0)
        return Table(index=len(self.doc.blocks), rows=rows, columns=width, rows_from="exact")

    def _cell(self, text: str, breaks: list[tuple[int, int]], line: _Line, column: int) -> Cell:
        spans = [Span(start=off, location=Location(path=self.path, line=line.number, column=col + 1))
                 for off, col in breaks]
        return Cell(text=text, spans=spans, column=column)

    def _cell_table(self, region: list[_Line]) -> Table:
        index = len(self.doc.blocks)
        builder = _pipe_table_builder()
        handed = [line for line in region if line.kind != "decoration"]
        if builder is None:
            return _fallback_cell_table(handed, index, self.path)
        table = builder([(line.number, line.text) for line in handed], index, self.path)
        _restore_columns(table, {line.number: line for line in handed})
        return table


def _join(lines: list[_Line], path: str) -> tuple[str, list[Span]]:
    """Lines of one paragraph (or cell) joined with single spaces, a span per jump."""
    texts: list[str] = []
    spans: list[Span] = []
    base = 0
    for line in lines:
        spans += line.spans(path, base)
        texts.append(line.text)
        base += len(line.text) + 1
    return " ".join(texts), spans


_CELL_SPLIT = lazy_compile(r"(?<!\\)\|")


def _is_separator_row(raw: str) -> bool:
    """| --- | :-: |"""
    return "-" in raw and set(raw.strip()) <= set("|:- \t")


def _row_cells(raw: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """The cells of a Markdown pipe row: cleaned text and breaks, columns in ``raw``."""
    bars = [m.start() for m in _CELL_SPLIT.finditer(raw)]
    if not raw.lstrip().startswith("|"):   # a row whose first bar was lost: its first cell starts the line
        bars.insert(0, len(raw) - len(raw.lstrip()) - 1)
    return [clean_text(raw, a + 1, b) for a, b in zip(bars, bars[1:])]


def _pipe_table_builder():
    """plancheck.read.pipe_table.build_pipe_table, or None while it does not exist."""
    try:
        from .pipe_table import build_pipe_table
    except ImportError:
        return None
    return build_pipe_table


def _fallback_cell_table(region: list[_Line], index: int, path: str) -> Table:
    """One row, a cell for each stretch between "|" lines (no row boundaries)."""
    cells: list[Cell] = []
    current: list[_Line] = []
    for line in region:
        if line.kind == "pipe":
            text, spans = _join(current, path)
            cells.append(Cell(text=text, spans=spans, column=len(cells)))
            current = []
        elif line.kind in ("text", "rule"):
            current.append(line)
    return Table(index=index, rows=[Row(cells=cells)], columns=len(cells), rows_from="inferred")


def _restore_columns(table: Table, by_number: dict[int, _Line]) -> None:
    """pipe_table locates cells in the cleaned lines it was given; map each span
    back to columns of the source line (leading spaces, emphasis markers, NFC)."""
    for row in table.rows:
        for cell in row.cells:
            cell.spans = _remapped(cell.spans, len(cell.text), by_number)


def _remapped(spans: list[Span], length: int, by_number: dict[int, _Line]) -> list[Span]:
    out: list[Span] = []
    for k, span in enumerate(spans):
        loc = span.location
        line = by_number.get(loc.line)
        if line is None:
            out.append(span)
            continue
        first = loc.column - 1                 # offset in the cleaned line
        if len(line.breaks) == 1:   # most lines: the cleaned text is the raw one, shifted
            column = line.breaks[0][1] + first - line.breaks[0][0] + 1
            out.append(span if column == loc.column else Span(span.start, loc.at_column(column)))
            continue
        end = (spans[k + 1].start if k + 1 < len(spans) else length) - span.start
        out.append(Span(start=span.start, location=loc.at_column(line.column(first))))
        out += [Span(start=span.start + off - first, location=loc.at_column(col + 1))
                for off, col in line.breaks if first < off < first + end]
    return out
