"""Detection benchmark: seeded single-figure slips, and whether plancheck finds them.

    .venv/bin/python bench/detect.py              # both parts, the table of docs/benchmarks.md
    .venv/bin/python bench/detect.py --misses     # also list the slips not found

Part A (sentences) takes the 300 hand-labelled statements of
../shared/corpus-dev/statements.yaml that hold, and plants one slip in one labelled figure:
a share, a comparison's result, a part or whole, a stated count (the first digit raised by
one; a whole that loses its last digit; a count one higher). The labels were made without
plancheck, so a statement plancheck does not read counts as a miss: this measures
extraction and checking together.

Part B (documents) plants slips in the figures plancheck reads from the documents of
../shared/corpus and ../shared/corpus-dev (a comparison's operand or result, a share, a
part, a count), one slip per run, of three sorts: two digits swapped, a decimal shifted,
a decimal comma written as a point. It measures the checks given the extraction.

A slip is found when a finding of the expected category appears within two lines of it that
the unmutated text did not have. A likely fix "restores" when it names the original figure;
a likely fix naming anything else is wrong. False findings: findings of the numeric
categories on the unmutated texts that hold (part A) or that match no gold entry (part B).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plancheck import check  # noqa: E402
from plancheck.pipeline import load_path  # noqa: E402

SHARED = ROOT.parent / "shared"
CATEGORY = {"structure": "shares", "share-of-total": "comparison", "ratio": "comparison", "growth": "comparison",
            "part": "part-whole", "count": "count"}
NUMERIC = {"shares", "comparison", "part-whole", "count", "number-format"}
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")


# -- slips --------------------------------------------------------------------------------

def raise_first_digit(number: str) -> str:
    """36,5 → 46,5; 9,8 → 8,8: a slip of the leading digit."""
    k = next(i for i, ch in enumerate(number) if ch.isdigit() and ch != "0") if number.strip("0.,") else 0
    d = int(number[k])
    return number[:k] + str(d + 1 if d < 9 else d - 1) + number[k + 1:]


def drop_last_digit(number: str) -> str | None:
    """7.966 → 796: a whole that lost a digit (and now falls short of its parts)."""
    digits = re.sub(r"\D", "", number.split(",")[0])
    if len(digits) < 3:
        return None
    return f"{int(digits[:-1]):,}".replace(",", ".")


def swap_digits(number: str) -> str | None:
    """4.636 → 4.366: two neighbouring different digits swapped."""
    pos = [i for i, ch in enumerate(number) if ch.isdigit()]
    for a, b in zip(pos, pos[1:]):
        if number[a] != number[b]:
            chars = list(number)
            chars[a], chars[b] = chars[b], chars[a]
            return "".join(chars)
    return None


def shift_decimal(number: str) -> str | None:
    """48,59 → 485,9; 4.636 → 46.360: the value ten times too large."""
    if "," in number:
        whole, frac = number.split(",", 1)
        if len(frac) < 2:
            return None
        return f"{whole}{frac[0]},{frac[1:]}"
    digits = re.sub(r"\D", "", number)
    return f"{int(digits) * 10:,}".replace(",", ".")


def english_point(number: str) -> str | None:
    """48,59 → 48.59: a decimal comma written as a point (a two-digit group is no thousands)."""
    if number.count(",") != 1 or "." in number or len(number.split(",")[1]) > 2:
        return None
    return number.replace(",", ".")


# -- running plancheck -------------------------------------------------------------------

def findings(text: str, name: str, workdir: Path):
    path = workdir / name
    path.write_text(text, encoding="utf-8")
    report = check(path)
    return [f for f in report.findings if f.category in NUMERIC and f.severity.value in ("error", "warning")]


def new_findings(before, after, category: str, line: int | None = None):
    seen = Counter((f.rule, f.location.line, f.message) for f in before)
    out = []
    for f in after:
        key = (f.rule, f.location.line, f.message)
        if seen[key]:
            seen[key] -= 1
            continue
        if f.category == category and (line is None or abs(f.location.line - line) <= 2):
            out.append(f)
    return out


def fix_verdict(found, original: str, mutated: str) -> str:
    """"restored", "wrong" or "none": what the findings' likely fixes say of the slip."""
    fixes = [f.suggestion for f in found if f.suggestion]
    if not fixes:
        return "none"
    want = _value(original)
    for s in fixes:
        m = re.match(r"\s*(.*?)\s*→\s*(.*?)\??\s*(?:\(|$)", s)
        if m and _NUMBER.search(m.group(2)) and _value(_NUMBER.search(m.group(2)).group(0)) == want:
            return "restored"   # compared as numbers: "48,40" restores "48.4", "2" restores "02"
    return "wrong"


