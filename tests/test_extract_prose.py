"""Figures from prose: structures, parts of a whole, stated counts — on real excerpts."""
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.checks.base import Subject
from plancheck.engine import load_rules, run_rules
from plancheck.extract.prose import prose_to_plan
from plancheck.models import Plan
from plancheck.models.document import Document, Paragraph, Span
from plancheck.models.location import Location

RULES = load_rules()


def doc(*lines: str) -> Document:
    """One paragraph per line, located at its line (as the text reader does for one-line paragraphs)."""
    paragraphs = [Paragraph(index=i, text=t, spans=[Span(start=0, location=Location(path="t.txt", line=i + 1))])
                  for i, t in enumerate(lines)]
    return Document(path="t.txt", source_format="text", blocks=paragraphs, lines=list(lines))


def plan_of(*lines: str) -> Plan:
    plan = Plan(path="t.txt")
    prose_to_plan(doc(*lines), plan)
    return plan


def findings(plan: Plan, select: str):
    return run_rules(Subject(plan=plan), RULES.select([select]))


TITLE = "NGHỊ QUYẾT Về kế hoạch phát triển kinh tế - xã hội năm 2024"

LAI_CHAU = ("(1) Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) khoảng 9,0%; cơ cấu kinh tế: nông, lâm nghiệp "
            "và thủy sản 15,31%; công nghiệp và xây dựng 39,6%; dịch vụ 38,64%; thuế sản phẩm 6,46%; GRDP bình "
            "quân đầu người đạt 49 triệu đồng.")
KON_TUM = ("Về kinh tế: Tốc độ tăng trưởng GRDP của tỉnh đạt trên 10%. Cơ cấu kinh tế: Khu vực Nông, Lâm nghiệp "
           "và Thuỷ sản 21-22%; Khu vực Công nghiệp và Xây dựng: 28-29%; Khu vực Dịch vụ: 43-44%. GRDP bình quân "
           "đầu người trên 50 triệu đồng.")


def test_inline_structure_with_its_components_period_and_location():
    plan = plan_of(TITLE, LAI_CHAU)
    [s] = plan.structures
    assert s.name == "cơ cấu kinh tế"
    assert s.period.year == 2024 and s.period.kind.value == "plan"
    assert [(c.name, c.value.text) for c in s.components] == [
        ("nông, lâm nghiệp và thủy sản", "15,31%"), ("công nghiệp và xây dựng", "39,6%"),
        ("dịch vụ", "38,64%"), ("thuế sản phẩm", "6,46%")]
    assert s.location.line == 2 and s.location.column == LAI_CHAU.index("cơ cấu") + 1
    assert findings(plan, "PC101") == []  # 100,01: within rounding


def test_three_sectors_that_leave_a_remainder_are_a_warning_naming_it():
    """21-22% + 28-29% + 43-44% is 92-95%: the product-tax share (5-8%) may be what is missing."""
    plan = plan_of("Chương trình hành động năm 2021", KON_TUM)
    [s] = plan.structures
    assert [c.value.text for c in s.components] == ["21-22%", "28-29%", "43-44%"]
    assert findings(plan, "PC101") == []
    [f] = findings(plan, "PC103")
    assert f.location.line == 2 and f.severity.value == "warning"
    assert "92–95%" in f.message and "5–8%" in f.message


def test_listed_structure_from_bullets():
    plan = plan_of(TITLE, "- Cơ cấu kinh tế:", "+ Công nghiệp, xây dựng: 58,6%;",
                   "+ Dịch vụ và thuế sản phẩm trừ trợ cấp sản phẩm: 31,8%;",
                   "+ Nông, lâm nghiệp, thủy sản: 9,6%;",
                   "- Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp: Tăng 8,5%.")
    [s] = plan.structures
    assert [c.value.point for c in s.components] == [Decimal("58.6"), Decimal("31.8"), Decimal("9.6")]
    assert s.location.line == 2
    assert findings(plan, "PC101") == []


def test_independent_rates_laid_out_like_a_structure_are_not_one():
    plan = plan_of(TITLE, "- Chỉ tiêu về văn hóa:", "+ Tỷ lệ gia đình văn hóa: Từ 90% trở lên;",
                   "+ Tỷ lệ xóm, làng, tổ dân phố văn hóa: Từ 90% trở lên;",
                   "+ Tỷ lệ cơ quan, đơn vị đạt chuẩn văn hóa: Từ 92% trở lên.",
                   "Phấn đấu 42% số trường mầm non, 63% số trường tiểu học, 44% số trường THCS đạt chuẩn.")
    assert plan.structures == []


