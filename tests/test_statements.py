"""The statement grammar (extract.statements) on real sentences from published Vietnamese
pages, with the verdicts of the arithmetic floor (checks.arithmetic)."""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plancheck.checks.arithmetic import StructureSumParams, breakdown_holds, comparison_holds, count_holds, \
    structure_holds
from plancheck.extract.figures import clean, scan
from plancheck.extract.statements import read_statements
from plancheck.models import ComparisonKind


def comparisons(text):
    return [(c.kind.value, c.numerator.value.text, c.denominator.value.text, c.value.text, comparison_holds(c))
            for c in read_statements(text).comparisons]


def test_figures_leave_out_years_dates_footnotes_and_codes():
    text = clean("Tính đến ngày 1 tháng 4 năm 2019, dân số toàn tỉnh đạt 1.599.504 người,[20] Điều 3, "
                 "lớp T-43, 390 nghìn tỷ đồng, 96/126 ĐVHC, tháng 10/1955")
    assert [(f.text, f.kind, f.measure, f.exponent) for f in scan(text)] == [
        ("1.599.504", "qty", "người", 0), ("390 nghìn tỷ đồng", "qty", "đồng", 12), ("96/126", "frac", "đvhc", 0)]


def test_shares_of_a_total_in_the_next_sentences_and_the_split_they_make():
    text = ("Tỉnh Tuyên Quang có diện tích 5.868 km²,[30][31] dân số năm 2021 là 801.700 người,[32] mật độ dân số "
            "đạt 137 người/km².[33] Dân số thành thị là 111.300 người (13,88%).[34] Dân số nông thôn là 690.400 "
            "người (86,12%).[35]")
    found = read_statements(text)
    assert comparisons(text) == [
        ("share", "111.300", "801.700", "13,88%", True), ("share", "690.400", "801.700", "86,12%", True),
        ("quotient", "801.700", "5.868 km²", "137 người/km²", True)]   # 136,62 rounds to 137
    [b] = found.breakdowns
    assert b.exhaustive and [p.value.text for p in b.parts] == ["111.300", "690.400"] and breakdown_holds(b)


def test_a_share_that_does_not_follow_and_a_base_left_unstated():
    # Đắk Lắk: 2023 total beside 2019 urban and rural counts
    text = ("Tính đến ngày 31 tháng 12 năm 2023, dân số toàn tỉnh Đắk Lắk là 2.207.244 người, mật độ dân số đạt "
            "135 người/km²[41] Trong đó dân số sống tại thành thị đạt 462.013 người, chiếm 24,7% dân số toàn tỉnh,"
            "[42] dân số sống tại nông thôn đạt 1.407.309 người, chiếm 75,3% dân số toàn tỉnh.")
    assert [c[4] for c in comparisons(text)] == [False, False]
    [b] = read_statements(text).breakdowns
    assert b.exhaustive and breakdown_holds(b) is False
    # no total printed: nothing to check
    assert comparisons("Năm 2011, Đà Lạt có dân số 211.696 người, chiếm 17,4% dân số của tỉnh Lâm Đồng.") == []
    assert comparisons("437/442 đại biểu có mặt biểu quyết tán thành, chiếm 92,39% tổng số đại biểu Quốc hội.") == []


def test_growth_with_its_base_and_with_its_increase():
    assert comparisons("Năm 2016, Sân bay Đồng Hới đón 365.820 lượt khách (tăng 39,96% so với 261.372 lượt khách "
                       "năm 2015)") == [("growth", "365.820", "261.372", "39,96%", True)]
    # "trên 1.374 … trên 1.899, tăng 41,91%": 38,2% even with the qualifiers' room
    [(kind, *_, holds)] = comparisons("năm 2007 ước đạt trên 1.899 tỷ đồng, tăng 41,91% so với mức trên 1.374 tỷ đồng")
    assert kind == "growth" and holds is False
    [c] = read_statements("Năm 2022, diện tích rừng trồng mới đạt 80 ha, so cùng kỳ năm 2021 tăng 27,28%, "
                          "tương ứng tăng 17 ha.").comparisons
    assert c.kind == ComparisonKind.growth and comparison_holds(c)


def test_ratio_to_plan_with_the_plan_figure_given():
    text = ("• Thu ngân sách nhà nước trên địa bàn ước đạt 4.100 tỷ đồng, bằng 97,6% kế hoạch do HĐND tỉnh giao "
            "(kế hoạch: 4.200 tỷ đồng) và đạt 120,2% kế hoạch Trung ương giao (kế hoạch: 3.671 tỷ đồng), tăng "
            "20,2% so với thực hiện năm 2015.")
    assert comparisons(text) == [("ratio", "4.100 tỷ đồng", "4.200 tỷ đồng", "97,6%", True),
                                 ("ratio", "4.100 tỷ đồng", "3.671 tỷ đồng", "120,2%", False)]


def test_structures_complete_partial_and_with_the_tax_share_left_out():
    params = StructureSumParams()
    [s] = read_statements("Trong cơ cấu dân số phân theo giới tính, nữ chiếm 50,4%, nam chiếm 49,6%;").structures
    assert s.complete and structure_holds(s, params)
    [s] = read_statements("Cơ cấu các khu vực kinh tế: dịch vụ chiếm ưu thế với tỷ trọng 48,40%; công nghiệp – "
                          "xây dựng 31,81%; nông, lâm, thủy sản 11,38%;").structures
    assert not s.complete and s.remainder and structure_holds(s, params)
    # three structures in one run, each closing at 100%
    found = read_statements("Trong đó, công nghiệp nặng chiếm 34,1% và công nghiệp nhẹ chiếm 65,9%; quốc doanh "
                            "chiếm 62,7%, tiểu thủ công nghiệp 37,3% và công nghiệp trung ương 44,2%, công nghiệp "
                            "địa phương 55,8%.").structures
    assert [[c.value.text for c in s.components] for s in found] == [["34,1%", "65,9%"], ["62,7%", "37,3%"],
                                                                    ["44,2%", "55,8%"]]
    # rates of their own subjects are no structure
    assert read_statements("(5) 99,4% thôn, bản có đường xe máy; 96,8% hộ dân được sử dụng điện lưới quốc gia; "
                           "100% trường học được xây dựng kiên cố.").structures == []


def test_counts_and_their_lists():
    def counts(text):
        return [(c.stated.text, len(c.items), count_holds(c)) for c in read_statements(text).counts]

    assert counts("Năm 1957, tỉnh Ba Xuyên có 8 quận: Châu Thành, Long Phú, Kế Sách, Thạnh Trị, Vĩnh Châu, "
                  "Giá Rai, Hồng Dân, Phước Long và Cà Mau.") == [("8", 9, False)]
    assert counts("- Ngày nay, Quân khu 7 gồm 3 tỉnh: Đồng Nai, Tây Ninh, Lâm Đồng và Thành phố Hồ Chí Minh.") \
        == [("3", 4, True)]   # the city may be a fourth unit or one of three: either way no finding
    assert counts("Năm 1975, chính phủ quyết định sáp nhập 3 tỉnh: Quảng Nam, Quảng Tín và thành phố Đà Nẵng "
                  "thành lập tỉnh Quảng Nam-Đà Nẵng.") == [("3", 3, True)]
    assert counts("Giao Châu mới bao gồm 8 huyện: Tống Bình, Long Biên, Chu Diên, Giao Chỉ, Bình Đạo, Vũ Bình, "
                  "Nam Định, Thái Bình và chỉ là một phần nhỏ của miền Bắc Việt Nam.") == [("8", 8, True)]
    assert counts("- Thị trấn Ngan Dừa có 6 ấp: Bà Hiên, Bà Gồng, Trèm Trẹm, Nội Ô (gồm 4 khu: 1A, 1B, 2, 3), "
                  "Thống Nhất, Xẻo Quao.") == [("6", 6, True), ("4", 4, True)]
    assert counts("Khi tách ra, tỉnh Phú Thọ gồm 10 đơn vị hành chính cấp huyện: thành phố Việt Trì (tỉnh lỵ), "
                  "thị xã Phú Thọ và 8 huyện: Đoan Hùng, Hạ Hòa, Phong Châu, Sông Thao, Tam Thanh, Thanh Ba, "
                  "Thanh Sơn, Yên Lập.") == [("10", 10, True), ("8", 8, True)]


