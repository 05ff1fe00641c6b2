"""Citations across documents (PC911-PC915): the Sơn La draft decision and resolution 252/NQ-HĐND.

The two documents are built here from excerpts of the real texts (../shared/corpus):
the resolution's header, objective, "Gồm 28 chỉ tiêu" with its appendix, closing;
the draft's header, "Căn cứ" lines, and the paragraph quoting the objective.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import plancheck
from plancheck.checks import cross_document as cd
from plancheck.checks.base import Subject
from plancheck.errors import InputError
from plancheck.index import KnownDocuments, build_index
from plancheck.pipeline import understand
from plancheck.read.text import read_text_document
from documents import SON_LA_252_HEAD

RULES = plancheck.load_rules()
IDS = ["PC911", "PC912", "PC913", "PC914", "PC915"]
SHARED = Path(__file__).resolve().parents[2] / "shared"

INDICATORS = [
    "Tốc độ tăng tổng sản phẩm trên địa bàn GRDP", "GRDP bình quân", "Cơ cấu kinh tế theo giá hiện hành",
    "Tổng vốn đầu tư toàn xã hội", "Giá trị hàng hóa tham gia xuất khẩu", "Thu ngân sách trên địa bàn",
    "Tỷ lệ đô thị hóa", "Tổng lượt khách du lịch", "Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội",
    "Tỷ lệ lao động qua đào tạo", "Tỷ lệ lao động có bằng cấp chứng chỉ",
    "Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025", "Số bác sĩ/10.000 dân", "Số giường bệnh/10.000 dân",
    "Tỷ lệ người dân có thẻ bảo hiểm y tế", "Xã đạt chuẩn nông thôn mới", "Tỷ lệ hộ được dùng điện sinh hoạt an toàn",
    "Cơ quan, doanh nghiệp, trường học đạt tiêu chuẩn an toàn về an ninh, trật tự", "Tỷ lệ người sử dụng internet",
    "Tỷ lệ trường mầm non, phổ thông đạt chuẩn quốc gia", "Tỷ lệ gia đình đạt danh hiệu Gia đình văn hóa",
    "Tỷ lệ dân số nông thôn được dùng nước sinh hoạt hợp vệ sinh",
    "Tỷ lệ dân số nông thôn được sử dụng nước sạch", "Tỷ lệ dân số đô thị được sử dụng nước sạch",
    "Tỷ lệ chất thải rắn sinh hoạt ở đô thị được thu gom", "Tỷ lệ chất thải rắn sinh hoạt ở nông thôn được thu gom",
    "Tỷ lệ chất thải rắn sinh hoạt ở đô thị được xử lý", "Tỷ lệ che phủ rừng ổn định",
]
TABLE = "\n".join(["| STT | Chỉ tiêu | Đơn vị | KH 2024 |", "| --- | --- | --- | --- |"]
                  + [f"| {i} | {name} | % | {50 + i},0 |" for i, name in enumerate(INDICATORS, 1)])

RESOLUTION = SON_LA_252_HEAD + f"""Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT NGHỊ:
Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024
1. Mục tiêu và các chỉ tiêu chủ yếu
1.1. Mục tiêu
Thực hiện đẩy mạnh cơ cấu lại, nâng cao năng lực nội
tại, tính tự lực, tự chủ, khả năng chống chịu và thích ứng của các thành phần
kinh tế; thúc đẩy xây dựng kinh tế xanh, kinh tế tuần hoàn, thân thiện với môi
trường. Đẩy nhanh tiến độ xây dựng kết cấu hạ tầng kinh tế - xã hội theo hướng
đồng bộ; tăng cường ứng dụng khoa học công nghệ, đẩy nhanh chuyển đổi số, thúc
đẩy các ứng dụng số, nền tảng số trong mọi lĩnh vực của đời sống xã hội.
1.2. Các chỉ tiêu chủ yếu năm 2024: Gồm 28 chỉ tiêu
(phụ lục số 01 kèm theo).
Điều 2. Tổ chức thực hiện
1. Ủy ban nhân dân tỉnh tổ chức triển khai, thực hiện Nghị quyết.
Nghị quyết này đã được HĐND tỉnh Sơn La khóa XV, Kỳ
họp thứ tám thông qua ngày 07 tháng 12 năm 2023 và có hiệu lực từ ngày thông
qua./.
PHỤ LỤC 01
CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024
(Kèm theo Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Sơn La)
{TABLE}
"""

DRAFT = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA

Số:          /QĐ-UBND

Sơn La, ngày       tháng 01 năm 2024

QUYẾT ĐỊNH
Về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội năm 2024

ỦY BAN NHÂN DÂN TỈNH SƠN LA

Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ về
nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội, dự
toán ngân sách nhà nước năm 2024;

Căn cứ Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh
về Kế hoạch phát triển kinh tế - xã hội năm 2024;

Căn cứ Nghị quyết số 259/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh
về phê chuẩn dự toán thu, chi ngân sách địa phương năm 2024;

QUYẾT ĐỊNH:

Điều 1. Ban hành những nhiệm vụ, giải pháp chủ yếu năm 2024 như sau:

Tình hình kinh tế - xã hội của tỉnh trong năm 2023 đã hoàn thành và vượt kế hoạch 22/28
chỉ tiêu chủ yếu; tốc độ tăng trưởng GRDP được duy trì.

Kỳ họp thứ tám - HĐND tỉnh khóa XV đã thông qua mục tiêu tổng quát
của Kế hoạch phát triển kinh tế - xã hội năm 2024: “Thực hiện đẩy mạnh cơ cấu
lại, nâng cao năng lực nội tại, tính tự lực, tự chủ, khả năng chống chịu và thích
ứng của các thành phần kinh tế; thúc đẩy xây dựng kinh tế xanh, kinh tế tuần
hoàn, thân thiện với môi trường. Đẩy nhanh tiến độ xây dựng kết cấu hạ tầng
kinh tế - xã hội theo hướng đồng bộ; tăng cường ứng dụng khoa học công nghệ,
đẩy nhanh chuyển đổi số, thúc đẩy các ứng dụng số, nền tảng số trong mọi lĩnh
vực của đời sống xã hội” và xác định 28 chỉ tiêu kinh tế - xã hội chủ yếu.

Theo chủ đề hành động năm 2024 của Chính phủ “Kỷ cương trách
nhiệm; chủ động kịp thời; tăng tốc sáng tạo; hiệu quả bền vững” với 06 quan
điểm, trọng tâm chỉ đạo điều hành.
"""
CITATION_LINE = DRAFT.splitlines().index("Căn cứ Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh") + 1
QUOTE_LINE = next(i for i, line in enumerate(DRAFT.splitlines(), 1) if line.startswith("hoàn, thân thiện"))
COUNT_LINE = next(i for i, line in enumerate(DRAFT.splitlines(), 1) if "xác định 28" in line)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def check(*paths, index=None, select=IDS):
    report = plancheck.check(list(paths), rules=RULES, select=select, lang="en", index=index)
    assert report.errors == []
    return report.findings


