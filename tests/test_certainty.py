"""Severity follows certainty: what a reading assumed caps its finding at a warning that says
so, and two assumptions silence it (plancheck.certainty, applied by the engine for every rule).

Every sentence here is written for this test, in the shape of the false alarms seen on real
pages (docs/precision/), not copied from them."""
from __future__ import annotations

from decimal import Decimal

import pytest

from plancheck.certainty import Assumption, approximate, assumed_note, severity_for
from plancheck.models import Value
from plancheck.text import foreign_around


def _check(tmp_path, text: str, rule: str, name: str = "draft.txt"):
    from plancheck import check

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f for f in check([path]).findings if f.rule == rule]


# -- the policy -----------------------------------------------------------------------
def test_severity_for_caps_one_assumption_and_drops_two():
    assert severity_for("error", []) == "error"
    assert severity_for("error", ["paired"]) == "warning"
    assert severity_for("info", ["paired"]) == "info"
    assert severity_for("error", ["paired", "complete"]) is None
    assert severity_for("error", ["paired", "paired"]) == "warning"   # one assumption said twice
    # a web page's sentence is an assumption like any other: with a guess about its figures, silence
    assert severity_for("error", ["one-subject"]) == "warning"
    assert severity_for("error", ["one-subject", "paired"]) is None


def test_the_note_says_what_was_assumed_in_each_language():
    assert "danh sách nêu đủ" in assumed_note(["complete"], "vi")
    assert assumed_note(["complete"], "en") == " (assuming the list names every part)"
    assert assumed_note([], "en") == ""


@pytest.mark.parametrize("text, qualifier, expected", [
    ("1.000", "hơn", True), ("6", "khoảng", True), ("618.594", "khoảng", False), ("1.000", None, False)])
def test_only_a_round_figure_hedged_as_approximate_is_an_assumption(text, qualifier, expected):
    from plancheck.numbers import parse_number

    n = parse_number(text)
    v = Value(text=text, lo=n.value, hi=n.value, point=n.value, decimals=0, qualifier=qualifier)
    assert bool(approximate([v])) is expected


# -- parts and wholes ------------------------------------------------------------------
def test_a_whole_chosen_among_two_figures_is_a_warning_that_says_so(tmp_path):
    text = "Phiên tòa có 915 người làm chứng và 12 luật sư, trong đó 950 người làm chứng vắng mặt.\n"
    [f] = _check(tmp_path, text, "PC302")
    assert f.severity.value == "warning" and f.assumptions == [Assumption.paired.value]
    assert "giả định" in f.message


def test_a_whole_right_before_its_parts_is_an_error(tmp_path):
    text = "Tổng chi năm 2025 là 1.200 tỷ đồng, trong đó chi thường xuyên 1.300 tỷ đồng.\n"
    [f] = _check(tmp_path, text, "PC302")
    assert f.severity.value == "error" and f.assumptions == []


def test_parts_that_fall_short_of_a_gom_list_need_it_complete(tmp_path):
    # "bao gồm" without a colon may name only some parts: a shortfall is a warning
    text = "Khu đô thị rộng 90 ha, bao gồm đất ở 40 ha và đất cây xanh 20 ha.\n"
    [f] = _check(tmp_path, text, "PC302")
    assert f.severity.value == "warning" and f.assumptions == [Assumption.complete.value]
    # announced by a colon, the list names them all: an error
    text = "Khu đô thị rộng 90 ha, bao gồm: đất ở 40 ha, đất cây xanh 20 ha.\n"
    [f] = _check(tmp_path, text, "PC302")
    assert f.severity.value == "error"


def test_a_cue_inside_an_aside_names_no_figure_after_the_aside(tmp_path):
    text = "Vườn có 40 loài cây gỗ (trong đó quý nhất là lim), 55 loài cây thuốc và 12 loài lan.\n"
    assert _check(tmp_path, text, "PC302") == []


def test_parts_end_with_the_aside_that_holds_their_whole(tmp_path):
    text = ("Hiệp hội có hai nhóm: nhóm chính thức (50 hội viên, trong đó 30 doanh nghiệp và 20 cá nhân) "
            "và nhóm dự bị (15 hội viên, trong đó 9 doanh nghiệp và 6 cá nhân).\n")
    assert _check(tmp_path, text, "PC302") == []


