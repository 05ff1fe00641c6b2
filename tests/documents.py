"""Test helpers: Documents built in code, and where the shared corpus would be."""
from pathlib import Path

from plancheck.models.document import Document, Paragraph, Span
from plancheck.models.location import Location

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def doc(text: str, first_line: int = 1) -> Document:
    """One paragraph per non-empty line, located at its line."""
    lines = text.split("\n")
    blocks = [Paragraph(index=i, text=line, spans=[Span(start=0, location=Location(path="t.txt", line=n))])
              for i, (n, line) in enumerate((n, l) for n, l in enumerate(lines, first_line) if l.strip())]
    return Document(path="t.txt", source_format="text", blocks=blocks, lines=lines)


# son-la_qd-ubnd-draft_2024.txt, lines 1-16, as extracted from the PDF: a draft whose
# number and day are left blank.
SON_LA_DRAFT_HEAD = """
ỦY BAN NHÂN DÂN
TỈNH SƠN LA 

 
Số:          /QĐ-UBND 

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc 

 
     Sơn La, ngày       tháng 01 năm 2024 

QUYẾT ĐỊNH
Về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch  

phát triển kinh tế - xã hội và Dự toán ngân sách nhà nước năm 2024
"""

# The head of Sơn La's resolution 252/NQ-HĐND (07/12/2023), up to its session line.
SON_LA_252_HEAD = """HỘI ĐỒNG NHÂN DÂN
TỈNH SƠN LA
Số: 252/NQ-HĐND
Sơn La, ngày 07 tháng 12 năm 2023
NGHỊ QUYẾT
VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024
HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA
KHÓA XV, KỲ HỌP THỨ TÁM
"""


def team_pack(rule_id: str, slug: str) -> str:
    """A team's own pack of one rule (structures closing at 100%), with no Vietnamese doc: for
    tests of how plancheck treats packs it does not ship."""
    return f"""pack: rieng
rules:
  - id: {rule_id}
    slug: {slug}
    category: shares
    severity: warning
    kind: structure_sum
    params: {{total: 100}}
    message: {{vi: "tổng {{sum}}%", en: "sum {{sum}}%"}}
    doc: {{what: Shares close at one hundred.}}
    examples:
      fires: ["Cơ cấu: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%."]
      passes: ["Cơ cấu: nông nghiệp 20%, công nghiệp 35%, dịch vụ 45%."]
"""


# A text with one real finding (shares summing to 90%: PC103 at 1:1), checked beside a file that
# must be refused, to show the run went on.
GOOD = "Cơ cấu kinh tế: nông nghiệp 30%, công nghiệp 30%, dịch vụ 30%.\n"


def assert_refused_and_others_checked(capsys, bad, good, message, *options):
    """``plancheck check bad good``: bad refused first with ``message`` (English), good checked
    after it, exit 2, no traceback."""
    from plancheck.cli import main

    code = main(["check", str(bad), str(good), "--lang", "en", "-j", "1", *options])
    out, err = capsys.readouterr()
    lines = [line for line in out.splitlines() if not line.startswith("    ")]
    assert code == 2
    assert lines[0] == f"{bad}{lines[0][len(str(bad)):]}" and message in lines[0], lines[0]
    assert lines[1].startswith(f"{good}:1:1: PC103 [warning]")        # the next file was still checked
    assert lines[-1].endswith("· 1 unreadable")
    assert "Traceback" not in out + err
    return out, err