def pair(tmp_path, draft=DRAFT, resolution=RESOLUTION):
    return write(tmp_path, "draft.txt", draft), write(tmp_path, "nq-252.txt", resolution)


# -- the pair as published: consistent --------------------------------------------------------

def test_the_pair_is_consistent(tmp_path):
    assert check(*pair(tmp_path)) == []


def test_the_pair_is_linked_by_number_and_by_session(tmp_path):
    """Consistent because it was compared, not because nothing was found to compare."""
    subjects = [_subject(DRAFT, "draft.txt"), _subject(RESOLUTION, "nq-252.txt")]
    records = [cd.cross_record(s) for s in subjects]
    links = cd._analysis(records, None).links
    by_number = [lk for lk in links if lk.via == "number"]
    by_session = [lk for lk in links if lk.via == "session"]
    assert [(lk.reference.number, lk.date_state, lk.title_state) for lk in by_number] == [
        ("252/NQ-HĐND", "equal", "same")]
    assert len(by_session) == 1 and by_session[0].doc.number == "252/NQ-HĐND"
    quotes = cd._quotes_after(by_session[0])
    assert len(quotes) == 1 and cd._compare(quotes[0].words(), by_session[0].doc, 8) is True
    count = cd._count_after(by_session[0])
    assert (count.value, count.what, count.location.line) == (28, "chỉ tiêu", COUNT_LINE)
    assert by_session[0].doc.counts[0].stated == 28


