"""Rule packs are data that cannot run away (issue 11): their regular expressions are checked
when the pack loads and matched in linear time; their message templates are plain fields."""
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from plancheck import api
from plancheck.cli import main
from plancheck.engine import load_pack
from plancheck.errors import RulePackError
from plancheck.packregex import PackPatternError, compile_pattern, translate

PACK = """\
rules:
  - id: XX101
    slug: local-share
    category: shares
    severity: error
    kind: share_range
    params:
      share_names: [{pattern}]
    message:
      vi: "{message}"
      en: "{{name}} reads {{value}}"
    doc:
      what: A local share rule.
    examples:
      fires:
        - periods: {{KH2024: {{year: 2024, kind: plan}}}}
          indicators:
            - {{name: Tỷ lệ che phủ rừng, unit: "%", values: {{KH2024: "425,0"}}}}
      passes:
        - periods: {{KH2024: {{year: 2024, kind: plan}}}}
          indicators:
            - {{name: Tỷ lệ che phủ rừng, unit: "%", values: {{KH2024: "42,5"}}}}
"""


def pack(tmp_path: Path, pattern: str = "'^\\W*tỷ lệ(?:\\W|$)'", message: str = "{name} bằng {value}") -> Path:
    path = tmp_path / "local.yaml"
    path.write_text(PACK.format(pattern=pattern, message=message), encoding="utf-8")
    return path


def test_a_valid_pack_pattern_is_matched_case_insensitively_with_unicode_words(tmp_path):
    rules = load_pack(pack(tmp_path))
    assert [r.id for r in rules] == ["XX101"]
    matcher = compile_pattern(r"^\W*tỷ lệ(?:\W|$)")
    assert matcher.search("TỶ LỆ che phủ") and matcher.search("- tỷ lệ") and not matcher.search("tỷ lệch")


@pytest.mark.parametrize("pattern, line, message", [
    ("'(tỷ lệ'", 8, "missing ): (tỷ lệ"),
    ("'tỷ lệ(?!ch)'", 8, "invalid perl operator: (?!"),
    ("'(\\w)\\1'", 8, "invalid escape sequence: \\1"),
    ("'\\btỷ lệ\\b'", 8, "\\b and \\B are ASCII-only"),
])
def test_a_pattern_that_cannot_run_in_linear_time_is_refused_with_file_and_line(tmp_path, pattern, line, message):
    path = pack(tmp_path, pattern)
    with pytest.raises(RulePackError) as caught:
        load_pack(path)
    assert (caught.value.path, caught.value.line) == (str(path), line)
    assert message in caught.value.message and "params.share_names.0" in caught.value.message


def test_a_catastrophic_pattern_is_matched_in_linear_time(tmp_path):
    # (\w+\s?)+$ backtracks for minutes in Python's re on a 400-byte line; RE2 takes microseconds
    path = pack(tmp_path, "'(\\w+\\s?)+$'")
    document = tmp_path / "plan.txt"
    document.write_text("Tỷ lệ " + "a" * 400 + "!\n", encoding="utf-8")
    start = time.monotonic()
    report = api.check(document, packs=[path], select=["XX101"])
    assert time.monotonic() - start < 5
    assert report.errors == []


@pytest.mark.parametrize("message, problem", [
    ("{name.__class__}", "{name.__class__}: a field is a plain name"),
    ("{name[0]}", "{name[0]}: a field is a plain name"),
    ("{name:>2000000000}", "{name:>2000000000}: only a plain field, or an alignment and a width under 100"),
    ("{name!r}", "{name!r}: only a plain field"),
    ("{name:{value}}", "only a plain field"),
    ("{nothing}", "uses {nothing}, which kind share_range does not provide"),
    ("{name", "not a message template"),
])
def test_a_message_template_is_plain_fields_only(tmp_path, message, problem):
    path = pack(tmp_path, message=message)
    with pytest.raises(RulePackError) as caught:
        load_pack(path)
    assert problem in caught.value.message and caught.value.line == 10


def test_an_alignment_and_a_small_width_are_allowed(tmp_path):
    assert [r.id for r in load_pack(pack(tmp_path, message="{name:<20} {value:>8}"))] == ["XX101"]


def test_the_cli_names_a_bad_pack_pattern_and_exits_2(capsys, tmp_path):
    path = pack(tmp_path, "'tỷ lệ(?=x)'")
    document = tmp_path / "plan.txt"
    document.write_text("Tỷ lệ 30%.\n", encoding="utf-8")
    code = main(["check", str(document), "--rules", str(path)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(f"plancheck: {path}:8:") and "invalid perl operator: (?=" in err


def test_translation_keeps_classes_and_escapes():
    assert translate(r"a\wb") == r"a[\pL\pN_]b"
    assert translate(r"[\w-]+") == r"[\pL\pN_-]+"
    assert translate(r"[]\w]") == r"[]\pL\pN_]"
    assert translate(r"\d+\.\d") == r"\d+\.\d"
    assert translate(r"\W") == r"[^\pL\pN_]"
    with pytest.raises(PackPatternError, match="inside"):
        translate(r"[\W]")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_as_a_pattern_is_compiled_or_refused_with_the_documented_error(pattern):
    try:
        compile_pattern(pattern)
    except PackPatternError:
        pass
