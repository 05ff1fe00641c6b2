"""Vietnamese first (issue 23, item 4): plancheck's own words through the gettext catalog
(plancheck/i18n.py), the rules' documentation in both languages in their packs; a message
without its translation fails here."""
import argparse
import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import plancheck
from plancheck.cli import main
from plancheck.i18n import LOCALE, translation
from documents import team_pack

ROOT = Path(__file__).resolve().parent.parent
PO = LOCALE / "vi" / "LC_MESSAGES" / "plancheck.po"


def _catalog():
    with PO.open("rb") as f:
        return {m.id if isinstance(m.id, str) else tuple(m.id): m for m in read_po(f) if m.id}


def _in_code():
    """The messages marked in plancheck's code, as pybabel extracts them (.ci/catalog)."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / "plancheck", method_map=[("**.py", "python")],
            keywords={"_": None, "N_": None, "Nn_": (1, 2)}):
        found.add(message)
    return found


def test_every_message_in_the_code_has_its_vietnamese_translation():
    catalog = _catalog()
    code = _in_code()
    missing = sorted(map(str, code - set(catalog)))
    assert not missing, f"not in the catalog (run .ci/catalog, then translate): {missing[:5]}"
    untranslated = [k for k, m in catalog.items() if k in code and (not all(_strings(m)) or m.fuzzy)]
    assert not untranslated, f"without a Vietnamese translation in {PO.name}: {untranslated[:5]}"
    assert not set(catalog) - code, f"no longer in the code (run .ci/catalog): {sorted(map(str, set(catalog) - code))[:5]}"


def _strings(message):
    return message.string if isinstance(message.string, (tuple, list)) else (message.string,)


_PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}|%\((\w+)\)[sdr]|%s")


def test_each_translation_keeps_the_placeholders_of_its_message():
    for key, message in _catalog().items():
        english = key if isinstance(key, str) else key[0]
        for vi in _strings(message):
            assert sorted(_PLACEHOLDER.findall(vi)) == sorted(_PLACEHOLDER.findall(english)), (english, vi)


def test_the_compiled_catalog_is_the_catalog():
    with (LOCALE / "vi" / "LC_MESSAGES" / "plancheck.mo").open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    for key, message in _catalog().items():
        if isinstance(key, str):
            assert compiled.gettext(key) == message.string, f"stale .mo (run .ci/catalog): {key!r}"
        else:
            assert compiled.ngettext(key[0], key[1], 3) == message.string[0], f"stale .mo: {key!r}"


def test_every_rule_is_documented_in_vietnamese_as_in_english():
    for rule in plancheck.load_rules():
        vi = rule.doc.vi
        assert vi is not None, f"{rule.id} has no Vietnamese documentation (doc.vi in its pack)"
        assert (vi.why is None) == (rule.doc.why is None) and (vi.fix is None) == (rule.doc.fix is None), rule.id
        assert rule.doc.text("vi") is vi and rule.doc.text("en").what == rule.doc.what


def test_a_pack_without_vietnamese_documentation_is_shown_in_english(tmp_path, capsys):
    pack = tmp_path / "pack.yaml"
    pack.write_text(team_pack("XX101", "tong-chi"), encoding="utf-8")
    assert main(["rules", "--rules", str(pack)]) == 0
    line = next(ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("XX101"))
    assert "tỷ trọng" in line and line.endswith("Shares close at one hundred.")


def test_rules_and_explain_speak_vietnamese_by_default(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    line = next(ln for ln in listing.splitlines() if ln.startswith("PC101"))
    assert "tỷ trọng" in line and "lỗi" in line and "cộng lại" in line
    assert main(["explain", "PC101"]) == 0
    shown = capsys.readouterr().out
    assert "vì sao:" in shown and "nhóm: tỷ trọng (shares)" in shown and "Ví dụ báo lỗi #1:" in shown
    assert "plancheck báo:" in shown and "Ví dụ không báo #1:" in shown
    assert main(["explain", "PC101", "--lang", "en"]) == 0
    assert "why:" in capsys.readouterr().out


def test_help_and_usage_errors_speak_the_language_asked_for(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: plancheck check") and "hiển thị trợ giúp này rồi thoát" in out
    assert "chỉ các quy tắc này" in out    # --select's help
    with pytest.raises(SystemExit):
        main(["check", "--help", "--lang", "en"])
    assert capsys.readouterr().out.startswith("usage: plancheck check")
    with pytest.raises(SystemExit) as stop:
        main(["check", "--format", "pdf", "a.md"])
    assert stop.value.code == 2 and "lựa chọn không hợp lệ: 'pdf'" in capsys.readouterr().err
    # argparse speaks Vietnamese only while plancheck parses: pytest's own parsing is untouched
    assert argparse._ is gettext.gettext


def test_the_locale_chooses_when_nothing_else_does(capsys, monkeypatch, tmp_path):
    missing = str(tmp_path / "khong-co.md")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    main(["check", missing])
    assert "unreadable: no such file" in capsys.readouterr().out
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")          # LC_ALL over LANG, as the C library reads them
    main(["check", missing])
    assert "không đọc được: không có tệp này" in capsys.readouterr().out
    monkeypatch.setenv("PLANCHECK_LANG", "en")           # plancheck's own setting over the locale
    main(["check", missing])
    assert "no such file" in capsys.readouterr().out
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    monkeypatch.delenv("PLANCHECK_LANG")
    main(["check", missing])                             # a language plancheck does not speak: Vietnamese
    assert "không có tệp này" in capsys.readouterr().out


def test_file_errors_are_in_the_run_s_language_in_worker_processes_too(tmp_path, capsys):
    (tmp_path / "a.md").write_text("Điều 1. Phạm vi.\n", encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"not a zip at all")
    for lang, said in (("vi", "không phải tệp Word .docx"), ("en", "not a Word .docx file")):
        assert main(["check", "--no-config", "-j", "2", "--lang", lang, str(tmp_path)]) == 2
        assert said in capsys.readouterr().out


def test_the_report_counts_in_each_language(tmp_path, capsys):
    draft = tmp_path / "a.md"
    draft.write_text("Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n", encoding="utf-8")
    main(["check", "--no-config", str(draft)])
    assert capsys.readouterr().out.splitlines()[-1].startswith("1 phát hiện (1 lỗi) · 1 tệp")
    draft.with_name("b.md").write_text("Điều 1. Phạm vi điều chỉnh.\n", encoding="utf-8")
    main(["check", "--no-config", "--lang", "en", str(draft), str(draft.with_name("b.md"))])
    assert "1 finding (1 error) · 2 files" in capsys.readouterr().out


def test_english_needs_no_catalog():
    assert translation("en").gettext("no such file") == "no such file"
    assert translation("vi").gettext("no such file") == "không có tệp này"


def test_what_check_says_on_standard_error_is_in_the_run_s_language(tmp_path, capsys):
    draft = tmp_path / "a.md"
    draft.write_text("Diện tích trồng rừng mới 2,480.5 ha.\n", encoding="utf-8")
    main(["check", "--no-config", "--diff", str(draft)])
    assert capsys.readouterr().err == "plancheck: 1 phát hiện sẽ được sửa (--fix áp dụng các cách sửa)\n"
    main(["check", "--no-config", "--diff", "--lang", "en", str(draft)])
    assert capsys.readouterr().err == "plancheck: 1 finding would be fixed (--fix applies them)\n"
    empty = tmp_path / "trong"
    empty.mkdir()
    assert main(["check", "--no-config", str(empty)]) == 2
    assert capsys.readouterr().err.startswith(f"plancheck: không có tệp nào để kiểm tra trong {empty}")
    with pytest.raises(SystemExit) as stop:   # a usage error, argparse's
        main(["check", "--no-config", "--jobs", "abc", str(empty)])
    assert stop.value.code == 2 and "plancheck: lỗi: tham số -j/--jobs" in capsys.readouterr().err


def test_two_runs_in_two_threads_each_speak_their_own_language(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    import plancheck
    from plancheck import i18n

    for i in range(40):
        (tmp_path / f"hong-{i}.docx").write_bytes(b"not a zip at all")

    def errors(lang):
        return {e.message for e in plancheck.check(tmp_path, lang=lang).errors}

    with ThreadPoolExecutor(2) as pool:
        english, vietnamese = pool.map(errors, ["en", "vi"])
    assert all("not a Word .docx file" in m for m in english)
    assert all("không phải tệp Word .docx" in m for m in vietnamese)
    i18n.use("vi")
    plancheck.check(tmp_path, lang="en")
    assert i18n.current() == "vi"   # a run leaves the caller's language as it found it


def test_numbers_in_messages_are_written_as_the_language_writes_them():
    from plancheck.i18n import number

    assert (number(6000, lang="vi"), number(12.34, 1, lang="vi")) == ("6.000", "12,3")
    assert (number(6000, lang="en"), number(12.34, 1, lang="en")) == ("6,000", "12.3")
