"""Counts of administrative procedures in a list's headings ("Lĩnh vực Di sản (08 TTHC)")
against the rows numbered under them (PC401), on the layout web pages give such tables:
one cell per line between "|" lines (excerpt of a Hà Tĩnh decision of 24/11/2025)."""
from __future__ import annotations

from plancheck.extract.procedure_counts import procedure_counts
from plancheck.pipeline import understand
from plancheck.read.text import read_text_document

ROW = "|\n{n}\n|\n{code}\n|\n{name}\n|\nx\n|\n|\n"
NAMES = ["Thu hồi giấy phép kinh doanh dịch vụ lữ hành nội địa", "Cấp thẻ hướng dẫn viên du lịch tại điểm",
         "Cấp Giấy phép thành lập Văn phòng đại diện", "Ra nước ngoài dự thi người đẹp, người mẫu",
         "Cấp giấy phép tổ chức triển lãm", "Xét tặng Giải thưởng Nhà nước về văn học, nghệ thuật"]


def table(parent: str, groups: list[tuple[str, str, int]]) -> str:
    """A list of procedures: a heading over groups, each group's heading and its rows."""
    text = "**TT**\n|\n**Mã TTHC**\n|\n**Tên TTHC**\n|\n**Ghi chú**\n|\n|\n"
    text += f"**A**\n|\n**THỦ TỤC HÀNH CHÍNH CẤP TỈNH ({parent} TTHC)**\n|\n|\n"
    codes = iter(range(1003700, 1003800))
    for roman, stated, rows in groups:
        text += f"**{roman}**\n|\n**Lĩnh vực {roman} ({stated} TTHC)**\n|\n|\n"
        for n in range(1, rows + 1):
            text += ROW.format(n=n, code=f"1.{next(codes):06d}"[:8], name=NAMES[n % len(NAMES)])
    return text


def pc401(text: str) -> list[tuple[int, str]]:
    loaded = understand(read_text_document("danh-muc.md", text.encode("utf-8")))
    return [(c.stated.location.line, f"{c.stated.text}/{c.counted}")
            for c in loaded.plan.counts if c.what == "TTHC" and int(c.stated.point) != c.counted]


def test_counts_that_hold_give_nothing():
    text = table("06", [("I", "02", 2), ("II", "01", 1), ("III", "03", 3)])
    loaded = understand(read_text_document("danh-muc.md", text.encode("utf-8")))
    counts = procedure_counts(loaded.document)
    assert [(c.stated.text, c.counted) for c in counts] == [("02", 2), ("01", 1), ("03", 3)]
    assert counts[0].items[0] == "1. " + NAMES[1]   # the row's name, not its code or tick
    assert pc401(text) == []


def test_a_group_whose_rows_differ_from_its_count():
    text = table("06", [("I", "02", 2), ("II", "01", 1), ("III", "04", 3)])
    # the group's count is wrong; the heading over it agrees with what the groups state
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "(04 TTHC)" in l)
    assert pc401(text) == [(line, "04/3")]


def test_a_heading_over_groups_that_do_not_make_its_count():
    text = table("07", [("I", "02", 2), ("II", "01", 1), ("III", "03", 3)])
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "(07 TTHC)" in l)
    assert pc401(text) == [(line, "07/6")]


def test_a_list_that_starts_again_under_one_heading_gives_no_count():
    text = table("03", [("I", "03", 3)]) + ROW.format(n=1, code="1.003999", name=NAMES[0])
    loaded = understand(read_text_document("danh-muc.md", text.encode("utf-8")))
    assert [c for c in loaded.plan.counts if c.what == "TTHC"] == []


def test_the_finding_reads_as_a_count(tmp_path):
    from plancheck.api import check

    path = tmp_path / "danh-muc.md"
    path.write_text(table("06", [("I", "02", 2), ("II", "01", 1), ("III", "04", 3)]), encoding="utf-8")
    report = check(path, lang="vi")
    assert [(f.rule, f.message, f.suggestion) for f in report.findings if f.rule == "PC401"] == [
        ("PC401", "Văn bản nói 04 TTHC nhưng liệt kê 3", "04 → 03?")]


DECISION = "Điều 1. Công bố kèm theo Quyết định này {n} thủ tục hành chính {rest}thuộc thẩm quyền của Sở.\n\n"


def rows_only(rows: int) -> str:
    text = "**TT**\n|\n**Mã TTHC**\n|\n**Tên thủ tục hành chính**\n|\n**Ghi chú**\n|\n|\n"
    for n in range(1, rows + 1):
        text += ROW.format(n=n, code=f"1.00{3700 + n}", name=NAMES[n % len(NAMES)])
    return text


def stated(text: str) -> list[tuple[str, int]]:
    loaded = understand(read_text_document("qd.md", text.encode("utf-8")))
    return [(c.stated.text, c.counted) for c in loaded.plan.counts if c.what != "TTHC"]


def test_the_decision_counts_the_rows_of_its_list():
    assert stated(DECISION.format(n="03", rest="") + rows_only(3)) == [("03", 3)]
    assert stated(DECISION.format(n="04", rest="") + rows_only(3)) == [("04", 3)]   # PC401: 04, lists 3
    # two lists in one sentence: no one count to compare
    assert stated(DECISION.format(n="03", rest="được sửa đổi và 01 thủ tục hành chính bị bãi bỏ ") + rows_only(3)) == []


def test_the_decision_counts_the_groups_its_headings_state():
    groups = [("I", "02", 2), ("II", "01", 1), ("III", "03", 3)]
    holds = DECISION.format(n="06 (sáu)", rest="(trong đó: 06 TTHC cấp tỉnh) ") + table("06", groups)
    assert stated(holds) == []
    assert stated(DECISION.format(n="07", rest="") + table("06", groups)) == [("07", 6)]
