"""Date rules (PC501-PC508, PC550) on real excerpts, on generated documents, and on the corpus."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancheck.checks.base import Subject
from plancheck.checks.dates import document_date, plan_period
from plancheck.engine import load_rules, run_rules
from plancheck.pipeline import understand
from plancheck.read.text import read_text_document

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
RULES = load_rules([RULES_DIR / "dates.yaml", RULES_DIR / "placeholders.yaml"], include_default=False)
SHARED = Path(__file__).resolve().parents[2] / "shared"


def subject(text: str, stage: str = "final") -> Subject:
    loaded = understand(read_text_document("t.txt", text.encode("utf-8")))
    return Subject(plan=loaded.plan, document=loaded.document, structure=loaded.structure,
                   options={"stage": stage})


def check(text: str, stage: str = "final", lang: str = "en"):
    return run_rules(subject(text, stage), RULES, lang)


def rules_of(text: str, stage: str = "final") -> list[str]:
    return sorted(f.rule for f in check(text, stage))


def header(date: str = "ngày 20 tháng 01 năm 2024", number: str = "15/QĐ-UBND",
           title: str = "Về nhiệm vụ, giải pháp thực hiện Kế hoạch phát triển kinh tế - xã hội năm 2024") -> str:
    return (f"ỦY BAN NHÂN DÂN TỈNH SƠN LA\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            f"Độc lập - Tự do - Hạnh phúc\nSơn La, {date}\nQUYẾT ĐỊNH\n{title}\nỦY BAN NHÂN DÂN TỈNH SƠN LA\n")


# -- the document's own date ------------------------------------------------------------------

def test_the_documents_date_is_the_headers():
    own = document_date(subject(header() + "QUYẾT ĐỊNH:\nĐiều 1. Ban hành.").structure)
    assert (own.earliest, own.latest, own.source) == (dt.date(2024, 1, 20), dt.date(2024, 1, 20), "header")


@pytest.mark.parametrize("date, earliest, latest", [
    ("ngày       tháng 01 năm 2024", dt.date(2024, 1, 1), dt.date(2024, 1, 31)),   # the Sơn La draft
    ("ngày   tháng 02 năm 2024", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("ngày ... tháng ... năm 2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
])
def test_a_partial_date_gives_the_interval_it_allows(date, earliest, latest):
    own = document_date(subject(header(date=date, number="   /QĐ-UBND") + "QUYẾT ĐỊNH:\nĐiều 1. Ban hành.").structure)
    assert (own.earliest, own.latest) == (earliest, latest) and not own.exact


def test_without_a_header_date_the_closing_statements_counts():
    # lai-chau_nq-kh-ktxh_2024.txt has no header block; its closing gives the date
    text = ("NGHỊ QUYẾT\nVề kế hoạch phát triển kinh tế - xã hội năm 2024\nQUYẾT NGHỊ:\nĐiều 1. Thông qua.\n"
            "Nghị quyết này đã được Hội đồng nhân dân tỉnh Lai Châu khóa XV, kỳ họp thứ mười chín thông qua "
            "ngày 07 tháng 12 năm 2023 và có hiệu lực từ ngày thông qua./.")
    own = document_date(subject(text).structure)
    assert own and own.exact and own.earliest == dt.date(2023, 12, 7) and own.source == "closing"


def test_the_plan_period_comes_from_the_title():
    assert plan_period(subject(header()).structure) == (2024, 2024)
    text = header(title="Về Kế hoạch phát triển kinh tế - xã hội 5 năm giai đoạn 2021 - 2025")
    assert plan_period(subject(text).structure) == (2021, 2025)
    assert plan_period(subject(header(title="Về việc công bố thủ tục hành chính")).structure) is None


# -- each rule on real excerpts -----------------------------------------------------------------

def test_a_malformed_date_is_reported_with_the_date_meant():
    # son-la_nq-252-hdnd_2023.txt line 24
    [f] = check("Xét Tờ trình số 197/TTr-UBND ngày 26 ngày 11\ntháng 2023 của Ủy ban nhân dân tỉnh;")
    assert f.rule == "PC502" and f.location.line == 1 and f.location.column == 30
    assert f.suggestion == "ngày 26 ngày 11 tháng 2023 → ngày 26 tháng 11 năm 2023"
    vi = run_rules(subject("Xét Tờ trình số 197/TTr-UBND ngày 26 ngày 11 tháng 2023;"), RULES, "vi")[0]
    assert "ngày 26 tháng 11 năm 2023" in vi.message


@pytest.mark.parametrize("text, problem", [
    ("Căn cứ Quyết định số 15/QĐ-UBND ngày 31/02/2024;", "February 2024 has 29 days"),
    ("Căn cứ Quyết định số 15/QĐ-UBND ngày 29/02/2023;", "February 2023 has 28 days"),
    ("Báo cáo số 12/BC-UBND ngày 15 tháng 13 năm 2023.", "there is no month 13"),
    ("Căn cứ Quyết định số 15/QĐ-UBND ngày 31/4/2024;", "April 2024 has 30 days"),
])
def test_impossible_dates(text, problem):
    [f] = check(text)
    assert f.rule == "PC501" and problem in f.message


@pytest.mark.parametrize("text", [
    "hoàn thành và vượt kế hoạch 22/28 chỉ tiêu chủ yếu",          # son-la draft line 61: a ratio
    "Chi trả tiền lương tháng 13 năm 2023 cho người lao động.",    # the thirteenth-month salary
    "Đường dây nóng 1900-1234; mã số 2020-1990.",
    "20 năm chia tách, thành lập tỉnh Lai Châu (01/01/2004 - 01/01/2024).",   # lai-chau line 76
])
def test_not_dates_or_not_wrong(text):
    assert check(text) == []


def test_weekdays():
    [f] = check("Thứ hai, ngày 25/06/2021 - UBND tỉnh ban hành Chương trình hành động.")
    assert f.rule == "PC503" and "Friday" in f.message and f.suggestion == "Thứ hai → Thứ sáu"
    assert check("Thứ sáu, Ngày 25/06/2021 - UBND tỉnh ban hành Chương trình hành động.") == []   # kon-tum line 1
    assert check("Nghị quyết số 117/NQ-CP ngày 30 tháng 7 năm 2023 của Chính phủ") == []  # a Sunday: fine
    # "thứ năm" after a noun is an ordinal, not Thursday
    assert check("Hội đồng nhân dân tỉnh khóa XV, Kỳ họp thứ năm, ngày 10/12/2023.") == []


def test_a_citation_after_the_document_in_the_preamble_is_an_error_in_the_body_a_warning():
    text = header(date="ngày 07 tháng 12 năm 2023", number="252/NQ-HĐND") + (
        "Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Triển khai Kết luận số 855-KL/TU ngày 21/12/2023 của Ban Chấp hành Đảng bộ tỉnh.")
    findings = check(text)
    assert [(f.rule, f.severity.value, f.location.line) for f in findings] == [
        ("PC504", "error", 9), ("PC505", "warning", 11)]
    assert "05/01/2024" in findings[0].message and "07/12/2023" in findings[0].message


def test_a_draft_is_judged_by_the_latest_day_its_partial_date_allows():
    draft = header(date="ngày       tháng 01 năm 2024", number="         /QĐ-UBND")
    body = "QUYẾT ĐỊNH:\nĐiều 1. Ban hành nhiệm vụ năm 2024.\n"
    ok = draft + "Căn cứ Tờ trình số 22/TTr-SKHĐT ngày 15/01/2024 của Sở Kế hoạch và Đầu tư;\n" + body
    late = draft + "Căn cứ Tờ trình số 22/TTr-SKHĐT ngày 15/02/2024 của Sở Kế hoạch và Đầu tư;\n" + body
    assert rules_of(ok, "draft") == ["PC801", "PC802"]
    assert rules_of(late, "draft") == ["PC504", "PC801", "PC802"]
    [f] = [f for f in check(late, "draft") if f.rule == "PC504"]
    assert "January 2024" in f.message and "31/01/2024" in f.message


def test_a_number_whose_year_differs_from_its_date():
    # cd648cfa4fdecfb2.md line 225: the Investment Law of 17/6/2020 cited as of 2021
    [f] = check("Căn cứ Luật Đầu tư số 61/2020/QH14 ngày 17/6/2021;")
    assert f.rule == "PC506" and f.suggestion == "ngày 17/6/2021 → ngày 17/6/2020?"
    assert check("Căn cứ Luật Đầu tư số 61/2020/QH14 ngày 17/6/2020;") == []
    own = header(date="ngày 13 tháng 12 năm 2021", number="39/2020/NQ-HĐND") + "QUYẾT NGHỊ:\nĐiều 1. Thông qua."
    assert rules_of(own) == ["PC506"]


def test_deadlines():
    top = header()  # 20/01/2024, a plan for 2024
    assert rules_of(top + "QUYẾT ĐỊNH:\nĐiều 1. Báo cáo UBND tỉnh trước ngày 10/11/2023.") == ["PC507"]
    assert rules_of(top + "QUYẾT ĐỊNH:\nĐiều 1. Báo cáo UBND tỉnh chậm nhất ngày 10/11/2026.") == ["PC508"]
    fine = top + ("QUYẾT ĐỊNH:\nĐiều 1. Báo cáo trước ngày 10/11/2024; tổng kết năm trước ngày 15/01/2025; "
                  "rà soát dự án chuyển tiếp đến ngày 30/6/2023.\n"
                  "Điều 2. Hồ sơ đã tiếp nhận trước ngày 01/7/2023 tiếp tục giải quyết; các dự án được phê "
                  "duyệt trước ngày 01/01/2021 thực hiện theo quy định.")
    assert check(fine) == []


def test_leading_zeros_are_style_info():
    # son-la_nq-252-hdnd_2023.txt line 26
    [f] = check("Báo cáo thẩm tra số 652/BC-KTNS ngày 5 tháng 12 năm 2023 của Ban Kinh tế - Ngân sách HĐND tỉnh;")
    assert (f.rule, f.category, f.severity.value) == ("PC550", "style", "info")
    assert f.suggestion == "ngày 5 tháng 12 năm 2023 → ngày 05 tháng 12 năm 2023"
    assert check("Kết luận số 855-KL/TU ngày 21/6/2023 và Nghị quyết số 11-NQ/TW ngày 10/02/2022.") == []


def test_messages_in_both_languages_have_every_field():
    text = (header(date="ngày 07 tháng 12 năm 2023") + "Căn cứ Luật Đầu tư số 61/2020/QH14 ngày 17/6/2021;\n"
            "Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024;\nXét Tờ trình số 1/TTr-UBND ngày 26 ngày 11 tháng 2023;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Thứ hai, ngày 25/06/2021; trước ngày 31/02/2024; ngày 5/1/2023; "
            "báo cáo trước ngày 10/11/2023; báo cáo trước ngày 10/11/2030.")
    for lang in ("vi", "en"):
        findings = check(text, lang=lang)
        assert {f.rule for f in findings} >= {"PC501", "PC502", "PC503", "PC504", "PC506", "PC507", "PC508", "PC550"}
        assert all(f.message and "{" not in f.message and "  " not in f.message for f in findings)


# -- generated documents: valid ones are clean, one mutation gives one finding -------------------

def _day(draw, low: dt.date, high: dt.date) -> dt.date:
    return low + dt.timedelta(days=draw(st.integers(0, max(0, (high - low).days))))


def _written(day: dt.date, style: int) -> str:
    """A well-written date: leading zeros for days below 10 and months 1-2."""
    month = f"{day.month:02d}" if day.month < 3 or style == 2 else str(day.month)
    if style == 0:
        return f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"ngày {day.day:02d}/{month}/{day.year}"


_CITED = [("Nghị quyết", "NQ-HĐND", "của Hội đồng nhân dân tỉnh"), ("Nghị định", "NĐ-CP", "của Chính phủ"),
          ("Quyết định", "QĐ-UBND", "của Ủy ban nhân dân tỉnh"), ("Tờ trình", "TTr-UBND", "của UBND tỉnh"),
          ("Thông tư", "TT-BTC", "của Bộ Tài chính")]


@st.composite
def documents(draw):
    """A decision: its date, citations dated on or before it (some numbers carrying
    their year), deadlines on or after it within the plan year and its grace."""
    own = _day(draw, dt.date(2016, 1, 1), dt.date(2030, 12, 1))
    plan_year = draw(st.sampled_from([own.year, own.year + 1]))
    style = draw(st.integers(0, 2))
    citations = []
    for i in range(draw(st.integers(1, 4))):
        day = _day(draw, dt.date(2005, 1, 1), own)
        doc_type, symbol, issuer = draw(st.sampled_from(_CITED))
        with_year = draw(st.booleans())
        # numbers from 42 on: the decision's own is 11-41 (render), and a citation of its own
        # number is the decision itself dated otherwise (PC706's business, not PC504's)
        number = f"{draw(st.integers(42, 999)):02d}/{day.year}/{symbol}" if with_year else \
            f"{draw(st.integers(42, 4999))}/{symbol}"
        citations.append([doc_type, number, day, issuer, draw(st.integers(0, 2))])
    deadlines = [_day(draw, own, dt.date(plan_year, 12, 31) + dt.timedelta(days=60))
                 for _ in range(draw(st.integers(0, 2)))]
    return {"own": own, "plan_year": plan_year, "style": style, "citations": citations, "deadlines": deadlines}


def render(d, *, malformed: int | None = None, weekday: str | None = None) -> str:
    lines = [header(date=_written(d["own"], d["style"]), number=f"{d['own'].day + 10}/QĐ-UBND",
                    title="Về nhiệm vụ, giải pháp thực hiện Kế hoạch phát triển kinh tế - xã hội năm "
                          f"{d['plan_year']}").rstrip("\n")]
    for i, (doc_type, number, day, issuer, style) in enumerate(d["citations"]):
        written = day if isinstance(day, str) else _written(day, style)
        if i == malformed:
            written = f"ngày {day.day:02d} ngày {day.month:02d} tháng {day.year}"
        lines.append(f"Căn cứ {doc_type} số {number} {written} {issuer};")
    lines += ["QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này nhiệm vụ, giải pháp chủ yếu."]
    for day in d["deadlines"]:
        lines.append(f"- Các sở, ban, ngành báo cáo UBND tỉnh trước {_written(day, d['style'])} để tổng hợp.")
    if weekday:
        lines.append(f"Điều 2. Hội nghị triển khai tổ chức vào {weekday}, {_written(d['own'], 1)}.")
    lines.append("Điều 3. Quyết định này có hiệu lực từ ngày ký.")
    return "\n".join(lines)


GENERATED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_WEEKDAYS = ["thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật"]


@GENERATED
@given(documents())
def test_a_valid_document_gives_no_finding(d):
    assert check(render(d)) == [], render(d)


@GENERATED
@given(documents(), st.data())
def test_a_citation_dated_after_the_document_gives_exactly_pc504(d, data):
    i = data.draw(st.integers(0, len(d["citations"]) - 1))
    later = d["own"] + dt.timedelta(days=data.draw(st.integers(1, 400)))
    d["citations"][i][2] = later
    if "/" in d["citations"][i][1][3:] and d["citations"][i][1].count("/") == 2:   # keep the year consistent
        n, _, symbol = d["citations"][i][1].split("/")
        d["citations"][i][1] = f"{n}/{later.year}/{symbol}"
    assert rules_of(render(d)) == ["PC504"], render(d)


@GENERATED
@given(documents(), st.data())
def test_an_impossible_day_gives_exactly_pc501(d, data):
    i = data.draw(st.integers(0, len(d["citations"]) - 1))
    day = d["citations"][i][2]
    month = data.draw(st.sampled_from([2, 4, 6, 9, 11]))
    impossible = 30 if month == 2 else 31
    d["citations"][i][2] = f"ngày {impossible}/{month:02d}/{day.year}"
    assert rules_of(render(d)) == ["PC501"], render(d)


@GENERATED
@given(documents(), st.data())
def test_a_number_year_that_differs_from_the_date_gives_exactly_pc506(d, data):
    i = data.draw(st.integers(0, len(d["citations"]) - 1))
    doc_type, number, day, issuer, style = d["citations"][i]
    other = day.year + data.draw(st.sampled_from([-2, -1, 1]))
    d["citations"][i][1] = f"{number.split('/')[0]}/{other}/NQ-HĐND"
    assert rules_of(render(d)) == ["PC506"], render(d)


@GENERATED
@given(documents(), st.data())
def test_a_repeated_word_gives_exactly_pc502(d, data):
    i = data.draw(st.integers(0, len(d["citations"]) - 1))
    assert rules_of(render(d, malformed=i)) == ["PC502"], render(d, malformed=i)


@GENERATED
@given(documents(), st.data())
def test_a_deadline_before_the_document_gives_exactly_pc507(d, data):
    earlier = d["own"] - dt.timedelta(days=data.draw(st.integers(1, 300)))
    d["deadlines"].append(earlier)
    assert rules_of(render(d)) == ["PC507"], render(d)


@GENERATED
@given(documents(), st.data())
def test_a_wrong_weekday_gives_exactly_pc503(d, data):
    right = d["own"].weekday()
    wrong = data.draw(st.sampled_from([w for i, w in enumerate(_WEEKDAYS) if i != right]))
    assert check(render(d, weekday=_WEEKDAYS[right])) == []
    assert rules_of(render(d, weekday=wrong)) == ["PC503"], render(d, weekday=wrong)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["ngày", "tháng", "năm", "Số:", "/QĐ-UBND", " ", "\n", "/", "…", "...", "[...]",
                                 "xxx", "Thứ hai,", "07", "31", "13", "2023", "2021 - 2025", "Căn cứ",
                                 "Nghị quyết số 39/2020/NQ-HĐND", "trước", "QUYẾT ĐỊNH:", "Điều 1.", "PHỤ LỤC",
                                 "Mẫu số 01"]),
                max_size=40).map("".join) | st.text(max_size=300))
def test_never_crashes(text):
    from plancheck.errors import InputError

    for stage in ("draft", "final"):
        try:
            read = subject(text, stage)
        except InputError:
            return  # the reader refuses it (an empty file): nothing reaches the checks
        for f in run_rules(read, RULES, "en"):
            assert f.message and "{" not in f.message


# -- the shared corpus (skipped without ../shared) --------------------------------------------------

@pytest.mark.skipif(not (SHARED / "tools" / "score_corpus.py").exists(), reason="../shared is not beside this checkout")
def test_corpus_every_must_found_and_no_trap_hit(tmp_path):
    import plancheck

    report = plancheck.check(sorted((SHARED / "corpus").glob("*.txt")), rules=RULES, lang="en")
    findings = [{"path": f.location.path, "line": f.location.line, "category": f.category,
                 "severity": f.severity.value, "rule": f.rule, "message": f.message} for f in report.findings]
    saved = tmp_path / "findings.json"
    saved.write_text(json.dumps({"findings": findings}), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SHARED / "tools" / "score_corpus.py"), "--findings", str(saved),
                           "--categories", "date,placeholder", "--min-must", "1", "--max-false", "0"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "unmatched 0" in proc.stdout.splitlines()[-1], proc.stdout


@pytest.mark.skipif(not (SHARED / "realdocs").exists(), reason="../shared is not beside this checkout")
def test_realdocs_findings_are_few():
    import plancheck

    report = plancheck.check(sorted((SHARED / "realdocs").glob("*.md")), rules=RULES, lang="en")
    errors = [f for f in report.findings if f.severity.value in ("error", "warning")]
    assert len(errors) <= 12, [f"{f.location.path}:{f.location.line} {f.rule}" for f in errors]


# -- helpers of plancheck.dates used by the rules ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("ngày 5 tháng 12 năm 2023", "ngày 05 tháng 12 năm 2023"),
    ("7/1/2024", "07/01/2024"),
    ("ngày 7/12/2023", "ngày 07/12/2023"),
    ("tháng 1 năm 2024", "tháng 01 năm 2024"),
    ("NGÀY 7 THÁNG 2 NĂM 2024", "NGÀY 07 THÁNG 02 NĂM 2024"),
    ("ngày 07 tháng 12 năm 2023", None),
    ("30/6/2024", None),
])
def test_with_leading_zeros(text, expected):
    from plancheck.dates import find_dates, with_leading_zeros

    [mention] = find_dates(text)
    assert with_leading_zeros(mention) == expected


@pytest.mark.parametrize("text, expected", [
    ("ngày 26 ngày 11\ntháng 2023", "ngày 26 tháng 11 năm 2023"),
    ("ngày 15 tháng 9 tháng 2022", "ngày 15 tháng 9 năm 2022"),
    ("7/1/2024", "ngày 07 tháng 01 năm 2024"),
    ("ngày 30/02/2024", None),
    ("ngày 30/6", None),
])
def test_expected_form(text, expected):
    from plancheck.dates import expected_form, find_dates

    [mention] = find_dates(text)
    assert expected_form(mention) == expected


@pytest.mark.parametrize("text", [
    "/…" * 20000, "Số: /QĐ-UBND\n" * 3000, "Căn cứ Nghị quyết số 1/NQ-CP ngày 31/02/2024;\n" * 2000,
    "trước ngày 01/01/2001 " * 5000, "[" + "." * 50000, "Thứ hai, ngày 02/01/2001; " * 5000, "x ... y\n" * 10000,
])
def test_pathological_input_is_checked(text):
    # How fast is bench/bench.py's business (it times these inputs); here they must only be handled.
    findings = run_rules(subject(text), RULES, "en")
    assert all(f.message for f in findings)


def test_a_history_pages_early_years_are_years(tmp_path):
    import plancheck

    page = "# Nhà Hán\n## Lịch sử [sửa | sửa mã nguồn]\nVương Mãng lên ngôi ngày 16 tháng 8 năm 1.\n" \
           "## Văn hóa [sửa | sửa mã nguồn]\nNăm 189, Đổng Trác vào Lạc Dương.\n"
    path = tmp_path / "han.md"
    path.write_text(page, encoding="utf-8")
    assert [f.rule for f in plancheck.check(path).findings] == []
    # in a document, "năm 1" is a year cut short
    assert "PC502" in [f.rule for f in plancheck.check(path, options={"kind": "decision"}).findings]


def test_leading_zeros_are_one_finding_per_document_with_the_count():
    text = ("Căn cứ Nghị quyết số 12/NQ-HĐND ngày 5 tháng 12 năm 2023; Quyết định số 7/QĐ-UBND ngày 3/1/2024; "
            "Kế hoạch số 9/KH-UBND ngày 10/2/2024.")
    [f] = [f for f in check(text) if f.rule == "PC550"]
    assert f.message.startswith("3 dates of the document lack a leading zero") and f.location.column == 33
    assert [d["text"] for d in f.evidence["dates"]] == ["ngày 5 tháng 12 năm 2023", "ngày 3/1/2024", "ngày 10/2/2024"]


def test_a_word_typed_twice_is_one_malformed_date_with_its_fix():
    found = check("Căn cứ Quyết định số 15/QĐ-UBND ngày ngày 16 tháng 3 năm 2024 của UBND tỉnh.")
    assert [(f.rule, f.suggestion) for f in found] == [
        ("PC502", "ngày ngày 16 tháng 3 năm 2024 → ngày 16 tháng 3 năm 2024")]


def test_a_condition_before_a_day_is_no_deadline_and_an_english_date_runs_month_first():
    head = "Số: 12/2025/NQ-HĐND\nQuảng Ninh, ngày 20 tháng 9 năm 2025\nNGHỊ QUYẾT\n"
    assert [f.rule for f in check(head + "1. Cán bộ giữ chức danh khi nghỉ hưu trước ngày 01/7/2025 được hưởng "
                                          "chế độ hỗ trợ.") if f.rule == "PC507"] == []
    assert [f.rule for f in check(head + "2. Các sở báo cáo kết quả trước ngày 01/3/2025.") if f.rule == "PC507"] \
        == ["PC507"]
    assert [f.rule for f in check("Theo the Treaty of 8/21/2000 between the parties.")] == []
    assert [f.rule for f in check("Căn cứ Quyết định số 5/QĐ-UBND ngày 8/21/2000 của UBND tỉnh.")] == ["PC501"]