def test_nested_parts_and_one_whole_split_twice():
    found = read_statements("*Nuôi trồng thủy sản:* Toàn huyện có 36.872 ha đất nuôi trồng thủy sản (tăng 1.147 ha "
                            "cùng kỳ, đạt 100% kế hoạch), trong đó diện tích nuôi tôm 26.262 ha (tôm – lúa 24.775 ha, "
                            "chuyên tôm kết hợp cua – cá 1.487 ha), cá ao đìa 610 ha.").breakdowns
    # the parts at the list's own level, not those inside a part's parenthesis
    assert ("36.872 ha", ("26.262 ha", "610 ha")) in [(b.whole.text, tuple(p.value.text for p in b.parts))
                                                     for b in found]
    found = read_statements("Dân số tỉnh là 1.231.107 người, trong đó nam 612.513 người, nữ 618.594 người; đô thị "
                            "520.008 người, nông thôn 711.099 người.").breakdowns
    assert len(found) == 2 and all(breakdown_holds(b) for b in found)


@given(st.lists(st.integers(min_value=1, max_value=600), min_size=2, max_size=5))
def test_shares_that_close_at_100_by_rounding_never_fail(weights):
    """Shares computed from any weights and rounded to one decimal always pass the sum check."""
    total = sum(weights)
    shares = [(Decimal(w) * 100 / total).quantize(Decimal("0.1")) for w in weights]
    labels = ["nông nghiệp", "công nghiệp", "dịch vụ", "thuế sản phẩm", "khác"]
    text = "Cơ cấu kinh tế: " + "; ".join(f"{labels[k]} {str(v).replace('.', ',')}%" for k, v in enumerate(shares))
    structures = read_statements(text).structures
    assert all(structure_holds(s, StructureSumParams()) is not False for s in structures)


@pytest.mark.parametrize("text", [
    "Tỷ lệ tham gia bảo hiểm y tế đạt 95,5%.",
    "Chỉ tính riêng năm 2017, giá trị tăng thêm của khu vực dịch vụ đã đạt 27.610 tỷ đồng, tăng 14,5% so với năm 2016.",
    "Cụ thể, tổng thu ngân sách nhà nước cả năm ước đạt 6.794 tỷ đồng, đạt 110,1% dự toán và tăng 12,1% so với "
    "cùng kỳ năm trước.",
])
def test_a_figure_with_no_stated_relation_yields_nothing(text):
    assert len(read_statements(text)) == 0


# -- quiet where the text is right (false alarms met in province pages) --------------------------

def test_a_va_inside_names_leaves_the_count_open_to_the_fewer_items():
    # Bắc Ninh: two centres, each name holding a "và"
    [c] = read_statements("Bắc Ninh hiện có 02 đơn vị là: Trung tâm Xúc tiến đầu tư và Hỗ trợ Doanh nghiệp số 1 "
                          "và Trung tâm Xúc tiến đầu tư và Hỗ trợ Doanh nghiệp số 2 trực thuộc Sở.").counts
    assert (c.counted, c.fewest, count_holds(c)) == (4, 2, True)
    [c] = read_statements("Huyện gồm 07 xã: An Bình, Bình Hòa, Cát Tiên và Hải Lộc.").counts
    assert (c.counted, c.fewest, count_holds(c)) == (4, None, False)   # only the last "và" joins the list


def test_the_second_of_two_counts_before_one_list_is_not_the_lists_count():
    # Khánh Hòa 1831: "2 phủ, 4 huyện: Diên Khánh (Phước Điền, Vĩnh Xương), Ninh Hòa (…)": the list
    # names the 2 phủ, the 4 huyện sit in its parentheses
    assert read_statements("Vào thời điểm đó, tỉnh Khánh Hòa gồm 2 phủ, 4 huyện: Diên Khánh (Phước Điền, "
                           "Vĩnh Xương), Ninh Hòa (Quảng Phước, Tân Định).").counts == []
    [c] = read_statements("Tỉnh gồm 4 huyện: Diên Khánh, Vĩnh Xương, Quảng Phước.").counts
    assert not count_holds(c)


def test_a_share_left_alone_after_a_closed_pair_is_no_component():
    # Bình Định 2021: urban/rural close at 100; the working-age share is a share of its own
    text = ("Dân số ở thành thị chiếm 31,9%, nông thôn chiếm 68,1%, mật độ dân số là 246 người/km² và dân số "
            "trong độ tuổi lao động chiếm khoảng chiếm: 58.8% dân số toàn tỉnh.")
    assert [[c.value.text for c in s.components] for s in read_statements(text).structures] == [["31,9%", "68,1%"]]


def test_a_listed_share_after_dat_is_a_component():
    # Hưng Yên 2024: "nông - lâm - thủy sản đạt 6,72%" in a list is a share, not a ratio
    text = ("cơ cấu kinh tế của tỉnh chuyển dịch mạnh mẽ theo hướng công nghiệp, trong đó: công nghiệp - xây dựng "
            "chiếm khoảng 62,66%; nông - lâm - thủy sản đạt 6,72%; thương mại - dịch vụ 24,85% và thuế sản phẩm "
            "trừ trợ cấp sản phẩm là 5,77%.")
    [s] = read_statements(text).structures
    assert [c.value.text for c in s.components] == ["khoảng 62,66%", "6,72%", "24,85%", "5,77%"]
    assert s.name == "cơ cấu kinh tế của tỉnh chuyển dịch mạnh mẽ"


KHANH_HOA = ("Theo số liệu điều tra ngày 1 tháng 4 năm 2019 dân số tỉnh Khánh Hòa là 1.231.107 người với mật độ dân "
             "số toàn tỉnh là 225 người/km², trong đó nam giới có khoảng 612.513 người (49.75%) và nữ giới khoảng "
             "618.594 người (50.35%); tỷ lệ tăng dân số của tỉnh bình quân từ năm 2009-2019 là 0,62%. Theo điều "
             "tra biến động dân số năm 2019, Khánh Hòa có 520.008 người sinh sống ở khu vực đô thị (42,2% dân số "
             "toàn tỉnh) và 711.099 người sống ở khu vực nông thôn (57,8%).")


def test_one_total_split_twice_and_khoang_before_a_precise_figure():
    found = read_statements(KHANH_HOA)
    assert [[p.value.text for p in b.parts] for b in found.breakdowns] == [
        ["khoảng 612.513", "khoảng 618.594"], ["520.008", "711.099"]]
    assert all(breakdown_holds(b) for b in found.breakdowns)
    # "khoảng 618.594" hedges its last digit only: 618.594 / 1.231.107 = 50,25%, not 50.35%
    shares = {c.value.text: comparison_holds(c) for c in found.comparisons if c.kind is ComparisonKind.share}
    assert shares == {"49.75%": True, "50.35%": False, "42,2%": True, "57,8%": True}


def test_a_wrong_share_gives_one_finding_not_a_second_for_its_structure(tmp_path):
    from plancheck import check

    path = tmp_path / "khanh-hoa.txt"
    path.write_text(KHANH_HOA, encoding="utf-8")
    rules = [f.rule for f in check(path, select=["shares", "comparison", "part-whole"]).findings]
    assert rules == ["PC203"]