def test_the_ends_of_a_range_are_no_whole_and_no_part(tmp_path):
    text = "Mức phạt là tước giấy phép từ 10 tháng đến 12 tháng (tước quyền sử dụng từ 10 tháng đến 12 tháng).\n"
    assert _check(tmp_path, text, "PC302") == []


def test_one_part_named_under_gom_is_no_split(tmp_path):
    text = "Mỗi công nhân được trả 400 đô la, bao gồm 80 đô la tiền ăn.\n"
    assert _check(tmp_path, text, "PC302") == []


def test_a_table_with_empty_cells_among_its_figures_totals_only_with_a_warning(tmp_path):
    text = ("| STT | Đơn vị | Nam | Nữ |\n|---|---|---|---|\n| 1 | Xã A | 4 | 3 |\n| 2 | Xã B | | 5 |\n"
            "| 3 | Xã C | 2 | 2 |\n| Tổng cộng | | 9 | 12 |\n")
    found = _check(tmp_path, text, "PC302")
    assert found and all(f.severity.value == "warning" and "aligned" in f.assumptions for f in found)
    # the same table without the hole is read with certainty
    full = text.replace("| 2 | Xã B | | 5 |", "| 2 | Xã B | 1 | 5 |")
    found = _check(tmp_path, full, "PC302")
    assert found and all(f.severity.value == "error" for f in found)


# -- counts ---------------------------------------------------------------------------
def test_a_count_whose_last_va_may_join_one_name_is_a_warning(tmp_path):
    text = "Trường mở 3 ngành: Luật, Y học, Dược học và Răng hàm mặt.\n"
    [f] = _check(tmp_path, text, "PC401")
    assert f.severity.value == "warning" and f.assumptions == [Assumption.list_bounds.value]
    # between two short names a "và" joins the list: a miscount read with certainty
    text = "Huyện có 3 xã: Yên Bình, Yên Lạc, Yên Hòa và Yên Trung.\n"
    assert [f.severity.value for f in _check(tmp_path, text, "PC401")] == ["error"]


def test_a_count_of_clauses_split_at_va_is_silent(tmp_path):
    text = ("Đội đạt 2 thành tích: thứ nhất là đã hoàn thành toàn bộ kế hoạch sản xuất được cấp trên giao trong năm, "
            "giữ vững an ninh và thứ hai là mở rộng vùng sản xuất.\n")
    assert _check(tmp_path, text, "PC401") == []


def test_a_plain_list_of_names_that_disagrees_with_its_count_is_an_error(tmp_path):
    text = "Huyện có 4 xã: Tân Hòa, Tân Lập, Phú Mỹ.\n"
    [f] = _check(tmp_path, text, "PC401")
    assert f.severity.value == "error" and f.assumptions == []


# -- numbering ------------------------------------------------------------------------
def test_a_list_after_a_quoting_lead_is_no_duplicate_error(tmp_path):
    text = ("1. Hồ sơ gồm đơn đề nghị.\n"
            "2. Thời hạn giải quyết theo quy định.\n"
            "Khoản 2 Điều 7 Nghị định số 12/2024/NĐ-CP quy định:\n"
            "2. Cơ quan tiếp nhận trả kết quả trong 5 ngày.\n")
    found = _check(tmp_path, text, "PC601")
    assert all(f.severity.value != "error" for f in found)


# -- number format --------------------------------------------------------------------
@pytest.mark.parametrize("line, number", [
    ('Nguồn: "Exports of the region rose to 4,500 tonnes in the first quarter". Báo Kinh tế.', "4,500"),
    ('Tham khảo: "Survey of 1,200 households from the northern provinces" (2019).', "1,200"),
    ("Đỉnh núi cao 3.143 mét (10,312 ft) so với mực nước biển.", "10,312"),
])
def test_figures_among_english_words_are_english(line, number):
    assert foreign_around(line, line.index(number))


def test_six_words_without_a_vietnamese_letter_are_english():
    line = "Theo sách: risk is 1 in 2,800 in developed countries of Europe."
    assert foreign_around(line, line.index("2,800"))


@pytest.mark.parametrize("line, number", [
    ("Năm 2023, dân số của huyện là 150,000 người theo thống kê.", "150,000"),
    ("Khu công nghiệp có diện tích 320,500 ha, trong đó đất công nghiệp chiếm 70%.", "320,500"),
])
def test_figures_in_vietnamese_sentences_are_not_english(line, number):
    assert not foreign_around(line, line.index(number))


