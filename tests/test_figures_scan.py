"""extract.figures scans from the number (issue 24: a pattern that opens with thirty qualifier
words is tried at every character); the qualifier before the number is looked for back from it.
What it finds must be what the one pattern with the qualifier first finds."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.extract import figures


def _qualifier_first():
    """The figure pattern as first written: one regex, the qualifier before the number, the test of
    what stands before it first, the number as numbers are written (_NUMBER)."""
    lead = f"(?P<n>{figures._LEAD_NUMBER})"
    assert figures._FIGURE.pattern.startswith(lead)
    rest = figures._FIGURE.pattern.removeprefix(lead)
    return re.compile(rf"(?<![\w/.,\-–])(?:(?P<q>{figures._QUALIFIER_RE})\s+)?(?P<n>{figures._NUMBER}){rest}",
                      re.IGNORECASE)


_ONE_PATTERN = _qualifier_first()


def _found(text):
    return [((q.start() if q else m.start()), m.end(), q.group() if q else None) for m, q in figures._figures(text)]


def _expected(text):
    return [(m.start(), m.end(), m.group("q")) for m in _ONE_PATTERN.finditer(text)]


_PIECES = ["1,5", "2.345.678", "12.34", ".5", "a1", "khoảng", "Khoảng", "trên", "không quá", "quá", "ít hơn", "hơn", "gần", " ", "  ", "\t", "5", "12,5",
           "1.200", "%", "ha", "tỷ đồng", "-", "/", "x", "đến", "(", "ngoài", "người", "năm 2024", "trên dưới"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_the_number_first_scan_finds_what_the_qualifier_first_pattern_finds(pieces):
    text = "".join(pieces)
    assert _found(text) == _expected(text)


def test_a_qualifier_bounds_the_figure_after_it_and_not_one_further_on():
    [about, plain] = figures.scan("Sản lượng đạt khoảng 1.250 tấn, diện tích 300 ha.")
    assert (about.qualifier, about.text) == ("khoảng", "khoảng 1.250 tấn")
    [about] = figures.scan("Sản lượng ước khoảng 1.250 tấn")
    assert about.qualifier == "ước khoảng"   # the longest qualifier that ends before the number
    assert plain.qualifier is None and plain.text == "300 ha"
    [bounded] = figures.scan("Vốn đầu tư không vượt quá 45 tỷ đồng")
    assert bounded.qualifier == "không vượt quá" and bounded.value.hi == 45 and bounded.value.lo < 45
    # a qualifier glued to a word before it is no qualifier ("xtrên"), nor one the last figure took in
    [figure] = figures.scan("mã Xtrên 12 ha")
    assert figure.qualifier is None