def _value(number: str):
    from plancheck.numbers import NotANumber, parse_number

    try:
        return parse_number(number.strip().rstrip("%").strip()).value
    except NotANumber:
        return None


# -- part A: labelled sentences ----------------------------------------------------------

def sentence_slips(item: dict):
    """(kind, original figure, slipped figure) for each statement that holds."""
    for s in item["statements"]:
        if s.get("holds") is not True or s["kind"] not in CATEGORY:
            continue
        kind = s["kind"]
        if kind == "structure":
            if s.get("total") is None:
                continue   # a partial list: a share raised may still fit under 100%
            figure = max(s["parts"].values(), key=lambda v: float(_num(v).replace(".", "").replace(",", ".")))
            yield kind, _num(figure), raise_first_digit(_num(figure))
        elif kind == "count":
            stated = str(s["stated"])
            if stated.isdigit():
                yield kind, stated, str(int(stated) + 1).zfill(len(stated))
        elif kind == "part":
            whole = _num(s["whole"])
            slipped = raise_first_digit(whole) if s.get("exhaustive") else drop_last_digit(whole)
            if slipped:
                yield kind, whole, slipped
        elif kind in ("share-of-total", "ratio", "growth"):
            reported = _num(s["reported"])
            yield kind, reported, raise_first_digit(reported)


def _num(text) -> str:
    m = _NUMBER.search(str(text))
    return m.group(0) if m else ""


def part_a(workdir: Path, misses: bool):
    items = yaml.safe_load((SHARED / "corpus-dev" / "statements.yaml").read_text(encoding="utf-8"))["items"]
    tally: dict[str, Counter] = defaultdict(Counter)
    false = 0
    for n, item in enumerate(items):
        text = item["text"]
        base = findings(text, f"s{n}.txt", workdir)
        if all(s.get("holds") for s in item["statements"]):
            false += len(base)
        for kind, original, slipped in sentence_slips(item):
            category = CATEGORY[kind]
            if not original or slipped is None or text.count(original) != 1:
                tally[category]["skipped"] += 1   # the figure cannot be told apart in the sentence
                continue
            mutated = text.replace(original, slipped, 1)
            found = new_findings(base, findings(mutated, f"s{n}.txt", workdir), category)
            record(tally[category], found, original, slipped, f"{category:11} {original} → {slipped}: {text[:120]}",
                   misses)
    return tally, false


def record(t: Counter, found, original: str, slipped: str, what: str, misses: bool) -> None:
    """Count one slip: found or not, and what its likely fixes say; list it with --misses."""
    t["slips"] += 1
    t["found"] += bool(found)
    verdict = fix_verdict(found, original, slipped)
    t[verdict] += 1
    if misses and not found:
        print(f"  missed {what}")
    if misses and verdict == "wrong":
        print(f"  wrong fix {what} | " + "; ".join(f"{f.rule} {f.suggestion}" for f in found if f.suggestion))


# -- part B: documents -------------------------------------------------------------------

def document_sites(plan):
    """(category, location, figure text) of the figures plancheck reads, once each."""
    sites = []
    for c in plan.comparisons:
        for v in (c.value, c.numerator.value, c.denominator.value):
            sites.append(("comparison", v.location, v.text))
    for s in plan.structures:
        sites += [("shares", c.value.location, c.value.text) for c in s.components]
    for b in plan.breakdowns:
        sites += [("part-whole", v.location, v.text) for v in [b.whole] + [p.value for p in b.parts]]
    for p in plan.parts:
        sites.append(("part-whole", p.part.location, p.part.text))
    for k in plan.counts:
        sites.append(("count", k.stated.location, k.stated.text))
    seen, out = set(), []
    for category, loc, text in sites:
        if loc is None or not loc.line or (loc.line, loc.column) in seen:
            continue
        seen.add((loc.line, loc.column))
        out.append((category, loc, text))
    return out