def test_an_english_title_in_the_references_raises_no_separator_warning(tmp_path):
    text = ('Dân số xã năm 2024 là 12.500 người.\n'
            '**^**"Farmers in the delta harvest 2,500 tonnes of rice and 3.5 million of fruit". Báo X. '
            'Truy cập ngày 1 tháng 2 năm 2024.\n')
    assert _check(tmp_path, text, "PC253") == [] and _check(tmp_path, text, "PC252") == []


def test_decimal_degrees_are_no_thousands(tmp_path):
    text = "Tọa độ trung tâm huyện là 21,028°B 105,854°Đ; số liệu GDP 1.5% theo tài liệu.\n"
    assert _check(tmp_path, text, "PC253") == []


def test_the_json_report_lists_the_assumptions(tmp_path):
    import json

    from plancheck import check
    from plancheck.report.json import render

    path = tmp_path / "a.txt"
    path.write_text("Phiên tòa có 915 người làm chứng và 12 luật sư, trong đó 950 người làm chứng vắng mặt.\n",
                    encoding="utf-8")
    [item] = [f for f in json.loads(render(check([path])))["findings"] if f["rule"] == "PC302"]
    assert item["assumptions"] == ["paired"] and item["severity"] == "warning"


def test_a_count_of_two_kinds_joined_by_va_is_a_warning(tmp_path):
    text = "Cuốn sách gồm 5 chương và phần kết luận: Chương 1, Chương 2, Chương 3, Chương 4, Chương 5, Kết luận.\n"
    found = _check(tmp_path, text, "PC401")
    assert found and all(f.severity.value == "warning" and Assumption.list_bounds.value in f.assumptions
                         for f in found)


def test_a_measure_after_a_number_is_no_count_of_a_list(tmp_path):
    text = "Trẻ em đủ 6 tuổi: được vào lớp 1, được cấp thẻ bảo hiểm y tế.\n"
    assert _check(tmp_path, text, "PC401") == []


def test_a_number_after_an_attribute_noun_counts_no_list(tmp_path):
    text = "Thí sinh dự thi vào lớp 10 THPT theo ba phương thức: thi tuyển, xét tuyển, kết hợp.\n"
    assert _check(tmp_path, text, "PC401") == []


def test_items_that_carry_their_own_counts_add_up_to_the_stated_count(tmp_path):
    text = "Danh sách gồm 120 đơn vị: 100 doanh nghiệp trong nước, 15 doanh nghiệp nước ngoài, 5 hợp tác xã.\n"
    assert _check(tmp_path, text, "PC401") == []


def test_a_name_repeated_with_its_role_is_one_item(tmp_path):
    text = "Ban thường vụ có 3 người: Trần Văn An, Lê Thị Bình, Phạm Văn Cường, Thường trực: Lê Thị Bình.\n"
    assert all(f.severity.value != "error" for f in _check(tmp_path, text, "PC401"))


def test_rates_far_short_of_a_whole_are_no_structure(tmp_path):
    text = "Giá bán đã gồm thuế giá trị gia tăng 8% và phí bảo trì 2%, áp dụng cho mọi căn hộ.\n"
    assert _check(tmp_path, text, "PC101") == []


def test_one_share_in_two_years_is_no_structure(tmp_path):
    text = "Tỷ lệ nữ trong dân số là 50,6% (năm 2009) và 50,2% (năm 2019), theo hai cuộc tổng điều tra.\n"
    assert _check(tmp_path, text, "PC101") == []


def test_an_article_of_the_act_a_list_lead_cites_is_that_acts(tmp_path):
    text = ("Điều 1. Phạm vi\n"
            "Nghị định này quy định chi tiết các điều sau của Luật Đầu tư công số 58/2024/QH15:\n"
            "a) Điều 42 về thẩm định dự án;\nb) khoản 2 Điều 45 về điều chỉnh kế hoạch.\n"
            "Điều 2. Hiệu lực\n")
    assert _check(tmp_path, text, "PC701") == []
    # the same article named in this decree's own words, after the list, is this decree's
    own = text + "Điều 3. Thi hành\nCác cơ quan thực hiện theo Điều 9 Nghị định này.\n"
    assert [f.location.line for f in _check(tmp_path, own, "PC701")] == [7]


def test_a_gap_after_an_elided_item_is_no_gap(tmp_path):
    text = ("Điều 5. Hồ sơ\n1. Hồ sơ gồm:\na) Đơn đề nghị;\n...\nd) Bản sao giấy tờ tùy thân.\n"
            "2. Thời hạn giải quyết.\n")
    assert _check(tmp_path, text, "PC602") == []
    assert [f.location.line for f in _check(tmp_path, text.replace("...\n", ""), "PC602")] == [4]


