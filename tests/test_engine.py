"""Rule packs: validation with file and line, selection, user packs."""
import textwrap

import pytest

from plancheck.engine import load_pack, load_rules, run_example
from plancheck.errors import PlancheckError, RulePackError

GOOD_RULE = """\
pack: extra
rules:
  - id: XY101
    slug: big-structure-sum
    category: shares
    severity: warning
    kind: structure_sum
    params: {total: 100}
    message:
      vi: "Cơ cấu {name} cộng lại {sum}%"
      en: "{name} sums to {sum}%"
    doc: {what: Shares add up.}
    examples:
      fires:
        - periods: {KH: {year: 2024, kind: plan}}
          indicators:
            - name: Cơ cấu
              components:
                - {name: A, values: {KH: "60"}}
                - {name: B, values: {KH: "60"}}
      passes:
        - periods: {KH: {year: 2024, kind: plan}}
          indicators:
            - name: Cơ cấu
              components:
                - {name: A, values: {KH: "40"}}
                - {name: B, values: {KH: "60"}}
"""


def write(tmp_path, text, name="pack.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_user_pack_adds_rules(tmp_path):
    rules = load_rules([write(tmp_path, GOOD_RULE)])
    rule = rules.get("XY101")
    assert rule is not None and rules.get("big-structure-sum") is rule
    assert rules.get("PC101") is not None  # the default pack is still there


@pytest.mark.parametrize("old, new, line, says", [
    ("kind: structure_sum", "kind: structure_summ", 7, "unknown check kind 'structure_summ'"),
    ("params: {total: 100}", "params: {totl: 100}", 8, "params.totl"),
    ("params: {total: 100}", "params: {total: lots}", 8, "params.total"),
    ('      en: "{name} sums to {sum}%"\n', "", 9, "message.en"),
    ('en: "{name} sums to {sum}%"', 'en: "{name} sums to {summ}%"', 11, "{summ}"),
    ("category: shares", "category: sharez", 5, "category"),
    ("id: XY101", "id: xy-101", 3, "id"),
])
def test_a_bad_rule_names_pack_line_and_problem(tmp_path, old, new, line, says):
    assert old in GOOD_RULE
    path = write(tmp_path, GOOD_RULE.replace(old, new))
    with pytest.raises(RulePackError) as info:
        load_pack(path)
    err = info.value
    assert err.path == str(path)
    assert err.line == line
    assert says in err.message


def test_yaml_syntax_error_in_a_pack_has_its_line(tmp_path):
    path = write(tmp_path, "rules:\n  - id: [PC1\n")
    with pytest.raises(RulePackError) as info:
        load_pack(path)
    assert info.value.path == str(path) and info.value.line == 3


def test_a_pack_without_rules_list_is_refused(tmp_path):
    with pytest.raises(RulePackError, match="'rules' list"):
        load_pack(write(tmp_path, "pack: x\n"))


def test_a_rule_defined_twice_is_refused(tmp_path):
    clash = GOOD_RULE.replace("id: XY101", "id: PC101")
    with pytest.raises(RulePackError, match="PC101 is defined twice"):
        load_rules([write(tmp_path, clash)])


def test_examples_are_required(tmp_path):
    text = GOOD_RULE.split("    examples:")[0]
    with pytest.raises(RulePackError, match="examples"):
        load_pack(write(tmp_path, text))


@pytest.mark.parametrize("select, ignore, expected", [
    (["PC101"], [], {"PC101"}),
    (["PC1"], [], {"PC101", "PC102", "PC103"}),
    (["structure-sum"], [], {"PC101"}),
    (["comparison"], [], {"PC201", "PC202", "PC203", "PC204", "PC205", "PC206"}),
    (["shares", "count"], ["PC102", "PC103"], {"PC101", "PC401"}),
    (["PC1", "PC2", "PC3", "PC4"], ["comparison", "part-whole", "shares", "number-format", "outlier"], {"PC401"}),
    (["date"], ["PC55", "PC504", "PC505", "PC506", "PC507", "PC508"], {"PC501", "PC502", "PC503"}),
])
def test_selection_by_id_prefix_slug_and_category(select, ignore, expected):
    chosen = load_rules().select(select, ignore)
    assert {r.id for r in chosen} == expected


def test_selecting_an_unknown_rule_is_an_error():
    with pytest.raises(PlancheckError, match="PC999"):
        load_rules().select(["PC999"])


def test_default_packs_ship_inside_the_package():
    from plancheck.engine import default_pack_paths

    paths = default_pack_paths()
    assert "default.yaml" in [p.name for p in paths]


@pytest.mark.parametrize("lang, shown", [("vi", "(kế hoạch 2024)"), ("en", "(plan 2024)")])
def test_periods_in_messages_speak_the_messages_language(lang, shown):
    plan = {"periods": {"KH2024": {"year": 2024, "kind": "plan"}},
            "indicators": [{"name": "Cơ cấu kinh tế", "components": [
                {"name": "Nông nghiệp", "values": {"KH2024": "21%"}},
                {"name": "Công nghiệp", "values": {"KH2024": "29%"}}]}]}
    [finding] = run_example(load_rules().get("PC101"), plan, lang)
    assert finding.message.startswith(f"Cơ cấu kinh tế {shown}")
