"""Clause numbering (PC601-PC606): duplicates, gaps, order, the Vietnamese point letters, dotted prefixes.

Inputs are document text, read and understood as plancheck reads any text file;
excerpts come from the corpus documents and the real published texts.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancheck.checks.base import Subject
from plancheck.checks.numbering import VI_LETTERS, _Walk, numbering_problems, roman_numeral, roman_value
from plancheck.engine import RuleSet, load_pack, run_rules
from plancheck.pipeline import understand
from plancheck.read.text import read_text_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PACK = load_pack(ROOT / "rules" / "numbering.yaml")
RULES = RuleSet(PACK)
RULE_OF = {r.params["problem"]: r.id for r in PACK}


def findings(text: str, lang: str = "en"):
    loaded = understand(read_text_document("t.txt", text.encode("utf-8")))
    subject = Subject(plan=loaded.plan, document=loaded.document, structure=loaded.structure,
                      options={"stage": "final"})
    return run_rules(subject, RULES, lang)


def brief(text: str, lang: str = "en") -> list[tuple[str, int, str | None]]:
    return [(f.rule, f.location.line, f.suggestion) for f in findings(text, lang)]


# -- the rules' data -----------------------------------------------------------------
def test_the_pack_has_one_rule_per_problem_with_ids_in_range():
    assert sorted(RULE_OF) == sorted(["duplicate", "gap", "order", "letter", "d-for-dd", "prefix"])
    for rule in PACK:
        assert 601 <= int(rule.id[2:]) <= 649 and rule.category == "numbering"
        assert rule.examples.fires and rule.examples.passes


@pytest.mark.parametrize("rule", PACK, ids=lambda r: r.id)
def test_each_rules_examples_fire_and_pass_with_only_that_rule(rule):
    from plancheck.engine import run_example

    for example in rule.examples.fires:
        found = run_example(rule, example, "en")
        assert found and {f.rule for f in found} == {rule.id}
        # and no other numbering rule fires on it: one slip, one finding
        text = example if isinstance(example, str) else None
        if text is not None:
            assert {f.rule for f in findings(text)} == {rule.id}
    for example in rule.examples.passes:
        assert run_example(rule, example) == []
        if isinstance(example, str):
            assert findings(example) == []


# -- the walk along one list ------------------------------------------------------------
@pytest.mark.parametrize("values, found", [
    ([1, 2, 3, 4], []),
    ([1, 2, 2], [(2, "duplicate", 3, 1)]),                 # 9.1, 9.1 at the end: the second is 9.2
    ([1, 2, 3, 4, 4, 6], [(4, "duplicate", 5, 3)]),        # a b c d d e: the second d is đ (5)
    ([1, 2, 2, 4, 5], [(2, "duplicate", 3, 1)]),           # a copied label
    ([1, 2, 2, 3, 4], [(2, "duplicate", 3, 1)]),           # one item too many
    ([1, 2, 4, 5], [(2, "gap", 3, None)]),                 # a number skipped, the rest follow
    ([1, 2, 4], [(2, "gap", 3, None)]),
    ([1, 2, 4, 4, 5], [(2, "gap", 3, None)]),              # one label written one too high
    ([1, 3, 2, 4], [(1, "order", 2, 2)]),                  # two labels swapped
    ([2, 1, 3], [(0, "order", 1, 1)]),
    ([1, 2, 3, 1, 2], []),                                 # a new list after an unlabelled heading
    ([1, 2, 3, 4, 3, 4], []),                              # a second branch of a form: 3. 4. again
    ([1, 1, 2], [(1, "duplicate", 2, 0)]),                 # a list of one item is no list to restart
    ([1, 2, None, 4], [(2, "letter", 3, None)]),           # a letter outside the alphabet holds a place
    ([1, 2, None, 3], [(2, "letter", 3, None)]),           # ... or none
])
def test_the_walk_explains_departures_with_the_fewest_wrong_labels(values, found):
    assert _Walk(values, 1).run().found == found


def test_roman_numerals_read_and_written():
    assert [roman_value(r) for r in ("I", "IV", "IX", "XIV", "XL", "iii")] == [1, 4, 9, 14, 40, 3]
    assert roman_value("IIII") is None and roman_value("VX") is None and roman_value("") is None
    assert all(roman_value(roman_numeral(n)) == n for n in range(1, 150))


# -- the corpus, excerpted ---------------------------------------------------------------
# lai-chau_nq-kh-ktxh_2024.txt, lines 48-104 (first lines of the paragraphs)
LAI_CHAU = """3. Nhiệm vụ, giải pháp trọng tâm

