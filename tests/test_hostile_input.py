"""Bounded on any input (issue 11): files, plans and rule packs built to exhaust time or memory
end in one clear error for that file, and the other files of the run are still checked."""
import io
import os
import struct
import time
import zipfile

import pytest

from plancheck.checks.structure_sum import StructureSum
from plancheck.cli import main
from plancheck.read import Limits, read_source
from plancheck.errors import InputError
from documents import GOOD, assert_refused_and_others_checked

# messages asserted in English here; their Vietnamese is tested in test_i18n
pytestmark = pytest.mark.usefixtures("english")

def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _alias_bomb(levels: int = 9) -> str:
    lines = ["format: plancheck/1", "a0: &a0 [x,x,x,x,x,x,x,x,x,x]"]
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "\n".join(lines + [f"indicators: *a{levels - 1}"]) + "\n"


def test_a_yaml_plan_of_nested_aliases_is_refused(capsys, tmp_path, good):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(_alias_bomb(), encoding="utf-8")     # under 500 bytes, 10⁹ values once expanded
    assert len(bomb.read_bytes()) < 500
    assert_refused_and_others_checked(capsys, bomb, good, "builds more than 200,000 values")


def test_a_rule_pack_of_nested_aliases_is_a_usage_error(capsys, tmp_path, good):
    pack = tmp_path / "pack.yaml"
    pack.write_text(_alias_bomb().replace("indicators", "rules"), encoding="utf-8")
    code, out, err = run(capsys, "check", good, "--rules", pack)
    assert (code, out) == (2, "")
    assert err.startswith(f"plancheck: {pack}:2:") and "builds more than 200,000 values" in err


def test_json_nested_past_the_recursion_limit_is_refused(capsys, tmp_path, good):
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "plancheck/1", "x": ' + "[" * 1500 + "]" * 1500 + "}", encoding="utf-8")
    assert_refused_and_others_checked(capsys, deep, good, "nested too deeply")