def _subject(text: str, name: str) -> Subject:
    loaded = understand(read_text_document(name, text.encode("utf-8")))
    return Subject(plan=loaded.plan, document=loaded.document, structure=loaded.structure)


# -- each kind of disagreement ----------------------------------------------------------------------

def test_an_altered_date_is_one_finding_at_the_citation(tmp_path):
    draft, resolution = pair(tmp_path, DRAFT.replace("252/NQ-HĐND ngày 07/12/2023", "252/NQ-HĐND ngày 08/12/2023"))
    findings = check(draft, resolution)
    assert [(f.rule, f.location.path, f.location.line) for f in findings] == [("PC911", str(draft), CITATION_LINE)]
    f = findings[0]
    assert f.severity.value == "error" and f.category == "reference"
    assert "08/12/2023" in f.message and "07/12/2023" in f.message and str(resolution) in f.message
    assert f.suggestion == "08/12/2023 → 07/12/2023"
    assert f.location.column == DRAFT.splitlines()[CITATION_LINE - 1].index("ngày 07/12/2023") + 1


def test_worker_processes_link_the_documents_as_one_process_does(tmp_path):
    # enough documents for the checks across them to be shared among workers: three drafts
    # citing the resolution (one with a slipped date, one quoting a changed passage)
    drafts = [DRAFT, DRAFT.replace("252/NQ-HĐND ngày 07/12/2023", "252/NQ-HĐND ngày 08/12/2023"),
              DRAFT.replace("28 chỉ tiêu", "29 chỉ tiêu")]
    paths = [write(tmp_path, f"draft-{i}.txt", text) for i, text in enumerate(drafts)]
    paths.append(write(tmp_path, "nq-252.txt", RESOLUTION))
    paths += [write(tmp_path, f"other-{i}.txt", f"Điều 1. Nội dung số {i}.\n") for i in range(6)]
    serial = plancheck.check(tmp_path, rules=RULES, select=IDS, lang="en", jobs=1)
    shared = plancheck.check(tmp_path, rules=RULES, select=IDS, lang="en", jobs=2)
    assert [(f.rule, Path(f.location.path).name) for f in serial.findings] == [
        ("PC911", "draft-1.txt"), ("PC914", "draft-2.txt")]
    assert shared.findings == serial.findings


def test_a_date_written_in_words_is_corrected_in_words(tmp_path):
    draft, resolution = pair(tmp_path, DRAFT.replace("252/NQ-HĐND ngày 07/12/2023",
                                                     "252/NQ-HĐND ngày 17 tháng 12 năm 2023"))
    [f] = check(draft, resolution)
    assert f.suggestion == "17 tháng 12 năm 2023 → 07 tháng 12 năm 2023"


def test_another_year_without_the_title_is_another_document(tmp_path):
    """Numbers without their year restart: 252/NQ-HĐND of 2022 is not the resolution of 2023."""
    text = DRAFT.replace("252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh\nvề Kế hoạch phát triển kinh tế - xã hội năm 2024",
                         "252/NQ-HĐND ngày 09/12/2022 của HĐND tỉnh\nvề phân cấp nguồn thu ngân sách")
    assert check(*pair(tmp_path, text)) == []


def test_another_year_with_the_same_title_is_a_wrong_year(tmp_path):
    draft, resolution = pair(tmp_path, DRAFT.replace("252/NQ-HĐND ngày 07/12/2023", "252/NQ-HĐND ngày 07/12/2022"))
    assert [f.rule for f in check(draft, resolution)] == ["PC911"]


def test_a_wrong_type_word_the_symbol_tells_is_left_to_the_references_pack(tmp_path):
    draft, resolution = pair(tmp_path, DRAFT.replace("Căn cứ Nghị quyết số 252", "Căn cứ Quyết định số 252"))
    assert check(draft, resolution) == []
    if RULES.get("PC702") is not None:   # the references pack (symbol vs type word)
        assert [f.rule for f in check(draft, resolution, select=["PC702", *IDS])] == ["PC702"]


