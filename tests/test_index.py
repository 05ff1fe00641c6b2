"""`plancheck index`: the SQLite file of known documents, and its lookups."""
import datetime as dt
import sqlite3
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.cli import main
from plancheck.errors import PlancheckError
from plancheck.index import (INDEX_VERSION, KnownDocuments, build_index, count_key, normalise_number,
                             normalise_text, open_index, place_of)
from documents import SON_LA_252_HEAD

# messages asserted in English here; their Vietnamese is tested in test_i18n
pytestmark = pytest.mark.usefixtures("english")

RESOLUTION = SON_LA_252_HEAD + """Điều 1. Quyết định kế hoạch phát triển kinh tế - xã hội năm 2024
1.1. Mục tiêu
Thực hiện đẩy mạnh cơ cấu lại, nâng cao năng lực nội
tại, tính tự lực, tự chủ, khả năng chống chịu và thích ứng của các thành phần
kinh tế; thúc đẩy xây dựng kinh tế xanh, kinh tế tuần hoàn, thân thiện với môi
trường. Quan tâm phát triển nguồn nhân lực, văn hoá, xã hội.
1.2. Các chỉ tiêu chủ yếu năm 2024: Gồm 3 chỉ tiêu
(phụ lục số 01 kèm theo).
Nghị quyết này đã được HĐND tỉnh Sơn La khóa XV, Kỳ
họp thứ tám thông qua ngày 07 tháng 12 năm 2023 và có hiệu lực từ ngày thông
qua./.
PHỤ LỤC 01
| STT | Chỉ tiêu | Đơn vị | KH 2024 |
| --- | --- | --- | --- |
| 1 | Tốc độ tăng tổng sản phẩm trên địa bàn GRDP | % | 7,0 |
| 2 | GRDP bình quân | Triệu đồng/người/năm | 55,5 |
| 3 | Thu ngân sách trên địa bàn | Tỷ đồng | 4.450 |
"""

