"""The team's own tests of its figures, with plancheck's fixture and assertion."""
from plancheck.testing import assert_no_findings


def test_son_la_comparison_columns_follow_from_their_values(plancheck_check):
    # "so với" columns: each is the ratio of the two values it compares
    assert_no_findings(plancheck_check("plans/son-la"), category="comparison")


def test_every_structure_closes_at_100_percent_in_son_la(plancheck_check):
    assert_no_findings(plancheck_check("plans/son-la"), rule="PC101")
