"""Per-unit rows and columns of tables (PC204): a density beside its population and area."""
from __future__ import annotations

import pytest

from plancheck import check

# Bà Rịa – Vũng Tàu, as the encyclopedia page prints it: the area row's closing bar went to
# the next line after a footnote, and Vũng Tàu's density is 3.737 for 420.860 / 141,1 = 2.983
BA_RIA = """\
| Đơn vị hành chính cấp Huyện | Bà Rịa | Vũng Tàu | Phú Mỹ | Châu Đức |
|---|---|---|---|---|
| Diện tích (km²) | 91,5 | 141,1 | 333,02 | 422,6[8]
|
| Dân số (người) | 205.192 | 420.860 | 287.055 | 143.306 |
| Mật độ dân số (người/km²) | 2.243 | 3.737 | 861 | 339 |
"""

# the same figures laid out with one district per row; a density within 0,5% of its
# quotient (1.765 for 124.560 / 70,60 = 1.764,3) is computed from unrounded figures
BEN_TRE = """\
| Huyện | Diện tích (km²) | Dân số (người) | Mật độ (người/km²) |
|---|---|---|---|
| Thành phố Bến Tre | 70,60 | 124.560 | 1.765 |
| Ba Tri | 367,40 | 184.805 | 593 |
| Bình Đại | 427,60 | 137.392 | 321 |
"""


def run(tmp_path, text):
    path = tmp_path / "bang.md"
    path.write_text(text, encoding="utf-8")
    report = check(path, select=["PC204"])
    assert not report.errors
    return [(f.location.line, f.location.column, f.message) for f in report.findings]


def test_a_density_row_is_checked_column_by_column(tmp_path):
    [(line, column, message)] = run(tmp_path, BA_RIA)
    assert (line, column) == (6, 39)   # at "3.737"
    assert "Mật độ dân số (Vũng Tàu)" in message and "420.860 / 141,1 = 2.983" in message


def test_a_density_column_is_checked_row_by_row_within_its_slack(tmp_path):
    [(line, _, message)] = run(tmp_path, BEN_TRE)
    assert line == 4 and "184.805 / 367,40 = 503" in message


def test_a_table_without_a_per_unit_line_gives_nothing(tmp_path):
    assert run(tmp_path, BEN_TRE.replace(" (người/km²)", " (%)")) == []


# Bình Dương's infobox: the parts do not add up to the total, nor do their shares follow
BINH_DUONG = """\
| Dân số (2023) | |
| Tổng cộng | 2.834.500 người[3]:93 |
| Thành thị | 2.332.700 người (84,32%)[3]:99 |
| Nông thôn | 472.100 người (15,68%)[3]:101 |
| Mật độ | 1.052 người/km²[4]:90 |
"""


def test_an_infobox_is_read_as_the_sentences_it_stands_for(tmp_path):
    path = tmp_path / "binh-duong.md"
    path.write_text(BINH_DUONG, encoding="utf-8")
    found = [(f.rule, f.location.line) for f in check(path, select=["comparison", "part-whole"]).findings]
    assert found == [("PC302", 2), ("PC203", 3), ("PC203", 4)]


# Công điện 220/CĐ-TTg (2025), Phụ lục II as extracted: the ministries' total row has no STT,
# its figures one column left of the rows'; the rows give 1.200 đã cung cấp, the total 1.199
MINISTRIES = """\
| STT | Cơ quan | Phải cung cấp | Đã cung cấp | Chưa cung cấp | Tỷ lệ (%) |
|---|---|---|---|---|---|
| I. | Bộ, ngành | | | | |
| 1. | Bộ Tư pháp | 12 | 12 | 0 | 100 |
| 2. | Bộ Văn hóa | 70 | 66 | 4 | 94,29 |
| 3. | Bộ Tài chính | 379 | 187 | 192 | 49,34 |
| Tổng số | 461 | 264 | 196 | 57,27 | |
"""

# a scoring form whose sections carry their own subtotals: the total is theirs
POINTS = """\
| STT | Tiêu chí | Điểm |
|---|---|---|
| I | Năng lực | 20 |
| 1 | Lãnh đạo | 10 |
| 2 | Tập hợp | 10 |
| II | Kết quả | 80 |
| 1 | Chỉ tiêu | 50 |
| 2 | Nhiệm vụ | 30 |
| Tổng cộng | | 100 |
"""


def totals(tmp_path, text):
    path = tmp_path / "phu-luc.md"
    path.write_text(text, encoding="utf-8")
    return [(f.location.line, f.message) for f in check(path, select=["PC302"]).findings]


def test_a_total_row_is_checked_against_its_section_column_by_column(tmp_path):
    [(line, message)] = totals(tmp_path, MINISTRIES)
    assert line == 7 and "12 + 66 + 187 = 265" in message   # 264 written; the rate column is no sum