a) Tiếp tục bám sát các chỉ đạo của Trung ương, của Ban Chấp hành Đảng bộ tỉnh

b) Đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư, kinh doanh

c) Về phát triển kinh tế

- Lĩnh vực nông nghiệp: Phát triển nông nghiệp theo hướng sản xuất hàng hóa tập trung

- Hoạt động tài chính, ngân hàng: Quản lý thu ngân sách nhà nước chặt chẽ

d) Triển khai thực hiện đồng bộ các nhiệm vụ giải pháp về phát triển văn hóa - xã hội

- Về giáo dục và đào tạo: Tiếp tục đổi mới, nâng cao chất lượng công tác giáo dục

- Công tác dân tộc, tôn giáo: Tập trung thực hiện hiệu quả Chương trình mục tiêu quốc gia

d) Phát triển khoa học - công nghệ

e) Tăng cường công tác quản lý tài nguyên, bảo vệ môi trường, ứng phó với biến đổi khí hậu

g) Tăng cường phòng chống tham nhũng, thanh tra, giải quyết khiếu nại, tố cáo

h) Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội

i) Đẩy mạnh công tác thông tin, tuyên truyền
"""


def test_lai_chau_second_d_is_dd_and_e_to_g_is_right():
    found = findings(LAI_CHAU)
    assert [(f.rule, f.location.line, f.suggestion) for f in found] == [(RULE_OF["d-for-dd"], 19, "d) → đ)")]
    assert "expected đ)" in found[0].message and "line 13" in found[0].message
    assert "chữ đúng là đ)" in findings(LAI_CHAU, "vi")[0].message
    assert findings(LAI_CHAU.replace("d) Phát triển khoa học", "đ) Phát triển khoa học")) == []


# son-la_qd-ubnd-draft_2024.txt, lines 183-801 (first lines, prose left out)
SON_LA_DRAFT = """Điều 1. Ban hành những nhiệm vụ, giải pháp chủ yếu chỉ đạo, điều hành

I. CHỦ ĐỀ, QUAN ĐIỂM, TRỌNG TÂM CHỈ ĐẠO ĐIỀU HÀNH

1. Bám sát Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng

2. Phát huy sức mạnh đại đoàn kết toàn dân tộc

II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU

1. Ưu tiên thúc đẩy tăng trưởng kinh tế, giữ vững ổn định kinh tế vĩ mô

1.1. Sở Tài chính chủ trì, phối hợp Cục thuế tỉnh, Kho bạc Nhà nước tỉnh

1.2. Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Sơn La

8. Thúc đẩy phát triển liên kết vùng

8.1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ban, ngành

9. Tiếp tục hoàn thiện, xây dựng bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả

9.1. Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành, UBND các huyện

9.1. Thanh tra tỉnh chủ trì, phối hợp với các sở, ban, ngành, UBND các huyện

10. Tăng cường, củng cố tiềm lực quốc phòng, an ninh

10.1. Bộ Chỉ huy quân sự tỉnh, Bộ Chỉ huy biên phòng tỉnh

10.2. Công an tỉnh chủ trì, phối hợp với các sở, ban, ngành

Điều 2. Tổ chức thực hiện

1. Căn cứ Quyết định này và các Nghị quyết, Kết luận

