"""Placeholder rules (PC801-PC803): blanks left in a draft; info in a draft, errors in a final text."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancheck.checks.base import Subject
from plancheck.checks.placeholders import find_blanks
from plancheck.engine import load_rules, run_rules
from plancheck.pipeline import understand
from plancheck.read.text import read_text_document
from documents import SON_LA_DRAFT_HEAD

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
RULES = load_rules([RULES_DIR / "placeholders.yaml"], include_default=False)

DRAFT = SON_LA_DRAFT_HEAD


def check(text: str, stage: str = "final", lang: str = "en"):
    loaded = understand(read_text_document("t.txt", text.encode("utf-8")))
    s = Subject(plan=loaded.plan, document=loaded.document, structure=loaded.structure, options={"stage": stage})
    return run_rules(s, RULES, lang)


def test_the_sơn_la_draft_number_and_day_are_errors_in_a_final_text_and_info_in_a_draft():
    final = check(DRAFT)
    assert [(f.rule, f.location.line, f.severity.value) for f in final] == [("PC801", 6, "error"), ("PC802", 12, "error")]
    assert "this document's number" in final[0].message and "the day of this document's own date" in final[1].message
    draft = check(DRAFT, "draft")
    assert [(f.rule, f.location.line, f.severity.value) for f in draft] == [("PC801", 6, "info"), ("PC802", 12, "info")]
    assert all("a draft" in f.message for f in draft)
    assert "bản dự thảo" in check(DRAFT, "draft", "vi")[0].message


def test_the_stage_option_reaches_the_rules_through_the_api(tmp_path):
    import plancheck

    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    levels = {stage: {f.severity.value for f in plancheck.check(path, rules=RULES, options={"stage": stage}).findings}
              for stage in ("draft", "final")}
    assert levels == {"draft": {"info"}, "final": {"error"}}


HEAD = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÒA BÌNH | Độc lập - Tự do - Hạnh phúc\n"
        "{mark}Số: /QĐ-UBND | Hòa Bình, ngày tháng 4 năm 2026\nQUYẾT ĐỊNH\nVề việc ban hành kế hoạch\n"
        "Điều 1. Quyết định này có hiệu lực kể từ ngày ký.\n")


@pytest.mark.parametrize("mark", ["DỰ THẢO\n", "(Dự thảo lần 3)\n", "| DỰ THẢO 2 |\n"])
def test_a_text_that_marks_itself_a_draft_is_one_unless_told(mark):
    text = HEAD.format(mark=mark)
    found = check(text, "auto")
    assert [(f.rule, f.severity.value) for f in found] == [("PC801", "info"), ("PC802", "info")]
    assert all("it says it is one" in f.message for f in found)
    assert {f.severity.value for f in check(text, "final")} == {"error"}   # told: final


@pytest.mark.parametrize("text", [
    HEAD.format(mark=""),
    # a draft named in a sentence is another text
    HEAD.format(mark="") + "Điều 2. Dự thảo Nghị quyết trình Hội đồng nhân dân tỉnh tại kỳ họp thứ 10.\n",
])
def test_a_text_not_marked_a_draft_is_final_by_default(text):
    assert {f.severity.value for f in check(text, "auto")} == {"error"}


@pytest.mark.parametrize("text, rule, suggestion", [
    # 0f98ee482389e59e.md lines 90-91: the appendix caption of decision 2979/QĐ-UBND of 27/11/2025
    ("Số: 2979/QĐ-UBND\nHà Tĩnh, ngày 27 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
     "*(Ban hành kèm theo Quyết định số: /QĐ-UBND ngày\n/ /2025 của Ủy ban nhân dân tỉnh)*",
     ["PC801", "PC802"], ["số: /QĐ-UBND → số 2979/QĐ-UBND", "ngày / /2025 → ngày 27 tháng 11 năm 2025"]),
    # e4fe6376a6d82fcc.md line 183: the number written in, the date not
    ("Số: 2568/QĐ-UBND\nQuảng Ngãi, ngày 21 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
     "*(Kèm theo Quyết định số 2568/QĐ-UBND ngày tháng năm 2025 của Ủy ban nhân dân tỉnh)*",
     ["PC802"], ["ngày tháng năm 2025 → ngày 21 tháng 11 năm 2025"]),
])
def test_an_appendix_caption_left_blank_is_given_the_documents_own_number_and_date(text, rule, suggestion):
    findings = check(text)
    assert [f.rule for f in findings] == rule
    assert [f.suggestion for f in findings] == suggestion


@pytest.mark.parametrize("text, blank", [
    ("Tổng vốn đầu tư toàn xã hội đạt [...] tỷ đồng.", "[...]"),
    ("Thu ngân sách năm 2024 đạt ... tỷ đồng, tăng ...% so với năm 2023.", "..."),
    ("giao tại Quyết định số 2665/QĐ-UBND, Phụ lục /…/ kèm theo.", "/…/"),
    ("Hoàn thành trong tháng xxx năm 2024.", "xxx"),
    ("Giao ông ... , Giám đốc Sở Tài chính, chủ trì.", "..."),
    ("Báo cáo trước ngày 15 hằng tháng của năm 20xx.", "20xx"),
])
def test_marks(text, blank):
    findings = check(text)
    assert findings and {f.rule for f in findings} == {"PC803"}
    assert f'"{blank}"' in findings[0].message


@pytest.mark.parametrize("text", [
    # ellipses closing an enumeration, from the corpus
    "xanh, kinh tế tuần hoàn, tình hình các chuỗi giá trị toàn cầu…, sự phát triển mạnh",
    "đầu tư, thị trường bất động sản,… Tuy nhiên, nền kinh tế tiếp tục phải đối mặt",
    "hội chợ trong môi trường thực tế ảo, hội nghị kết nối trực tuyến.... Tiếp tục tập",
    "chủ động xử lý theo thẩm quyền nhằm phấn đấu đạt và vượt mức các chỉ tiêu đề ra…/.",
    "miền núi, vùng sâu, vùng xa;…",
    # site text and quotations (realdocs)
    "Đang tải văn bản...",
    "Giúp công chúng “…loại rủi ro pháp lý, nắm cơ hội làm giàu…”,",
    # not blanks at all
    "Đại hội Đảng bộ lần thứ XX; website www.xxx.gov.vn; số/tổng số; Số/Tổng",
    "Chương I. Quy định chung ........ 5",
    "Số: 252/NQ-HĐND; Nghị quyết số 39/2020/NQ-HĐND; thu nhập 51,7 triệu đồng/người/năm",
    "các sở, ban, ngành ... và UBND các huyện",
])
def test_not_placeholders(text):
    assert check(text) == []


def test_a_forms_blanks_are_for_its_users():
    # 54c3026bc7bb5cb7.md: Nghị định 308/2025/NĐ-CP, Phụ lục I, forms Mẫu số 01 ...
    text = ("Điều 1. Ban hành kèm theo Nghị định này các mẫu văn bản.\nPHỤ LỤC I\nCÁC MẪU VĂN BẢN\nMẫu số 01\n"
            "TÊN CƠ QUAN\nSố: ....../QĐ-UBND\n……, ngày ... tháng ... năm ...\nQUYẾT ĐỊNH\n"
            "Họ và tên: ......................\nDiện tích ... ha, gồm ... hiện vật; [...]\n"
            "Mẫu số 02\nngày..... tháng..... năm....\n")
    assert check(text) == []
    # outside the form the same blank is reported
    assert [f.rule for f in check("Điều 1. Tổ chức lễ công bố vào ngày ... tháng ... năm 2025.")] == ["PC802"]


def test_find_blanks_offsets():
    text = "Số: …/QĐ-UBND, đạt ... tỷ đồng"
    blanks = find_blanks(text)
    assert [(b.target, text[b.start:b.end].strip()) for b in blanks] == [
        ("number", "Số: …/QĐ-UBND"), ("mark", "...")]


# -- generated documents ------------------------------------------------------------------------

_ENUMERATION = st.lists(st.sampled_from(["nông nghiệp", "công nghiệp", "dịch vụ", "du lịch", "mời thầu", "hạ tầng",
                                         "y tế", "giáo dục"]), min_size=2, max_size=5)
_ENDING = st.sampled_from(["…", "...", ",…", ",...", "…;", "... Tiếp tục", "…). Tăng cường", "...\n"])


@st.composite
def final_texts(draw):
    own = dt.date(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 3000)))
    number = draw(st.integers(1, 4999))
    prose = []
    for _ in range(draw(st.integers(1, 4))):
        prose.append("Phát triển " + ", ".join(draw(_ENUMERATION)) + draw(_ENDING))
    return {"own": own, "number": number, "prose": prose}


def render(d, *, number: str | None = None, date: str | None = None, mark: str | None = None) -> str:
    own = d["own"]
    month = f"{own.month:02d}"
    lines = ["ỦY BAN NHÂN DÂN TỈNH SƠN LA", f"Số: {number if number is not None else d['number']}/QĐ-UBND",
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             f"Sơn La, {date if date is not None else f'ngày {own.day:02d} tháng {month} năm {own.year}'}",
             "QUYẾT ĐỊNH", "Về nhiệm vụ, giải pháp năm 2024", "QUYẾT ĐỊNH:", "Điều 1. Nhiệm vụ."]
    lines += [f"- {p}" for p in d["prose"]]
    if mark:
        lines.append(f"- Thu ngân sách đạt {mark} tỷ đồng.")
    return "\n".join(lines)


GENERATED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@GENERATED
@given(final_texts())
def test_a_complete_text_has_no_placeholder(d):
    assert check(render(d)) == [], render(d)


@GENERATED
@given(final_texts(), st.sampled_from(["", "    ", "……", "......", "xxx"]), st.sampled_from(["draft", "final"]))
def test_a_blank_number_gives_exactly_pc801(d, blank, stage):
    findings = check(render(d, number=blank), stage)
    assert [(f.rule, f.severity.value) for f in findings] == [("PC801", "info" if stage == "draft" else "error")]


@GENERATED
@given(final_texts(), st.data())
def test_a_blank_date_gives_exactly_pc802(d, data):
    own = d["own"]
    date = data.draw(st.sampled_from([f"ngày       tháng {own.month:02d} năm {own.year}",
                                      f"ngày ... tháng ... năm {own.year}",
                                      f"ngày …/{own.month:02d}/{own.year}",
                                      f"ngày    tháng    năm {own.year}"]))
    assert [f.rule for f in check(render(d, date=date))] == ["PC802"], render(d, date=date)


@GENERATED
@given(final_texts(), st.sampled_from(["...", "…", "[...]", "[…]", "xxx"]))
def test_a_mark_gives_exactly_pc803(d, mark):
    assert [f.rule for f in check(render(d, mark=mark))] == ["PC803"], render(d, mark=mark)


DECISION_WITH_FORMS = """Số: 4001/QĐ-BKHCN
Hà Nội, ngày 20 tháng 11 năm 2025
QUYẾT ĐỊNH
Điều 1. Công bố thủ tục hành chính.
Điều 2. Quyết định này có hiệu lực từ ngày ký.
1. Thủ tục đăng ký nhiệm vụ
- Đơn đăng ký theo Biểu mẫu BM-21 tại phụ lục ban hành kèm theo Thông tư số…..
**BM-21**
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
ĐƠN ĐỀ NGHỊ
Kính gửi: ……………………………………
Căn cứ Công văn số … ngày …/…/… của … về việc đề nghị điều chỉnh;
Căn cứ Thông tư số /2025/TT-BKHCN ngày /11/2025 của Bộ Khoa học và Công nghệ;
Tên tổ chức: ………………………………………
Địa chỉ: ………………………………………………
…, ngày … tháng … năm …
(Ký, ghi rõ họ tên)
"""


def test_a_forms_fields_are_for_its_users_but_a_cited_acts_blank_is_a_blank():
    found = [(f.rule, f.location.line, f.message.split('"')[1]) for f in check(DECISION_WITH_FORMS)]
    # the procedure's "Thông tư số….." and the form's otherwise complete citation of Thông tư
    # /2025/TT-BKHCN are real blanks; the form's own fields ("Kính gửi: …", "số … ngày …/…/… của …",
    # "…, ngày … tháng … năm …") are not
    assert found == [("PC803", 7, "….."), ("PC801", 13, "số /2025/TT-BKHCN"), ("PC802", 13, "ngày /11/2025")]


def test_a_malformed_date_is_no_blank():
    assert check("Theo Quyết định số 12/QĐ-UBND ngày ngày 08 tháng 6 năm 2010 của UBND tỉnh.") == []


def test_an_elision_alone_on_its_line_is_no_blank():
    text = "Điều 5. Hồ sơ\n1. Đơn đề nghị.\n[...]\n3. Bản sao giấy phép.\n"
    assert [f.rule for f in check(text)] == []
    assert [f.rule for f in check("Thu ngân sách đạt [...] tỷ đồng.")] == ["PC803"]


def test_a_cited_acts_so_with_no_number_at_all():
    found = check("Căn cứ Thông báo kết luận số của Thường trực Tỉnh ủy;\nCăn cứ số liệu của Cục Thống kê.")
    assert [(f.rule, f.location.line, f.message.split('"')[1]) for f in found] == [
        ("PC801", 1, "Thông báo kết luận số")]


def test_a_word_file_is_the_text_before_signing_unless_told(tmp_path):
    # acts are drafted in Word and published as PDF; the e-office stamps the number and day in
    docx = pytest.importorskip("docx")
    import plancheck

    d = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH", "Số: /KH-UBND", "Hòa Bình, ngày tháng 4 năm 2026", "KẾ HOẠCH",
                 "Thực hiện chương trình chuyển đổi số năm 2026"):
        d.add_paragraph(line)
    path = tmp_path / "ke-hoach.docx"
    d.save(path)
    auto = plancheck.check(path, rules=RULES, lang="en").findings
    assert [(f.rule, f.severity.value) for f in auto] == [("PC801", "info"), ("PC802", "info")]
    assert all("a Word file is the text before signing" in f.message for f in auto)
    final = plancheck.check(path, rules=RULES, options={"stage": "final"}).findings
    assert {f.severity.value for f in final} == {"error"}
