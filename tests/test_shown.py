"""Text from the inputs is safe to show in every report (issue 25, item 1): a document's ESC
and OSC 8 sequences, C1 controls, and file names holding a newline, a carriage return, ESC or
bytes that are not UTF-8 never reach a terminal or a report raw, and every report stays UTF-8 and
well-formed. A good file beside them is checked as usual."""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from plancheck.report.shown import shown

SLIP = "nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%."
PROSE = "Kế hoạch năm 2025 được xây dựng trên cơ sở đánh giá kết quả thực hiện các chỉ tiêu chủ yếu.\n" * 20
HOSTILE = ("Cơ cấu kinh tế \x1b]8;;http://vi.example\x1b\\xem\x1b]8;;\x1b\\ \x1b[2J\x1b[31mđỏ\x9b31m: " + SLIP + "\n")


def test_shown_escapes_controls_keeps_tabs_and_replaces_undecodable_bytes():
    assert shown("a\tb") == "a\tb"
    assert shown("dòng\nmới\r\x1b[31m\x9b") == "dòng\\x0amới\\x0d\\x1b[31m\\x9b"
    assert shown("bad\udcff.md") == "bad\ufffd.md"   # a name's byte 0xff, as Python reads names
    assert shown("Cơ cấu 30%") == "Cơ cấu 30%"


def _run(folder, *args):
    return subprocess.run([sys.executable, "-m", "plancheck", "check", "--no-config", "--lang", "en", *args],
                          cwd=folder, capture_output=True, timeout=120)


@pytest.fixture
def hostile(tmp_path):
    (tmp_path / "hostile.md").write_text(PROSE + HOSTILE + PROSE, encoding="utf-8")
    (tmp_path / "good.md").write_text("Cơ cấu kinh tế năm 2025: " + SLIP + "\n", encoding="utf-8")
    if sys.platform != "win32":
        for name in (b"ten\nmoi.md", b"e\x1b[31mvil\r.md", b"bad\xff.md"):
            with open(os.path.join(os.fsencode(tmp_path), name), "wb") as f:
                f.write(("Cơ cấu kinh tế năm 2026: " + SLIP + "\n").encode("utf-8"))
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "junit", "html"])
def test_no_report_carries_a_control_character_from_its_inputs(hostile, fmt):
    done = _run(hostile, "--format", fmt, ".")
    assert done.returncode == 1, done.stderr
    out = done.stdout.decode("utf-8")   # UTF-8, whatever the names' bytes
    assert not any(c in out for c in "\x1b\x9b\r"), fmt
    if fmt == "json":
        report = json.loads(out)
        assert report["summary"]["files"] == 5 and not report["errors"]
        paths = {f["path"] for f in report["findings"]}
        assert {"good.md", "hostile.md", "bad\ufffd.md", "e\\x1b[31mvil\\x0d.md", "ten\\x0amoi.md"} <= paths
    elif fmt == "sarif":
        json.loads(out)
    elif fmt == "junit":
        ET.fromstring(out)
    elif fmt in ("text", "concise"):
        heads = [line for line in out.splitlines() if ": PC101 " in line]
        assert len(heads) == 5 and any(line.startswith("ten\\x0amoi.md:1:") for line in heads)
        # the document's sequence, shown as text: in the finding's name, and in its line (text)
        assert "\\x1b]8" in out and (fmt == "concise" or "\\x1b]8;;http://vi.example" in out)


def test_a_report_written_with_o_names_an_undecodable_file(hostile):
    done = _run(hostile, "-o", "report.txt", ".")
    assert done.returncode == 1, done.stderr
    assert "bad\ufffd.md:1:1: PC101" in (hostile / "report.txt").read_text(encoding="utf-8")


def test_an_unreadable_file_is_named_safely_on_standard_error(tmp_path):
    done = _run(tmp_path, "--format", "json", "thieu\x1b[2J.md")
    assert done.returncode == 2
    assert b"\x1b" not in done.stderr and b"thieu\\x1b[2J.md" in done.stderr