2. Sở Kế hoạch và Đầu tư chủ trì kiểm tra, đôn đốc

Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành chịu trách nhiệm thi hành
"""


def test_son_la_draft_91_twice_and_legitimate_restarts():
    # (the excerpt leaves out II.2-7: 1. then 8. is a gap of the excerpt, not of the document)
    text = SON_LA_DRAFT.replace("8. Thúc đẩy", "2. Thúc đẩy").replace("8.1. Sở Kế", "2.1. Sở Kế") \
        .replace("9. Tiếp tục", "3. Tiếp tục").replace("9.1. S", "3.1. S").replace("9.1. Th", "3.1. Th") \
        .replace("10. Tăng", "4. Tăng").replace("10.1.", "4.1.").replace("10.2.", "4.2.")
    found = findings(text)
    assert [(f.rule, f.location.line, f.suggestion) for f in found] == [(RULE_OF["duplicate"], 25, "3.1. → 3.2.")]
    assert "expected 3.2." in found[0].message and "(already at line 23)" in found[0].message
    assert findings(text, "vi")[0].message.endswith("số đúng là 3.2.")
    assert found[0].message.startswith("Điều 1 › II. › 3. › 3.1. repeats")


def test_son_la_draft_as_excerpted_reports_the_excerpts_gap_and_the_duplicate():
    assert brief(SON_LA_DRAFT) == [(RULE_OF["gap"], 17, "8. → 2."), (RULE_OF["duplicate"], 25, "9.1. → 9.2.")]


# son-la_nq-252-hdnd_2023.txt: Điều 1's sections, Điều 2's khoản, Phụ lục 02 restarting at 1.
SON_LA_252 = """Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024

1. Mục tiêu và các chỉ tiêu chủ yếu

1.1. Mục tiêu

1.2. Các chỉ tiêu chủ yếu năm 2024: Gồm 28 chỉ tiêu (phụ lục số 01 kèm theo).

2. Nhiệm vụ và giải pháp chủ yếu

2.1. Tiếp tục triển khai thực hiện các cơ chế, chính sách

2.2. Huy động và sử dụng có hiệu quả nguồn lực cho đầu tư phát triển

Điều 2. Tổ chức thực hiện

1. Ủy ban nhân dân tỉnh tổ chức triển khai, thực hiện Nghị quyết.

2. Thường trực HĐND, các Ban của HĐND, các Tổ đại biểu HĐND giám sát.

3. HĐND tỉnh kêu gọi nhân dân các dân tộc, chiến sỹ các lực lượng vũ trang.

PHỤ LỤC 02

CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU NĂM 2024

1. Tiếp tục triển khai thực hiện các cơ chế, chính sách

1.1. Tiếp tục triển khai thực hiện kịp thời, hiệu quả các chính sách

1.2. Tập trung tháo gỡ khó khăn, cải cách thủ tục hành chính

2. Huy động và sử dụng có hiệu quả nguồn lực cho đầu tư phát triển

2.1. Tổ chức điều hành dự toán chi ngân sách đảm bảo yêu cầu
"""

# thai-nguyen_nq-ktxh_2024.txt, lines 10-134
THAI_NGUYEN = """Điều 1. Thông qua kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2023

Điều 2. Thông qua mục tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2024

I. Mục tiêu và các chỉ tiêu chủ yếu

1. Mục tiêu

2. Các chỉ tiêu chủ yếu

2.1. Các chỉ tiêu kinh tế

- Tốc độ tăng trưởng kinh tế (GRDP) đạt 6,5%.

2.2. Các chỉ tiêu xã hội

2.3. Các chỉ tiêu về môi trường

II. Nhiệm vụ và các giải pháp phát triển ngành, lĩnh vực

1. Lĩnh vực kinh tế

1.1. Phát triển công nghiệp - xây dựng

1.2. Phát triển thương mại, dịch vụ

2. Lĩnh vực văn hóa, xã hội

2.1. Giải quyết việc làm và công tác giảm nghèo, an sinh xã hội

2.2. Về giáo dục và đào tạo

2.3. Hoạt động khoa học và công nghệ, thông tin truyền thông

3. Công tác đối ngoại

Điều 3. Tổ chức thực hiện

1. Giao Ủy ban nhân dân tỉnh chỉ đạo, triển khai thực hiện Nghị quyết.

2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban Hội đồng nhân dân tỉnh giám sát.
"""


@pytest.mark.parametrize("text", [SON_LA_252, THAI_NGUYEN], ids=["son-la-252", "thai-nguyen"])
def test_restarts_in_each_article_roman_section_and_appendix_are_right(text):
    assert findings(text) == []


# 741f24db1e774799.md: a published decision with two articles numbered 3
TWO_ARTICLES_3 = """Điều 1. Công bố kèm theo Quyết định này danh mục 12 (mười hai) thủ tục hành chính