ASSEMBLY = """QUỐC HỘI
Số: 103/2023/QH15
Hà Nội, ngày 09 tháng 11 năm 2023
NGHỊ QUYẾT
VỀ DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2024
Điều 1. Thông qua dự toán ngân sách nhà nước năm 2024
"""


def test_a_wrong_type_word_only_the_document_tells(tmp_path):
    """Laws and National Assembly resolutions share their numbers' form: only the source says which."""
    text = DRAFT.replace("Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024",
                         "Căn cứ Luật số 103/2023/QH15 ngày 09/11/2023 của Quốc hội;\n\n"
                         "Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024")
    draft = write(tmp_path, "draft.txt", text)
    [f] = check(draft, write(tmp_path, "nq-103.txt", ASSEMBLY))
    assert (f.rule, f.severity.value, f.category) == ("PC912", "warning", "reference")
    assert f.suggestion == "Luật → Nghị quyết" and "nq-103.txt" in f.message


def test_a_title_of_another_document(tmp_path):
    text = DRAFT.replace("của HĐND tỉnh\nvề Kế hoạch phát triển kinh tế - xã hội năm 2024",
                         "của HĐND tỉnh\nvề phê chuẩn quyết toán ngân sách địa phương năm 2022")
    [f] = check(*pair(tmp_path, text))
    assert f.rule == "PC913" and "quyết toán" in f.message and "KẾ HOẠCH PHÁT TRIỂN" in f.message


def test_a_shortened_title_is_the_title(tmp_path):
    text = DRAFT.replace("về Kế hoạch phát triển kinh tế - xã hội năm 2024;", "về Kế hoạch phát triển kinh tế - xã hội;")
    assert check(*pair(tmp_path, text)) == []


def test_a_count_that_differs(tmp_path):
    draft, resolution = pair(tmp_path, DRAFT.replace("xác định 28 chỉ tiêu", "xác định 27 chỉ tiêu"))
    [f] = check(draft, resolution)
    assert (f.rule, f.severity.value, f.category, f.location.line) == ("PC914", "error", "consistency", COUNT_LINE)
    assert "27 chỉ tiêu" in f.message and "28 chỉ tiêu" in f.message and f.suggestion == "27 → 28"


def test_a_count_with_the_citation_by_number(tmp_path):
    text = DRAFT.replace("về Kế hoạch phát triển kinh tế - xã hội năm 2024;",
                         "về Kế hoạch phát triển kinh tế - xã hội năm 2024 gồm 29 chỉ tiêu chủ yếu;")
    [f] = check(*pair(tmp_path, text))
    assert f.rule == "PC914" and "29" in f.message


def test_a_ratio_of_indicators_counts_its_total(tmp_path):
    text = DRAFT.replace("về Kế hoạch phát triển kinh tế - xã hội năm 2024;",
                         "về Kế hoạch phát triển kinh tế - xã hội năm 2024, dự kiến đạt 22/27 chỉ tiêu;")
    [f] = check(*pair(tmp_path, text))
    assert f.rule == "PC914" and f.suggestion == "27 → 28"


def test_a_part_of_the_count_is_not_the_count(tmp_path):
    text = DRAFT.replace("về Kế hoạch phát triển kinh tế - xã hội năm 2024;",
                         "về Kế hoạch phát triển kinh tế - xã hội năm 2024 gồm 28 chỉ tiêu, trong đó có 12 chỉ tiêu kinh tế;")
    assert check(*pair(tmp_path, text)) == []


def test_a_count_far_from_any_citation_is_not_compared(tmp_path):
    """'22/28 chỉ tiêu' of 2023 stands in no citation's sentence."""
    text = DRAFT.replace("22/28\nchỉ tiêu", "22/30\nchỉ tiêu")
    assert check(*pair(tmp_path, text)) == []


