"""Extraction benchmark: the statements plancheck reads from 300 real sentences.

    .venv/bin/python bench/extract.py                 # every item of ../shared/corpus-dev/statements.yaml
    .venv/bin/python bench/extract.py --half tune     # items whose file hash starts 0-7 (the other: --half check)
    .venv/bin/python bench/extract.py --misses        # also list what was missed or misjudged

Each item is one sentence of a real text with the statements a careful reader takes
out of it (kind, figures as written, whether the arithmetic holds). A labelled
statement counts as extracted when plancheck yields a statement of that kind whose
figures are the labelled ones (compared as numbers as written, qualifiers and units
aside); its verdict agrees when plancheck's arithmetic (checks.arithmetic) says what
`holds` says. Items labelled with no statement must yield none.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plancheck.checks.arithmetic import (  # noqa: E402
    StructureSumParams,
    breakdown_holds,
    comparison_holds,
    count_holds,
    structure_holds,
)
from plancheck.extract import extract_plan  # noqa: E402
from plancheck.models import ComparisonKind  # noqa: E402
from plancheck.read.text import read_text_document  # noqa: E402

STATEMENTS = ROOT.parent / "shared" / "corpus-dev" / "statements.yaml"
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
# Which of plancheck's statements answer each labelled kind.
_ANSWERS = {
    "share-of-total": {"share", "ratio"},
    "ratio": {"ratio", "quotient", "share"},
    "growth": {"growth"},
    "difference": {"difference"},
}


def number(text) -> str | None:
    m = _NUMBER.search(str(text))
    return m.group(0).rstrip(".,") if m else None


def numbers(text) -> list[str]:
    return [n.rstrip(".,") for n in _NUMBER.findall(str(text))]


def found(text: str):
    """What plancheck reads from one sentence: (kind, key, verdict) triples."""
    doc = read_text_document("item.txt", text.encode("utf-8"))
    plan = extract_plan(doc)
    params = StructureSumParams()
    out = []
    for s in plan.structures:
        out.append(("structure", tuple(sorted(number(c.value.text) or "" for c in s.components)),
                    structure_holds(s, params) is not False))
    for c in plan.comparisons:
        if c.kind == ComparisonKind.growth and ("−" in c.denominator.label or "+" in c.denominator.label):
            base = numbers(c.denominator.label)[-1]
        else:
            base = number(c.denominator.value.text)
        key = (number(c.numerator.value.text), base, number(c.value.text))
        out.append((c.kind.value, key, comparison_holds(c) is not False))
    for b in plan.breakdowns:
        out.append(("part", (number(b.whole.text), tuple(sorted(number(p.value.text) for p in b.parts))),
                    breakdown_holds(b) is not False))
    for p in plan.parts:
        out.append(("part", (number(p.whole.text), (number(p.part.text),)), p.part.interval.lo <= p.whole.interval.hi))
    for c in plan.counts:
        out.append(("count", (number(c.stated.text), len(c.items)), count_holds(c)))
    return out


def expected_key(s: dict):
    kind = s["kind"]
    if kind == "structure":
        return tuple(sorted(number(v) or "" for v in s["parts"].values()))
    if kind == "share-of-total":
        return (number(s["part"]), number(s["total"]), number(s["reported"]))
    if kind == "ratio":
        return (number(s["numerator"]), number(s["denominator"]), number(s["reported"]))
    if kind == "growth":
        return (number(s["value"]), number(s.get("base") or s.get("increase")), number(s["reported"]))
    if kind == "difference":
        return (number(s["to"]), number(s["from"]), number(s["reported"]))
    if kind == "part":
        return (number(s["whole"]), tuple(sorted(number(p) or "1" for p in s["parts"])))
    if kind == "count":
        return (number(s["stated"]), len(s["items"]))
    raise ValueError(kind)


def run(half: str, show_misses: bool) -> int:
    if not STATEMENTS.exists():
        print(f"no {STATEMENTS.name} beside the project: nothing to measure")
        return 0
    items = yaml.safe_load(STATEMENTS.read_text(encoding="utf-8"))["items"]
    if half != "all":
        keep = "01234567" if half == "tune" else "89abcdef"
        items = [it for it in items if it["file"][0] in keep]
    totals, extracted, agreed = Counter(), Counter(), Counter()
    none_items = none_yield = 0
    misses = defaultdict(list)
    for it in items:
        got = found(it["text"])
        if not it["statements"]:
            none_items += 1
            if got:
                none_yield += 1
                misses["(none)"].append((it, None, got))
            continue
        for s in it["statements"]:
            kind, key = s["kind"], expected_key(s)
            totals[kind] += 1
            kinds = _ANSWERS.get(kind, {kind})
            match = [g for g in got if g[0] in kinds and g[1] == key]
            if not match:
                misses[kind].append((it, s, got))
                continue
            extracted[kind] += 1
            if any(g[2] == s["holds"] for g in match):
                agreed[kind] += 1
            else:
                misses[kind + " verdict"].append((it, s, got))
    print(f"{'kind':16} {'labelled':>8} {'extracted':>10} {'verdict agrees':>15}")
    for kind in sorted(totals):
        print(f"{kind:16} {totals[kind]:8} {extracted[kind]:10} {agreed[kind]:15}")
    t, e, a = sum(totals.values()), sum(extracted.values()), sum(agreed.values())
    print(f"{'all':16} {t:8} {e:10} {a:15}   extracted {e / t:.0%}, verdict agrees on {a / max(e, 1):.0%}")
    print(f"items labelled with none: {none_items}, yielding a statement: {none_yield}"
          f" ({none_yield / max(none_items, 1):.0%})")
    if show_misses:
        for kind, rows in sorted(misses.items()):
            print(f"\n## {kind}: {len(rows)}")
            for it, s, got in rows:
                print(f"- {it['file']}:{it['line']}: {it['text'][:300]}")
                if s is not None:
                    print(f"    want {expected_key(s)} holds={s['holds']}")
                print(f"    got  {got}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=["all", "tune", "check"], default="all")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    return run(args.half, args.misses)


if __name__ == "__main__":
    sys.exit(main())