def test_trong_do_share_of_the_same_base_is_a_part():
    plan = plan_of(TITLE, "- Tỷ lệ lao động qua đào tạo: 74%, trong đó có bằng cấp, chứng chỉ: 36,5%.")
    [p] = plan.parts
    assert (p.whole.text, p.part.text, p.same_base) == ("74%", "36,5%", True)
    assert findings(plan, "PC301") == []


def test_trong_do_part_larger_than_its_whole_is_flagged():
    plan = plan_of(TITLE, "Thu ngân sách nhà nước trên địa bàn đạt 2.236 tỷ đồng, trong đó thu nội địa 2.300 tỷ đồng.")
    [f] = findings(plan, "PC302")
    assert f.location.line == 2 and "2.300" in f.message


def test_growth_rates_joined_by_trong_do_are_not_parts():
    plan = plan_of(TITLE, "(4) Tốc độ tăng kim ngạch xuất nhập khẩu 6,0%, trong đó: tốc độ tăng giá trị xuất khẩu "
                          "hàng địa phương đạt 10%.",
                   "- Giá trị xuất khẩu: Tăng 8%, trong đó giá trị xuất khẩu địa phương tăng 9% so với năm 2023;")
    assert plan.parts == []


def test_a_bullet_target_becomes_an_indicator_of_the_plan_year():
    plan = plan_of(TITLE, "- Thu ngân sách nhà nước trên địa bàn tỉnh: 19.515 tỷ đồng.")
    [ind] = plan.indicators
    assert ind.name == "Thu ngân sách nhà nước trên địa bàn tỉnh" and ind.unit == "tỷ đồng"
    assert ind.values[0].value.point == 19515 and ind.values[0].period.year == 2024


# -- statements read with the subject found after the figure: the same as one pattern ---------------
def _one_pattern():
    """The single pattern the statement reader once was (retried at every character)."""
    import re

    from plancheck.numbers import QUALIFIER

    return re.compile(
        r"(?P<subject>[^.;:!?()]{6,160}?)\s+(?P<estimate>ước\s+(?:thực\s+hiện\s+)?)?đạt\s+"
        rf"(?P<value>(?:{QUALIFIER}\s+)?\d[\d.,]*(?:\s*(?:-|–|đến)\s*\d[\d.,]*)?)"
        r"\s*(?P<unit>%|‰|[^\W\d_]+(?:\s+[^\W\d_]+)?(?:/[^\W\d_]+)*)?(?P<up>\s+trở\s+lên)?",
        re.IGNORECASE)


_PIECES = ["Tổng thu ngân sách năm 2024", " ước đạt ", " đạt ", " ước thực hiện đạt ", "4.180", " tỷ đồng",
           "%", " trở lên", ". ", "; ", " (", ")", "  ", "Thu", "a", " năm 2023", "ĐẠT ", "7,5", "-", " đến ",
           "trên ", "x" * 70, ", ", "đạt"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_statements_are_read_as_the_one_pattern_reads_them(pieces):
    from plancheck.extract.prose import _statement_matches

    text = "".join(pieces)
    names = ("subject", "estimate", "value", "unit", "up")
    old = [(tuple(m.group(k) for k in names), m.start("subject"), m.start("value"))
           for m in _one_pattern().finditer(text)]
    new = [(tuple(m.group(k) for k in names), m.start("subject"), m.start("value"))
           for m in _statement_matches(text)]
    assert new == old


def test_a_verb_in_capitals_before_one_in_lower_case_is_read_too():
    # the first "đạt" in capitals, the first in lower case far after it: both statements read
    from plancheck.extract.prose import _statement_matches

    text = ("Tỷ lệ trường chuẩn quốc gia ĐẠT 72,5%; số xã hoàn thành tiêu chí về giao thông nông thôn "
            "và thủy lợi nội đồng tăng thêm; tỷ lệ che phủ rừng năm 2025 ước đạt 45,1%.")
    old = [m.group("value") for m in _one_pattern().finditer(text)]
    assert [m.group("value") for m in _statement_matches(text)] == old == ["72,5", "45,1"]
