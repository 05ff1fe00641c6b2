"""Calculations written out in running text, as methods and criteria write them:

    "A = (8.857.500x500.000)/ 1.300.081 = 43.719 người (làm tròn 44.000 người)"
    "B = (107.000 x100.000)/ 9.530.000 người = 1.122 người"
    "10 + 5 x 2 + 10 x 1 = 30 điểm"

Only an expression with an operator between two numbers, ending at "=" and a figure,
is read; "x", "×" and "*" multiply, "/" and ":" divide. Dates ("1/4/2019") and codes
("QĐ-UBND") hold no such expression. The check (``checks.calculation``) evaluates it on
intervals. Written by hand: a safe evaluator of four operators is a few lines, and
Python's own ``eval`` must never see document text.
"""
from __future__ import annotations

import re
from typing import Callable

from ..models import Calculation, Location, Value
from ..numbers import NotANumber, parse_number
from ..lazyre import lazy_compile

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_OPERATOR = r"[x×*/:+\-–]"
# An expression: numbers joined by operators, with parentheses, ending before "=";
# a unit word may sit between the last number and "=" ("9.530.000 người\n= 1.122 người").
_EXPRESSION = lazy_compile(
    rf"(?<![\w.,/])(?P<expr>[(\s]*(?:{_NUMBER})[\s)]*(?:{_OPERATOR}[\s(]*(?:{_NUMBER})[\s)]*)+)"
    rf"(?:[^\W\d_]+(?:\s+[^\W\d_]+)?\s*)?=\s*(?P<result>{_NUMBER})(?![\d/])",
    re.IGNORECASE)
_TOKEN = lazy_compile(rf"\s*(?:(?P<n>{_NUMBER})|(?P<op>{_OPERATOR})|(?P<paren>[()]))", re.IGNORECASE)
_OPS = {"x": "*", "×": "*", "*": "*", "/": "/", ":": "/", "+": "+", "-": "-", "–": "-"}

Locate = Callable[[int], Location | None]


def read_calculations(text: str, locate: Locate) -> list[Calculation]:
    if "=" not in text:
        return []
    out = []
    for m in _EXPRESSION.finditer(text):
        terms = _terms(m.group("expr"), m.start("expr"), locate)
        if terms is None or not any(t in ("*", "/", "+", "-") for t in terms):
            continue
        result = _value(m.group("result"), locate(m.start("result")))
        if result is None:
            continue
        written = " ".join(m.group("expr").split())
        out.append(Calculation(text=f"{written} = {m.group('result')}", terms=terms,
                               result=result, location=locate(m.start("result"))))
    return out


def calculations_in_tables(tables) -> list[Calculation]:
    """The calculations written in table cells (a method laid out as a table, a PDF whose
    cells stand one per line)."""
    return [c for table in tables for row in table.rows for cell in row.cells if "=" in cell.text
            for c in read_calculations(cell.text, cell.locate)]


def _terms(expr: str, offset: int, locate: Locate) -> list[Value | str] | None:
    terms: list[Value | str] = []
    pos, depth = 0, 0
    stripped = expr.rstrip()
    while pos < len(stripped):
        t = _TOKEN.match(stripped, pos)
        if t is None:
            return None
        if t.group("n"):
            v = _value(t.group("n"), locate(offset + t.start("n")))
            if v is None or (terms and isinstance(terms[-1], Value)):
                return None
            terms.append(v)
        elif t.group("op"):
            if not terms or isinstance(terms[-1], str) and terms[-1] != ")":
                return None
            terms.append(_OPS[t.group("op").casefold()])
        else:
            depth += 1 if t.group("paren") == "(" else -1
            if depth < 0:   # a ")" closing what the prose opened before the expression
                depth = 0
            else:
                terms.append(t.group("paren"))
        pos = t.end()
    if depth:   # an opening parenthesis that the expression never closes belongs to the prose
        while terms and terms[0] == "(" and depth:
            terms.pop(0)
            depth -= 1
    if depth or not terms or not (isinstance(terms[-1], Value) or terms[-1] == ")"):
        return None
    for a, op, b in zip(terms, terms[1:], terms[2:]):
        if op == "-" and _year(a) and _year(b):
            return None   # "2021-2025": a period, no subtraction
    return terms


def _year(term: Value | str) -> bool:
    return isinstance(term, Value) and re.fullmatch(r"1[89]\d\d|20\d\d", term.text) is not None


def _value(number: str, location: Location | None) -> Value | None:
    try:
        parsed = parse_number(number)
    except NotANumber:
        return None
    if parsed.foreign:
        return None
    i = parsed.interval
    return Value(text=number, lo=i.lo, hi=i.hi, point=parsed.value, decimals=parsed.decimals, location=location)