@pytest.mark.parametrize("text", [
    # a threshold beside a fraction is not its value
    "Có 06/34 địa phương tỷ lệ đạt dưới 90% gồm: Quảng Trị, Huế, Lâm Đồng, Gia Lai, Đắk Lắk và Sơn La.",
    # "như:" after "khai thác" holds no number "hai"
    "Hạ tầng giao thông đã có những dự án được đưa vào khai thác như: cầu Quang Trung, cầu Vàm Cống.",
    # an average and its extremes
    "Lãnh thổ của tỉnh có chiều ngang với độ hẹp trung bình là 55 km (chỗ hẹp nhất 50 km, chỗ rộng nhất 60 km).",
    # each clause its own whole
    "Khu vực biển gồm cụm đảo Cù Lao Xanh gồm 3 đảo nhỏ; cụm Đảo Hòn Khô gồm 2 đảo nhỏ; cụm Đảo Nghiêm Kinh "
    "Chiểu gồm 10 đảo nhỏ; cụm Đảo Hòn Cân gồm 5 đảo nhỏ.",
    # shares of several totals, each with its own quantity; rates of their own bases
    "Lượng chất thải rắn được thu gom tái chế khoảng 90-100 tấn/ngày (chiếm 10%), lượng chất thải công nghiệp "
    "được thu gom tái chế khoảng 5.390 tấn/ngày (chiếm 70%).",
    "Tỷ lệ chất thải rắn thông thường được thu gom xử lý khoảng 87%, tỷ lệ chất thải nguy hại được thu gom xử lý "
    "khoảng 78%, tỷ lệ chất thải bệnh viện được thu gom xử lý khoảng 97%.",
    # a ratio to the plan after an amount in two multipliers; a share of people, not of groups
    "Thu hút đầu tư nước ngoài đạt 03 tỷ 067 triệu đô la Mỹ (vượt 119% kế hoạch năm, tăng 49% cùng kỳ).",
    "Có 37 tộc người cùng sinh sống trên địa bàn. 29 tộc người còn lại chỉ chiếm 0,9% dân số.",
    # a title and a name are no counted nouns
    "*100 Decisive Battles: From Ancient Times to the Present*, New York: Oxford University Press.",
    "**Má Tám Nhung**(1905-1985): tên thật là Hồ Thị Khuyên.",
])
def test_what_is_not_a_statement_about_its_figures(text):
    found = read_statements(text)
    assert (found.comparisons, found.structures, found.breakdowns, found.counts) == ([], [], [], [])


def test_a_count_of_counts_is_a_breakdown_and_the_parts_are_its_items():
    found = read_statements("Tỉnh Quảng Nam được chia thành 241 đơn vị hành chính cấp xã gồm: 29 phường, 14 thị trấn, "
                            "190 xã.[23]")
    [b] = found.breakdowns
    assert found.counts == [] and b.whole_name == "đơn vị hành chính cấp xã" and b.exhaustive
    assert [p.value.text for p in b.parts] == ["29", "14", "190"] and not breakdown_holds(b)   # 233, not 241


def test_parts_end_where_the_text_adds_besides_and_a_list_with_an_item_without_figure_is_open():
    [b] = read_statements("Toàn tỉnh có 745 trường học, trong đó Trung học phổ thông có 84 trường, Tiểu học có 362 "
                          "trường, bên cạnh đó còn có 327 trường mẫu giáo.").breakdowns
    assert [p.value.text for p in b.parts] == ["84", "362"]
    [b] = read_statements("Tổng diện tích cây ăn quả đạt 15.381 ha, bao gồm nhãn (5.000 ha, sản lượng 40 - 45 nghìn "
                          "tấn), vải (1.300 ha, 17 nghìn tấn), chuối (2.500 ha) và cam, bưởi với sản lượng từ 27 "
                          "nghìn tấn trở lên.").breakdowns
    assert not b.exhaustive and breakdown_holds(b)


def test_an_amount_in_two_multipliers_is_one_figure_and_a_flow_keeps_its_per_unit():
    [amount, _] = scan(clean("đạt 03 tỷ 067 triệu đô la Mỹ (vượt 119% kế hoạch năm)"))
    assert (amount.value.point, amount.exponent, amount.unit) == (Decimal(3067), 6, "đô la Mỹ")
    [flow] = scan(clean("khoảng 5.390 tấn/ngày"))
    assert flow.unit == "tấn/ngày"


def test_units_counted_by_kind_and_a_unit_named_once_make_up_their_container():
    def parts(text):
        return [([p.value.text for p in b.parts], b.exhaustive, breakdown_holds(b))
                for b in read_statements(text).breakdowns]

    # Lâm Thao: 2 thị trấn and 10 xã are the 12 units; raised to 22, the parts fall short
    text = ("Huyện Lâm Thao có 12 đơn vị hành chính cấp xã trực thuộc, bao gồm 2 thị trấn: Lâm Thao (huyện lỵ), "
            "Hùng Sơn và 10 xã: Bản Nguyên, Cao Xá.")
    assert parts(text) == [(["2", "10"], True, True)]
    assert parts(text.replace("có 12", "có 22")) == [(["2", "10"], True, False)]
    # Bình Dương: the thị xã is named, not counted; it is one of the seven
    assert parts("Bình Dương có 7 đơn vị hành chính cấp huyện, gồm thị xã Thủ Dầu Một (tỉnh lỵ) và 6 huyện: "
                 "Bến Cát, Dầu Tiếng, Dĩ An, Phú Giáo, Tân Uyên, Thuận An.") == [(["6", "1"], True, True)]
    # Bà Rịa – Vũng Tàu: the second container is a new whole, not a part of the first
    assert parts("Tỉnh có 7 đơn vị hành chính cấp huyện trực thuộc, bao gồm 3 thành phố và 4 huyện với 77 đơn vị "
                 "hành chính cấp xã, bao gồm 30 phường, 7 thị trấn và 40 xã.") == [
        (["3", "4"], True, True), (["30", "7", "40"], True, True)]


def test_a_ratio_of_counts_is_no_part_and_nam_nu_after_their_figures_make_a_partition():
    [b] = read_statements("Với 1.908.352 người dân, trong đó có 947.570 nam và 960.782 nữ, tỷ số giới tính "
                          "98,6 nam/100 nữ.").breakdowns
    assert [p.value.text for p in b.parts] == ["947.570", "960.782"] and b.exhaustive and breakdown_holds(b)


@pytest.mark.parametrize("text, shares", [
    ("Cân bằng giới tính là 51,6% nam và 48,4% nữ.", ["51,6%", "48,4%"]),
    ("62% dân số sống ở khu vực nông thôn và 38% sống ở khu vực đô thị.", ["62%", "38%"]),
    ("Năm 2008, tỷ trọng ngành Công nghiệp – Xây dựng chiếm 36,5%, ngành dịch vụ 45,3%, ngành nông nghiệp giảm "
     "còn 18,2%.", ["36,5%", "45,3%", "18,2%"]),
    ("Cơ cấu kinh tế chuyển dịch theo hướng tích cực, tỷ trọng nông, lâm nghiệp đạt 34% (giảm 11,3%); công "
     "nghiệp – xây dựng 35% (tăng 9,6%); dịch vụ 31% (tăng 1,7%).", ["34%", "35%", "31%"]),
])
def test_shares_before_their_subject_after_a_fall_and_around_asides(text, shares):
    [s] = read_statements(text).structures
    assert [c.value.text for c in s.components] == shares


def test_rates_among_groups_are_no_structure():
    # Lai Châu 2024: each rate has its own base (urban, rural population)
    assert read_statements("96,8% hộ dân được sử dụng điện lưới quốc gia; 99,0% dân số đô thị được cung cấp nước "
                           "sạch qua hệ thống cấp nước tập trung; 91,5% dân số nông thôn sử dụng nước sinh hoạt "
                           "hợp vệ sinh.").structures == []


def test_a_change_restated_as_a_rate_and_a_round_measure_read_to_its_thousand():
    # California 2006: two changes, each with its rate, from the same population
    found = comparisons("Năm 2006, California có khoảng 36.132.147 người, tăng 290.109 người hay 0,8% so với năm "
                        "2005 và tăng 2.260.494 người hay 6,7% so với năm 2000.")
    assert [(kind, result, holds) for kind, _, _, result, holds in found] == [
        ("growth", "0,8%", True), ("growth", "6,7%", True)]
    # 390 nghìn tỷ against "155.000 tỷ đồng", a round figure: 150% holds within its thousand
    [c] = read_statements("Tổng tài sản năm 2017 đạt 390 nghìn tỷ đồng, tăng 150% so với mức 155.000 tỷ đồng của "
                          "cùng kỳ.").comparisons
    assert comparison_holds(c)


def test_sub_counts_of_the_same_kind_and_people_under_several_names():
    def counts(text):
        return [(c.stated.text, c.counted, count_holds(c)) for c in read_statements(text).counts]

    assert counts("Giao Châu mới gồm có 7 quận: là 4 quận cũ: Giao Chỉ, Cửu Chân, Nhật Nam, Hợp Phố và 3 quận "
                  "mới: Tân Xương, Vũ Bình và Cửu Đức,[4]") == [("7", 7, True), ("4", 4, True), ("3", 3, True)]
    [b] = read_statements("Có 2.002 hộ làm nghề thêu ren, với 5.740 lao động tham gia, trong số này lao động chính có "
                          "2.684 người, lao động phụ là 2.896 người và lao động thuê là 160 người.").breakdowns
    assert (b.whole.text, [p.value.text for p in b.parts]) == ("5.740", ["2.684", "2.896", "160"])