1. Sửa đổi, bổ sung: 11 thủ tục hành chính cấp tỉnh.

2. Bãi bỏ: 01 (một) thủ tục hành chính cấp xã.

Điều 2. Phạm vi tiếp nhận

Các thủ tục hành chính thực hiện tiếp nhận tại Trung tâm Phục vụ hành chính công.

Điều 3. Tổ chức thực hiện

1. Giao Giám đốc Sở Tư pháp

2. Chánh Văn phòng Ủy ban nhân dân tỉnh

Điều 3. Hiệu lực và trách nhiệm thi hành

1. Quyết định có hiệu lực thi hành kể từ ngày ký.

2. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Tư pháp chịu trách nhiệm thi hành.
"""


def test_two_articles_numbered_3():
    found = findings(TWO_ARTICLES_3)
    assert [(f.rule, f.location.line, f.suggestion) for f in found] == \
        [(RULE_OF["duplicate"], 17, "Điều 3 → Điều 4")]
    assert found[0].message == "Điều 3 repeats (already at line 11); expected Điều 4"


def test_articles_run_on_through_chapters_and_restart_in_an_attached_regulation():
    text = """Điều 1. Ban hành kèm theo Quyết định này Quy định về chức năng, nhiệm vụ.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

QUY ĐỊNH

(Ban hành kèm theo Quyết định số 12/2025/QĐ-UBND)

Chương I

QUY ĐỊNH CHUNG

Điều 1. Vị trí và chức năng

Điều 2. Nhiệm vụ và quyền hạn

Chương II

TỔ CHỨC THỰC HIỆN

Điều 3. Cơ cấu tổ chức

Điều 5. Tổ chức thực hiện
"""
    assert brief(text) == [(RULE_OF["gap"], 23, "Điều 5 → Điều 4")]
    assert findings(text.replace("Điều 5.", "Điều 4.")) == []
    # chapters run on too
    assert brief(text.replace("Chương II", "Chương III")) == \
        [(RULE_OF["gap"], 17, "Chương III → Chương II"), (RULE_OF["gap"], 23, "Điều 5 → Điều 4")]


def test_quoted_amendment_text_is_checked_within_itself():
    text = """Điều 1. Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số 05/2020/QĐ-UBND

1. Sửa đổi, bổ sung khoản 3 Điều 5 như sau:

“3. Hồ sơ đề nghị gồm:

d) Bản sao giấy chứng nhận;

d) Bản sao quyết định.”

2. Bãi bỏ Điều 7.

3. Sửa đổi Điều 9 như sau:

“Điều 9. Tổ chức thực hiện

1. Sở Tư pháp chủ trì.

1. Các sở, ngành phối hợp.”

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""
    # the enacted points may start anywhere ("d)" amended alone), but "d)" twice is the new
    # text's slip; the quoted article's khoản are left to the amended act
    assert brief(text) == [("PC605", 9, "d) → đ)")]


def test_a_forms_blank_lines_and_branches_are_not_numbering_errors():
    # 54c3026bc7bb5cb7.md, Mẫu số 36 and 44
    text = """PHỤ LỤC I

CÁC MẪU VĂN BẢN

Mẫu số 36

BIÊN BẢN HỌP HỘI ĐỒNG

1. Hội đồng đã nghe Tổ thư ký của Hội đồng trình bày báo cáo.

2. Hội đồng đã xem xét, thảo luận, đánh giá.

3. Hội đồng bầu Ban kiểm phiếu và tiến hành bỏ phiếu

- Ủy viên: 1.

2.

4. Kết quả làm việc và kiến nghị của Hội đồng

Mẫu số 44

ĐƠN ĐỀ NGHỊ

1. Tên tổ chức đề nghị: ....................

2. Địa chỉ trụ sở: ....................

Đối với đề nghị cấp giấy phép

3. Tên gọi bảo tàng: ....................

4. Địa điểm đặt trụ sở bảo tàng: ....................

Đối với đề nghị cấp lại giấy phép

3. Giấy phép hoạt động bảo tàng ngoài công lập: ....................

4. Lý do đề nghị cấp lại: ....................
"""
    assert findings(text) == []


