"""The step times of a procedure's internal workflow against the total it states (PC302),
on the layout web pages give such tables: one cell per line between "|" lines (after a
Hà Nội workflow of 2025, whose step 2 has three actors, each timed)."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from plancheck.api import check
from plancheck.extract.procedure_times import procedure_times
from plancheck.read.text import read_text_document

HEAD = "**Bước thực hiện**\n|\n**Đơn vị thực hiện**\n|\n**Nội dung công việc**\n|\n**Thời gian**\n|\n|\n"
STEPS = [("**Bước 1**", "Cán bộ Bộ phận TN&TKQ", "Kiểm tra, hướng dẫn, tiếp nhận hồ sơ", "1/2 ngày"),
         ("**Bước 2**", "Trưởng Bộ phận TN&TKQ", "Chuyển hồ sơ tới Lãnh đạo Sở.", "1/2 ngày"),
         ("", "Lãnh đạo Sở", "Phân công thụ lý hồ sơ cho phòng Nghiệp vụ.", "1 ngày"),
         ("", "Lãnh đạo phòng Nghiệp vụ", "Phân công chuyên viên thụ lý hồ sơ.", "1 ngày"),
         ("**Bước 3**", "Chuyên viên phòng Nghiệp vụ", "Kiểm tra hồ sơ, dự thảo văn bản", "16 ngày"),
         ("**Bước 4**", "Lãnh đạo Sở", "Ký duyệt văn bản", "02 ngày"),
         ("**Bước 5**", "Bộ phận TN&TKQ Sở", "Trả kết quả trực tiếp hoặc qua bưu chính", "Giờ hành chính")]


def workflow(total: str, steps=STEPS) -> str:
    text = HEAD
    for step in steps:
        text += "\n|\n".join(c for c in step if c) + "\n|\n|\n"
    return text + f"*Tổng thời gian: *{total} kể từ ngày nhận đủ hồ sơ hợp lệ.\n|\n"


def breakdowns(text: str):
    return procedure_times(read_text_document("quy-trinh.md", text.encode("utf-8")))


def test_step_times_that_make_the_total():
    [b] = breakdowns(workflow("21 ngày làm việc"))
    assert (b.whole.point, sum(p.value.point for p in b.parts), b.exhaustive) == (21, 21, True)
    assert [p.value.text for p in b.parts][:3] == ["1/2 ngày", "1/2 ngày", "1 ngày"]
    assert check_rules(workflow("21 ngày làm việc")) == []


@pytest.mark.parametrize("total, holds", [
    ("168 giờ làm việc", True),     # 21 days of 8 working hours
    ("20,5 ngày làm việc", True),   # the clock starts after the first step's half day
    ("164 giờ làm việc", True),     # the same, in hours
    ("160 giờ làm việc", False),
])
def test_totals_in_hours_and_a_clock_that_starts_after_the_first_step(total, holds):
    findings = check_rules(workflow(total))
    assert findings == ([] if holds else [("PC302", "Tổng thời gian các bước (giờ làm việc)")])


def test_a_total_the_steps_do_not_make():
    assert check_rules(workflow("30 ngày làm việc")) == [("PC302", "Tổng thời gian các bước (ngày làm việc)")]


def test_a_step_without_its_own_time_lets_the_times_fall_short_not_exceed():
    # step 4 shares a merged cell with step 3: no time of its own
    steps = [s if s[0] != "**Bước 4**" else s[:3] for s in STEPS]
    assert check_rules(workflow("30 ngày làm việc", steps)) == []
    assert check_rules(workflow("15 ngày làm việc", steps)) == [("PC302", "Tổng thời gian các bước (ngày làm việc)")]


def test_partial_totals_then_the_grand_total():
    text = HEAD
    for n, hours in enumerate([4, 4, 20], 1):
        text += f"Bước {n}\n|\nCông chức cấp xã\n|\nThẩm định\n|\n{hours:02d} giờ làm việc\n|\n|\n"
    text += "**Tổng thời gian giải quyết TTHC ở cấp xã là:**\n|\n**28 giờ làm việc**\n|\n|\n"
    for n, hours in enumerate([4, 12], 4):
        text += f"Bước {n}\n|\nSở Nội vụ\n|\nThẩm định\n|\n{hours:02d} giờ làm việc\n|\n|\n"
    text += "**Tổng thời gian giải quyết THHC ở Sở Nội vụ**\n|\n**16 giờ làm việc**\n|\n|\n"
    text += "**Tổng thời gian giải quyết TTHC**\n|\n**44 giờ làm việc (05 ngày làm việc)**\n|\n"
    assert [(b.whole.point, len(b.parts)) for b in breakdowns(text)] == [(28, 3), (16, 2), (44, 5)]
    assert check_rules(text) == []
    assert check_rules(text.replace("**44 giờ", "**48 giờ")) == [("PC302", "Tổng thời gian các bước (giờ làm việc)")]


def check_rules(text: str) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "quy-trinh.md"
        path.write_text(text, encoding="utf-8")
        report = check(path, lang="vi", select=["PC302"])
    return [(f.rule, f.message.split('"')[1]) for f in report.findings]