@pytest.mark.parametrize("text, part, total", [
    ("Giáo phận này hiện có khoảng 134.700 giáo dân (chiếm 4,6% dân số) trên tổng số dân khoảng 2.955.000 người.",
     "khoảng 134.700", "khoảng 2.955.000"),
    ("Số giáo dân Công giáo là 378.269 người trên 1.390.000 người trên địa bàn, chiếm khoảng 27% tổng dân cư.",
     "378.269", "1.390.000"),
    ("Tổng số giáo dân là 138.790 người (2019), chiếm 1,6% dân số trong địa phận trên tổng số 8.697.890 người.",
     "138.790", "8.697.890"),
    ("Như vào năm 1241, trong số 1.004.656 hộ có nguyên tịch ở các lộ, thì có đến 280.746 hộ bỏ trốn, chiếm 28%.",
     "280.746", "1.004.656"),
])
def test_a_share_whose_total_comes_after_it_or_out_of_trong_so(text, part, total):
    [c] = read_statements(text).comparisons
    assert (c.kind, c.numerator.value.text, c.denominator.value.text) == (ComparisonKind.share, part, total)
    assert comparison_holds(c)


@pytest.mark.parametrize("text, kind, operands", [
    ("Làng La Khê có 2.100 người thì 1.200 người chết đói, bằng 57% số dân.", "share", ("1.200", "2.100")),
    ("Sau sắp xếp dự kiến giảm khoảng 485/902 đầu mối (53,77%).", "ratio", ("485", "902")),
    ("Ngành nông, lâm, thủy sản ước đạt 18.892 tỷ đồng, bằng 107,6% kế hoạch, tăng trưởng 4,25% (Kế hoạch: "
     "17.559 tỷ đồng, tăng 3,5 - 4%).", "ratio", ("18.892 tỷ đồng", "17.559 tỷ đồng")),
])
def test_ratios_named_by_their_base_and_fractions_with_their_rate(text, kind, operands):
    [c] = read_statements(text).comparisons
    assert (c.kind.value, c.numerator.value.text, c.denominator.value.text) == (kind, *operands)
    assert comparison_holds(c)


def test_a_population_after_dan_so_is_a_figure_and_its_growth_from_a_base():
    found = comparisons("Theo điều tra dân số năm 2010, Thượng Hải có tổng dân số 23.019.148 người, mức tăng 37,53% từ "
                        "16.737.734 người năm 2000.[17] 20,6 triệu dân trong đó, hay 89,3%, là dân thành thị.")
    assert found == [("growth", "23.019.148", "16.737.734", "37,53%", True),
                     ("share", "20,6 triệu", "23.019.148", "89,3%", True)]


@pytest.mark.parametrize("text", [
    "2. Có ít nhất 02 cá nhân được cấp: a) Chứng chỉ hành nghề; b) Chứng chỉ lập dự án; c) Chứng chỉ thi công.",
    "Thực hiện theo quy định tại Điều 90 Nghị định này thực hiện như sau: a) hồ sơ; b) thủ tục; c) thời hạn.",
])
def test_a_minimum_and_a_clause_number_are_no_counts(text):
    assert read_statements(text).counts == []


def test_a_capitalised_noun_counts_unless_it_is_a_title_or_a_heading():
    [c] = read_statements("Thời đầu có 8 Tiết độ: Vân Nam, Thác Đông, Vĩnh Xương.").counts
    assert (c.stated.text, c.counted) == ("8", 3)


def test_a_votes_rate_of_all_deputies_is_no_rate_of_those_voting():
    # 432/438 = 98,6%; the 91,33% is of the 473 deputies: nothing to check here
    assert read_statements("Kết quả 432/438 đại biểu tham gia biểu quyết tán thành (chiếm 91,33 %), Quốc hội đã "
                           "thông qua Luật.").comparisons == []
    [c] = read_statements("Với 472/473 đại biểu tín nhiệm, chiếm tỉ lệ 99,79%, ông chính thức trở thành Chủ tịch "
                          "nước.").comparisons
    assert comparison_holds(c)


@pytest.mark.parametrize("text, shares", [
    ("Trong đó, 2,007 tỷ USD được cung cấp trong thời kỳ nội chiến Quốc-Cộng (chiếm 60%), vượt xa mức viện trợ "
     "1,515 tỷ USD trong thời kỳ kháng chiến chống Nhật (chiếm 40%).", ["60%", "40%"]),
    ("Trong đó, đất đỏ vàng trên đá sét và biến chất chiếm 53,32% diện tích, đất vàng đỏ trên đá macma axit chiếm "
     "14,26% diện tích, đất đỏ nâu trên đá vôi chiếm 11,61% diện tích và có khả năng sử dụng cho cây công nghiệp.",
     ["53,32%", "14,26%", "11,61%"]),
])
def test_shares_in_parentheses_after_long_subjects_and_before_a_new_clause(text, shares):
    [s] = read_statements(text).structures
    assert [c.value.text for c in s.components] == shares


def test_a_ratio_to_the_planned_total_before_it_and_a_sex_ratio():
    assert comparisons("Với tổng số vốn dự kiến cả năm là 46.285 tỷ đồng, đến nay đã giải ngân được 24.146 tỷ "
                       "đồng, đạt 52,2%.") == [("ratio", "24.146 tỷ đồng", "46.285 tỷ đồng", "52,2%", True)]
    assert comparisons("Thu ngân sách đạt 4.100 tỷ đồng, đạt 97,6%.") == []   # no planned total stated
    assert comparisons("Với 1.908.352 người dân, trong đó có 947.570 nam và 960.782 nữ, tỷ số giới tính 98,6 nam/100 "
                       "nữ.") == [("ratio", "947.570", "960.782", "98,6", True)]


def test_the_segments_of_a_length_make_it_up():
    def parts(text):
        return [(b.exhaustive, breakdown_holds(b)) for b in read_statements(text).breakdowns]

    text = ("Tổng chiều dài toàn tuyến là 40,2 km, trong đó, đoạn qua tỉnh Tuyên Quang dài 11,63 km, đoạn qua tỉnh "
            "Phú Thọ dài 28,57 km.")
    assert parts(text) == [(True, True)]
    assert parts(text.replace("40,2 km", "50,2 km")) == [(True, False)]
    # a part that is no segment leaves the list open: "trong đó 9,3 km đi ngầm"
    assert parts("Tuyến có tổng chiều dài 21,3 km, trong đó 9,3 km đi ngầm và 2 km đi trên cao.") == [(False, True)]


def test_a_count_named_again_before_its_list():
    def counts(text):
        return [(c.stated.text, c.counted, count_holds(c)) for c in read_statements(text).counts]

    text = ("Sau năm 1975, huyện Dương Minh Châu có 10 xã trực thuộc, bao gồm các xã: Bàu Năng, Bến Củi, Cầu Khởi, "
            "Chà Là, Lộc Ninh, Phan, Phước Minh, Phước Ninh, Suối Đá và Truông Mít.")
    assert counts(text) == [("10", 10, True)]
    assert counts(text.replace("có 10 xã", "có 11 xã")) == [("11", 10, False)]
    # the units of a city listed by one kind only: no count of them all
    assert counts("Thành phố có 9 đơn vị hành chính trực thuộc, bao gồm các quận: Ninh Kiều, Bình Thủy.") == []


def structures(text):
    return [([c.value.text for c in s.components], structure_holds(s, StructureSumParams()))
            for s in read_statements(text).structures]


def test_a_structure_written_as_a_dash_chain_and_its_year_before():
    text = ("Cơ cấu kinh tế tiếp tục chuyển dịch theo hướng tích cực; cơ cấu kinh tế ước đạt 8,8% - 59,7% - 31,5% "
            "(năm 2018 là 9,9% - 57,3% - 32,8%).")
    assert structures(text) == [(["8,8%", "59,7%", "31,5%"], True), (["9,9%", "57,3%", "32,8%"], True)]
    assert structures(text.replace("59,7%", "69,7%"))[0] == (["8,8%", "69,7%", "31,5%"], False)
    # a target range is no chain of shares: two figures, no structure word
    assert structures("Tốc độ tăng trưởng GRDP đạt 6,5% - 7%.") == []