def test_a_total_of_sections_with_subtotals_is_left_alone(tmp_path):
    assert totals(tmp_path, POINTS) == []


# Phụ lục III as extracted: Tổng số = Cấp tỉnh + Cấp xã in every row but Đồng Nai's
def test_a_sum_the_table_keeps_in_nearly_every_row_is_checked_in_each(tmp_path):
    rows = [("Đà Nẵng", 2388, 1970, 418), ("Huế", 2241, 1897, 344), ("Phú Thọ", 2252, 1835, 417),
            ("Ninh Bình", 2028, 1719, 309), ("Thái Nguyên", 2215, 1830, 385), ("Đồng Nai", 2151, 1852, 399),
            ("Quảng Ngãi", 2230, 1820, 410)]
    text = "| STT | Địa phương | Tổng số | Cấp tỉnh | Cấp xã | Tỷ lệ |\n|---|---|---|---|---|---|\n" + "".join(
        f"| {k}. | {name} | {total} | {a} | {b} | 94,5% |\n" for k, (name, total, a, b) in enumerate(rows, 1))
    [(line, message)] = totals(tmp_path, text)
    assert line == 8 and "1852 + 399 = 2.251" in message
    # the same table with the sums broken in half its rows keeps no sum: nothing is imposed
    broken = text.replace("| 418 |", "| 400 |").replace("| 344 |", "| 300 |").replace("| 417 |", "| 411 |")
    assert totals(tmp_path, broken) == []


# Cao Bằng: the population in one paragraph, the ethnic groups' counts and shares in the next
CAO_BANG = ("Dân số toàn tỉnh là 530.341 người (theo điều tra dân số ngày 01/04/2019).[9] Thành thị: 123.407 người. "
            "Nông thôn: 406.934 người.\n\n"
            "Các dân tộc ở Cao Bằng gồm Tày: 216.577 người (chiếm 40,84% dân số), Nùng: 158.114 người (29,81 %), "
            "Mông: 61.579 người (11,65 %), Dao: 54.947 người (10,36 %), Kinh: 27.170 người (5,12 %), Sán Chay: "
            "7.908 người (1,49%), Lô Lô: 2.861 người (0,54%), các dân tộc khác: 1005 người (0,19%).\n")


def test_shares_of_a_population_stated_in_the_paragraph_before(tmp_path):
    path = tmp_path / "cao-bang.txt"
    path.write_text(CAO_BANG, encoding="utf-8")
    found = [(f.rule, f.location.line) for f in check(path, select=["comparison", "part-whole"]).findings]
    # Mông 61.579 / 530.341 = 11,61%, not 11,65%; the groups add up to 530.161, not 530.341
    assert sorted(found) == [("PC203", 3), ("PC302", 3)]


# A district's infobox written for this test: the area under "Địa lý", the population and
# density under "Dân số"; the parts of the population carry no shares.
DISTRICT = """\
| Địa lý | |
| Diện tích | 250,00 km²[1] |
| Dân số (2024) | |
| Tổng cộng | 150.000 người[1] |
| Thành thị | 30.000 người |
| Nông thôn | 120.000 người |
| Mật độ | {density} người/km² |
"""


@pytest.mark.parametrize("density, fires", [("600", False), ("660", True), ("120", True)])
def test_an_infoboxs_density_is_of_its_total_population_and_its_area_under_another_heading(tmp_path, density, fires):
    path = tmp_path / "huyen.md"
    path.write_text(DISTRICT.format(density=density), encoding="utf-8")   # 150.000 / 250 = 600
    found = [f for f in check(path, select=["PC204"]).findings]
    assert bool(found) is fires
    if fires:
        assert found[0].location.line == 7 and "150.000 / 250,00 km² = 600" in found[0].message


def test_a_density_after_bình_quân_in_a_sentence(tmp_path):
    path = tmp_path / "vung.md"
    path.write_text("Vùng gồm 5 tỉnh với diện tích 40.000 km2, dân số 2.400.000 người, bình quân 96 người/km2.\n",
                    encoding="utf-8")
    [f] = check(path, select=["PC204"]).findings
    assert "= 60" in f.message


def test_a_density_beside_two_unnamed_populations_assumes_which_is_its_own(tmp_path):
    path = tmp_path / "xa.md"
    path.write_text("Xã có diện tích 20 km2, thôn A có 3.000 người, thôn B có 2.000 người, mật độ 400 người/km2.\n",
                    encoding="utf-8")
    [f] = check(path, select=["PC204"]).findings   # 2.000 / 20 = 100; it could be 5.000 / 20 = 250 as well
    assert f.severity.value == "warning" and f.assumptions == ["paired"]