DECISION = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 0017/QĐ-UBND
Lai Châu, ngày 05 tháng 01 năm 2024
QUYẾT ĐỊNH
Về việc giao chỉ tiêu kế hoạch năm 2024
Căn cứ Nghị quyết số 252/NQ-HĐND ngày 07/12/2023 của HĐND tỉnh Sơn La;
Điều 1. Giao chỉ tiêu kế hoạch năm 2024.
"""


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "library"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "nq-252.txt").write_text(RESOLUTION, encoding="utf-8")
    (folder / "qd-17.md").write_text(DECISION, encoding="utf-8")
    (folder / "README.md").write_text("# Thư viện văn bản\n", encoding="utf-8")   # notes are not documents
    return folder


# -- numbers, places, text --------------------------------------------------------------------------

@pytest.mark.parametrize("number, key", [
    ("252/NQ-HĐND", "252/nq-hđnd"),
    ("252 / NQ - HĐND", "252/nq-hđnd"),
    ("0252/NQ–HĐND", "252/nq-hđnd"),          # leading zero, en dash
    ("252/NQ-HÐND", "252/nq-hđnd"),           # Icelandic eth typed for Đ
    ("252/NQ\u2011HĐND.", "252/nq-hđnd"),     # non-breaking hyphen, a full stop after it
    ("39/2020/NQ-HĐND", "39/2020/nq-hđnd"),
    ("11-NQ/TW", "11-nq/tw"),
    ("02144/QĐ-UBND", "2144/qđ-ubnd"),
    ("/QĐ-UBND", None),                       # a draft's blank number
    ("   /QĐ-UBND", None),
    ("", None),
    (None, None),
])
def test_normalise_number(number, key):
    assert normalise_number(number) == key


def test_decomposed_and_composed_numbers_are_one_key():
    import unicodedata

    assert normalise_number(unicodedata.normalize("NFD", "252/NQ-HĐND")) == normalise_number("252/NQ-HĐND")


@given(st.text(max_size=40))
def test_normalise_number_never_fails_and_is_stable(text):
    key = normalise_number(text)
    assert key is None or normalise_number(key) == key


@pytest.mark.parametrize("issuer, place", [
    ("HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA", "sơn la"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "hồ chí minh"),
    ("UỶ BAN NHÂN DÂN TỈNH ĐẮK LẮK", "đắk lắk"),
    ("HĐND tỉnh Lai Châu", "lai châu"),
    ("HĐND tỉnh", None),
    ("HĐND tỉnh khóa XV", None),
    ("HĐND TỈNH KHÓA XV", None),
    ("Ủy ban nhân dân xã Chiềng Sinh, thành phố Sơn La", "chiềng sinh"),
    ("UBND TP. Hồ Chí Minh", "hồ chí minh"),
    ("CHÍNH PHỦ", None),
    ("Bộ Lao động - Thương binh và Xã hội", None),
    (None, None),
])
def test_place_of(issuer, place):
    assert place_of(issuer) == place


@pytest.mark.parametrize("number, symbol", [
    ("252/NQ-HĐND", "NQ-HĐND"), ("39/2020/NQ-HĐND", "NQ-HĐND"), ("11-NQ/TW", "NQ/TW"), ("103/2023/QH15", "QH15"),
    ("/QĐ-UBND", "QĐ-UBND"), ("252", None), (None, None),
])
def test_symbol(number, symbol):
    from plancheck.index import _symbol

    assert _symbol(number) == symbol


def test_text_and_counts_compare_normalised():
    assert normalise_text("VĂN  HOÁ,\nXã hội") == normalise_text("văn hóa, xã hội") == "văn hóa, xã hội"
    assert count_key("chỉ tiêu chủ yếu") == count_key("CHỈ TIÊU") == "chỉ tiêu"
    assert count_key("nhóm nhiệm vụ") == "nhóm nhiệm vụ"


# -- building and reading an index --------------------------------------------------------------------

def test_build_and_open(library, tmp_path):
    out = tmp_path / "index.sqlite"
    result = build_index([library], out)
    assert (result.documents, result.numbered, result.errors) == (2, 2, [])
    with open_index(out) as index:
        assert len(index) == 2
        [doc] = index.lookup("252/NQ-HĐND")
        assert doc.path == str(library / "2023" / "nq-252.txt")
        assert (doc.number, doc.symbol, doc.doc_type) == ("252/NQ-HĐND", "NQ-HĐND", "NGHỊ QUYẾT")
        assert (doc.issuer, doc.place, doc.date, doc.date_line) == (
            "HỘI ĐỒNG NHÂN DÂN TỈNH SƠN LA", "sơn la", dt.date(2023, 12, 7), 4)
        assert doc.title == "VỀ KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024"
        assert (doc.term, doc.session, doc.is_council, doc.passed) == ("XV", 8, True, dt.date(2023, 12, 7))
        assert [(c.what, c.stated, c.stated_text, c.counted, c.line) for c in doc.counts] == [
            ("chỉ tiêu", 3, "3", 3, 15)]
        text = " ".join(t for _, t in doc.paragraphs())
        assert "nâng cao năng lực nội tại, tính tự lực" in text        # lines of one sentence joined
        assert "văn hóa, xã hội" in text and "HỘI" not in text          # folded: one tone placement, lower case
        assert (11, ) == tuple(line for line, t in doc.paragraphs() if t.startswith("thực hiện đẩy mạnh"))
        assert index.lookup("0252/nq-hđnd") == [doc]                     # the same object, looked up again
        assert index.lookup("17/QĐ-UBND")[0].date == dt.date(2024, 1, 5)
        assert index.lookup("999/NQ-HĐND") == [] and index.lookup("/QĐ-UBND") == []
        assert index.by_session("xv", 8) == [doc] and index.by_session("XV", 7) == []
        assert sorted(d.number for d in index) == ["0017/QĐ-UBND", "252/NQ-HĐND"]


def test_run_documents_answer_like_an_index(library, tmp_path):
    from plancheck.checks.base import Subject
    from plancheck.pipeline import load_path

    loaded = load_path(library / "2023" / "nq-252.txt")
    run = KnownDocuments.from_subjects([Subject(plan=loaded.plan, document=loaded.document,
                                                structure=loaded.structure)])
    out = tmp_path / "index.sqlite"
    build_index([library / "2023"], out)
    [in_run] = run.lookup("252/NQ-HĐND")
    [indexed] = open_index(out).lookup("252/NQ-HĐND")
    for name in ("number", "symbol", "doc_type", "issuer", "date", "date_line", "passed", "title", "term", "session"):
        assert getattr(in_run, name) == getattr(indexed, name), name
    assert [(c.what, c.stated, c.counted) for c in in_run.counts] == [(c.what, c.stated, c.counted)
                                                                       for c in indexed.counts]
    assert [t for _, t in in_run.paragraphs() if t] == [t for _, t in indexed.paragraphs()]
    assert run.by_session("XV", 8) == [in_run]


def test_unreadable_files_are_skipped_and_said(library, tmp_path, capsys):
    (library / "empty.txt").write_bytes(b"")
    (library / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path / "index.sqlite"
    code = main(["index", str(library), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{library / 'empty.txt'}" in err and f"{library / 'broken.docx'}" in err
    assert "2 documents indexed (2 with a number), 2 unreadable files skipped" in err
    assert len(open_index(out)) == 2


def test_cli_index_default_name_and_overwrite(library, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["index", str(library)]) == 0
    assert "2 documents indexed (2 with a number) → plancheck-index.sqlite" in capsys.readouterr().err
    assert len(open_index(tmp_path / "plancheck-index.sqlite")) == 2
    (library / "qd-17.md").unlink()
    assert main(["index", str(library)]) == 0            # made again, not appended to
    assert len(open_index(tmp_path / "plancheck-index.sqlite")) == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_an_index_in_the_folder_it_indexes_is_not_read_as_a_document(library, capsys):
    out = library / "plancheck-index.sqlite"
    assert main(["index", str(library), "-o", str(out)]) == 0
    assert main(["index", str(library), "-o", str(out)]) == 0
    assert len(open_index(out)) == 2


def test_cli_index_to_a_folder_is_a_usage_error(library, tmp_path, capsys):
    assert main(["index", str(library), "-o", str(tmp_path)]) == 2
    assert "folder" in capsys.readouterr().err


def test_a_missing_folder_is_reported_and_the_others_indexed(library, tmp_path, capsys):
    out = tmp_path / "i.sqlite"
    assert main(["index", str(tmp_path / "nowhere"), str(library), "-o", str(out)]) == 2
    assert "no such file" in capsys.readouterr().err
    assert len(open_index(out)) == 2


# -- files that are not an index ---------------------------------------------------------------------------

def test_missing_index(tmp_path):
    with pytest.raises(PlancheckError, match="no such index file"):
        open_index(tmp_path / "none.sqlite")
    assert not (tmp_path / "none.sqlite").exists()       # opening never creates it


def test_a_folder_is_not_an_index(tmp_path):
    with pytest.raises(PlancheckError, match="folder"):
        open_index(tmp_path)


def test_corrupt_index(tmp_path):
    path = tmp_path / "index.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(PlancheckError, match="not an index") as err:
        open_index(path)
    assert err.value.path == str(path)


def test_another_sqlite_file_is_not_an_index(tmp_path):
    path = tmp_path / "other.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(PlancheckError, match="not an index"):
        open_index(path)


def test_an_index_of_another_version(library, tmp_path):
    path = tmp_path / "index.sqlite"
    build_index([library], path)
    db = sqlite3.connect(path)
    db.execute("UPDATE schema_version SET version = ?", (INDEX_VERSION + 1,))
    db.commit()
    db.close()
    with pytest.raises(PlancheckError, match=f"version {INDEX_VERSION + 1}.*make it again"):
        open_index(path)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_an_error_never_a_crash(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("idx") / "index.sqlite"
    path.write_bytes(data)
    with pytest.raises(PlancheckError):
        open_index(path)


def test_check_with_a_bad_index_is_a_usage_error(library, tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("nope")
    code = main(["check", str(library / "qd-17.md"), "--index", str(bad)])
    assert code == 2 and "not an index" in capsys.readouterr().err


def test_checking_never_writes_the_index(library, tmp_path):
    import plancheck

    out = tmp_path / "index.sqlite"
    build_index([library], out)
    before = out.read_bytes()
    plancheck.check(library / "qd-17.md", index=out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.sqlite", "library"]   # no journal left


def test_import_stays_light():
    code = "import sys, plancheck, plancheck.index; print('sqlite3' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"



def test_worker_processes_write_the_same_index(tmp_path):
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "examples"
    (tmp_path / "bad.yaml").write_text("format: plancheck/1\nindicators: [\n", encoding="utf-8")
    for source in (p for p in examples.iterdir() if p.is_file()):   # the bundled examples, not data-repo/
        (tmp_path / source.name).write_bytes(source.read_bytes())
    tables = {}
    for jobs in (1, 2):
        out = tmp_path / f"index-{jobs}.sqlite"
        result = build_index([tmp_path], out, jobs=jobs)
        assert (result.documents, len(result.errors)) == (3, 1)
        db = sqlite3.connect(out)
        tables[jobs] = [db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                        for t in ("documents", "counts", "paragraphs")]
        db.close()
    assert tables[1] == tables[2] and tables[1][0]