def test_the_year_before_stated_after_cung_ky_is_a_structure_and_never_half_of_one():
    text = ("Về cơ cấu kinh tế năm 2019, khu vực nông, lâm nghiệp và thủy sản chiếm tỷ trọng 36,96%; khu vực công "
            "nghiệp và xây dựng chiếm 24,7%; khu vực dịch vụ chiếm 38,34%; (Cơ cấu tương ứng của cùng kỳ năm 2018 là: "
            "39,72%; 19,37% và 40,91%).")
    assert structures(text) == [(["36,96%", "24,7%", "38,34%"], True), (["39,72%", "19,37%", "40,91%"], True)]
    # a list whose first share was read as a change is no structure of the rest
    assert structures("Tỷ lệ tăng 39,72%; 19,37% và 40,91% theo cơ cấu.") == []


def test_shares_of_the_total_a_trong_so_opens_counted_under_a_classifier():
    text = ("Trong số 203.733 lần mục tiêu ở miền Bắc bị bắn phá có 109.156 mục tiêu giao thông vận tải (chiếm 53,5%), "
            "59.971 mục tiêu dân cư (chiếm 29,4%), 14.347 mục tiêu kinh tế (chiếm 7%), chỉ có 20.259 mục tiêu quân sự "
            "(chiếm 9,9%).")
    found = read_statements(text)
    assert [(c.numerator.value.text, c.denominator.value.text, c.indicator, comparison_holds(c))
            for c in found.comparisons] == [
        ("109.156", "203.733", "mục tiêu giao thông vận tải", False),   # 53,58%: cut off, not rounded
        ("59.971", "203.733", "mục tiêu dân cư", True), ("14.347", "203.733", "mục tiêu kinh tế", True),
        ("20.259", "203.733", "mục tiêu quân sự", True)]
    [b] = found.breakdowns
    assert [p.value.text for p in b.parts] == ["109.156", "59.971", "14.347", "20.259"] and breakdown_holds(b)


def test_a_decimal_of_four_places_and_parts_named_after_their_unit():
    text = ("Diện tích rừng cần chuyển mục đích sử dụng: khoảng 0,3451 ha rừng, trong đó có 0,3367 ha rừng đặc dụng "
            "(là rừng tự nhiên) và 0,0084 ha rừng sản xuất.")
    [b] = read_statements(text).breakdowns
    assert [(p.name, p.value.text) for p in b.parts] == [("rừng đặc dụng", "0,3367 ha"), ("rừng sản xuất", "0,0084 ha")]
    assert breakdown_holds(b)
    [b] = read_statements(text.replace("0,0084", "0,1084")).breakdowns
    assert not breakdown_holds(b)


def test_a_unit_named_after_a_counted_group_is_one_part_of_the_whole():
    text = ("Tỉnh Tuyên Quang có 6 đơn vị hành chính, bao gồm 5 huyện: Na Hang, Chiêm Hóa, Hàm Yên, Yên Sơn, Sơn "
            "Dương, thị xã Tuyên Quang và 134 đơn vị hành chính cấp xã.")
    [b] = read_statements(text).breakdowns
    assert [(p.name, p.value.text) for p in b.parts][-1] == ("thị xã Tuyên Quang", "1") and breakdown_holds(b)
    [b] = read_statements(text.replace("có 6 đơn vị", "có 7 đơn vị")).breakdowns
    assert not breakdown_holds(b)


def test_a_count_with_its_thousands_points_lost_is_malformed_not_a_share():
    found = read_statements("Thanh Hóa có 3.640.128 người, trong đó nữ chiếm 1.824127 người (50,11%).")
    assert found.comparisons == [] and [f.text for f in found.text_figures if f.form.value == "malformed"] == [
        "1.824127"]
    # an average may have decimals: "bình quân 3,5 người"; a measure may have six
    assert [f.text for f in read_statements("Quy mô hộ bình quân 3,5 người; diện tích 1,234567 ha.").text_figures
            if f.form.value == "malformed"] == []


def test_an_organisations_units_under_their_kinds_and_members_as_people():
    def parts(text):
        return [(b.whole.text, [(p.name, p.value.text) for p in b.parts], b.exhaustive, breakdown_holds(b))
                for b in read_statements(text).breakdowns]

    assert parts("Sở có 12 đơn vị trực thuộc, gồm 6 phòng chuyên môn, 4 chi cục và 2 trung tâm.") == [
        ("12", [("phòng chuyên môn", "6"), ("chi cục", "4"), ("trung tâm", "2")], True, True)]
    assert parts("Sở có 12 đơn vị trực thuộc, gồm 6 phòng chuyên môn, 4 chi cục và 3 trung tâm.")[0][3] is False
    # "trong đó" names some of the whole: the parts may fall short of it, never exceed it
    [(whole, named, exhaustive, holds)] = parts("Bộ gồm 30 đơn vị, trong đó có 5 vụ và 21 cục và 4 đơn vị sự nghiệp.")
    assert [v for _, v in named] == ["5", "21", "4"] and not exhaustive and holds
    assert parts("Vụ tai nạn khiến 71 người thiệt mạng, trong đó có 19 thành viên của đội bóng.")[0][1] == [
        ("thành viên của đội bóng", "19")]


def test_known_splits_and_chia_ra_name_the_whole_and_nuoc_ngoai_is_no_bound():
    def parts(text):
        return [([p.value.text for p in b.parts], b.exhaustive, breakdown_holds(b))
                for b in read_statements(text).breakdowns]

    text = ("Tổng vốn đầu tư phát triển toàn xã hội đạt 45.120 tỷ đồng, trong đó: vốn khu vực nhà nước 12.300 tỷ đồng, "
            "vốn khu vực ngoài nhà nước 25.820 tỷ đồng, vốn đầu tư trực tiếp nước ngoài 7.000 tỷ đồng.")
    assert parts(text) == [(["12.300 tỷ đồng", "25.820 tỷ đồng", "7.000 tỷ đồng"], True, True)]
    assert parts(text.replace("45.120", "46.120"))[0][1:] == (True, False)
    # two of the three sectors name no whole
    assert parts(text.replace(", vốn đầu tư trực tiếp nước ngoài 7.000 tỷ đồng", ""))[0][1] is False
    assert parts("Thu ngân sách 8.240 tỷ đồng, trong đó ngân sách trung ương 3.200 tỷ đồng, ngân sách địa phương "
                 "5.040 tỷ đồng.") == [(["3.200 tỷ đồng", "5.040 tỷ đồng"], True, True)]
    text = ("Tổng số lao động có việc làm 620.500 người, chia ra: nông nghiệp 300.100 người; công nghiệp 150.400 "
            "người; dịch vụ 170.000 người.")
    assert parts(text) == [(["300.100", "150.400", "170.000"], True, True)]
    assert parts(text.replace("170.000", "107.000"))[0][1:] == (True, False)
    text = ("Vốn đầu tư của dự án là 1.080,019 tỷ đồng, trong đó: vốn góp của Nhà đầu tư là 370,019 tỷ đồng, vốn vay "
            "710 tỷ đồng.")
    assert parts(text) == [(["370,019 tỷ đồng", "710 tỷ đồng"], True, True)]
    assert parts(text.replace("1.080,019", "1.180,019"))[0][1:] == (True, False)
    # the investor's share alone names no whole
    assert parts("Vốn đầu tư của dự án là 1.080,019 tỷ đồng, trong đó vốn góp của Nhà đầu tư là 370,019 tỷ đồng.") == [
        (["370,019 tỷ đồng"], False, True)]


def test_a_sentence_run_into_the_next_after_a_unit_in_capitals_and_names_before_a_share():
    text = ("Trong năm 2020 toàn thành phố có 250 dự án trong và ngoài nước, gồm: 222 dự án đầu tư trong nước, 27 dự án "
            "đầu tư nước ngoài và 1 dự án ODA, với tổng vốn đầu tư đăng ký là 1,76 tỉ USD.Tổng doanh thu đạt 2 tỷ USD "
            "với 3 dự án mới.")
    [b] = read_statements(text).breakdowns
    assert [p.value.text for p in b.parts] == ["222", "27", "1"] and breakdown_holds(b)
    text = "Chất lượng đường bộ: đường đá dăm dài 399,52 km chiếm 19,14%; đường nhựa dài 362,77 km chiếm 17,38% trên 2.086 km."
    assert [c.indicator for c in read_statements("Toàn tỉnh có 2.086 km đường. " + text).comparisons] == [
        "đường đá dăm", "đường nhựa"]


