"""Split a precision sheet among judges, and merge their verdicts back (docs/precision.md).

    python3 bench/judge_parts.py split docs/precision/SHEET.tsv 3 OUTDIR
        writes OUTDIR/part_0.in.tsv … (idx, file, line, rule, severity, message; every third row
        to each part, so each judge sees the whole range of rules)
    python3 bench/judge_parts.py merge docs/precision/SHEET.tsv OUTDIR
        reads OUTDIR/part_*.out.tsv (idx, verdict, why) into the sheet's verdict and why columns

A judge writes its part's .out.tsv with a header `idx<TAB>verdict<TAB>why`; the sheet keeps the
columns `judge_sample.py` wrote, so `judge_sample.py score` counts it as usual.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path


def split(sheet: Path, parts: int, out: Path) -> int:
    rows = _rows(sheet)
    out.mkdir(parents=True, exist_ok=True)
    for j in range(parts):
        with open(out / f"part_{j}.in.tsv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t")
            w.writerow(["idx", "file", "line", "rule", "severity", "message"])
            for i in range(j, len(rows), parts):
                r = rows[i]
                w.writerow([i, r["file"], r["line"], r["rule"], r["severity"], r["message"]])
    print(f"{len(rows)} rows in {parts} parts → {out}")
    return 0


def merge(sheet: Path, out: Path) -> int:
    rows = _rows(sheet)
    judged = 0
    for part in sorted(out.glob("part_*.out.tsv")):
        with open(part, encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                i = int(r["idx"])
                rows[i]["verdict"] = r["verdict"].strip().upper()
                rows[i]["why"] = " ".join(r["why"].split())
                judged += 1
    with open(sheet, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, list(rows[0].keys()), delimiter="\t")
        w.writeheader()
        w.writerows(rows)
    missing = sum(1 for r in rows if not r["verdict"])
    print(f"{judged} verdicts merged into {sheet}; {missing} rows unjudged")
    return 1 if missing else 0


def _rows(sheet: Path) -> list[dict[str, str]]:
    with open(sheet, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "split":
        return split(Path(argv[1]), int(argv[2]), Path(argv[3]))
    if len(argv) == 3 and argv[0] == "merge":
        return merge(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
