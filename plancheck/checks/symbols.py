"""What a cited number's symbol says of its act: the National Assembly term its year falls
in ("97/2025/QH13": term XIII sat 2011–2016), and the ministry whose code it carries
("44/2023/TT-BTC … của Bộ trưởng Bộ Công Thương": BTC is the Ministry of Finance)."""
from __future__ import annotations

from typing import Iterable, Iterator

from ..lexicon import ASSEMBLY_TERMS, ISSUER_CODES, SERIAL, issuer_code_of, parse_number, squash, terms_of_year
from ..models.document import Reference
from ..numbers import roman_numeral
from .base import CheckKind, Hit, Params, Subject
from ..lazyre import lazy_compile

_ASSEMBLY = lazy_compile(r"^(?P<body>UBTVQH|QH)(?P<term>[0-9]{1,2})$")
_MINISTRY_SYMBOL = lazy_compile(r"^(?P<code>[A-ZĐ][A-Za-zĐđ]*)-(?P<issuer>[A-ZĐ]+)$")


def _cited(subject: Subject) -> Iterator[Reference]:
    """The citations of other acts that give a number and its symbol."""
    if subject.structure is not None:
        yield from (r for r in subject.structure.references if not r.internal and r.number and r.symbol)


def _shown(r: Reference) -> str:
    return " ".join(r.text.split())[:80]


class AssemblyTerm(CheckKind):
    """An act of the National Assembly or its Standing Committee ("…/QH15", "NQ-UBTVQH15") is
    of a term that sat in the year its number or date gives."""

    name = "assembly_term"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "number", "term", "term_roman", "first", "last", "year", "expected"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        for r in _cited(subject):
            tail = squash(r.symbol).rsplit("-", 1)[-1]
            m = _ASSEMBLY.match(tail)
            year = r.year_in_number or (r.date.year if r.date else None)
            if not m or year is None:
                continue
            term = int(m.group("term"))
            span = ASSEMBLY_TERMS.get(term)
            if span and span[0] <= year <= span[1]:
                continue
            right = terms_of_year(year)
            expected = r.number.replace(tail, f"{m.group('body')}{right[0]}") if len(right) == 1 else ""
            yield Hit(
                location=r.location,
                fields={"text": _shown(r), "number": r.number, "term": term,
                        "term_roman": roman_numeral(term) if 0 < term < 40 else str(term),
                        "first": span[0] if span else "?", "last": span[1] if span else "?", "year": year,
                        "expected": expected},
                suggestion=f"{r.number} → {expected}?",
            )


class IssuerCode(CheckKind):
    """The issuer code of a ministry's act ("TT-BCT") names the ministry the citation names."""

    name = "issuer_code"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "number", "code", "code_name", "issuer", "expected"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        for r in _cited(subject):
            m = _MINISTRY_SYMBOL.match(squash(r.symbol))
            if not r.issuer or not m or m.group("issuer") not in ISSUER_CODES:
                continue   # a joint act ("TTLT-BTC-BCT") or an issuer outside the ministries
            named = issuer_code_of(r.issuer)
            if named is None or named == m.group("issuer"):
                continue
            expected = r.number[: len(r.number) - len(m.group("issuer"))] + named
            yield Hit(
                location=r.location,
                fields={"text": _shown(r), "number": r.number, "code": m.group("issuer"),
                        "code_name": ISSUER_CODES[m.group("issuer")], "issuer": r.issuer, "expected": expected},
                suggestion=f"{r.number} → {expected}?",
            )


# The types whose numbers carry their year whatever the act ("57/2025/NĐ-CP", "12/2025/TT-BTC",
# "61/2020/QH14"): the laws, ordinances, decrees and circulars.
_DATED_SINCE = 2001   # the year the government's decrees began to carry theirs ("08/2001/NĐ-CP")
_ALWAYS_DATED = frozenset({"Luật", "Bộ luật", "Pháp lệnh", "Nghị định", "Thông tư", "Thông tư liên tịch"})


class YearlessNumber(CheckKind):
    """A law, ordinance, decree or circular cited without the year its number carries."""

    name = "yearless_number"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"text", "number", "doc_type", "expected"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        for r in _cited(subject):
            if r.doc_type not in _ALWAYS_DATED or r.year_in_number:
                continue
            if r.date is None or r.date.year < _DATED_SINCE:
                continue   # an older decree was "211/CP", "03/NĐ-76"; an undated citation tells no era
            number = parse_number(r.number, r.symbol)
            if number is None or number.serial is None or number.party:
                continue   # blank (another rule's) or a party document
            written = SERIAL.match(r.number).group(1)   # as written: "057" stays "057"
            expected = f"{written}/{r.date.year}/{number.symbol}"
            yield Hit(
                location=r.location,
                fields={"text": _shown(r), "number": r.number, "doc_type": r.doc_type,
                        "expected": expected},
                suggestion=f"{r.number} → {expected}?",
            )
