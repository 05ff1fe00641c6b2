"""PDF reading on real documents: each text of a shared folder is printed to a PDF as its
paragraphs and ruled tables (reportlab; long tables split across pages, the header row
repeated or not), read back, and its findings compared with the text's.

    .venv/bin/python bench/pdf_roundtrip.py [--folder corpus] [--no-repeat] [--show N]

A finding counts as kept when the PDF gives the same rule and message (locations differ:
page and line; a message's own "dòng N", pointing at another line, is not compared). Needs ../shared, reportlab and a font with Vietnamese letters (DejaVu Sans).
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_LINE = re.compile(r"(?:trang \d+, )?dòng \d+|đoạn \d+")


def print_pdf(document, path: Path, repeat_header: bool) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

    pdfmetrics.registerFont(TTFont("Viet", str(FONT)))
    text = ParagraphStyle("t", fontName="Viet", fontSize=10, leading=13, spaceAfter=4)
    cell = ParagraphStyle("c", fontName="Viet", fontSize=7, leading=9)
    story = []
    for block in document.blocks:
        if hasattr(block, "rows"):
            width = max(max((c.column + c.column_span for c in r.cells), default=0) for r in block.rows)
            rows = []
            for r in block.rows:   # each cell in its grid column, as the reader placed it
                row: list = [""] * width
                for c in r.cells:
                    row[c.column] = Paragraph(escape(c.text), cell)
                rows.append(row)
            table = LongTable(rows, repeatRows=1 if repeat_header else 0, colWidths=[480 / width] * width)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(table)
        else:
            story.append(Paragraph(escape(block.text), text))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", default="corpus")
    parser.add_argument("--no-repeat", action="store_true", help="do not repeat a table's header on each page")
    parser.add_argument("--show", type=int, default=5, help="lost or new findings to show per file")
    args = parser.parse_args()
    if not SHARED.is_dir() or not FONT.exists():
        print("needs ../shared beside the project and the DejaVu Sans font", file=sys.stderr)
        return 2
    from plancheck import api
    from plancheck.read import read_source

    kept = total = new = 0
    with tempfile.TemporaryDirectory() as tmp:
        for source in sorted((SHARED / args.folder).glob("*")):
            if source.suffix not in (".txt", ".md"):
                continue
            document, _ = read_source(source)
            pdf = Path(tmp) / (source.stem + ".pdf")
            try:
                print_pdf(document, pdf, not args.no_repeat)
            except Exception as exc:   # reportlab cannot lay out a cell taller than a page
                print(f"{source.name}: not printed ({type(exc).__name__})")
                continue
            want = {(f.rule, _LINE.sub("dòng N", f.message)) for f in api.check(source).findings}
            report = api.check(pdf)
            got = {(f.rule, _LINE.sub("dòng N", f.message)) for f in report.findings}
            kept += len(want & got)
            total += len(want)
            new += len(got - want)
            print(f"{source.name}: {len(want & got)}/{len(want)} kept, {len(got - want)} new"
                  + (f", error: {report.errors[0].message}" if report.errors else ""))
            for rule, message in sorted(want - got)[:args.show]:
                print(f"   lost {rule} {message[:150]}")
            for rule, message in sorted(got - want)[:args.show]:
                print(f"   new  {rule} {message[:150]}")
    print(f"all: {kept}/{total} findings kept, {new} new")
    return 0


if __name__ == "__main__":
    sys.exit(main())