def test_a_label_run_into_its_first_word_fills_the_gap(tmp_path):
    text = "Điều 1. Các cảng\n1. Cảng Hải Phòng.\n2. Cảng Đà Nẵng. 3.Cảng Quy Nhơn.\n4. Cảng Cần Thơ.\n"
    assert _check(tmp_path, text, "PC602") == []


def test_a_name_list_cut_at_a_lower_case_name_that_goes_on_is_a_warning(tmp_path):
    text = "Huyện có 4 di tích cấp tỉnh: Đình Hạ, Đền Thượng, Miếu Cả, chùa Bến và Đình Trung.\n"
    found = _check(tmp_path, text, "PC401")
    assert found and all(f.severity.value == "warning" for f in found)
    # a list that ends where its words stop being names is read with certainty
    text = "Huyện có 3 xã giáp biển: Hải An, Hải Hòa, nằm ở phía đông.\n"
    assert [f.severity.value for f in _check(tmp_path, text, "PC401")] == ["error"]


def test_a_list_read_as_twice_or_half_its_count_was_misread(tmp_path):
    # "quyển 14 ghi:", "đàn 12 dây:": the number counts something else, or the list was not read
    text = "Sách có 12 chương: chương mở đầu nói về lịch sử, chương cuối nói về văn hóa.\n"
    [f] = _check(tmp_path, text, "PC401")
    assert f.severity.value == "warning" and Assumption.list_bounds.value in f.assumptions


def test_a_noun_holding_a_count_of_its_own_counts_no_list(tmp_path):
    text = "Trường đã đào tạo 250 giáo viên cho hai tỉnh: Hà Giang, Cao Bằng.\n"
    assert all(f.severity.value == "warning" and Assumption.list_bounds.value in f.assumptions
               for f in _check(tmp_path, text, "PC401"))
    # on a web page the same reading says nothing (one-subject and list-bounds)
    assert _check(tmp_path, "# Trường A\n\n[sửa | sửa mã nguồn]" + text, "PC401", name="page.md") == []


def test_a_web_pages_figures_are_warnings_that_say_so(tmp_path):
    from plancheck.certainty import Assumption as A

    page = ("# Huyện Đông Sơn\n\n[sửa | sửa mã nguồn]Huyện có diện tích 120 km², dân số 60.000 người. "
            "Huyện có 4 xã: Đông Hòa, Đông Tiến, Đông Thanh.\n")
    [f] = _check(tmp_path, page, "PC401", name="page.md")
    assert f.severity.value == "warning" and A.one_subject.value in f.assumptions


def test_a_form_announced_by_the_text_is_for_its_users(tmp_path):
    text = ("Theo đó, Mẫu số 12 giấy xác nhận được quy định như sau:\n\n"
            "GIẤY XÁC NHẬN\n\nSố: ....../GXN-UBND\n\nCăn cứ Quyết định số .... ngày .... tháng .... năm ....;\n\n"
            "Ủy ban nhân dân xác nhận ông/bà ........................ cư trú tại ........................\n")
    for rule in ("PC801", "PC802", "PC803"):
        assert _check(tmp_path, text, rule) == [], rule


def test_a_tenure_within_one_year_is_no_reversed_period(tmp_path):
    text = "Ông giữ chức Chủ tịch (2015-2015), sau đó chuyển công tác; nhiệm kỳ 2016-2021.\n"
    assert _check(tmp_path, text, "PC502") == []
    assert [f.severity.value for f in _check(tmp_path, "Nhiệm kỳ 2021-2016 của Hội đồng.\n", "PC502")] == ["error"]


def test_a_share_whose_base_could_be_either_of_two_figures_is_a_warning(tmp_path):
    text = "Năm 2024 xã có 5.000 hộ, 2.000 hộ kinh doanh và 800 hộ nghèo, chiếm 20% tổng số hộ.\n"
    [f] = _check(tmp_path, text, "PC203")
    assert f.severity.value == "warning" and f.assumptions == [Assumption.base.value]
    # the whole right before its part is the base the sentence gives
    text = "Năm 2024 xã có 5.000 hộ, trong đó 800 hộ nghèo, chiếm 20%.\n"
    [f] = _check(tmp_path, text, "PC203")
    assert f.severity.value == "error"