def test_a_changed_word_in_the_quote(tmp_path):
    draft, resolution = pair(tmp_path, DRAFT.replace("thân thiện với môi trường. Đẩy", "thân thiện với thiên nhiên. Đẩy"))
    [f] = check(draft, resolution)
    assert (f.rule, f.severity.value, f.category, f.location.line) == ("PC915", "warning", "consistency", QUOTE_LINE)
    assert "thiên nhiên" in f.message and "môi trường" in f.message
    assert f.location.column == DRAFT.splitlines()[QUOTE_LINE - 1].index("môi trường") + 1   # the first word that differs


def test_a_dropped_word_in_the_quote(tmp_path):
    [f] = check(*pair(tmp_path, DRAFT.replace("tính tự lực, tự chủ, khả năng", "tính tự lực, khả năng")))
    assert f.rule == "PC915" and "tự chủ" in f.message


def test_case_spacing_and_punctuation_do_not_count(tmp_path):
    text = (DRAFT.replace("thúc đẩy xây dựng kinh tế xanh", "Thúc đẩy xây  dựng kinh tế XANH")
            .replace("kinh tế tuần\nhoàn,", "kinh tế tuần\nhoàn;").replace("đời sống xã hội”", "đời sống xã hội.”"))
    assert check(*pair(tmp_path, text)) == []
    resolution = RESOLUTION.replace("khoa học công nghệ", "khoa học kỹ thuật")
    [f] = check(*pair(tmp_path, text, resolution))
    assert f.rule == "PC915" and "quoted \"học công nghệ đẩy\", the text reads \"học kỹ thuật đẩy\"" in f.message


def test_old_tone_placement_is_the_same_word(tmp_path):
    """'hoá' and 'hóa', 'thuỷ' and 'thủy' are one word written two ways."""
    added = "Quan tâm phát triển nguồn nhân lực, văn {hoa}, xã hội, bảo vệ nguồn nước và tài nguyên {thuy} sản."
    resolution = RESOLUTION.replace("đời sống xã hội.\n1.2.",
                                    "đời sống xã hội. " + added.format(hoa="hoá", thuy="thuỷ") + "\n1.2.")
    text = DRAFT.replace("và xác định 28 chỉ tiêu",
                         "và “" + added.format(hoa="hóa", thuy="thủy").rstrip(".") + "”, xác định 28 chỉ tiêu")
    assert check(*pair(tmp_path, text, resolution)) == []


def test_words_left_out_with_an_ellipsis(tmp_path):
    text = DRAFT.replace("khả năng chống chịu và thích\nứng của các thành phần kinh tế; thúc đẩy",
                         "khả năng chống chịu và thích\nứng của các thành phần kinh tế… thúc đẩy")
    text = text.replace("thân thiện với môi trường. Đẩy nhanh", "thân thiện với môi trường (...) Đẩy nhanh")
    assert check(*pair(tmp_path, text)) == []


def test_a_quote_from_elsewhere_is_not_the_documents(tmp_path):
    """The Government's slogan after a citation lines up with nothing in 252: not compared."""
    text = DRAFT.replace("về Kế hoạch phát triển kinh tế - xã hội năm 2024;",
                         "về Kế hoạch phát triển kinh tế - xã hội năm 2024 với phương châm “Đoàn kết kỷ cương, bản "
                         "lĩnh linh hoạt, đổi mới sáng tạo, kịp thời hiệu quả”;")
    assert check(*pair(tmp_path, text)) == []


def test_amendment_text_is_new_text(tmp_path):
    text = DRAFT.replace(
        "Tình hình kinh tế - xã hội",
        "Sửa đổi, bổ sung khoản 1 Điều 1 Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh như sau: "
        "“Thực hiện đẩy mạnh cơ cấu lại, nâng cao năng lực nội tại, tính tự lực, tự chủ, khả năng thích ứng "
        "của doanh nghiệp và hợp tác xã”.\n\nTình hình kinh tế - xã hội")
    assert check(*pair(tmp_path, text)) == []


