"""What a run writes is never what it reads (issue 25, item 8): a report, an annotated copy or a
baseline named as a file being checked (by its name, a hard link or a symbolic link) is refused
before anything is read or written; a report written inside a folder being checked is not
checked; a bad index is said before the report begins."""
import json
import os
import subprocess
import sys

import pytest

SLIP = "Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n"


def plancheck(*args, cwd):
    return subprocess.run([sys.executable, "-m", "plancheck", "check", "--no-config", "--lang", "en", *args],
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "du-thao.md").write_text(SLIP, encoding="utf-8")
    (tmp_path / "khac.md").write_text(SLIP.replace("2025", "2026"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("option", ["-o", "--baseline-write"])
def test_an_output_named_as_an_input_is_refused_and_the_input_kept(drafts, option):
    done = plancheck(option, "du-thao.md", "du-thao.md", "khac.md", cwd=drafts)
    assert done.returncode == 2 and done.stdout == ""
    assert "du-thao.md is a file this run checks" in done.stderr
    assert (drafts / "du-thao.md").read_text(encoding="utf-8") == SLIP


@pytest.mark.parametrize("link", [os.link, os.symlink])
def test_an_output_that_is_an_input_by_another_name_is_refused(drafts, link):
    link(drafts / "du-thao.md", drafts / "bao-cao.txt")
    done = plancheck("-o", "bao-cao.txt", "du-thao.md", cwd=drafts)
    assert done.returncode == 2 and "bao-cao.txt is du-thao.md, a file this run checks, by another name" in done.stderr
    assert (drafts / "du-thao.md").read_text(encoding="utf-8") == SLIP


def test_a_report_written_into_the_folder_checked_is_not_checked(drafts):
    done = plancheck("-o", "bao-cao.txt", ".", cwd=drafts)
    assert done.returncode == 1, done.stderr
    report = (drafts / "bao-cao.txt").read_text(encoding="utf-8")
    assert "du-thao.md:1:" in report and "khac.md:1:" in report
    assert [line for line in report.splitlines() if line.startswith("bao-cao.txt")] == \
        ["bao-cao.txt: skipped: written by this run (its report)"]
    # a second run would check it (it is a text now): refused, not overwritten unsaid
    again = plancheck("-o", "bao-cao.txt", ".", cwd=drafts)
    assert again.returncode == 2 and (drafts / "bao-cao.txt").read_text(encoding="utf-8") == report


def test_a_bad_index_is_said_before_any_report_is_begun(drafts):
    (drafts / "index.sqlite").write_text("not a database", encoding="utf-8")
    done = plancheck("--format", "json", "--index", "index.sqlite", "du-thao.md", "khac.md", cwd=drafts)
    assert done.returncode == 2 and done.stdout == ""
    assert "not an index made by `plancheck index`" in done.stderr


def test_an_annotated_copy_onto_a_hard_link_of_the_document_is_refused(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph(SLIP.strip())
    source = tmp_path / "du-thao.docx"
    document.save(source)
    before = source.read_bytes()
    os.link(source, tmp_path / "ban-sao.docx")
    done = plancheck("--annotate", "ban-sao.docx", "du-thao.docx", cwd=tmp_path)
    assert done.returncode == 2 and "ban-sao.docx is du-thao.docx, a file this run checks" in done.stderr
    assert source.read_bytes() == before
    fine = plancheck("--annotate", "nhan-xet.docx", "--format", "json", "du-thao.docx", cwd=tmp_path)
    assert fine.returncode == 1 and json.loads(fine.stdout)["summary"]["findings"] == 1
    assert (tmp_path / "nhan-xet.docx").exists() and source.read_bytes() == before
