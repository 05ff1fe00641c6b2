"""Readers stay linear on hostile shapes (issue 25, item 4), and one defect gives one finding:
a paragraph chaining hundreds of "trong đó" / "gồm" clauses made every figure the whole of all
that followed it (754 findings, 22 s); thousands of structures were each checked against all
before them. (Their times are bench/'s: bench/speed.py --hostile.)"""
import plancheck
from plancheck.extract.grammar import parts as grammar_parts
from plancheck.models.plan import Plan
from plancheck.pipeline import load_path


def _chain(n: int) -> str:
    clauses = [f"tổng vốn {9000 - 7 * i} tỷ đồng, trong đó vốn ngân sách {8000 - 7 * i} tỷ đồng, gồm" for i in range(n)]
    return "Năm 2025, " + " ".join(clauses) + " các nguồn khác.\n"


def test_a_whole_reads_a_bounded_list_and_says_where_it_cut_it(tmp_path):
    path = tmp_path / "chuoi.md"
    path.write_text(_chain(200), encoding="utf-8")
    plan: Plan = load_path(path).plan
    assert plan.breakdowns
    assert max(len(b.parts) for b in plan.breakdowns) == grammar_parts._MAX_PARTS
    cut = [b for b in plan.breakdowns if "list-bounds" in b.assumed]
    assert len(cut) > 100 and not any(b.exhaustive for b in cut)   # cut: never read as the whole list
    report = plancheck.check(path, lang="en")
    assert not report.errors and len(report.findings) <= 2 * grammar_parts._MAX_PARTS   # not one per figure


def test_a_list_of_a_dozen_parts_is_read_whole(tmp_path):
    shares = ", ".join(f"xã {chr(65 + k)} {10 + k} ha" for k in range(12))
    path = tmp_path / "dat.md"
    path.write_text(f"Diện tích đất lúa 500 ha, trong đó {shares}.\n", encoding="utf-8")
    [b] = load_path(path).plan.breakdowns
    assert len(b.parts) == 12 and "list-bounds" not in b.assumed


def test_thousands_of_structures_are_each_read_once(tmp_path):
    lines = [f"Cơ cấu kinh tế xã {i}: nông nghiệp {20 + i % 10}%, công nghiệp 30%, dịch vụ {50 - i % 10}%.\n"
             for i in range(3000)]
    path = tmp_path / "co-cau.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    structures = load_path(path).plan.structures
    assert len(structures) == 3000
    assert len({s.components[0].value.location for s in structures}) == 3000
