"""How much each page of a PDF draws, counted from its content streams before pdfium or
pdfplumber lays a page out (issue 25, item 6).

Both readers expand a form XObject every time a page draws it: pdfium builds its objects when
it loads the page, pdfminer (under pdfplumber) interprets it again at each use. A form drawing
another ten times, six deep, is a million objects from 2 KB (pdfium took 2 GB to load that
page); one form of 50 lines drawn 2,000 times took pdfplumber 50 s and 4 GB. So the objects a
page draws are counted the way the readers will expand them (each form's cost counted once and
multiplied by its uses), and the file refused past the limits before either reader loads a page.

Written by hand: neither reader offers a limit on what a page expands to. The count reads the
operators of the content streams with patterns, not a parser (pdfminer's tokenizer would double
the time of reading): a name is read as pdfminer reads it ("#xx" escapes, UTF-8), comments may
stand between a name and its operator, and a string that holds an operator's letters counts too
many, which the limits' margin allows for. Type3 fonts' glyphs are counted as the drawings they
are. Where pdfium reads a damaged file otherwise than pdfminer, plancheck.read.guarded bounds it.
"""
from __future__ import annotations

import re
from typing import Iterator

# pdfminer with the module: plancheck.read.pdf imports this module only when it reads a PDF
from pdfminer.pdftypes import PDFObjRef, PDFStream, dict_value, list_value, resolve1
from pdfminer.pdfpage import PDFPage
from pdfminer.psparser import LIT

from ..errors import InputError
from ..i18n import _, number
from ..lazyre import lazy_compile
from .pdf_budget import check_stream, unescaped_name

# The most the 18 real PDFs measured draw on a page: 6,507 objects and 29,400 characters (a table
# of comments on an A3 sheet, ruled cell by cell, in small type); a page of text draws 100-1,000
# objects and 2,000-12,000 characters. pdfplumber takes about 60 µs an object and 25 µs a
# character: a page at both limits is read in about 4 s.
MAX_PAGE_OBJECTS = 30_000
MAX_PAGE_CHARACTERS = 100_000   # bytes of the strings shown: a two-byte font's character is two
MAX_DEPTH = 40                  # forms inside forms: pdfium draws no deeper, a form drawing itself too

# An operator that makes an object: text shown (Tj TJ ' "), a path painted (S s f F f* B B* b b*),
# a shading painted (sh), an inline image (BI), an XObject drawn (Do, counted by the name before
# it). Operators stand after white space or the end of an operand (a string's ")", an array's "]",
# a hex string's ">") and before white space, a comment or the next operand.
_DRAWN = lazy_compile(rb"(?<![^\s)\]>])(?:Tj|TJ|'|\"|S|s|f\*?|F|B\*?|b\*?|sh|BI)(?=[\s/\[(<%]|$)")
# A name and the operator that uses it (comments may stand between): Do draws an XObject, Tf
# chooses a font (its size between).
_NAMED = rb"/([^\s/\[\]()<>{}%]+)"
_GAP = rb"(?:\s|%[^\r\n]*)*"               # white space and comments
_OPERATOR_END = rb"(?=[\s/\[(<%]|$)"
_DO = lazy_compile(_NAMED + _GAP + rb"Do" + _OPERATOR_END)
_TF = lazy_compile(_NAMED + _GAP + rb"[-+]?[0-9.]+" + _GAP + rb"Tf" + _OPERATOR_END)
# The strings a content stream holds, literal (one level of parentheses inside) or hex; a literal's
# escape ("\\(", "\\101") is one byte.
_STRING = lazy_compile(rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)|<[0-9A-Fa-f\s]*>", flags=re.S)
_ESCAPE = lazy_compile(rb"\\(?:[0-7]{1,3}|.)", flags=re.S)


def check_pages(document, name: str) -> None:
    """InputError when a page of ``document`` (pdfminer's PDFDocument, objects read as needed)
    draws more than MAX_PAGE_OBJECTS objects or MAX_PAGE_CHARACTERS characters."""
    for page, (objects, characters) in enumerate(page_counts(document, name), 1):
        if objects > MAX_PAGE_OBJECTS or characters > MAX_PAGE_CHARACTERS:
            raise InputError(_("refused: page {page} draws more than {objects} objects or {characters} characters "
                               "(forms drawn again and again, or a generated drawing), not a plan document's page")
                             .format(page=page, objects=number(MAX_PAGE_OBJECTS),
                                     characters=number(MAX_PAGE_CHARACTERS)), name)


def page_counts(document, name: str = "") -> Iterator[tuple[int, int]]:
    """Each page's objects and characters, as the readers will draw them, page by page."""
    census = _Census(name)
    for page in PDFPage.create_pages(document):
        yield census.page(page)