def _lying_docx(path, inflated: int, declared: int = 10_000) -> None:
    """A .docx whose document.xml says ``declared`` bytes in the zip's headers and inflates to
    ``inflated``."""
    import docx

    d = docx.Document()
    d.add_paragraph(GOOD)
    buf = io.BytesIO()
    d.save(buf)
    source = zipfile.ZipFile(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for entry in source.infolist():
            data = source.read(entry.filename)
            z.writestr(entry.filename, data + b" " * (inflated - len(data)) if entry.filename == "word/document.xml"
                       else data)
    data = bytearray(out.getvalue())
    name = b"word/document.xml"
    for signature, header, name_at, size_at in ((b"PK\x03\x04", 30, 26, 22), (b"PK\x01\x02", 46, 28, 24)):
        at = data.find(signature)
        while at >= 0:
            length = struct.unpack_from("<H", data, at + name_at)[0]
            if data[at + header:at + header + length] == name:
                struct.pack_into("<I", data, at + size_at, declared)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


def test_a_docx_whose_zip_directory_lies_about_a_size_is_refused_without_inflating_it(capsys, tmp_path, good):
    lying = tmp_path / "lying.docx"
    _lying_docx(lying, inflated=64 * 2**20)
    assert zipfile.ZipFile(lying).getinfo("word/document.xml").file_size == 10_000
    assert_refused_and_others_checked(capsys, lying, good, "corrupt .docx: Bad CRC-32 for file 'word/document.xml'")


def test_a_docx_part_that_honestly_inflates_past_its_limit_is_refused(capsys, tmp_path, good, monkeypatch):
    monkeypatch.setattr("plancheck.read.docx.MAX_XML_PART_BYTES", 2 * 2**20)
    monkeypatch.setattr("plancheck.read.docx.RATIO_FLOOR", 2**40)   # let the ratio check pass it on
    big = tmp_path / "big.docx"
    _lying_docx(big, inflated=3 * 2**20, declared=1 * 2**20)          # says 1 MB: under the limit
    assert_refused_and_others_checked(capsys, big, good, "word/document.xml")


def test_a_docx_is_read_from_its_repacked_parts(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph(GOOD.strip())
    d.add_picture(io.BytesIO(_png()))
    path = tmp_path / "with-image.docx"
    d.save(path)
    document, lines = read_source(path)
    assert lines[0] == GOOD.strip()


def _png() -> bytes:
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


def test_a_line_longer_than_any_real_one_is_refused(capsys, tmp_path, good):
    long = tmp_path / "long.txt"
    long.write_text("Tiêu đề\n" + "Cơ cấu 30% " * 20_000 + "\n", encoding="utf-8")
    assert_refused_and_others_checked(capsys, long, good, "line 2 is 220,000 characters long (the limit, "
                                                          "max-line-length, is 50,000)")


def test_the_limits_are_settings(capsys, tmp_path, good):
    long = tmp_path / "long.txt"
    long.write_text("Cơ cấu 30% " * 6_000 + "\n", encoding="utf-8")   # 66,000 characters
    config = tmp_path / "plancheck.toml"
    config.write_text("max-line-length = 100000\nmax-file-size = 0.001\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", long, good, "--config", config, "--lang", "en")
    assert f"{long}: unreadable: too large for a plan document (0.1 MB; the limit, max-file-size, is " \
           "0.000999451 MB)" in out
    config.write_text("max-line-length = 100000\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", long, "--config", config, "--lang", "en")
    assert "unreadable" not in out
    with pytest.raises(InputError, match="line 1 is 66,000 characters long"):
        read_source(long, Limits(max_line=1000))


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(9 * 2**20)                 # sparse: 9 MB that cost nothing to make
    with pytest.raises(InputError, match=r"too large for a plan document \(9.0 MB; the limit, max-file-size, "
                                         r"is 8 MB\)"):
        read_source(big)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_waited_on(capsys, tmp_path, good):
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    assert_refused_and_others_checked(capsys, fifo, good, "not a regular file")


def test_a_symbolic_link_loop_is_named_as_such(capsys, tmp_path, good):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert_refused_and_others_checked(capsys, tmp_path / "a.txt", good, "too many levels of symbolic links")


def test_random_bytes_are_binary_not_a_legacy_encoding(capsys, tmp_path, good):
    import random

    rng = random.Random(3)
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(rng.randrange(1, 256) for _ in range(3000)))   # no NUL byte
    assert_refused_and_others_checked(capsys, noise, good, "binary file (control bytes that no text holds)")


def test_a_number_of_ten_thousand_digits_is_no_figure(capsys, tmp_path):
    path = tmp_path / "digits.txt"
    path.write_text("Tổng số " + "9" * 10_000 + " người, trong đó 5 nữ.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", path, "--lang", "en")
    assert (code, out) == (0, "No findings · 1 file (unknown)\n")


def _slow_run(self, subject, params):
    time.sleep(30)
    return []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_that_runs_past_the_time_limit_is_stopped_and_the_others_go_on(capsys, tmp_path, good,
                                                                             monkeypatch, jobs):
    slow = tmp_path / "slow.txt"
    slow.write_text("Cơ cấu kinh tế: nông nghiệp 50%, dịch vụ 50%.\n", encoding="utf-8")
    calls = iter(range(100))
    original = StructureSum.run

    def slow_first(self, subject, params):   # the first file's structure check hangs
        if subject.plan.path == str(slow):
            return _slow_run(self, subject, params)
        return original(self, subject, params)

    monkeypatch.setattr(StructureSum, "run", slow_first)
    start = time.monotonic()
    code, out, _ = run(capsys, "check", slow, good, "--timeout", "0.5", "-j", jobs, "--lang", "en")
    assert time.monotonic() - start < 20
    lines = [line for line in out.splitlines() if not line.startswith("    ")]
    assert code == 2
    assert lines[0] == f"{slow}: unreadable: stopped after 0.5 s (the limit per file, --timeout); the other files go on"
    assert lines[1].startswith(f"{good}:1:1: PC103 [warning]")
    del calls


def test_a_docx_of_an_unknown_zip_version_is_refused_not_a_crash(capsys, tmp_path, good):
    # found by the fuzzer: zipfile raises NotImplementedError for a version it does not know
    import docx

    d = docx.Document()
    d.add_paragraph(GOOD)
    path = tmp_path / "future.docx"
    d.save(path)
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")                 # the first entry of the central directory
    struct.pack_into("<H", data, at + 6, 64)      # "needs version 6.4 to extract"
    path.write_bytes(bytes(data))
    assert_refused_and_others_checked(capsys, path, good, "zip file version 6.4")


def test_a_scanned_page_adds_its_own_time_to_the_limit():
    import signal

    from plancheck.timelimit import extend, time_limit

    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timers here")
    with time_limit(5):
        extend(30)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 34 < left <= 35
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    extend(30)                                        # no timer running: nothing to extend
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def _rows(n: int) -> str:
    return "format: plancheck/1\nperiods:\n  KH2025: {year: 2025, kind: plan}\nindicators:\n" + "".join(
        f'  - {{name: "Chỉ tiêu {i}", unit: "tỷ đồng", values: {{KH2025: "{1000 + i}"}}}}\n' for i in range(n))


def test_a_long_plan_is_no_bomb_and_a_too_long_one_is_told_so_in_its_own_words(tmp_path, monkeypatch):
    # issue 25, item 10: the alias budget refused a 40,000-row plan without aliases, blaming aliases
    from plancheck.read import located_yaml
    from plancheck.read.planfile import read_plan_file

    text = _rows(20_000)   # 100,000 values of its own, none built again
    plan = read_plan_file("dai.yaml", text)
    assert len(plan.indicators) == 20_000
    monkeypatch.setattr(located_yaml, "MAX_OWN_VALUES", 5_000)
    with pytest.raises(InputError, match="holds more than 5,000 values; a plan file holds a few thousand") as info:
        read_plan_file("dai.yaml", text)
    assert "alias" not in info.value.message and info.value.line > 1