def test_a_label_inside_the_previous_paragraph_fills_the_gap():
    # 0f98ee482389e59e.md: "a)" lost its line break and stands inside the paragraph of 2.4.
    text = """2. Nhiệm vụ, quyền hạn

2.4. Về kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật a) Là đầu mối tham mưu Ủy ban nhân dân tỉnh;

b) Tham mưu Ủy ban nhân dân tỉnh thực hiện việc kiểm tra;

c) Theo dõi việc thi hành văn bản.
"""
    assert findings(text) == []   # (a lone 2.4. under 2.: an excerpt, too little to say 2.1 is missing)
    assert brief(text.replace("a) Là đầu mối", "Là đầu mối")) == [(RULE_OF["gap"], 5, "b) → a)")]


def test_labels_in_a_table_between_fill_the_gap():
    text = """Điều 1. Nhiệm vụ

1. Phát triển kinh tế

2. Tăng cường quản lý nhà nước

| STT | Nội dung |
|---|---|
| 3. | Về giáo dục và đào tạo |
| 4. | Bảo đảm an sinh xã hội |

5. Công tác đối ngoại
"""
    assert findings(text) == []
    assert brief(text.replace("| 4. |", "| |")) == [(RULE_OF["gap"], 12, "5. → 4.")]   # 3. is in the table
    assert findings(text.replace("| 4. |", "| |"))[0].message == "Điều 1 › 5. skips 4; expected 4."


def test_points_lettered_the_english_way_give_one_finding():
    text = "1. Nhiệm vụ\n\na) Một\n\nb) Hai\n\nc) Ba\n\nd) Bốn\n\ne) Năm\n\nf) Sáu\n\ng) Bảy\n"
    found = findings(text)
    assert [(f.rule, f.location.line, f.suggestion) for f in found] == [(RULE_OF["letter"], 11, "e) → đ)")]
    assert "a, b, c, d, e, f, g" in found[0].message


def test_uppercase_sections_may_skip_dd():
    text = "A. KẾT QUẢ NĂM 2023\n\nB. KẾ HOẠCH NĂM 2024\n\nC. GIẢI PHÁP\n\nD. TỔ CHỨC THỰC HIỆN\n\nE. KIẾN NGHỊ\n"
    assert findings(text) == []
    assert brief(text.replace("C. GIẢI", "B. GIẢI")) == [(RULE_OF["duplicate"], 5, "B. → C.")]


def test_a_dotted_prefix_is_reported_only_when_the_siblings_agree_with_the_parent():
    base = "3. Nhiệm vụ\n\n3.1. Một\n\n3.2. Hai\n\n3.3. Ba\n"
    assert findings(base) == []
    assert brief(base.replace("3.2.", "2.2.")) == [(RULE_OF["prefix"], 5, "2.2. → 3.2.")]
    assert brief(base.replace("3.1.", "4.1.")) == [(RULE_OF["prefix"], 3, "4.1. → 3.1.")]
    # two in a row with another prefix: rather a section whose heading was lost; nothing said
    assert findings(base + "\n4.1. Bốn\n\n4.2. Năm\n") == []
    assert findings(base.replace("3.3.", "2.2.")) == []     # 2.2 after 3.2 does not continue it: unclear
    # all children carry another prefix: the parent or the children may be wrong; nothing said
    assert findings(base.replace("3.1.", "2.1.").replace("3.2.", "2.2.").replace("3.3.", "2.3.")) == []


def test_messages_in_both_languages_name_the_expected_number():
    text = "Điều 1. Nội dung\n\n1. Một\n\n2. Hai\n\n4. Bốn\n"
    (vi,) = findings(text, "vi")
    (en,) = findings(text, "en")
    assert vi.message == "Điều 1 › 4. bỏ qua 3.; số đúng là 3." or "số đúng là 3." in vi.message
    assert en.message.endswith("expected 3.") and en.suggestion == "4. → 3."