class _Census:
    """What each form draws (objects, characters), worked out once for each resources it is
    read with and each depth it is drawn at (a form drawing itself is drawn again to MAX_DEPTH
    by pdfium: twice on each level is 2**40 objects from 200 bytes)."""

    def __init__(self, name: str) -> None:
        self.name = name   # the file, for a stream refused as it is read
        self.known: dict[tuple[int, int, int], tuple[int, int]] = {}

    def page(self, page) -> tuple[int, int]:
        streams = [resolve1(s) for s in page.contents or ()]
        objects, characters = self.drawn(b"\n".join(check_stream(s, self.name) for s in streams
                                                    if isinstance(s, PDFStream)),
                                         page.resources, 0)
        for annotation in list_value(page.annots):   # what a page's annotations show is flattened into it
            appearance = dict_value(dict_value(annotation).get("AP")).get("N")
            states = ([appearance] if isinstance(resolve1(appearance), PDFStream)
                      else dict_value(appearance).values())
            for state in states:
                more = self.form(state, page.resources, 0)
                objects, characters = objects + more[0], characters + more[1]
        return objects, characters

    def drawn(self, content: bytes, resources, depth: int) -> tuple[int, int]:
        """What a content stream draws, its forms expanded; ``depth``: how many forms it is
        drawn inside."""
        objects = sum(1 for _ in _DRAWN.finditer(content))
        characters = sum(_shown(m.group()) for m in _STRING.finditer(content))
        uses: dict[bytes, int] = {}
        for m in _DO.finditer(content):
            uses[m.group(1)] = uses.get(m.group(1), 0) + 1
        xobjects = dict_value(dict_value(resources).get("XObject"))
        for key, times in uses.items():
            more = self.form(xobjects.get(_key(key)), resources, depth)
            objects += times * (1 + more[0])   # the form or image itself, and what it holds
            characters += times * more[1]
        fonts = dict_value(dict_value(resources).get("Font"))
        for key in {m.group(1) for m in _TF.finditer(content)}:   # a Type3 font's glyphs are drawings
            more = self.glyphs(fonts.get(_key(key)), resources, depth)
            objects, characters = objects + more[0], characters + more[1]
        return objects, characters

    def glyphs(self, ref, resources, depth: int) -> tuple[int, int]:
        """What a Type3 font's glyph procedures draw, each once (pdfium loads a glyph once a
        font): nothing for another font."""
        font = dict_value(ref)
        if resolve1(font.get("Subtype")) is not LIT("Type3") or depth >= MAX_DEPTH:
            return 0, 0
        known = (id(font), id(resources), depth)
        if known not in self.known:
            used = resolve1(font.get("Resources")) or resources
            self.known[known] = (0, 0)   # a glyph drawing with its own font again: counted once
            objects = characters = 0
            for glyph in dict_value(font.get("CharProcs")).values():
                glyph = resolve1(glyph)
                if isinstance(glyph, PDFStream):
                    more = self.drawn(check_stream(glyph, self.name), used, depth + 1)
                    objects, characters = objects + more[0], characters + more[1]
            self.known[known] = (objects, characters)
        return self.known[known]

    def form(self, ref, resources, depth: int) -> tuple[int, int]:
        """What an XObject holds when drawn once: a form's objects and characters, nothing for an
        image or a name the resources lack."""
        xobject = resolve1(ref)
        if not isinstance(xobject, PDFStream) or resolve1(xobject.get("Subtype")) is not LIT("Form"):
            return 0, 0
        key = ref.objid if isinstance(ref, PDFObjRef) else id(xobject)
        if depth >= MAX_DEPTH:
            return 0, 0
        own = resolve1(xobject.get("Resources"))
        used = own or resources   # a form without resources uses those of what draws it
        known = (key, id(used), depth)
        if known not in self.known:
            self.known[known] = self.drawn(check_stream(xobject, self.name), used, depth + 1)
        return self.known[known]


def _key(raw: bytes) -> str:
    """A name of a content stream as pdfminer keys its resources: "#xx" escapes read, UTF-8
    decoded where it can be (pdfminer's psparser), else the bytes' repr."""
    name = unescaped_name(raw)
    try:
        return name.decode("utf-8")
    except UnicodeDecodeError:
        return str(name)


def _shown(string: bytes) -> int:
    """The bytes a string operand stands for."""
    if string[:1] == b"<":
        return sum(1 for c in string if c not in b" \t\r\n\f<>") // 2
    return len(string) - 2 - sum(len(m.group()) - 1 for m in _ESCAPE.finditer(string))
