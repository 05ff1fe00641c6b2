"""Test helpers: Documents built in code, and where the shared corpus would be."""
from pathlib import Path

from plancheck.models.document import Document, Paragraph, Span
from plancheck.models.location import Location

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def doc(text: str, first_line: int = 1) -> Document:
    """One paragraph per non-empty line, located at its line."""
    lines = text.split("\n")
    blocks = [Paragraph(index=i, text=line, spans=[Span(start=0, location=Location(path="t.txt", line=n))])
              for i, (n, line) in enumerate((n, l) for n, l in enumerate(lines, first_line) if l.strip())]
    return Document(path="t.txt", source_format="text", blocks=blocks, lines=lines)