# -- generated numberings and single slips -----------------------------------------------
TITLES = ["Phát triển kinh tế", "Tăng cường quản lý nhà nước", "Về giáo dục và đào tạo",
          "Bảo đảm an sinh xã hội", "Sở Tài chính chủ trì, phối hợp", "Công tác đối ngoại",
          "Quốc phòng, an ninh", "Tổ chức thực hiện", "Đẩy mạnh cải cách hành chính"]


@dataclass
class Node:
    level: str
    title: str
    children: list["Node"] = field(default_factory=list)


_CHILD_LEVELS = {
    "article": ["clause", "roman", None],
    "roman": ["clause"],
    "clause": ["dotted", "point", "enum", None],
    "dotted": ["point", None],
    "point": ["enum", None],
    "enum": [None],
}


@st.composite
def trees(draw, level: str = "article", depth: int = 0) -> Node:
    node = Node(level, draw(st.sampled_from(TITLES)))
    child = draw(st.sampled_from(_CHILD_LEVELS[level])) if depth < 4 else None
    if child is not None:
        count = draw(st.integers(1, 8 if child == "point" else 5))
        node.children = [draw(trees(child, depth + 1)) for _ in range(count)]
    if draw(st.booleans()) and level in ("clause", "point", "dotted"):
        node.children = [Node("bullet", "Nội dung cụ thể")] + node.children
    return node


@dataclass
class Entry:
    label: str
    title: str
    list_id: int       # which list of siblings it is in
    position: int      # its place in that list (0-based)
    level: str


def render_labels(root: list[Node]) -> list[Entry]:
    entries: list[Entry] = []
    lists = [0]

    def visit(nodes: list[Node], parent_number: str | None, scope_counter: list[int] | None) -> None:
        numbered = [n for n in nodes if n.level != "bullet"]
        list_id = lists[0]
        lists[0] += 1
        position = 0
        for node in nodes:
            if node.level == "bullet":
                entries.append(Entry("-", node.title, -1, 0, "bullet"))
                continue
            k = position + 1
            number = {"article": str(k), "roman": roman_numeral(k), "clause": str(k),
                      "dotted": f"{parent_number}.{k}", "point": VI_LETTERS[position] if k <= 23 else "y",
                      "enum": str(k)}[node.level]
            label = {"article": f"Điều {number}.", "roman": f"{number}.", "clause": f"{number}.",
                     "dotted": f"{number}.", "point": f"{number})", "enum": f"({number})"}[node.level]
            entries.append(Entry(label, node.title, list_id, position, node.level))
            position += 1
            visit(node.children, number if node.level in ("clause", "dotted") else None, None)
        assert position == len(numbered)

    visit(root, None, None)
    return entries


def to_text(entries: list[Entry]) -> str:
    return "".join(f"{e.label} {e.title}\n\n" for e in entries)


def line_of(index: int) -> int:
    return 2 * index + 1


documents = st.lists(trees(), min_size=1, max_size=4)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents)
def test_generated_valid_numberings_yield_no_finding(root):
    entries = render_labels(root)
    text = to_text(entries)
    loaded = understand(read_text_document("t.txt", text.encode("utf-8")))
    tree = [c for c in _walk_tree(loaded.structure.clauses) if c.level != "bullet"]
    assert [c.label for c in tree] == [e.label.rstrip(".") if e.level == "article" else e.label
                                       for e in entries if e.level != "bullet"]   # read as written
    found = findings(text)
    assert found == [], (text, [f.message for f in found])


def _walk_tree(clauses):
    for clause in clauses:
        yield clause
        yield from _walk_tree(clause.children)


# an article that has every kind of list a slip needs: points a..h, dotted sections
RICH = Node("article", "Tổ chức thực hiện", [
    Node("clause", "Phát triển kinh tế", [
        Node("dotted", "Về giáo dục và đào tạo"),
        Node("dotted", "Công tác đối ngoại", [Node("point", t) for t in TITLES[:8]]),
        Node("dotted", "Quốc phòng, an ninh"),
    ]),
    Node("clause", "Bảo đảm an sinh xã hội"),
])


