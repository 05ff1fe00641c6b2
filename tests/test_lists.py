"""A whole and its parts laid out as a list (a lead line, then one marked paragraph per part)
state what the same words state as one sentence (plancheck.extract.lists).

Every sentence is written for this test, in the shapes plans use; none is copied from a document."""
from __future__ import annotations

from plancheck.extract.lists import list_blocks, list_items_after
from plancheck.models.document import Paragraph


def _check(tmp_path, text: str, rule: str | None = None, name: str = "draft.txt"):
    from plancheck import check

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f for f in check([path]).findings if rule is None or f.rule == rule]


def _paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(index=i, text=t) for i, t in enumerate(texts)]


def test_an_items_share_is_checked_against_the_leads_whole_at_the_items_figure(tmp_path):
    text = ("Diện tích đất ở 240.000 m2, bao gồm:\n\n"
            "- Nhà liền kề 150.000 m2, chiếm 52,5%;\n\n"
            "- Nhà biệt thự 90.000 m2, chiếm 37,5%.\n")
    [f] = _check(tmp_path, text, "PC203")
    assert f.severity.value == "error"
    assert (f.location.line, f.location.column) == (3, 33)     # at "52,5%", not the lead
    assert "62,5" in f.message                                 # 150.000 / 240.000 = 62,5%


def test_the_same_list_written_as_one_sentence_and_as_a_block_gives_one_finding_each(tmp_path):
    sentence = "Diện tích đất ở 240.000 m2, bao gồm: nhà liền kề 150.000 m2, chiếm 52,5%; nhà biệt thự 90.000 m2, chiếm 37,5%.\n"
    block = ("Diện tích đất ở 240.000 m2, bao gồm:\n\n- Nhà liền kề 150.000 m2, chiếm 52,5%;\n\n"
             "- Nhà biệt thự 90.000 m2, chiếm 37,5%.\n")
    assert len(_check(tmp_path, sentence, "PC203", "a.txt")) == len(_check(tmp_path, block, "PC203", "b.txt")) == 1


def test_a_block_whose_shares_follow_from_its_figures_is_silent(tmp_path):
    text = ("Tổng số căn hộ là 800 căn, trong đó:\n\n"
            "+ Căn hộ để bán: 600 căn (chiếm 75% tổng số căn hộ);\n\n"
            "+ Căn hộ cho thuê: 200 căn (chiếm 25% tổng số căn hộ).\n")
    assert _check(tmp_path, text) == []


def test_parts_listed_under_gom_that_miss_their_whole(tmp_path):
    text = ("Tổng nguồn vốn của dự án 450 tỷ đồng, gồm:\n\n"
            "- Vốn ngân sách tỉnh 150 tỷ đồng;\n\n"
            "- Vốn vay thương mại 200 tỷ đồng.\n")
    [f] = _check(tmp_path, text, "PC302")
    assert "350" in f.message


def test_items_that_each_state_several_measures_are_not_summed(tmp_path):
    text = ("Tổng diện tích đất xây dựng nhà ở 30.000 m2, gồm:\n\n"
            "- Khu A: diện tích đất 12.000 m2; diện tích xây dựng 7.000 m2; tầng cao 5 tầng;\n\n"
            "- Khu B: diện tích đất 18.000 m2; diện tích xây dựng 9.500 m2; tầng cao 9 tầng.\n")
    assert _check(tmp_path, text, "PC302") == []


def test_a_sub_item_is_its_parents_part_not_the_leads(tmp_path):
    # 100 = 60 + 40; the nested 45 + 15 belong to the 60, not to the 100
    text = ("Tổng số lao động 100 người, gồm:\n\n"
            "- Lao động nam 60 người, trong đó:\n\n"
            "+ Lao động phổ thông 45 người;\n\n"
            "+ Kỹ sư 15 người;\n\n"
            "- Lao động nữ 40 người.\n")
    assert _check(tmp_path, text, "PC302") == []


def test_blocks_are_found_by_markers_and_stop_at_a_table_or_a_higher_marker():
    ps = _paragraphs("Tổng vốn 90 tỷ đồng, trong đó:", "- Vốn A 30 tỷ đồng;", "+ chi tiết 10 tỷ đồng;",
                     "- Vốn B 60 tỷ đồng.", "2. Mục tiêu khác 5 tỷ đồng")
    [(lead, items)] = list(list_blocks(ps))
    assert lead == 0 and [k for k, _ in items] == [1, 3]
    # a table between the lead and its items: the items are not the lead's
    apart = [Paragraph(index=0, text="Tổng vốn 90 tỷ đồng, gồm:"), Paragraph(index=2, text="- Vốn A 30 tỷ đồng;"),
             Paragraph(index=3, text="- Vốn B 60 tỷ đồng.")]
    assert list(list_blocks(apart)) == []
    # a lead that announces no parts ("như sau" after a figure is a heading of targets) is no block
    assert list(list_blocks(_paragraphs("Năm 2026 phấn đấu:", "- GRDP tăng 8%;", "- Thu ngân sách 9.000 tỷ đồng."))) == []


