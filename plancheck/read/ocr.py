"""Scanned pages read with Tesseract and its Vietnamese model (an optional extra).

    apt install tesseract-ocr tesseract-ocr-vie      # Debian, Ubuntu
    pip install 'plancheck[ocr]'                     # pytesseract

A page is rendered at 300 dpi by pypdfium2 and read by Tesseract (through pytesseract,
imported only here); its words come back with their lines and a confidence, and each line
keeps which of its characters are figures read with low confidence, so that no error rests
on one (plancheck.runner downgrades such findings to warnings).

Tesseract reads nothing inside a ruled table (its page analysis takes the grid for a
picture), and a plan's figures are mostly in one. So the grid is found first — rows of the
image dark across most of the page are its horizontal rules, columns dark across a whole
band between them its vertical ones — and whitened; the page is read once; and each word
inside the grid goes to the cell its centre falls in. Written by hand with Pillow (no
OpenCV here): two box-filter resizes give the rows' and columns' darkness.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

DPI = 300
# The most pixels a page is rendered to: an A2 page at 300 dpi (an A4 page has 8.7 million). A
# page drawn larger (a 3000-point scan rendered to 1.1 GB) is rendered at the resolution that fits.
MAX_PIXELS = 36_000_000
LOW_CONFIDENCE = 80           # Tesseract's word confidence (0-100) under which a figure is doubted
PAGE_SEGMENTATION = 6          # one block of text: the default (3) finds no text in parts of a page
MAX_OCR_PAGES = 60            # a scanned resolution with its annexes; more is refused with the reason
SECONDS_PER_PAGE = 60         # added to a file's time limit for each page read (Tesseract: 5-15 s a page here)
INSTALL = ("install Tesseract with its Vietnamese model (Debian: apt install tesseract-ocr tesseract-ocr-vie) "
           "and pytesseract (pip install 'plancheck[ocr]')")


@dataclass
class OcrLine:
    text: str
    doubted: list[tuple[int, int]] = field(default_factory=list)   # character ranges of doubted figures
    top: float = 0.0


@dataclass
class OcrTable:
    """A ruled table read cell by cell: its rows of cell texts, and the rows holding a figure
    read with low confidence."""

    rows: list[list[str]]
    doubted_rows: set[int] = field(default_factory=set)
    top: float = 0.0


def unavailable() -> str | None:
    """Why OCR cannot run here (what to install), or None when it can."""
    try:
        import pytesseract
    except ImportError:
        return INSTALL
    try:
        if "vie" not in pytesseract.get_languages(config=""):
            return "install Tesseract's Vietnamese model (Debian: apt install tesseract-ocr-vie)"
    except Exception:   # noqa: BLE001 - pytesseract raises its own error when the program is missing
        return INSTALL
    return None


def render_scale(width: float, height: float) -> float:
    """Pixels per point to render a page of ``width`` x ``height`` points at: DPI, or less for a
    page that would pass MAX_PIXELS."""
    scale = DPI / 72
    area = max(width, 1.0) * max(height, 1.0)
    return min(scale, (MAX_PIXELS / area) ** 0.5)


def read_page(page: Any) -> list[OcrLine | OcrTable]:
    """What Tesseract reads on a pypdfium2 page, in reading order: lines of text, and ruled
    tables cell by cell."""
    import pytesseract
    from PIL import ImageDraw

    image = page.render(scale=render_scale(page.get_width(), page.get_height())).to_pil().convert("L")
    grids = _grids(image)
    draw = ImageDraw.Draw(image)
    for grid in grids:   # Tesseract reads a ruled table only without its rules
        for y0, y1 in grid.rules:
            draw.rectangle((grid.left, y0 - 1, grid.right, y1 + 1), fill=255)
        for x0, x1 in grid.columns:
            draw.rectangle((x0 - 1, grid.top, x1 + 1, grid.bottom), fill=255)
    data = pytesseract.image_to_data(image, lang="vie", config=f"--psm {PAGE_SEGMENTATION}",
                                     output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], OcrLine] = {}
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word:
            continue
        doubted = any(c.isdigit() for c in word) and float(data["conf"][i]) < LOW_CONFIDENCE
        x = data["left"][i] + data["width"][i] / 2
        y = data["top"][i] + data["height"][i] / 2
        grid = next((g for g in grids if g.top <= y <= g.bottom and g.left <= x <= g.right), None)
        if grid is not None:
            place = grid.cell(x, y)
            if place is not None:
                grid.words.setdefault(place, []).append((data["top"][i], data["left"][i], word, doubted))
                continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        line = lines.setdefault(key, OcrLine("", top=data["top"][i]))
        if line.text:
            line.text += " "
        start = len(line.text)
        line.text += word
        if doubted:
            line.doubted.append((start, len(line.text)))
    items: list[OcrLine | OcrTable] = [*lines.values(), *(grid.table() for grid in grids)]
    return sorted(items, key=lambda item: item.top)


@dataclass
class _Grid:
    """A ruled table on a page image: its horizontal rules and vertical rules (pixel ranges),
    and the words read in each of its cells ((row, column) -> (top, left, word, doubted))."""

    rules: list[tuple[int, int]]
    columns: list[tuple[int, int]]
    words: dict[tuple[int, int], list[tuple[int, int, str, bool]]] = field(default_factory=dict)

    @property
    def left(self) -> int:
        return self.columns[0][0]

    @property
    def right(self) -> int:
        return self.columns[-1][1]

    @property
    def top(self) -> int:
        return self.rules[0][0]

    @property
    def bottom(self) -> int:
        return self.rules[-1][1]

    def cell(self, x: float, y: float) -> tuple[int, int] | None:
        row = next((r for r in range(len(self.rules) - 1) if self.rules[r][1] <= y <= self.rules[r + 1][0]), None)
        col = next((c for c in range(len(self.columns) - 1)
                    if self.columns[c][1] <= x <= self.columns[c + 1][0]), None)
        return None if row is None or col is None else (row, col)

    def table(self) -> OcrTable:
        rows, doubted = [], set()
        for r in range(len(self.rules) - 1):
            row = []
            for c in range(len(self.columns) - 1):
                cell = _reading_order(self.words.get((r, c), []))
                row.append(" ".join(w for _, _, w, _ in cell))
                if any(d for _, _, _, d in cell):
                    doubted.add(len(rows))
            if any(row):
                rows.append(row)
        return OcrTable(rows, doubted, float(self.top))


def _reading_order(words: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """A cell's words (top, left, ...) line by line, each line left to right: words whose tops
    lie within a third of a line's height (at 300 dpi, 12 px) share a line."""
    lines: list[list[tuple[int, int, str, bool]]] = []
    for word in sorted(words):
        if lines and word[0] - lines[-1][0][0] < 12:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [w for line in lines for w in sorted(line, key=lambda w: w[1])]


