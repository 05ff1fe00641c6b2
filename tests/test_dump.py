"""`plancheck dump`: what plancheck understood of a document, as YAML or JSON."""
import json

import pytest
import yaml

from documents import CORPUS
from plancheck.cli import main

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA
Số: 252/NQ-HĐND
Sơn La, ngày 07 tháng 12 năm 2023
NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội năm 2024
Căn cứ Nghị quyết số 39/2020/NQ-HĐND ngày 10 tháng 12 năm 2020 của Hội đồng nhân dân tỉnh;
Điều 1. Thông qua kế hoạch phát triển kinh tế - xã hội năm 2024
1. Các chỉ tiêu chủ yếu: Gồm 2 chỉ tiêu (Phụ lục số 01 kèm theo).
2. Cơ cấu kinh tế: nông, lâm nghiệp và thủy sản 25,0%; công nghiệp và xây dựng 26,5%; dịch vụ 41,7%; thuế sản phẩm 6,8%.
3. Phấn đấu thu ngân sách trên địa bàn trong năm 2024 đạt 4.450 tỷ đồng.
Điều 2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện khoản 1 Điều 1.
PHỤ LỤC 01
| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2022 | Ước TH cả năm 2023 | Kế hoạch năm 2024 | ƯTH 2023 so với thực hiện 2022 (%) |
| 1 | GRDP bình quân đầu người | Triệu đồng/người/năm | 48,59 | 51,7 | 55,5 | 106,41 |
| 2 | Thu ngân sách trên địa bàn | Tỷ đồng | 4.636 | 4.250 | 4.450 | 91,7 |
"""


def dump(capsys, tmp_path, *args, text=RESOLUTION):
    path = tmp_path / "nq.txt"
    path.write_text(text, encoding="utf-8")
    code = main(["dump", str(path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_whole_understanding_as_yaml(capsys, tmp_path):
    code, out, _ = dump(capsys, tmp_path)
    assert code == 0
    data = yaml.safe_load(out)
    assert (data["header"]["number"], data["header"]["date"]) == ("252/NQ-HĐND", "2023-12-07")
    assert [c["label"] for c in data["clauses"]] == ["Điều 1", "Điều 2"]
    assert [k["label"] for k in data["clauses"][0]["children"]] == ["1.", "2.", "3."]
    assert [a["label"] for a in data["appendices"]] == ["PHỤ LỤC 01"]
    cited = [r for r in data["references"] if not r.get("internal")]
    assert [(r["number"], r["date"]) for r in cited] == [("39/2020/NQ-HĐND", "2020-12-10")]
    assert any(r.get("internal") and r["text"] == "khoản 1 Điều 1" for r in data["references"])
    table = [i for i in data["indicators"] if i["from"] == "table"]
    assert [(i["id"], i["name"], i["values"]) for i in table] == [
        ("1", "GRDP bình quân đầu người", {"actual 2022": "48,59", "estimate 2023": "51,7", "plan 2024": "55,5"}),
        ("2", "Thu ngân sách trên địa bàn", {"actual 2022": "4.636", "estimate 2023": "4.250", "plan 2024": "4.450"})]
    assert table[0]["compare"] == {"ƯTH 2023 so với thực hiện 2022 (%)": "106,41"}
    [sentence] = [i for i in data["indicators"] if i["from"] == "text"]
    assert (sentence["name"], sentence["values"]) == ("thu ngân sách trên địa bàn", {"plan 2024": "4.450"})
    [structure] = data["structures"]
    assert structure["period"] == "plan 2024" and list(structure["components"].values()) == [
        "25,0%", "26,5%", "41,7%", "6,8%"]
    assert [(c["stated"], c["counted"]) for c in data["counts"]] == [("2", 2)]


def test_sections_and_json(capsys, tmp_path):
    code, out, _ = dump(capsys, tmp_path, "--format", "json", "--section", "comparisons,counts")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"path", "kind", "comparisons", "counts"}   # what the text is goes with its path
    assert [(c["indicator"], c["value"], c["of"], c["to"]) for c in data["comparisons"]] == [
        ("GRDP bình quân đầu người", "106,41", "Ước TH cả năm 2023 = 51,7", "Thực hiện năm 2022 = 48,59"),
        ("Thu ngân sách trên địa bàn", "91,7", "Ước TH cả năm 2023 = 4.250", "Thực hiện năm 2022 = 4.636")]


def test_an_unknown_section_is_a_usage_error(capsys, tmp_path):
    code, out, err = dump(capsys, tmp_path, "--section", "tables")
    assert code == 2 and out == "" and "--section: unknown tables" in err


def test_an_unreadable_file_is_named_not_a_traceback(capsys, tmp_path):
    path = tmp_path / "draft.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    code = main(["dump", str(path)])
    out, err = capsys.readouterr()
    assert code == 2 and str(path) in err and "Traceback" not in err + out


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not here")
def test_son_la_appendix_01_in_full(capsys):
    assert main(["dump", str(CORPUS / "son-la_nq-252-hdnd_2023.txt"), "--format", "json",
                 "--section", "indicators,comparisons,structures"]) == 0
    data = json.loads(capsys.readouterr().out)
    numbered = [i for i in data["indicators"] if i["from"] == "table" and i["id"] and i["id"].isdigit()]
    assert [int(i["id"]) for i in numbered] == list(range(1, 29))
    four = [i for i in numbered if i["id"] != "3"]   # row 3 is the structure's heading
    assert all(list(i["values"]) == ["actual 2022", "plan 2023", "estimate 2023", "plan 2024"] for i in four)
    assert len(data["comparisons"]) == 18 and sum(len(i.get("compare", {})) for i in numbered) == 16
    assert [s["period"] for s in data["structures"]] == ["actual 2022", "plan 2023", "estimate 2023", "plan 2024"]


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not here")
@pytest.mark.parametrize("name, shares", [
    ("lai-chau_nq-kh-ktxh_2024.txt", ["15,31%", "39,6%", "38,64%", "6,46%"]),
    ("thai-nguyen_nq-ktxh_2024.txt", ["58,6%", "31,8%", "9,6%"]),
])
def test_the_structures_of_prose_resolutions(capsys, name, shares):
    assert main(["dump", str(CORPUS / name), "--section", "structures"]) == 0
    [structure] = yaml.safe_load(capsys.readouterr().out)["structures"]
    assert structure["period"] == "plan 2024" and list(structure["components"].values()) == shares


COVERED = ("Năm 2020, dân số toàn huyện là 112.548 người, trong đó dân số thành thị là 11.537 người chiếm 10,25%.\n"
           "\n"
           "Sản lượng lúa năm 2023 đạt 45.000 tấn; đàn trâu có 3.200 con.\n")


def test_coverage_counts_the_sentences_that_gave_a_statement_and_lists_the_others(capsys, tmp_path):
    path = tmp_path / "huyen.txt"
    path.write_text(COVERED, encoding="utf-8")
    code = main(["dump", "--coverage", str(path), str(tmp_path / "missing.txt")])
    out, err = capsys.readouterr()
    assert code == 2 and "missing.txt" in err   # the unreadable file is named; the other is still covered
    lines = out.splitlines()
    # the share of the total and the year's figure are statements; the herd alone is none
    assert lines[0] == f"{path}: sentences 2/3 (67%), table rows 0/0"
    assert lines[1:] == ["  3:39  đàn trâu có 3.200 con."]


def test_coverage_as_json_and_a_second_file_is_summed(capsys, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(COVERED, encoding="utf-8")
    assert main(["dump", "--coverage", "--format", "json", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["sentences"], len(d["not read"])) for d in data["coverage"]] == [("2/3", 1), ("2/3", 1)]
    assert main(["dump", "--coverage", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2 files: sentences 4/6 (67%), table rows 0/0"


def test_dump_without_coverage_takes_one_file(capsys, tmp_path):
    code, _, err = dump(capsys, tmp_path, str(tmp_path / "other.txt"))
    assert code == 2 and "one file at a time" in err


def test_dump_stops_a_file_that_takes_longer_than_its_time(tmp_path, capsys, english):
    # issue 25, item 9: dump read a hostile file for as long as it took
    from plancheck.cli import main

    path = tmp_path / "du-thao.md"
    path.write_text("Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 35%.\n" * 2000, encoding="utf-8")
    assert main(["dump", "--timeout", "0.0001", str(path)]) == 2
    assert "stopped after 0.0001 s (the limit per file" in capsys.readouterr().err
    assert main(["dump", "--timeout", "0", str(path)]) == 0   # 0: no limit