def test_shares_each_beside_its_quantity_in_or_out_of_parentheses_make_one_structure():
    text = ("Thượng Hải có tổng dân số 23.019.148 người. 20,6 triệu dân trong đó, hay 89,3%, là dân thành thị và 2,5 "
            "triệu dân (10,7％) là dân nông thôn.")
    assert structures(text) == [(["89,3%", "10,7％"], True)]
    assert structures(text.replace("89,3%", "79,3%")) == [(["79,3%", "10,7％"], False)]
    assert [v for v, _ in structures("Danh sách có (961 cá nhân chiếm 67%); 184 người tức 13% thừa kế tài sản.")] == [
        ["67%", "13%"]]


def test_a_votes_rate_said_to_be_of_those_voting_is_checked_against_its_fraction():
    text = ("Với 472/473 đại biểu tín nhiệm, chiếm tỉ lệ 99,79% tổng số đại biểu tham gia bầu cử, ông trở thành Chủ "
            "tịch nước.")
    [c] = read_statements(text).comparisons
    assert comparison_holds(c)
    [c] = read_statements(text.replace("99,79%", "89,79%")).comparisons
    assert not comparison_holds(c)
    # of all the deputies: no base stated here
    assert read_statements(text.replace("tham gia bầu cử", "Quốc hội").replace("99,79%", "89,79%")).comparisons == []


def test_the_sectors_contributions_in_points_add_up_to_the_growth_they_share():
    text = ("Trong mức tăng trưởng chung 8,32% của GRDP, khu vực nông, lâm nghiệp và thủy sản đóng góp 0,51 điểm phần "
            "trăm; khu vực công nghiệp và xây dựng đóng góp 4,95 điểm phần trăm; khu vực dịch vụ đóng góp 2,03 điểm "
            "phần trăm; thuế sản phẩm trừ trợ cấp sản phẩm đóng góp 0,83 điểm phần trăm.")
    [s] = read_statements(text).structures
    assert s.total.text == "8,32%" and s.complete and [c.name for c in s.components] == [
        "khu vực nông, lâm nghiệp và thủy sản", "khu vực công nghiệp và xây dựng", "khu vực dịch vụ",
        "thuế sản phẩm trừ trợ cấp sản phẩm"]
    assert structures(text) == [(["0,51", "4,95", "2,03", "0,83"], True)]
    assert structures(text.replace("4,95", "5,95"))[0][1] is False
    # three sectors without the tax: their points may fall short of the growth, never exceed it
    text = ("Trong mức tăng chung 9,6% của toàn nền kinh tế năm 2018, khu vực nông, lâm nghiệp và thủy sản ước đạt "
            "8.629,25 tỷ đồng, tăng 4,5%, đóng góp 0,80 điểm phần trăm vào mức tăng chung; khu vực công nghiệp - xây "
            "dựng tăng 12,07%, đóng góp 6,19 điểm phần trăm; khu vực dịch vụ tăng 8,6%, đóng góp 2,61 điểm phần trăm.")
    [s] = read_statements(text).structures
    assert not s.complete and s.remainder and structures(text)[0][1] is True
    assert structures(text.replace("6,19", "7,19"))[0][1] is False


def test_a_structure_stated_as_it_moved_between_two_years_gives_one_per_year():
    text = ("Cơ cấu kinh tế chuyển dịch tích cực: tỷ trọng nông, lâm nghiệp và thủy sản giảm từ 25,5% năm 2020 xuống "
            "22,3% năm 2025; công nghiệp - xây dựng tăng từ 30,1% lên 33,4%; dịch vụ tăng từ 38,4% lên 38,6%; thuế "
            "sản phẩm từ 6% còn 5,7%.")
    found = read_statements(text).structures
    assert [(s.period.year, [c.value.text for c in s.components], s.complete) for s in found] == [
        (2020, ["25,5%", "30,1%", "38,4%", "6%"], True), (2025, ["22,3%", "33,4%", "38,6%", "5,7%"], True)]
    assert [c.name for c in found[0].components] == ["nông, lâm nghiệp và thủy sản", "công nghiệp - xây dựng",
                                                     "dịch vụ", "thuế sản phẩm"]
    assert [v for v, holds in structures(text)] == [["25,5%", "30,1%", "38,4%", "6%"], ["22,3%", "33,4%", "38,6%", "5,7%"]]
    assert [holds for _, holds in structures(text)] == [True, True]
    assert [holds for _, holds in structures(text.replace("33,4%", "35,4%"))] == [True, False]
    # rates that moved are no shares
    assert structures("Tốc độ tăng trưởng GRDP từ 6,5% lên 7,2%; tỷ lệ hộ nghèo giảm từ 5,2% xuống 3,1%.") == []


def test_no_parts_of_a_change_nor_of_the_subject_before_a_new_subjects_gom():
    assert read_statements("Đội ngũ giảng viên gồm 610 người trong đó giảng viên cơ hữu là 440 người và giảng viên "
                           "thỉnh giảng gồm 170 người.").breakdowns[1:] == []
    text = ("Diện tích rừng trồng mới đạt 80 ha, so cùng kỳ tăng 27,28%, tương ứng tăng 17 ha, (trong đó: rừng sản xuất "
            "đạt 1,2 ha, giảm 89,81%; rừng phòng hộ đạt 79 ha, tăng 54,29% so cùng kỳ).")
    assert all(b.whole.text != "17 ha" for b in read_statements(text).breakdowns)


def test_shares_of_a_share_after_trong_so_do_need_not_reach_100():
    text = ("Kitô giáo chiếm 57% dân số. Trong số đó gồm có: Phong trào Ngũ Tuần chiếm 17%, Công giáo Rôma chiếm 8%, "
            "Anh giáo chiếm 7%, Cơ Đốc Phục Lâm chiếm 5%, các nhóm Kitô khác 20%.")
    assert structures(text) == [(["17%", "8%", "7%", "5%", "20%"], True)]
    # after a count, the shares split that count: they must close
    assert structures("Dân số 1.200.000 người. Trong đó, nam chiếm 49%, nữ chiếm 48%.") == [(["49%", "48%"], False)]
    assert structures("Trong số đó gồm có: Phong trào Ngũ Tuần chiếm 17%, Công giáo Rôma chiếm 8%, các nhóm khác 20%.") \
        == [(["17%", "8%", "20%"], True)]


def test_a_percent_sign_in_parentheses_after_a_figure_makes_it_a_share():
    # "(%)" as a table heading writes the unit, typed after the figure in running text
    [fig] = [f for f in scan("Đất cây xanh khoảng 4.500m2 chiếm tỷ lệ 12,75 (%);") if f.kind == "pct"]
    assert fig.text == "12,75%" and fig.value.point == Decimal("12.75")
    found = read_statements("Đất dự án 20.000m2, trong đó đất cây xanh 4.500m2 chiếm tỷ lệ 12,75 (%).")
    [c] = found.comparisons
    assert c.numerator.value.text == "4.500m2" and c.value.text == "12,75%"   # 22,5% is what it should say


def test_money_whose_currency_is_said_once_is_a_part_and_a_share_of_the_total():
    # "120 tỷ" after "500 tỷ đồng": the currency goes unsaid the second time
    found = read_statements("Tổng mức đầu tư 500 tỷ đồng, trong đó vốn ngân sách 120 tỷ (chiếm 30% tổng mức đầu tư).")
    [c] = found.comparisons
    assert (c.numerator.value.text, c.denominator.value.text) == ("120 tỷ", "500 tỷ đồng")
    assert comparison_holds(c) is False                      # 120 / 500 = 24%
    # a bare count with a multiplier is no money: "1,2 triệu lượt khách" keeps its own measure
    assert read_statements("Doanh thu 900 tỷ đồng, trong đó 1,2 triệu lượt khách quốc tế.").breakdowns == []