def part_b(workdir: Path, misses: bool, per_document: int, seed: int):
    rng = random.Random(seed)
    tally: dict[str, Counter] = defaultdict(Counter)
    gold_lines = _gold_lines()
    false = 0
    for folder in ("corpus", "corpus-dev"):
        for path in sorted((SHARED / folder).glob("*")):
            if path.suffix not in (".txt", ".md"):
                continue
            text = path.read_text(encoding="utf-8")
            lines = text.split("\n")
            base = findings(text, path.name, workdir)
            false += sum(1 for f in base if not any(abs(f.location.line - g) <= 2
                                                     for g in gold_lines.get((path.name, f.category), ())))
            sites = document_sites(load_path(workdir / path.name).plan)
            rng.shuffle(sites)
            for category, loc, written in sites[:per_document]:
                number = _num(written)
                line = lines[loc.line - 1]
                at = line.find(number, max(0, loc.column - 1 - 20))
                if not number or at < 0:
                    tally["(located)"]["skipped"] += 1
                    continue
                for sort, slip, expect in (("digit swap", swap_digits, category),
                                           ("decimal shift", shift_decimal, category),
                                           ("separator", english_point, "number-format")):
                    slipped = slip(number)
                    if category == "count" and sort != "digit swap":
                        continue
                    if slipped is None or slipped == number:
                        continue
                    mutated_lines = list(lines)
                    mutated_lines[loc.line - 1] = line[:at] + slipped + line[at + len(number):]
                    after = findings("\n".join(mutated_lines), path.name, workdir)
                    found = new_findings(base, after, expect, loc.line)
                    key = f"{expect} ({sort})"
                    record(tally[key], found, number, slipped, f"{key:28} {path.name}:{loc.line} {number} → {slipped}",
                           misses)
            (workdir / path.name).write_text(text, encoding="utf-8")
    return tally, false


def _gold_lines() -> dict[tuple[str, str], list[int]]:
    out: dict[tuple[str, str], list[int]] = defaultdict(list)
    for folder in ("corpus", "corpus-dev"):
        gold = yaml.safe_load((SHARED / folder / "gold.yaml").read_text(encoding="utf-8"))
        for doc, entries in (gold.get("documents") or {}).items():
            for e in entries or []:
                if e.get("level") != "not":
                    out[(doc, e["category"])] += [e["line"], *e.get("also", []), *e.get("lines", [])]
    return out


def table(title: str, tally: dict[str, Counter], false: int, false_what: str) -> str:
    rows = [f"{title}", f"{'category':34} {'slips':>5} {'found':>6} {'recall':>7} {'fix restores':>13} {'wrong fix':>9}"]
    total = Counter()
    for key in sorted(tally):
        t = tally[key]
        total.update(t)
        if not t["slips"]:
            continue
        rows.append(f"{key:34} {t['slips']:5} {t['found']:6} {t['found'] / t['slips']:7.2f} "
                    f"{t['restored']:13} {t['wrong']:9}")
    if total["slips"]:
        rows.append(f"{'all':34} {total['slips']:5} {total['found']:6} {total['found'] / total['slips']:7.2f} "
                    f"{total['restored']:13} {total['wrong']:9}")
    rows.append(f"skipped (figure not unique or not located): {total['skipped']}; "
                f"false findings on {false_what}: {false}")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--per-document", type=int, default=8, help="figures slipped per document (part B)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--part", choices=("a", "b", "both"), default="both")
    args = parser.parse_args()
    if not (SHARED / "corpus-dev" / "statements.yaml").exists():
        print("../shared is not beside the project: nothing to measure", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if args.part in ("a", "both"):
            tally, false = part_a(workdir, args.misses)
            print(table("A. one slip in a labelled statement of a real sentence (statements.yaml)", tally, false,
                        "sentences whose statements hold"))
        if args.part in ("b", "both"):
            tally, false = part_b(workdir, args.misses, args.per_document, args.seed)
            print()
            print(table("B. one slip in a figure plancheck reads (corpus, corpus-dev)", tally, false,
                        "the unmutated documents, matching no gold entry"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