def test_notes_sharing_one_text_write_their_numbers_together(tmp_path):
    text = ("Chú thích\n1. Sđd, t.2, tr.15.\n2, 3. Sđd, t.4, tr.20.\n4. Văn kiện Đảng, Nxb. Chính trị quốc gia.\n")
    assert _check(tmp_path, text, "PC602") == []


def test_a_party_boards_number_in_the_party_form_is_no_mixed_form(tmp_path):
    text = "Thực hiện Công văn số 45-CV/BTGDVTU của Ban Tuyên giáo và Dân vận Thành ủy về tuyên truyền.\n"
    assert _check(tmp_path, text, "PC703") == []
    assert [f.rule for f in _check(tmp_path, "Thực hiện Công văn số 45-CV/BTC của Bộ Tài chính.\n", "PC703")] == ["PC703"]


def test_an_article_of_an_act_named_earlier_in_the_sentence_is_that_acts(tmp_path):
    text = ("Điều 1. Phạm vi\nQuy định này áp dụng các định nghĩa tại Luật Các tổ chức tín dụng "
            "(khoản 5 Điều 4 và khoản 2 Điều 98).\nĐiều 2. Hiệu lực\n")
    assert _check(tmp_path, text, "PC701") == []
    own = text + "Điều 3. Thi hành\nCơ quan thực hiện theo khoản 2 Điều 9.\n"
    assert [f.location.line for f in _check(tmp_path, own, "PC701")] == [5]


@pytest.mark.parametrize("text", [
    "Công nghệ chiếu sáng (UV/DUV/EUV/...) được dùng trong sản xuất chip.\n",
    "... Hội nghị kêu gọi mọi người dân đoàn kết, giữ gìn truyền thống.\n",
])
def test_an_ellipsis_that_ends_a_list_or_opens_an_excerpt_is_no_blank(tmp_path, text):
    assert _check(tmp_path, text, "PC803") == []


def test_the_days_of_a_month_are_no_date_left_blank(tmp_path):
    assert _check(tmp_path, "Những ngày tháng 5/1967, đoàn công tác lên đường.\n", "PC802") == []
    assert [f.rule for f in _check(tmp_path, "Hội nghị họp ngày    tháng 5 năm 2025.\n", "PC802")] == ["PC802"]


def test_a_page_titled_as_a_form_presents_one(tmp_path):
    text = ("# Mẫu biên bản họp chi bộ mới nhất?\n\nDưới đây là nội dung tham khảo.\n\n"
            "Số: ......./BB-CB\n\n......, ngày ... tháng ... năm ......\n\nBIÊN BẢN HỌP\n")
    for rule in ("PC801", "PC802", "PC803"):
        assert _check(tmp_path, text, rule, name="page.md") == [], rule


def test_a_count_larger_than_its_list_is_not_explained_by_a_va(tmp_path):
    # a "và" inside a name can only make the items fewer: 5 stated, 4 listed is a clean miscount
    text = "Phòng có 5 tổ: Tổ Tổng hợp, Tổ Kế hoạch, Tổ Tài chính và Tổ Thanh tra.\n"
    assert [f.severity.value for f in _check(tmp_path, text, "PC401")] == ["error"]


def test_the_year_word_nam_after_hang_is_no_count(tmp_path):
    text = "Cơ quan lập báo cáo hằng năm gửi: Bộ Tài chính, Bộ Xây dựng, Ủy ban nhân dân tỉnh.\n"
    assert _check(tmp_path, text, "PC401") == []


def test_a_list_after_two_counts_joined_by_tu_names_the_first(tmp_path):
    text = "Có 3 người trúng cử từ 5 người ứng cử: Trần An, Lê Bình, Phạm Cường.\n"
    assert _check(tmp_path, text, "PC401") == []


def test_billions_with_three_decimals_are_read_as_written(tmp_path):
    text = "GDP danh nghĩa đạt 92,210 tỷ đô la, tăng 2.5% so với năm trước.\n"
    assert _check(tmp_path, text, "PC253") == []


def test_a_list_led_by_a_count_in_the_paragraphs_after_is_items_however_long(tmp_path):
    text = ("Tỉnh có 3 trường trung học phổ thông chuyên:\n"
            "- Trường Trung học phổ thông chuyên A được thành lập năm 1990 tại trung tâm thành phố;\n"
            "- Trường Trung học phổ thông chuyên B được thành lập năm 2005 ở phía bắc của tỉnh;\n")
    [f] = _check(tmp_path, text, "PC401")
    assert f.severity.value == "error"


