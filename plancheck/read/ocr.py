"""Scanned pages read with Tesseract and its Vietnamese model (an optional extra).

    apt install tesseract-ocr tesseract-ocr-vie      # Debian, Ubuntu
    pip install 'plancheck[ocr]'                     # pytesseract

A page is rendered at 300 dpi by pypdfium2 and read by Tesseract (through pytesseract,
imported only here); its words come back with their lines and a confidence, and each line
keeps which of its characters are figures read with low confidence, so that no error rests
on one (plancheck.runner downgrades such findings to warnings).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

DPI = 300
LOW_CONFIDENCE = 80           # Tesseract's word confidence (0-100) under which a figure is doubted
MAX_OCR_PAGES = 60            # a scanned resolution with its annexes; more is refused with the reason
INSTALL = ("install Tesseract with its Vietnamese model (Debian: apt install tesseract-ocr tesseract-ocr-vie) "
           "and pytesseract (pip install 'plancheck[ocr]')")


@dataclass
class OcrLine:
    text: str
    doubted: list[tuple[int, int]] = field(default_factory=list)   # character ranges of doubted figures


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


def read_page(page: Any) -> list[OcrLine]:
    """The lines Tesseract reads on a pypdfium2 page, in reading order."""
    import pytesseract

    image = page.render(scale=DPI / 72).to_pil()
    data = pytesseract.image_to_data(image, lang="vie", output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], OcrLine] = {}
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        line = lines.setdefault(key, OcrLine(""))
        if line.text:
            line.text += " "
        start = len(line.text)
        line.text += word
        if any(c.isdigit() for c in word) and float(data["conf"][i]) < LOW_CONFIDENCE:
            line.doubted.append((start, len(line.text)))
    return list(lines.values())


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
