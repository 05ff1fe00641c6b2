"""The docs say what the code does: examples run, generated files are current."""
import contextlib
import io
import json
import os
import re
from pathlib import Path

import pytest

from plancheck.cli import main
from plancheck.read.planfile import json_schema

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def run_python(code: str, namespace: dict) -> str:
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "docs/api.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    return out.getvalue()


def test_api_examples_print_what_the_docs_say():
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    first_output = re.search(r"```python\n.*?```\n\nprints\n\n```\n(.*?)```", text, re.S).group(1)
    namespace: dict = {}  # the blocks run in order, as a reader would type them
    assert run_python(blocks[0], namespace) == first_output
    second_output = re.search(r"prints `(.*?)`\.", text).group(1)
    assert run_python(blocks[1], namespace) == second_output + "\n"


def test_plan_file_schema_is_current():
    assert json.loads((DOCS / "plan-file.schema.json").read_text(encoding="utf-8")) == json_schema()


@pytest.mark.parametrize("lang, name", [("en", "rules.md"), ("vi", "rules.vi.md")])
def test_rule_reference_is_current(capsys, lang, name):
    assert main(["rules", "--format", "markdown", "--lang", lang]) == 0
    assert capsys.readouterr().out == (DOCS / name).read_text(encoding="utf-8")


def test_readme_shows_the_examples_output_as_plancheck_prints_it(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("son-la-2024.yaml", "thai-nguyen-2024.yaml", "kon-tum-2021.md"):
        block = re.search(rf"\$ plancheck check examples/{name} --lang en\n(.*?)```", readme, re.S).group(1)
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            main(["check", f"examples/{name}", "--lang", "en"])
        finally:
            os.chdir(cwd)
        assert capsys.readouterr().out == block


def test_report_schema_is_current_and_the_cli_report_fits_it(tmp_path, capsys):
    from plancheck.report.json import report_schema
    from plancheck.report.schema import ReportShape

    assert json.loads((DOCS / "report.schema.json").read_text(encoding="utf-8")) == report_schema()
    draft = tmp_path / "ke-hoach.md"
    draft.write_text("Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n", encoding="utf-8")
    (tmp_path / "hong.docx").write_bytes(b"not a zip")
    (tmp_path / "anh.png").write_bytes(b"\x89PNG")
    main(["check", "--no-config", "--format", "json", str(tmp_path)])
    report = ReportShape.model_validate_json(capsys.readouterr().out)
    assert [f.rule for f in report.findings] == ["PC101"] and len(report.errors) == 1 and len(report.skipped) == 1