def test_a_citation_inside_a_quoted_title_is_its_sources_writing(tmp_path):
    text = ('Nguồn: Báo X, "Triển khai Nghị quyết 57/NQ-TW về khoa học công nghệ", ngày 02/3/2025.\n'
            "Địa phương thực hiện Nghị quyết 57/NQ-TW của Bộ Chính trị.\n")
    assert [f.location.line for f in _check(tmp_path, text, "PC703")] == [2]


def test_foreign_money_in_billions_has_three_decimals_but_dong_rarely(tmp_path):
    assert _check(tmp_path, "Kim ngạch đạt 12,345 tỷ USD, tăng 3.5% so với năm trước.\n", "PC253") == []
    assert [f.rule for f in _check(tmp_path, "GRDP đạt 115,883 tỷ đồng; mật độ 0.47 km/km².\n", "PC253")] == ["PC253"]


def test_shares_of_the_levels_of_government_are_one_whole(tmp_path):
    text = ("Toàn huyện có 500 km đường. Trong đó, đường do tỉnh quản lý chiếm 20%; đường do huyện "
            "quản lý chiếm 30% và đường do xã quản lý chiếm 60%.\n")
    [f] = _check(tmp_path, text, "PC101")
    assert f.severity.value == "error" and f.assumptions == []


def test_parts_announced_by_nhu_sau_name_the_whole(tmp_path):
    text = "Huyện có 25 đơn vị hành chính cấp xã gồm 3 thị trấn, 20 xã như sau:\n"
    [f] = _check(tmp_path, text, "PC302")
    assert f.severity.value == "error"


def test_on_a_web_page_a_reading_with_a_guess_says_nothing(tmp_path):
    page = ("# Xã Hòa Bình\n\n[sửa | sửa mã nguồn]Năm 2020 xã có 3.000 người làm nông nghiệp và 40 người làm "
            "dịch vụ, trong đó 3.100 người làm nông nghiệp là nữ.\n")
    assert _check(tmp_path, page, "PC302", name="page.md") == []


def test_a_list_after_a_lead_quoting_an_act_is_that_acts_numbering(tmp_path):
    text = ("Điều 1. Hồ sơ\n1. Đơn đề nghị.\n2. Bản sao giấy tờ.\n"
            "Căn cứ khoản 2 Điều 9 Nghị định số 15/2024/NĐ-CP quy định như sau:\n"
            "2. Thời hạn giải quyết là 10 ngày.\n")
    assert all(f.severity.value != "error" for f in _check(tmp_path, text, "PC601"))
    assert [f.severity.value for f in _check(tmp_path, text.replace("Căn cứ khoản 2 Điều 9 Nghị định số "
                                                                    "15/2024/NĐ-CP quy định như sau:\n", ""),
                                             "PC601")] == ["error"]


@pytest.mark.parametrize("lead, hands_over", [
    ("Căn cứ theo quy định tại Điều 47 Luật Bảo hiểm xã hội 2024 quy định về hồ sơ như sau:", True),
    ("Khoản 3 Điều 12 Nghị định số 45/2024/NĐ-CP quy định:", True),
    ("Thực hiện Quyết định số 10/QĐ-UBND, UBND tỉnh ban hành Kế hoạch thực hiện như sau:", False),
    ("Các nội dung cụ thể như sau:", False),
])
def test_a_lead_hands_over_to_an_act_only_when_it_cites_what_regulates_the_list(lead, hands_over):
    from plancheck.checks.numbering import _hands_over

    assert _hands_over(lead) is hands_over


def test_a_plans_own_lead_introduces_its_own_sections(tmp_path):
    text = ("Thực hiện Quyết định số 120/QĐ-UBND ngày 05/01/2025 của UBND tỉnh, Sở ban hành Kế hoạch với "
            "các nội dung như sau:\nI. MỤC ĐÍCH\nII. NHIỆM VỤ\nII. TỔ CHỨC THỰC HIỆN\n")
    [f] = _check(tmp_path, text, "PC601")
    assert f.severity.value == "error"


def test_items_that_state_the_counted_noun_inside_add_up(tmp_path):
    text = ("Quan trắc tại 5 vị trí như sau: Cửa sông A: lấy mẫu 02 vị trí ở thượng lưu; Cửa sông B: lấy mẫu "
            "03 vị trí ở hạ lưu.\n")
    assert _check(tmp_path, text, "PC401") == []


