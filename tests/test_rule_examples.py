"""Every rule's examples run: `fires` yields that rule, `passes` yields nothing from it."""
import pytest

from plancheck.engine import load_rules, run_example

RULES = list(load_rules())


def _cases(which):
    for rule in RULES:
        for i, example in enumerate(getattr(rule.examples, which), 1):
            yield pytest.param(rule, example, id=f"{rule.id}-{rule.slug}-{which}-{i}")


@pytest.mark.parametrize("rule, example", list(_cases("fires")))
def test_example_fires(rule, example):
    findings = run_example(rule, example)
    assert findings, f"{rule.id} did not fire on its example"
    assert {f.rule for f in findings} == {rule.id}
    for f in findings:
        assert f.message and "{" not in f.message
        assert f.category == rule.category and f.severity == rule.severity


@pytest.mark.parametrize("rule, example", list(_cases("passes")))
def test_example_passes(rule, example):
    assert run_example(rule, example) == []


def test_default_pack_has_a_rule_per_numeric_kind():
    kinds = {r.kind for r in RULES}
    assert {"structure_sum", "ratio", "growth", "part_whole", "share_range", "stated_count"} <= kinds


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_messages_fill_every_field(lang):
    for rule in RULES:
        for example in rule.examples.fires:
            for f in run_example(rule, example, lang):
                assert "{" not in f.message and "}" not in f.message
