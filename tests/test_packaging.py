"""The package as users get it: light import, complete package list, the public API."""
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import plancheck

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "plancheck").rglob("__init__.py")}
    assert found | {"plancheck.rules"} == listed


def test_import_is_light():
    code = ("import sys, plancheck; heavy = {'pint', 'docx', 'babel', 'yaml', 'pydantic', 'hypothesis'}"
            " & set(sys.modules); print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_checking_a_plan_file_does_not_load_pint_when_no_unit_is_compared():
    code = ("import sys, plancheck; r = plancheck.check(sys.argv[1], select=['PC101']);"
            " print(len(r.findings), 'pint' in sys.modules, 'docx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT / "examples" / "thai-nguyen-2024.yaml")],
                         capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False", "False"]


def test_checking_a_plan_file_loads_no_check_that_reads_documents(tmp_path):
    # every rule runs, but the kinds that need a document are not even imported (issue 24), and
    # one file without an index loads no check across documents; the rule cache, filled by the
    # first run, knows each rule's kind's scope without loading it
    doc_only = ["plancheck.checks." + m for m in ("dates", "numbering", "placeholders", "references",
                                                  "session", "symbols", "cross_document")]
    doc_only += ["plancheck.models.document", "plancheck.read.text", "plancheck.extract"]   # nor the readers
    code = ("import sys, plancheck; r = plancheck.check(sys.argv[1]);"
            f" print(len(r.findings), sorted(set({doc_only!r}) & set(sys.modules)))")
    plan = ROOT / "examples" / "son-la-2024.yaml"
    runs = [subprocess.run([sys.executable, "-c", code, str(plan)], capture_output=True, text=True,
                           check=True).stdout.strip() for _ in range(2)]
    assert runs[1] == "6 []", runs


def test_document_checks_find_nothing_in_a_plan_file():
    """What lets a plan file skip them: each kind marked as needing a document, run on plan data
    anyway, finds nothing (the bundled plans and the data repository's)."""
    import plancheck
    from plancheck.checks.base import Subject
    from plancheck.read.planfile import read_plan_file

    plans = [*(ROOT / "examples").glob("*.yaml"), *(ROOT / "examples" / "data-repo" / "plans").rglob("*.yaml")]
    rules = [r for r in plancheck.load_rules() if r.needs == "document"]
    assert len(rules) >= 20
    for path in plans:
        plan = read_plan_file(path, path.read_text(encoding="utf-8"))
        for rule in rules:
            subject = Subject(plan=plan, options={"stage": "auto"})
            assert list(rule.checker().run(subject, rule.parsed_params())) == [], (rule.id, path.name)


def test_checking_a_unicode_text_loads_no_yaml_plan_file_reader_legacy_converter_or_pydantic(tmp_path):
    # the rule packs' validated form is cached by the first run; the second reads no YAML and,
    # the models inside being plain data, loads no pydantic (issue 24: it is a third of a start)
    code = ("import sys, plancheck; r = plancheck.check(sys.argv[1]);"
            " print(sorted({'yaml', 'plancheck.read.planfile', 'viparse', 'pydantic'} & set(sys.modules)))")
    document = tmp_path / "draft.txt"
    document.write_text("Cơ cấu kinh tế: nông nghiệp 30%, công nghiệp 30%, dịch vụ 30%.\n", encoding="utf-8")
    runs = [subprocess.run([sys.executable, "-c", code, str(document)], capture_output=True, text=True,
                           check=True).stdout for _ in range(2)]
    assert runs[1].strip() == "[]"


def test_check_accepts_a_path_a_dict_and_a_plan():
    path = ROOT / "examples" / "son-la-2024.yaml"
    from_path = plancheck.check(path)
    assert [f.rule for f in from_path.findings] == ["PC273", "PC251", "PC251", "PC252", "PC272", "PC271"]

    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    from_dict = plancheck.check(data)
    assert sorted(f.rule for f in from_dict.findings) == sorted(f.rule for f in from_path.findings)

    from plancheck.read.planfile import read_plan_file

    plan = read_plan_file(path)
    assert isinstance(plan, plancheck.Plan)
    assert [f.message for f in plancheck.check(plan, lang="en").findings] == [
        f.message for f in plancheck.check(path, lang="en").findings]


def test_unknown_attribute():
    with pytest.raises(AttributeError):
        plancheck.nothing_here  # noqa: B018