def test_a_list_of_its_own_under_a_numbered_heading_is_no_repeat(tmp_path):
    text = ("**1. Quy định đối với học viên**\n"
            "1. Có mặt tại lớp đúng giờ quy định, mang theo thẻ học viên và giấy tờ tùy thân.\n"
            "2. Không sử dụng điện thoại trong giờ học.\n"
            "**2. Quy định đối với giảng viên**\n")
    assert all(f.severity.value != "error" for f in _check(tmp_path, text, "PC601", name="rules.md"))
    # two headings numbered alike are a repeat
    text = "**1. Quy định chung**\n**1. Quy định cụ thể**\n"
    assert [f.severity.value for f in _check(tmp_path, text, "PC601", name="rules.md")] == ["error"]


def test_an_amendments_quoted_khoan_nay_is_the_amended_acts(tmp_path):
    text = ('Điều 1. Sửa đổi\n1. Sửa đổi điểm d khoản 5 Điều 8 như sau: "d) Các loại xe quy định tại điểm a, '
            'điểm c khoản này nộp lệ phí lần hai."\nĐiều 2. Hiệu lực\n')
    assert _check(tmp_path, text, "PC701") == []


def test_items_holding_counts_of_the_counted_noun_leave_the_count_assumed(tmp_path):
    text = ("Quan trắc tại 9 vị trí như sau: Cửa sông A: lấy mẫu 02 vị trí ở thượng lưu; Cửa sông B: lấy mẫu "
            "03 vị trí ở hạ lưu.\n")
    assert all(f.severity.value != "error" for f in _check(tmp_path, text, "PC401"))


def test_xa_hoi_hoa_is_no_level_of_government(tmp_path):
    text = "Cơ cấu nguồn vốn: vốn tỉnh chiếm 30%, vốn huyện chiếm 20%, vốn xã hội hóa chiếm 35%.\n"
    from plancheck.extract.grammar.structures import _each_names_one

    assert not _each_names_one(["vốn tỉnh chiếm", "vốn huyện chiếm", "vốn xã hội hóa chiếm"])
    assert _each_names_one(["do tỉnh quản lý", "do huyện quản lý", "do xã quản lý"])
    assert all(f.severity.value != "error" or f.assumptions == [] for f in _check(tmp_path, text, "PC101"))


def test_a_lead_naming_a_law_called_ban_hanh_still_hands_over():
    from plancheck.checks.numbering import _hands_over

    assert _hands_over("Điều 12 Luật Ban hành văn bản quy phạm pháp luật quy định như sau:")
    assert not _hands_over("Điều 5 Luật này quy định như sau:")


def test_a_clause_list_in_a_citation_is_no_run_of_notes(tmp_path):
    text = "Điều 1. Phạm vi\n1. Áp dụng theo khoản 2, 3 Điều 5 Luật Đầu tư.\n3. Trách nhiệm thi hành.\n"
    assert [f.location.line for f in _check(tmp_path, text, "PC602")] == [3]


def test_dates_of_a_plural_with_their_day_are_dates(tmp_path):
    text = "Hội nghị diễn ra trong các ngày 31 tháng 11 năm 2025 tại tỉnh.\n"
    assert [f.rule for f in _check(tmp_path, text, "PC501")] == ["PC501"]


def test_a_bound_with_many_digits_is_no_approximation():
    from plancheck.numbers import parse_number

    n = parse_number("618.594")
    v = Value(text="hơn 618.594", lo=n.value, hi=Decimal("Infinity"), point=None, decimals=0, qualifier="hơn")
    assert approximate([v]) == ()


def test_an_empty_note_cell_at_the_end_of_a_row_moves_nothing(tmp_path):
    text = ("| STT | Đơn vị | Số lượng | Ghi chú |\n|---|---|---|---|\n| 1 | Xã A | 4 | |\n| 2 | Xã B | 5 | |\n"
            "| Tổng cộng | | 10 | |\n")
    [f] = _check(tmp_path, text, "PC302")
    assert f.severity.value == "error"


def test_a_model_commune_is_no_form(tmp_path):
    text = ("Xây dựng xã nông thôn mới kiểu mẫu, cụ thể như sau:\n"
            "Thu ngân sách đạt ...... tỷ đồng.\n")
    assert [f.rule for f in _check(tmp_path, text, "PC803")] == ["PC803"]


