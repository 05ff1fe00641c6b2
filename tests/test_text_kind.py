"""What a text is (extract.text_kind), and the form rules that apply to administrative documents only."""
import json
from pathlib import Path

import pytest
import yaml

import plancheck
from plancheck.cli import main
from plancheck.engine import validate_rule
from plancheck.models import TextKind
from plancheck.pipeline import load_path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH SƠN LA
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 252/NQ-HĐND
Sơn La, ngày 07 tháng 12 năm 2023
NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội năm 2024
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
"""
ENCYCLOPEDIA = """# Cao Bằng
Cao Bằng là một tỉnh thuộc vùng Đông Bắc Bộ.
## Lịch sử [sửa | sửa mã nguồn]
Năm 1499, nhà Lê đặt phủ Cao Bình.
## Khí hậu [sửa | sửa mã nguồn]
1. Tháng 1 lạnh nhất.
1. Tháng 7 nóng nhất.
"""
QA = """# Quá hạn đăng ký tạm trú phạt bao nhiêu tiền?
### Nội dung chính
Căn cứ Điều 27 Luật Cư trú 2020 quy định như sau:
Điều 27. Điều kiện đăng ký tạm trú
[...]
3. Công dân không được đăng ký tạm trú mới tại chỗ ở quy định tại Điều 23 của Luật này.
"""


def kind_of(tmp_path, text, name="doc.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_path(path).plan.document.text_kind


@pytest.mark.parametrize("text, kind", [
    (RESOLUTION, TextKind.resolution),
    (RESOLUTION.replace("252/NQ-HĐND", "1486/QĐ-UBND").replace("NGHỊ QUYẾT", "QUYẾT ĐỊNH"), TextKind.decision),
    (RESOLUTION.replace("252/NQ-HĐND", "157/KH-UBND").replace("NGHỊ QUYẾT", "KẾ HOẠCH"), TextKind.plan),
    # a letter's number names its issuer, with no type code
    (RESOLUTION.replace("Số: 252/NQ-HĐND", "Số: 2345/UBND-KT").replace("NGHỊ QUYẾT\n", "V/v triển khai\n"),
     TextKind.letter),
    (RESOLUTION.replace("252/NQ-HĐND", "623/TB-VPCP").replace("NGHỊ QUYẾT", "THÔNG BÁO"), TextKind.other_document),
    # the type and the preamble without a header table, as a PDF's text gives them
    ("NGHỊ QUYẾT\nVề kế hoạch năm 2024\nHỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU\nCăn cứ Luật Tổ chức chính quyền địa "
     "phương;\n", TextKind.resolution),
    (ENCYCLOPEDIA, TextKind.encyclopedia),
    (QA, TextKind.qa_article),
    ("# Nghiên cứu xây tàu điện ngầm kết nối sân bay Long Thành theo Thông báo 416\n### Nội dung chính\nNgày "
     "12/8/2025, Văn phòng Chính phủ đã ra Thông báo.\n", TextKind.news),
    # a draft's excerpt: too little to tell, checked as a document
    ("Tổng thu ngân sách 8.240 tỷ đồng, trong đó thu nội địa 7.500 tỷ đồng.\n", TextKind.unknown),
])
def test_what_a_text_is(tmp_path, text, kind):
    assert kind_of(tmp_path, text) is kind


def test_form_rules_apply_to_documents_only_and_kind_overrides_the_guess(tmp_path, capsys):
    path = tmp_path / "page.md"
    path.write_text(ENCYCLOPEDIA, encoding="utf-8")
    assert [f.rule for f in plancheck.check(path).findings] == []   # "1." twice is no numbering of a page
    assert "PC601" in [f.rule for f in plancheck.check(path, options={"kind": "decision"}).findings]
    code = main(["check", str(path), "--format", "json", "--kind", "decision"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1 and data["kinds"] == {str(path): "decision"} and "PC601" in {f["rule"] for f in data["findings"]}
    main(["check", str(path), "--lang", "en"])
    assert capsys.readouterr().out.endswith("No findings · 1 file (encyclopedia)\n")
    path.write_text(QA, encoding="utf-8")   # the quoted law's "[...]" and "Điều 23 của Luật này" are its own
    assert [f.rule for f in plancheck.check(path).findings] == []


def test_a_rule_names_only_kinds_that_exist():
    base = {"id": "XX101", "slug": "x", "category": "numbering", "severity": "error", "kind": "numbering",
            "message": {"vi": "x", "en": "x"}, "doc": {"what": "x", "why": "x"}, "examples": {"fires": ["1. a\\n1. b"], "passes": ["1. a\\n2. b"]}}
    assert validate_rule({**base, "kinds": ["administrative", "news"]}).applies_to(TextKind.news)
    assert not validate_rule({**base, "kinds": ["administrative"]}).applies_to(TextKind.encyclopedia)
    assert validate_rule({**base, "kinds": ["administrative"]}).applies_to(None)   # a plan file
    with pytest.raises(ValueError, match="unknown kind of text 'wiki'"):
        validate_rule({**base, "kinds": ["wiki"]})


@pytest.mark.skipif(not (SHARED / "corpus-dev" / "kinds.yaml").exists(), reason="../shared is not beside this checkout")
def test_the_kinds_of_the_real_texts():
    gold = yaml.safe_load((SHARED / "corpus-dev" / "kinds.yaml").read_text(encoding="utf-8"))
    got = {name: load_path(SHARED / "corpus-dev" / name).plan.document.text_kind for name in gold}
    assert all(got[n].administrative == TextKind(k).administrative for n, k in gold.items())
    assert sum(got[n].value == k for n, k in gold.items()) >= 0.9 * len(gold)
