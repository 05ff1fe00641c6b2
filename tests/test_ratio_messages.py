"""A comparison's message gives the range rounding allows, never a range whose ends read alike."""
import re

import plancheck


def _plan(numerator: str, denominator: str, stated: str):
    return {"format": "plancheck/1",
            "periods": {"UTH2025": {"year": 2025, "kind": "estimate"}, "KH2026": {"year": 2026, "kind": "plan"}},
            "comparisons": {"SS": {"of": "KH2026", "to": "UTH2025", "label": "KH 2026 so với ƯTH 2025 (%)"}},
            "indicators": [{"name": "Thu ngân sách", "unit": "tỷ đồng",
                            "values": {"UTH2025": denominator, "KH2026": numerator}, "compare": {"SS": stated}}]}


def test_a_narrow_range_is_shown_with_the_places_that_tell_its_ends_apart():
    [f] = plancheck.check(_plan("2.150,5", "1.980", "118,6"), lang="en").findings
    low, high = re.search(r"rounding range ([\d,]+)–([\d,]+)\)", f.message).groups()
    assert low != high and low.startswith("108,6") and high.startswith("108,6")


def test_figures_that_leave_no_range_give_one_value_with_one_place_more_than_the_column():
    # whole tỷ đồng are taken as exact: the ratio is one value, shown once, not "108,59–108,59"
    [f] = plancheck.check(_plan("215", "198", "118,6"), lang="en").findings
    assert f.message.endswith("(rounding range 108,59)"), f.message