def test_a_cut_off_years_before_the_document_is_no_deadline(tmp_path):
    text = ("ỦY BAN NHÂN DÂN TỈNH X\nSố: 12/QĐ-UBND\nX, ngày 10 tháng 3 năm 2025\nQUYẾT ĐỊNH\n"
            "Điều 1. Nhà ở xây dựng trước ngày 01 tháng 7 năm 2004 được miễn; hồ sơ nộp trước ngày "
            "15 tháng 02 năm 2025.\n")
    found = _check(tmp_path, text, "PC507")
    assert [f.location.line for f in found] == [5] and "15 tháng 02" in found[0].message


def test_a_period_in_an_english_title_is_written_its_way(tmp_path):
    text = '**^**"1998 - 1997 World Motor Vehicle Production by Type and Economic Region". OICA.\n'
    assert _check(tmp_path, text, "PC502") == []
    assert [f.rule for f in _check(tmp_path, "Giai đoạn 1998 - 1997 tỉnh phát triển.\n", "PC502")] == ["PC502"]


def test_small_roman_numerals_are_no_letters(tmp_path):
    text = ("Điều 1. Tiêu chuẩn\n1. Cá nhân đạt các tiêu chuẩn sau:\n(i) Hoàn thành tốt nhiệm vụ;\n"
            "(ii) Chấp hành tốt chính sách.\n2. Tập thể đạt tiêu chuẩn:\n(i) Lao động có hiệu quả;\n")
    assert _check(tmp_path, text, "PC602") == [] and _check(tmp_path, text, "PC601") == []


def test_the_last_note_of_a_group_follows_a_comma(tmp_path):
    text = "Chú thích\n1. Sđd, tr.5.\n2, 3,4. Sđd, tr.9.\n5. Văn kiện, tr.12.\n"
    assert _check(tmp_path, text, "PC602") == []


def test_a_year_span_is_no_base_of_a_share(tmp_path):
    text = "Theo sách Chiến tranh 1965-2005, số thương vong vì mìn 987 người, chiếm 33%.\n"
    assert _check(tmp_path, text, "PC203") == []


def test_a_contests_rules_code_is_no_slip(tmp_path):
    text = "Ban Tổ chức ban hành Thông báo số 2382/TL-BTC về thể lệ cuộc thi.\n"
    assert _check(tmp_path, text, "PC705") == []


def test_a_result_cut_off_rather_than_rounded_assumes_the_document_rounds(tmp_path):
    # 2.145 / 6.000 = 35,75%: "35,7%" is the result cut off; "35,8%" rounded; "37,5%" a slip
    text = "Huyện có 6.000 hộ, trong đó {0} hộ nghèo, chiếm {1}%.\n"
    [cut] = _check(tmp_path, text.format("2.145", "35,7"), "PC203", "a.txt")
    assert cut.severity.value == "warning" and cut.assumptions == [Assumption.rounded.value]
    assert "cắt bớt" in cut.message
    assert _check(tmp_path, text.format("2.145", "35,8"), "PC203", "b.txt") == []
    [slip] = _check(tmp_path, text.format("2.145", "37,5"), "PC203", "c.txt")
    assert slip.severity.value == "error" and slip.assumptions == []


SPLIT = ("Xếp loại: Loại A có {a}/124 xã, chiếm tỷ lệ {pa}%; Loại B có {b}/124 xã, chiếm tỷ lệ {pb}%; "
         "Loại C có {c}/124 xã, chiếm tỷ lệ {pc}%.")


@pytest.mark.parametrize("values", [
    # 26, 80 and 18 of 124 round to 20,97 + 64,52 + 14,52 = 100,01: one share is written a step lower
    dict(a=26, pa="20,97", b=80, pb="64,52", c=18, pc="14,51"),
    dict(a=26, pa="20,97", b=80, pb="64,51", c=18, pc="14,52"),
])
def test_a_split_brought_to_a_total_of_100_is_no_slip(tmp_path, values):
    assert _check(tmp_path, SPLIT.format(**values), "PC201") == []


@pytest.mark.parametrize("values", [
    # two steps off
    dict(a=26, pa="20,97", b=80, pb="64,52", c=18, pc="14,50"),
    # rounded one by one the split already totals 100: nothing to balance
    dict(a=31, pa="25,00", b=75, pb="60,48", c=18, pc="14,51"),
])
def test_a_split_that_needed_no_balancing_or_more_than_a_step_is_checked(tmp_path, values):
    assert [f.rule for f in _check(tmp_path, SPLIT.format(**values), "PC201")] == ["PC201"]