def test_a_quote_in_the_next_paragraph(tmp_path):
    text = DRAFT.replace("Tình hình kinh tế - xã hội",
                         "Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh xác định mục tiêu:\n\n"
                         "“Đẩy nhanh tiến độ xây dựng kết cấu hạ tầng kinh tế - xã hội theo hướng đồng bộ; "
                         "tăng cường ứng dụng khoa học kỹ thuật, đẩy nhanh chuyển đổi số”.\n\nTình hình kinh tế - xã hội")
    [f] = check(*pair(tmp_path, text))
    assert f.rule == "PC915" and "kỹ thuật" in f.message and "công nghệ" in f.message


# -- which documents are "known" ---------------------------------------------------------------------

def test_the_same_number_in_another_province_is_another_document(tmp_path):
    resolution = RESOLUTION.replace("TỈNH SƠN LA", "TỈNH LAI CHÂU").replace("Sơn La, ngày 07", "Lai Châu, ngày 09") \
        .replace("ngày 07 tháng 12 năm 2023", "ngày 09 tháng 12 năm 2023")
    assert check(*pair(tmp_path, resolution=resolution)) == []


def test_a_number_written_another_way_is_the_same_number(tmp_path):
    text = DRAFT.replace("252/NQ-HĐND ngày 07/12/2023", "0252/NQ-HĐND ngày 08/12/2023")
    assert [f.rule for f in check(*pair(tmp_path, text))] == ["PC911"]


def test_a_document_citing_itself_is_left_to_the_references_pack(tmp_path):
    resolution = RESOLUTION.replace("(Kèm theo Nghị quyết số 252/NQ-HĐND ngày 07/12/2023",
                                    "(Kèm theo Nghị quyết số 252/NQ-HĐND ngày 08/12/2023")
    assert check(write(tmp_path, "nq.txt", resolution)) == []


def test_alone_a_document_has_nothing_to_compare(tmp_path):
    altered = DRAFT.replace("252/NQ-HĐND ngày 07/12/2023", "252/NQ-HĐND ngày 08/12/2023")
    assert check(write(tmp_path, "draft.txt", altered)) == []


def test_a_session_of_another_province_is_not_linked(tmp_path):
    text = DRAFT.replace("Kỳ họp thứ tám - HĐND tỉnh khóa XV", "Kỳ họp thứ tám - HĐND tỉnh Điện Biên khóa XV") \
        .replace("xác định 28 chỉ tiêu", "xác định 27 chỉ tiêu")
    assert check(*pair(tmp_path, text)) == []


def test_another_session_is_not_linked(tmp_path):
    text = DRAFT.replace("Kỳ họp thứ tám - HĐND", "Kỳ họp thứ bảy - HĐND").replace("xác định 28", "xác định 27")
    assert check(*pair(tmp_path, text)) == []


def test_the_session_before_the_term(tmp_path):
    text = DRAFT.replace("Kỳ họp thứ tám - HĐND tỉnh khóa XV đã thông qua",
                         "HĐND tỉnh khóa XV, Kỳ họp thứ tám đã thông qua").replace("xác định 28", "xác định 27")
    assert [f.rule for f in check(*pair(tmp_path, text))] == ["PC914"]


