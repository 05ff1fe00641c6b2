"""SARIF validated against the official SARIF 2.1.0 schema (issue 22, item 4), and the links from
each rule to its section of the rule reference (item 8): SARIF's helpUri, the HTML report, the
rule code on a terminal that shows links."""
import json
import os
from pathlib import Path

import pytest

from plancheck.cli import main
from plancheck.explain import rules_markdown
from plancheck.links import reference, rule_url
from documents import team_pack

SCHEMA = Path(os.environ.get("PLANCHECK_SARIF_SCHEMA")
              or Path(__file__).parent / "data" / "external" / "sarif-2.1.0.json")

CERTAIN_FIX = "Diện tích trồng rừng mới 2,480.5 ha.\n"                                  # PC252, fixed by --fix
SHARES = "Cơ cấu kinh tế năm 2025: nông nghiệp 30%, công nghiệp 35%, dịch vụ 45%.\n"     # PC101
RATIO = ("| Chỉ tiêu | TH 2024 | KH 2025 | KH 2025 so với TH 2024 (%) |\n|---|---|---|---|\n"
         "| Thu ngân sách (tỷ đồng) | 200 | 214 | 170,0 |\n")                              # PC201, a likely fix


def _sarif(capsys, *args, config=None):
    code = main(["check", "--format", "sarif", "--lang", "en",
                 *(["--config", str(config)] if config else ["--no-config"]), *map(str, args)])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), err   # 2: the unreadable file
    return json.loads(out)


@pytest.fixture
def folder(tmp_path):
    """Findings of several shapes: a certain fix, likely fixes, an unreadable file, a Vietnamese name."""
    (tmp_path / "kế-hoạch.md").write_text(SHARES + "\n" + RATIO, encoding="utf-8")
    (tmp_path / "cong-van.md").write_text(CERTAIN_FIX, encoding="utf-8")
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 not a zip")
    return tmp_path


@pytest.mark.skipif(not SCHEMA.is_file(), reason="the official SARIF schema: run .ci/fetch-sarif-schema")
def test_sarif_is_valid_against_the_official_schema(capsys, folder):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    config = folder / "plancheck.toml"   # a published reference: helpUri and informationUri too
    config.write_text('rules-url = "https://ke-hoach.example.vn/plancheck/rules.html"\n', encoding="utf-8")
    sarif = _sarif(capsys, folder, config=config)
    assert "helpUri" in sarif["runs"][0]["tool"]["driver"]["rules"][0]
    run = sarif["runs"][0]
    # the file covers what can go wrong: results, a SARIF fix, a notification of an unreadable file
    assert run["results"] and any("fixes" in r for r in run["results"])
    assert run["invocations"][0]["toolExecutionNotifications"]
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])
    # and the validator does reject what the schema forbids, so that the test above can fail
    run["results"][0]["level"] = "fatal"
    assert any(e.validator == "enum" for e in validator.iter_errors(sarif))


def test_sarif_links_only_to_a_published_reference(capsys, folder, tmp_path):
    # without rules-url the reference is this checkout's file: fine for the HTML report read
    # here, no address for a SARIF file uploaded elsewhere
    driver = _sarif(capsys, folder)["runs"][0]["tool"]["driver"]
    assert all("helpUri" not in r for r in driver["rules"]) and "informationUri" not in driver
    base = reference()
    main(["check", "--no-config", "--format", "html", str(folder / "kế-hoạch.md")])
    page = capsys.readouterr().out
    if base is not None:   # a checkout: its docs/rules.md
        assert f'<a class="rule" href="{base}#pc101">PC101</a>' in page


def test_a_team_s_own_rule_links_only_into_the_team_s_reference(capsys, tmp_path):
    from plancheck.links import rule_links
    from plancheck.engine import load_rules

    pack = tmp_path / "rieng.yaml"
    pack.write_text(PACK, encoding="utf-8")
    rules = load_rules([pack])
    plain = rule_links(rules)
    assert "XY901" not in plain   # plancheck's reference has no section for it
    if reference() is not None:
        assert plain["PC101"].endswith("#pc101")
    team = rule_links(rules, "https://so-khdt.example.vn/plancheck/quy-tac.html")
    assert team["XY901"] == "https://so-khdt.example.vn/plancheck/quy-tac.html#xy901"


PACK = team_pack("XY901", "rieng-co-cau")


def test_a_configured_reference_is_where_the_links_go(capsys, folder, tmp_path):
    config = tmp_path / "plancheck.toml"
    config.write_text('rules-url = "https://ke-hoach.example.vn/plancheck/rules.html"\n', encoding="utf-8")
    driver = _sarif(capsys, folder, config=config)["runs"][0]["tool"]["driver"]
    assert {r["id"]: r["helpUri"] for r in driver["rules"]}["PC201"] == \
        "https://ke-hoach.example.vn/plancheck/rules.html#pc201"
    assert driver["informationUri"] == "https://ke-hoach.example.vn/plancheck/rules.html"


def test_a_rules_url_that_is_not_an_address_is_refused(capsys, tmp_path):
    config = tmp_path / "plancheck.toml"
    config.write_text("rules-url = 3\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(SHARES, encoding="utf-8")
    assert main(["check", "--config", str(config), str(tmp_path / "a.md")]) == 2
    assert "rules-url" in capsys.readouterr().err


def test_the_reference_has_an_anchor_for_every_rule_it_links_to():
    from plancheck.engine import load_rules

    rules = list(load_rules())
    text = rules_markdown(rules)
    for r in rules:
        assert f'<a id="{r.id.lower()}"></a>' in text
        assert rule_url(r.id, "x").endswith("#" + r.id.lower())


def test_the_html_report_links_each_rule_code(capsys, folder, tmp_path):
    config = tmp_path / "plancheck.toml"
    config.write_text('rules-url = "https://ke-hoach.example.vn/rules"\n', encoding="utf-8")
    main(["check", "--config", str(config), "--format", "html", str(folder / "kế-hoạch.md")])
    page = capsys.readouterr().out
    assert '<a class="rule" href="https://ke-hoach.example.vn/rules#pc101">PC101</a>' in page


def test_rule_codes_are_links_only_on_a_terminal_that_shows_them(capsys, folder, tmp_path, monkeypatch):
    config = tmp_path / "plancheck.toml"
    config.write_text('rules-url = "https://ke-hoach.example.vn/rules"\n', encoding="utf-8")
    args = ["check", "--config", str(config), str(folder / "kế-hoạch.md")]
    link = "\x1b]8;;https://ke-hoach.example.vn/rules#pc101\x1b\\"
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("FORCE_HYPERLINK", "1")
    main(args)
    assert link in capsys.readouterr().out
    monkeypatch.setenv("FORCE_HYPERLINK", "0")
    main(args)
    assert "\x1b]8" not in capsys.readouterr().out
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.delenv("FORCE_HYPERLINK")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM_PROGRAM", "vscode")
    main(args)   # piped or colourless: plain text, no escape sequences at all
    assert "\x1b" not in capsys.readouterr().out