def test_a_share_that_announces_parts_is_their_whole_and_a_sibling_share_is_not():
    opened = comparisons("Đất đô thị 60.000 m2 chiếm 30% toàn khu, bao gồm: đất ở 24.000 m2 chiếm 40%.")
    assert [(num, den) for _, num, den, _, _ in opened] == [("24.000 m2", "60.000 m2")]
    # "… chiếm 30%, đất ở 24.000 m2 chiếm 12%": siblings of one list, the first is no base
    listed = comparisons("Tổng diện tích 200.000 m2; đất đô thị 60.000 m2 chiếm 30%, đất ở 24.000 m2 chiếm 12%.")
    assert [(num, den) for _, num, den, _, _ in listed] == [("60.000 m2", "200.000 m2"), ("24.000 m2", "200.000 m2")]


@pytest.mark.parametrize("text, expected", [
    ("Thị xã có 5 phường, gồm: Bắc Sơn, Nam Sơn, Đông Hải, Tây Hồ.", [("5", 4, False)]),        # comma before "gồm:"
    ("Huyện Ba Tri có 4 xã là các xã Tân Mỹ, Phú Lễ và An Đức.", [("4", 3, False)]),           # "là các xã", no colon
    ("Khu nhà ở gồm 05 lô đất có ký hiệu LK-01, LK-02, LK-03, LK-04, LK-05.", [("05", 5, True)]),   # codes
    ("Hội đồng có 7 thành viên, gồm: Chủ tịch, Phó Chủ tịch và các ủy viên.", [("7", 2, True)]),  # a group, open
])
def test_count_wordings_without_a_colon_after_the_noun(text, expected):
    assert [(c.stated.text, len(c.items), count_holds(c)) for c in read_statements(text).counts] == expected


def test_a_count_without_a_colon_never_takes_the_next_paragraphs_as_its_list():
    assert read_statements("Dự án gồm 03 lô đất có ký hiệu").open_count is None
    assert read_statements("Dự án gồm 03 lô đất:").open_count is not None


def test_a_total_opening_the_sentence_after_a_list_sums_the_list():
    text = ("Các trường đã hoàn thành gồm trường A ở xã Tân Lập đạt 1.250 học sinh; trường B đạt 830 học sinh; "
            "trường C đạt 415 học sinh. Tổng cộng đạt {0} học sinh, vượt kế hoạch.")
    [b] = read_statements(text.format("2.459")).breakdowns
    assert b.whole.text == "2.459" and [c.value.text for c in b.parts] == ["1.250", "830", "415"]
    assert breakdown_holds(b) is False                              # 1.250 + 830 + 415 = 2.495
    assert all(breakdown_holds(b) for b in read_statements(text.format("2.495")).breakdowns)
    # no list before it: a total of its own
    assert read_statements("Năm nay trường A có 1.250 học sinh. Tổng cộng đạt 2.459 học sinh.").breakdowns == []


def test_a_density_of_a_population_whose_share_of_a_larger_one_is_given_without_its_base():
    text = ("Vùng có diện tích 40.210 km2 (bằng 12,1% cả nước) với 3.016.000 người (bằng 3,1% dân số cả nước), "
            "bình quân khoảng 57 người/km2.")
    [c] = [c for c in read_statements(text).comparisons if c.kind.value == "quotient"]
    assert c.numerator.value.text == "3.016.000" and comparison_holds(c) is False   # 3.016.000 / 40.210 = 75


@pytest.mark.parametrize("text, expected", [
    ("Khu đất rộng khoảng 52.140 m2 (~5,21 ha).", [("khoảng 52.140 m2", "5,21 ha", True)]),
    ("Khu đất rộng khoảng 52.140 m2 (~2,51 ha).", [("khoảng 52.140 m2", "2,51 ha", False)]),
    ("Kè dài 1,8 km, tương đương 1.800 m.", [("1,8 km", "1.800 m", True)]),
    ("Diện tích 12 km2 (1.250 ha rừng phòng hộ).", []),                 # a part in another unit
    ("Khu đất 450 m2 (30 m x 15 m).", []),                              # another dimension
    ("Vốn 1,2 tỷ USD (khoảng 28.000 tỷ đồng).", []),                    # no rate of exchange
])
def test_a_figure_restated_in_another_unit(text, expected):
    found = [(c.numerator.value.text, c.value.text, comparison_holds(c)) for c in read_statements(text).comparisons
             if c.kind.value == "conversion"]
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    # what exceeds the plan is the ratio less 100: 7.350 / 7.000 = 105%
    ("Thu nội địa đạt 7.350 tỷ đồng, vượt 5% dự toán (dự toán 7.000 tỷ đồng).", ("7.350 tỷ đồng", "7.000 tỷ đồng", True)),
    ("Thu nội địa đạt 7.350 tỷ đồng, vượt 105% dự toán (dự toán 7.000 tỷ đồng).", ("7.350 tỷ đồng", "7.000 tỷ đồng", False)),
    # the year-ago figure in parentheses after "so cùng kỳ": 7.350 / 6.820 − 1 = 7,8%
    ("Thu nội địa đạt 7.350 tỷ đồng, tăng 7,8% so cùng kỳ (6.820 tỷ đồng).", ("7.350 tỷ đồng", "6.820 tỷ đồng", True)),
    ("Thu nội địa đạt 7.350 tỷ đồng, tăng 8,7% so với cùng kỳ năm trước (6.820 tỷ đồng).",
     ("7.350 tỷ đồng", "6.820 tỷ đồng", False)),
    # the increase in parentheses: 530 / (7.350 − 530) = 7,8%
    ("Thu nội địa đạt 7.350 tỷ đồng, tăng 7,8% (tương đương tăng 530 tỷ đồng) so với năm trước.",
     ("7.350 tỷ đồng", "7.350 tỷ đồng − 530 tỷ đồng", True)),
])
def test_growth_over_the_plan_and_over_a_base_in_parentheses(text, expected):
    [c] = read_statements(text).comparisons
    assert c.kind.value == "growth"
    assert (c.numerator.value.text, c.denominator.value.text, comparison_holds(c)) == expected


def test_parts_in_the_sentence_after_their_whole_opened_by_trong_do():
    text = "Cuối năm 2024 toàn huyện có 1.240 hộ kinh doanh. Trong đó có 830 hộ thương mại và 450 hộ dịch vụ."
    [b] = read_statements(text).breakdowns
    assert b.whole.text == "1.240" and [c.value.text for c in b.parts] == ["830", "450"]
    assert breakdown_holds(b) is False                       # 1.280 parts of a whole of 1.240


def test_parts_named_by_the_wholes_name_are_all_of_it_though_trong_do_names_some():
    found = read_statements("Vận tải hành khách – hàng hóa đạt 9.640 tỷ đồng; trong đó hành khách 3.120 tỷ đồng, "
                            "hàng hóa 6.250 tỷ đồng.").breakdowns
    [b] = found
    assert b.exhaustive and b.assumed == [] and breakdown_holds(b) is False   # 9.370 ≠ 9.640
    # the parts name only some of the whole's segments: "trong đó" keeps its sense, some of it
    [some] = read_statements("Nông, lâm nghiệp và thủy sản 9.640 tỷ đồng, trong đó nông nghiệp 3.120 tỷ đồng, "
                             "thủy sản 6.250 tỷ đồng.").breakdowns
    assert not some.exhaustive and breakdown_holds(some)


def test_one_split_read_twice_keeps_the_reading_that_assumes_less():
    # the shares name each part's total, the semicolons leave the list's end open: the shares win
    text = ("Toàn huyện có 640 km đường. Trong đó, đường huyện dài 96 km, chiếm 15%; đường xã dài 480 km, "
            "chiếm 75% và đường đô thị dài 88 km, chiếm 13,75%.")
    [b] = [b for b in read_statements(text).breakdowns if b.whole.text == "640 km"]
    assert b.assumed == [] and breakdown_holds(b) is False    # 664 km of 640 km


def test_a_ranked_list_of_parts_is_a_breakdown_and_an_extreme_of_a_length_is_not():
    text = "Huyện có 9.500 hộ chăn nuôi, nhiều nhất là xã A với 5.200 hộ, tiếp theo là xã B với 4.700 hộ."
    [b] = read_statements(text).breakdowns
    assert [c.value.text for c in b.parts] == ["5.200", "4.700"] and b.assumed == []
    assert breakdown_holds(b) is False                         # 9.900 of 9.500
    # no second of a ranking: "rộng nhất là" names an extreme of the road, no part of it
    assert read_statements("Tuyến đê dài 9.500 m, cao nhất là đoạn qua xã A 5.200 m, rộng 4.700 m.").breakdowns == []