def test_against_an_index_as_in_one_run(tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    write(folder, "nq-252.txt", RESOLUTION)
    index = tmp_path / "index.sqlite"
    result = build_index([folder], index)
    assert (result.documents, result.numbered, result.errors) == (1, 1, [])
    altered = DRAFT.replace("252/NQ-HĐND ngày 07/12/2023", "252/NQ-HĐND ngày 08/12/2023") \
        .replace("thân thiện với môi trường. Đẩy", "thân thiện với thiên nhiên. Đẩy") \
        .replace("xác định 28 chỉ tiêu", "xác định 27 chỉ tiêu")
    draft = write(tmp_path, "draft.txt", altered)
    by_index = [(f.rule, f.location.line, f.suggestion) for f in check(draft, index=index)]
    in_run = [(f.rule, f.location.line, f.suggestion) for f in check(draft, folder / "nq-252.txt")]
    assert by_index == in_run and sorted(r for r, _, _ in by_index) == ["PC911", "PC914", "PC915"]
    assert check(write(tmp_path, "clean.txt", DRAFT), index=index) == []


def test_the_run_wins_over_the_index(tmp_path):
    """A newer copy checked in the run replaces the indexed one."""
    folder = tmp_path / "library"
    folder.mkdir()
    write(folder, "nq-252.txt", RESOLUTION.replace("ngày 07 tháng 12 năm 2023", "ngày 06 tháng 12 năm 2023"))
    index = tmp_path / "index.sqlite"
    build_index([folder], index)
    draft, resolution = pair(tmp_path)
    assert check(draft, resolution, index=index) == []
    assert [f.rule for f in check(draft, index=index)] == ["PC911"]


def test_the_cli_check_with_an_index(tmp_path, capsys):
    from plancheck.cli import main

    folder = tmp_path / "library"
    folder.mkdir()
    write(folder, "nq-252.txt", RESOLUTION)
    index = tmp_path / "i.sqlite"
    assert main(["index", str(folder), "-o", str(index)]) == 0
    draft = write(tmp_path, "draft.txt", DRAFT.replace("ngày 07/12/2023 của HĐND tỉnh\nvề Kế",
                                                       "ngày 08/12/2023 của HĐND tỉnh\nvề Kế"))
    capsys.readouterr()
    assert main(["check", str(draft), "--index", str(index), "--select", "PC911", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"{draft}:{CITATION_LINE}:" in out and "PC911" in out and "08/12/2023 → 07/12/2023" in out
    assert main(["check", str(draft), "--index", str(tmp_path / "none.sqlite"), "--select", "PC911"]) == 2


# -- never a crash ------------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from([
    "Căn cứ Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh về Kế hoạch năm 2024;",
    "Nghị quyết số 252/NQ-HĐND ngày 31/02/2023", "Quyết định số 252/NQ-HĐND gồm 28 chỉ tiêu", "22/28 chỉ tiêu",
    "Kỳ họp thứ tám - HĐND tỉnh khóa XV đã thông qua: “", "HĐND tỉnh khóa XV, Kỳ họp thứ mười chín thông qua",
    "“Thực hiện đẩy mạnh cơ cấu lại, nâng cao năng lực nội tại”", "”", "“", "\"", "…", "...", "Sửa đổi như sau:",
    "xác định hai mươi tám chỉ tiêu", "với 0 chỉ tiêu", "gồm 999 nhiệm vụ", "về", ";", ".", "\n", "\n\n", ":",
    "Kỳ họp thứ", "khóa", "HĐND", "252/NQ-HĐND", "Số: 252/NQ-HĐND", "TỈNH SƠN LA", "thông qua", "thích ứng",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, max_size=25), st.lists(st.text(max_size=12), max_size=4))
def test_never_a_crash(fragments, noise):
    text = " ".join(["Điều 1."] + fragments + noise)
    try:
        subjects = [_subject(text, "a.txt"), _subject(RESOLUTION, "b.txt"), _subject(text[::-1], "c.txt")]
    except InputError:   # not text plancheck reads (a legacy encoding): nothing to check
        assume(False)
    records = [cd.cross_record(s) for s in subjects]
    run = KnownDocuments(r.me for r in records)
    known = cd._Known(run)
    for record in records:   # the guarded paths, unguarded: a bug must show here
        for link in cd._links_of(record, known):
            for kind in (cd.CitationDate(), cd.CitationType(), cd.CitationTitle(), cd.CitedCount()):
                list(kind.check(link, kind.Params()))
            list(cd.QuotedPassage().check(link, cd.QuotedPassage.Params()))


# -- the real pair ---------------------------------------------------------------------------------------

@pytest.mark.skipif(not (SHARED / "corpus" / "son-la_qd-ubnd-draft_2024.txt").exists(),
                    reason="../shared is not beside this checkout")
def test_the_real_pair(tmp_path):
    draft = SHARED / "corpus" / "son-la_qd-ubnd-draft_2024.txt"
    resolution = SHARED / "corpus" / "son-la_nq-252-hdnd_2023.txt"
    assert check(draft, resolution) == []
    assert check(*sorted((SHARED / "corpus").glob("*.txt")), *sorted((SHARED / "realdocs").glob("*.md"))) == []
    text = draft.read_text(encoding="utf-8")
    line = text.splitlines().index("Căn cứ Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh ") + 1
    copy = tmp_path / draft.name
    copy.write_text(text.replace("252/NQ-HĐND ngày 07/12/2023", "252/NQ-HĐND ngày 08/12/2023"), encoding="utf-8")
    findings = check(copy, resolution)
    assert [(f.rule, f.location.line) for f in findings] == [("PC911", line)]
    cli = shutil.which("plancheck") or str(Path(sys.executable).parent / "plancheck")
    proc = subprocess.run([cli, "check", str(copy), str(resolution), "--select", "PC911", "--lang", "en"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and f"{copy}:{line}:34: PC911" in proc.stdout


def test_a_word_draft_against_a_text_resolution(tmp_path):
    docx = pytest.importorskip("docx")
    altered = DRAFT.replace("252/NQ-HĐND ngày 07/12/2023", "252/NQ-HĐND ngày 08/12/2023") \
        .replace("thân thiện với môi trường. Đẩy", "thân thiện với thiên nhiên. Đẩy")
    d = docx.Document()
    for block in altered.split("\n\n"):   # a Word paragraph per paragraph of the text
        d.add_paragraph(" ".join(line.strip() for line in block.splitlines() if line.strip()))
    draft = tmp_path / "draft.docx"
    d.save(draft)
    findings = check(draft, write(tmp_path, "nq-252.txt", RESOLUTION))
    assert [f.rule for f in findings] == ["PC911", "PC915"]
    date, quote = findings
    assert date.location.paragraph is not None and date.suggestion == "08/12/2023 → 07/12/2023"
    assert quote.location.paragraph is not None and "thiên nhiên" in quote.message


def test_a_quote_over_several_paragraphs(tmp_path):
    text = DRAFT.replace("thân thiện với môi trường. Đẩy nhanh", "thân thiện với môi trường.\n\nĐẩy nhanh")
    assert check(*pair(tmp_path, text)) == []
    [f] = check(*pair(tmp_path, text.replace("nền tảng số trong", "nền tảng số ở")))
    assert f.rule == "PC915" and "ở" in f.message


def test_a_quote_never_closed_is_not_compared(tmp_path):
    text = DRAFT.replace("đời sống xã hội” và xác định", "đời sống xã hội và xác định") \
        .replace("Theo chủ đề hành động", "Nâng cao chất lượng tăng trưởng.\n\nTheo chủ đề hành động")
    assert check(*pair(tmp_path, text), select=["PC915"]) == []


def test_a_count_in_a_clause_of_its_own_is_not_the_cited_documents(tmp_path):
    text = DRAFT.replace("về Kế hoạch phát triển kinh tế - xã hội năm 2024;",
                         "về Kế hoạch phát triển kinh tế - xã hội năm 2024, UBND tỉnh ban hành Kế hoạch "
                         "với 35 chỉ tiêu;")
    assert check(*pair(tmp_path, text)) == []


def test_a_citation_by_number_that_names_the_session_is_one_link(tmp_path):
    text = DRAFT.replace("Tình hình kinh tế - xã hội",
                         "Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh khóa XV, kỳ họp thứ tám đã thông "
                         "qua mục tiêu: “Đẩy nhanh tiến độ xây dựng kết cấu hạ tầng kinh tế - xã hội theo hướng "
                         "đồng bộ; tăng cường ứng dụng khoa học kỹ thuật”.\n\nTình hình kinh tế - xã hội")
    assert [f.rule for f in check(*pair(tmp_path, text))] == ["PC915"]


def test_the_date_it_was_passed_is_its_date_too(tmp_path):
    """Signed a day after the session: a citation of the session's date is not wrong."""
    resolution = RESOLUTION.replace("Sơn La, ngày 07 tháng 12 năm 2023", "Sơn La, ngày 08 tháng 12 năm 2023")
    assert check(*pair(tmp_path, resolution=resolution)) == []
    [f] = check(*pair(tmp_path, DRAFT.replace("252/NQ-HĐND ngày 07/12/2023", "252/NQ-HĐND ngày 09/12/2023"),
                      resolution))
    assert f.rule == "PC911" and f.suggestion == "09/12/2023 → 08/12/2023"