def test_a_count_announced_for_a_list_still_reads_its_items():
    ps = _paragraphs("Tỉnh có 3 nhiệm vụ trọng tâm:", "- Một là phát triển hạ tầng;", "- Hai là cải cách;",
                     "- Ba là chuyển đổi số.", "II. Giải pháp")
    assert list_items_after(ps, 0) == ["Một là phát triển hạ tầng;", "Hai là cải cách;", "Ba là chuyển đổi số."]


def test_each_items_share_is_of_the_lead_though_it_is_a_share_itself_and_siblings_list_their_own_parts(tmp_path):
    # the lead's 80.240 m2 is itself 40% of a larger site; the first item lists figures of its own
    text = ("- Đất khu dân cư mới 80.240 m2 chiếm tỷ lệ 40% diện tích dự án, cụ thể:\n\n"
            "+ Đất ở 30.090 m2 chiếm tỷ lệ 37,5% bao gồm: đất liền kề 20.060 m2, đất biệt thự 10.030 m2;\n\n"
            "+ Đất cây xanh 50.150 m2 chiếm tỷ lệ 26,5%.\n")
    [f] = _check(tmp_path, text, "PC203")
    assert f.location.line == 5 and "62,5" in f.message          # 50.150 / 80.240, not / 20.060 or 30.090
    # the shares of a sub-total's parts may be of the larger site as well: a warning that says so
    assert f.severity.value == "warning" and f.assumptions == ["base"]


def test_a_lead_with_one_figure_of_its_parts_measure_is_their_whole_whatever_stands_before_the_colon(tmp_path):
    text = ("Khu nghỉ dưỡng có tổng diện tích là 12.350 m2, với tầng cao từ 2 đến 3 tầng, gồm các loại đất như sau:\n\n"
            "- Đất loại A: diện tích 5.120 m2, mật độ xây dựng tối đa 40%, tầng cao 2 tầng;\n\n"
            "- Đất loại B: diện tích 8.230 m2, mật độ xây dựng tối đa 35%, tầng cao 3 tầng.\n")
    [f] = _check(tmp_path, text, "PC302")
    assert f.severity.value == "error" and f.assumptions == []     # 13.350 m2 for a whole of 12.350 m2
    # two areas in the lead: which one the items split is a guess, said as such
    two = text.replace("với tầng cao từ 2 đến 3 tầng", "trong đó sân vườn 3.120 m2")
    [guess] = _check(tmp_path, two, "PC302", "two.txt")
    assert guess.severity.value == "warning" and guess.assumptions == ["paired"]


def test_double_plus_items_sit_under_a_plus_item(tmp_path):
    text = ("- Đất đơn vị ở khoảng 50.000,0 m2, trong đó:\n\n"
            "+ Đất công cộng khoảng 9.120,5 m2, bao gồm:\n\n"
            "++ Đất văn hóa khoảng 4.000,2 m2;\n\n"
            "++ Đất giáo dục khoảng 5.210,3 m2;\n\n"
            "+ Đất ở khoảng 40.879,5 m2.\n")
    [f] = _check(tmp_path, text, "PC302")          # 4.000,2 + 5.210,3 = 9.210,5, not 9.120,5
    assert f.location.line == 3 and "9.210,5" in f.message
    ps = _paragraphs("Tổng 10 ha, gồm:", "+ A 4 ha, gồm:", "++ A1 2 ha;", "++ A2 2 ha;", "+ B 6 ha.")
    assert [(lead, [k for k, _ in items]) for lead, items in list_blocks(ps)] == [(0, [1, 4]), (1, [2, 3])]


def test_a_list_longer_than_any_list_of_parts_checks_each_part_but_is_not_summed(tmp_path):
    from plancheck.extract import lists

    n = lists._MAX_JOINED_ITEMS + 1          # 51 lots of 100 m2 under a whole of 5.200 m2: 1,92% each
    items = "".join(f"- Lô {k}: 100 m2, chiếm {'9,00' if k == 7 else '1,92'}%;\n\n" for k in range(n))
    found = _check(tmp_path, "Tổng diện tích 5.200 m2, gồm:\n\n" + items)
    # lot 7's share is checked; the 5.100 m2 the lots add up to is not (too long a list to join)
    assert [(f.rule, f.location.line) for f in found] == [("PC203", 17)]
    shorter = "Tổng diện tích 1.200 m2, gồm:\n\n" + "".join(f"- Lô {k}: 100 m2;\n\n" for k in range(11))
    assert [f.rule for f in _check(tmp_path, shorter, name="short.txt")] == ["PC302"]   # 1.100 of 1.200