def test_one_cue_splits_a_count_and_its_money_alike():
    text = "Năm nay tỉnh thu hút 214 dự án, vốn 18.350 tỷ đồng (trong đó 26 dự án FDI, 19.120 tỷ đồng)."
    found = {b.whole.text: b for b in read_statements(text).breakdowns}
    assert [c.value.text for c in found["18.350 tỷ đồng"].parts] == ["19.120 tỷ đồng"]
    assert breakdown_holds(found["18.350 tỷ đồng"]) is False          # a part above its whole
    assert [c.value.text for c in found["214"].parts] == ["26"] and breakdown_holds(found["214"])


def test_a_share_of_a_total_named_in_another_paragraph_assumes_its_base(tmp_path):
    from plancheck import check

    path = tmp_path / "quy-hoach.txt"
    path.write_text("Tổng diện tích lập quy hoạch: 84,50 ha.\n\n"
                    "Đất cây xanh tập trung 16,90 ha, chiếm 25% tổng diện tích khu.\n\n"
                    "Đất thương mại: 12.400 m2.\n\n"
                    "Trong đó đất chợ 3.100 m2, chiếm 25% diện tích đất thương mại.\n", encoding="utf-8")
    [f] = [f for f in check(path).findings if f.rule == "PC203"]
    # 16,90 / 84,50 = 20%; 3.100 / 12.400 = 25% holds
    assert f.location.line == 3 and f.severity.value == "warning" and f.assumptions == ["base"]
    assert "84,50 ha, dòng 1" in f.message


def test_two_totals_of_one_name_leave_a_share_of_it_unread(tmp_path):
    from plancheck import check

    path = tmp_path / "hai-tong.txt"
    text = ("Diện tích quy hoạch: 40,00 ha.\n\n{second}"
            "Đất ở 12,00 ha, chiếm 50% tổng diện tích khu.\n")
    path.write_text(text.format(second="Tổng diện tích: 60,00 ha.\n\n"), encoding="utf-8")
    assert [f for f in check(path).findings if f.rule == "PC203"] == []   # 40 or 60 ha: no telling
    path.write_text(text.format(second=""), encoding="utf-8")
    assert [f.rule for f in check(path).findings] == ["PC203"]            # 12 of 40 ha is 30%


def test_a_zones_area_is_no_whole_for_a_share_of_the_whole(tmp_path):
    from plancheck import check

    # "Có diện tích" of a zone names no whole; "10% diện tích toàn tỉnh" is of the province's
    path = tmp_path / "dia-hinh.txt"
    path.write_text("- Vùng núi: nằm phía tây. Có diện tích khoảng 249.866 ha.\n\n"
                    "- Vùng đồi: có diện tích khoảng 159.276 ha, chiếm khoảng 10% diện tích toàn tỉnh.\n",
                    encoding="utf-8")
    assert [f for f in check(path).findings if f.rule == "PC203"] == []


def test_a_parenthesis_holding_nothing_but_parts_is_read_as_all_of_them_by_assumption():
    [b] = read_statements("Toàn tỉnh có 85 người bị thương (huyện A 40 người, huyện B 30 người, "
                          "huyện C 10 người).").breakdowns
    assert b.exhaustive and b.assumed == ["complete"] and breakdown_holds(b) is False   # 80 of 85
    # a word that picks some, or a part without its noun (left out of any sum): a list of some
    for text in ("Toàn tỉnh có 85 người bị thương (chủ yếu ở huyện A 40 người, huyện B 30 người).",
                 "Toàn tỉnh có 85 người bị thương (huyện A 40 người, huyện B 30, huyện C 10)."):
        assert all(not b.exhaustive for b in read_statements(text).breakdowns)


def test_a_sectors_sub_sector_in_parentheses_is_no_share_of_the_structure():
    text = ("Cơ cấu kinh tế năm 2026: nông nghiệp 18,4%; công nghiệp - xây dựng 38,1% (trong đó công nghiệp "
            "chế biến 27,6%); dịch vụ {s}%.")
    [ok] = read_statements(text.format(s="43,5")).structures
    assert [c.value.text for c in ok.components] == ["18,4%", "38,1%", "43,5%"] and structure_holds(ok, StructureSumParams())
    [bad] = read_statements(text.format(s="45,3")).structures
    assert not structure_holds(bad, StructureSumParams())   # 101,8%: the dịch vụ share, not a half-read list


def test_a_named_total_and_its_share_in_different_multipliers(tmp_path):
    from plancheck import check

    path = tmp_path / "von.txt"
    path.write_text("Tổng vốn đầu tư của dự án: 1,2 tỷ đồng.\n\n"
                    "Vốn tự có 300 triệu đồng, chiếm 25% tổng vốn đầu tư của dự án.\n\n"
                    "Vốn vay 500 triệu đồng, chiếm 25% tổng vốn đầu tư của dự án.\n", encoding="utf-8")
    # 300 triệu of 1,2 tỷ is 25%; 500 triệu is 41,7%
    assert [(f.rule, f.location.line) for f in check(path).findings] == [("PC203", 5)]


@pytest.mark.parametrize("text, rate", [
    ("Có 12/18 phường đạt từ 85% trở lên, chiếm tỷ lệ 66,67%.", "66,67%"),
    ("Có 5/18 phường đạt từ 60% đến dưới 85%, chiếm 27,78%.", "27,78%"),
    ("Số xã có tỷ lệ hộ nghèo từ 10% trở xuống là 21/40 xã (tỷ lệ 52,5%).", "52,5%"),
])
def test_a_threshold_names_the_class_and_the_fractions_rate_comes_after_it(text, rate):
    # "từ 85% trở lên" bounds the units counted; the rate the sentence gives the fraction follows
    [c] = read_statements(text).comparisons
    assert (c.kind, c.value.text) == (ComparisonKind.ratio, rate)
    assert comparison_holds(c)


@pytest.mark.parametrize("text", [
    "Có 12/18 phường đạt từ 85% trở lên.",
    "Có 12/18 phường có tỷ lệ hài lòng từ 85% đến 95%.",
    "Diện tích đất lúa từ 50 ha trở lên được hỗ trợ 30%.",
])
def test_a_bound_is_no_figure_to_compare(text):
    found = read_statements(text)
    assert all(c.kind != ComparisonKind.ratio for c in found.comparisons)
    from plancheck.extract.figures import scan
    bounds = [f for f in scan(text) if f.qualifier in ("từ", "trở lên", "trở xuống", "đến")]
    assert bounds and all(f.value.hi > 10 ** 6 or f.value.lo < -10 ** 6 for f in bounds)


def test_a_qualifier_before_a_parenthesis_bounds_the_figure_in_it():
    text = "Có 3/16 đơn vị đạt yêu cầu về tỷ lệ phiếu tối thiểu (15%) và số phiếu tối thiểu (40 phiếu)."
    assert not [c for c in read_statements(text).comparisons if c.kind == ComparisonKind.ratio]
    from plancheck.extract.figures import scan
    assert [f.qualifier for f in scan(text) if f.kind == "pct"] == ["tối thiểu"]


@pytest.mark.parametrize("text, holds", [
    ("Đến nay đã có 12.350/15.870 hộ gia đình trên địa bàn các huyện miền núi được cấp nước sạch theo quy chuẩn, "
     "đạt tỷ lệ 77,82%.", True),
    ("Toàn tỉnh đã kích hoạt 3.412/4.096 tài khoản định danh điện tử cho người dân đủ điều kiện sinh sống trên địa bàn "
     "(chiếm tỷ lệ 81,30%).", False),
])
def test_a_clause_that_ends_giving_its_fractions_rate_is_read_however_long(text, holds):
    [c] = read_statements(text).comparisons
    assert c.kind == ComparisonKind.ratio and comparison_holds(c) is holds


def test_a_rate_far_from_a_fraction_in_another_clause_is_not_its_rate():
    text = ("Có 12.350/15.870 hộ được cấp nước; tỷ lệ hộ dùng nước hợp vệ sinh ở khu vực nông thôn của tỉnh, "
            "đạt tỷ lệ 70%.")
    assert not [c for c in read_statements(text).comparisons if c.kind == ComparisonKind.ratio]