def _lists(entries: list[Entry]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for i, e in enumerate(entries):
        if e.list_id >= 0:
            out.setdefault(e.list_id, []).append(i)
    return out


def _shift(label: str, level: str, by: int) -> str:
    """The label ``by`` places further on in its list."""
    if level == "point":
        letter = label[:-1]
        return VI_LETTERS[min(VI_LETTERS.index(letter) + by, len(VI_LETTERS) - 1)] + ")"
    if level == "roman":
        return roman_numeral(roman_value(label[:-1]) + by) + "."
    if level == "article":
        return f"Điều {int(label[5:-1]) + by}."
    if level == "enum":
        return f"({int(label[1:-1]) + by})"
    head, _, last = label[:-1].rpartition(".")
    return (head + "." if head else "") + f"{int(last) + by}."


def _candidates(entries: list[Entry], mutation: str) -> list[tuple[int, int]]:
    """Where the slip can be made: (list id, position in the list)."""
    candidates = []
    for list_id, members in _lists(entries).items():
        level = entries[members[0]].level
        for pos in range(len(members)):
            label = entries[members[pos]].label
            if mutation == "duplicate" and pos >= 1 and label != "đ)" \
                    or mutation == "skip" and (pos >= 1 or len(members) >= 2) \
                    or mutation == "swap" and pos + 1 < len(members) \
                    or mutation == "d-for-dd" and label == "đ)" \
                    or mutation == "foreign" and label == "g)" \
                    or mutation == "prefix" and level == "dotted" and len(members) >= 2 and label.count(".") == 2:
                candidates.append((list_id, pos))
    return candidates


MUTATIONS = ["duplicate", "skip", "swap", "d-for-dd", "foreign", "prefix"]


@pytest.mark.parametrize("mutation", MUTATIONS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(root=documents, rich=st.booleans(), data=st.data())
def test_a_single_slip_yields_exactly_its_finding(mutation, root, rich, data):
    """duplicate: a label copied from the one before; skip: a number left out (the labels after it
    follow on); swap: two labels exchanged; d-for-dd: đ) written d); foreign: f) where g) belongs;
    prefix: a dotted label with another parent's number."""
    entries = render_labels(root + [RICH] if rich else root)
    candidates = _candidates(entries, mutation)
    if not candidates:
        entries = render_labels(root + [RICH])
        candidates = _candidates(entries, mutation)
    lists = _lists(entries)
    list_id, pos = data.draw(st.sampled_from(candidates))
    members = lists[list_id]
    index = members[pos]
    target = entries[index]
    original = target.label
    if mutation in ("duplicate", "d-for-dd"):
        target.label = entries[members[pos - 1]].label
        rule = RULE_OF["d-for-dd"] if original == "đ)" else RULE_OF["duplicate"]
    elif mutation == "skip":
        for m in members[pos:]:
            entries[m].label = _shift(entries[m].label, entries[m].level, 1)
        rule = RULE_OF["gap"]
    elif mutation == "swap":
        other = entries[members[pos + 1]]
        target.label, other.label = other.label, target.label
        rule = RULE_OF["order"]
    elif mutation == "foreign":
        target.label = "f)"
        rule = RULE_OF["letter"]
    else:
        head, _, last = original[:-1].partition(".")
        target.label = f"{int(head) + 1}.{last}."
        rule = RULE_OF["prefix"]
    text = to_text(entries)
    found = findings(text)
    summary = [(f.rule, f.location.line, f.message) for f in found]
    assert len(found) == 1, (mutation, text, summary)
    (finding,) = found
    assert (finding.rule, finding.location.line) == (rule, line_of(index)), (mutation, text, summary)
    expected = original[:-1] if original.startswith("Điều") else original
    assert finding.message.endswith(f"expected {expected}"), (finding.message, expected)
    assert finding.suggestion == f"{target.label.rstrip('.') if target.level == 'article' else target.label}" \
                                 f" → {expected}"


# -- never crash ---------------------------------------------------------------------
_LINES = st.sampled_from(["Điều 1.", "Điều 3.", "Điều 2a.", "1.", "2.", "2.1.", "2.1.1.", "9.1", "a)", "đ)",
                          "f)", "d)", "(1)", "(a)", "1)", "I.", "IV.", "A.", "Đ.", "-", "+", "Chương II",
                          "Mục 1.", "Phần thứ nhất", "PHỤ LỤC 01", "Mẫu số 02", "“1.", "”", "Phần II"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_LINES, st.sampled_from([" Nội dung", " ....", "", " xxx"])).map("".join),
                min_size=1, max_size=40))
def test_any_sequence_of_labels_is_checked_without_crashing(lines):
    text = "\n\n".join(lines)
    loaded = understand(read_text_document("t.txt", text.encode("utf-8")))
    problems = numbering_problems(loaded.structure, loaded.document)
    for p in problems:
        assert p.expected and p.problem in RULE_OF


def test_a_very_deep_or_long_document_is_numbered_right():
    # How fast is bench/bench.py's business (it times these inputs); here they must only be handled.
    text = "".join(f"Điều {a}. Nội dung\n\n" + "".join(f"{k}. Khoản\n\n" + "".join(
        f"{l}) Điểm\n\n" for l in VI_LETTERS[:10]) for k in range(1, 20)) for a in range(1, 40))
    loaded = understand(read_text_document("t.txt", text.encode("utf-8")))
    assert numbering_problems(loaded.structure, loaded.document) == []


# -- the real documents of ../shared, when they are there --------------------------------
@pytest.mark.skipif(not (SHARED / "tools" / "score_corpus.py").exists(), reason="../shared is not beside this checkout")
def test_corpus_every_must_found_no_trap_hit(tmp_path):
    import plancheck
    from plancheck.report.json import render

    corpus = sorted((SHARED / "corpus").glob("*.txt"))
    report = plancheck.check(corpus, rules=RULES, lang="en")
    out = tmp_path / "findings.json"
    out.write_text(render(report), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SHARED / "tools" / "score_corpus.py"), "--findings", str(out),
                           "--categories", "numbering", "--min-must", "1", "--max-false", "0"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "unmatched 0" in proc.stdout.strip().splitlines()[-1]


@pytest.mark.skipif(not (SHARED / "realdocs").exists(), reason="../shared is not beside this checkout")
def test_realdocs_raise_only_the_real_numbering_defect():
    import plancheck

    report = plancheck.check(sorted((SHARED / "realdocs").glob("*.md")), rules=RULES, lang="en")
    assert [(Path(f.location.path).name, f.location.line, f.rule) for f in report.findings] == \
        [("741f24db1e774799.md", 151, RULE_OF["duplicate"])]   # Điều 3 twice (lines 132 and 151)


def test_an_elision_lets_the_numbers_skip():
    assert brief("Điều 5. Hồ sơ\n1. Đơn đề nghị.\n[...]\n3. Bản sao giấy phép.\n4. Bản chụp.\n") == []
    assert brief("Điều 5. Hồ sơ\n1. Đơn đề nghị.\n3. Bản sao giấy phép.\n") == [("PC602", 3, "3. → 2.")]


# -- the steps of a procedure ("Bước 1", "Bước 2" ...) -------------------------------------------
STEPS = """a) Quy trình cấp tỉnh:
+ Bước 1: Chuyên viên trực tại Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ.
+ Bước 2: Chuyên viên Chi cục thẩm định, trình Lãnh đạo Chi cục.
+ Bước 3: Văn thư ghi số, lưu hồ sơ và chuyển kết quả.
b) Quy trình cấp xã:
+ Bước 1: Văn phòng Ủy ban nhân dân xã tiếp nhận hồ sơ.
+ Bước 2: Văn thư ghi số, lưu hồ sơ; chuyển sang Bước 3 khi có kết quả.
"""


def test_steps_of_two_procedures_each_from_step_one():
    assert brief(STEPS) == []


def test_a_step_repeated_and_a_step_skipped():
    repeated = STEPS.replace("+ Bước 3: Văn thư", "+ Bước 2: Văn thư")
    assert brief(repeated) == [("PC601", 4, "Bước 2 → Bước 3")]
    skipped = STEPS.replace("+ Bước 3: Văn thư", "+ Bước 4: Văn thư")
    assert brief(skipped) == [("PC602", 4, "Bước 4 → Bước 3")]