def _grids(image: Any) -> list[_Grid]:
    """The ruled tables of a grey page image."""
    from PIL import Image

    width, height = image.size
    dark = image.point(lambda v: 255 if v < 128 else 0)
    row_darkness = dark.resize((1, height), Image.BOX).tobytes()   # one byte a row: its mean darkness
    rules = _runs([y for y, v in enumerate(row_darkness) if v > 0.45 * 255])
    grids = []
    for group in _close_groups(rules, 400):
        if len(group) < 2:
            continue
        band = dark.crop((0, group[0][0], width, group[-1][1] + 1))
        column_darkness = band.resize((width, 1), Image.BOX).tobytes()
        columns = _runs([x for x, v in enumerate(column_darkness) if v > 0.8 * 255])
        if len(columns) >= 3:   # two columns at least: a grid, not a rule under a title
            grids.append(_Grid(group, columns))
    return grids


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Consecutive positions as (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for p in positions:
        if runs and p == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], p)
        else:
            runs.append((p, p))
    return runs


def _close_groups(runs: list[tuple[int, int]], gap: int) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    for run in runs:
        if groups and run[0] - groups[-1][-1][1] < gap:
            groups[-1].append(run)
        else:
            groups.append([run])
    return groups


def progress(name: str, page: int, pages: int) -> None:
    """"OCR nq.pdf: page 3/12" on a terminal's error stream, rewritten in place (OCR takes
    seconds a page); nothing when the stream is a file or a pipe."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\rOCR {name}: page {page}/{pages}\x1b[K")
        sys.stderr.flush()


def progress_done() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()
