"""Structured plan files (YAML and JSON): what they become, and what they reject."""
import json
import textwrap
from decimal import Decimal

import pytest
import yaml

from plancheck.api import check
from plancheck.errors import InputError
from plancheck.intervals import Interval
from plancheck.models import ComparisonKind, Period, PeriodKind
from plancheck.read.planfile import plan_from_data, read_plan_file

# messages asserted in English here; their Vietnamese is tested in test_i18n
pytestmark = pytest.mark.usefixtures("english")

D = Decimal

# Sơn La, kế hoạch 2024, Phụ lục 01 (excerpt): GRDP per capita with its two
# comparison columns, the economic structure, a budget line with a part.
SON_LA = textwrap.dedent("""\
    format: plancheck/1
    document:
      kind: Nghị quyết
      issuer: HĐND tỉnh Sơn La
      date: 07/12/2023
    periods:
      TH2022: {year: 2022, kind: actual, label: Thực hiện 2022}
      KH2023: {year: 2023, kind: plan}
      UTH2023: {year: 2023, kind: estimate, label: Ước thực hiện 2023}
      KH2024: {year: 2024, kind: plan}
    comparisons:
      SS1: {of: UTH2023, to: TH2022, label: ƯTH 2023 so với TH 2022 (%)}
      SS2: {kind: growth, of: KH2024, to: UTH2023}
    indicators:
      - id: "1"
        name: GRDP bình quân đầu người
        unit: triệu đồng/người/năm
        values:
          TH2022: "48,59"
          KH2023: "52,40"
          UTH2023: "51,7"
          KH2024: "55,5"
        compare:
          SS1: "106,41"
          SS2: "7,28"
      - id: "2"
        name: Cơ cấu kinh tế
        unit: "%"
        components:
          - {name: "Nông, lâm nghiệp, thủy sản", values: {UTH2023: "25,1", KH2024: "25,0"}}
          - {name: Công nghiệp - xây dựng, values: {UTH2023: "27,6", KH2024: "26,5"}}
          - {name: Dịch vụ, values: {UTH2023: "40,4", KH2024: "41,7"}}
          - {name: Thuế sản phẩm trừ trợ cấp sản phẩm, values: {UTH2023: "6,9", KH2024: "6,7"}}
      - id: "3"
        name: Thu ngân sách nhà nước trên địa bàn
        unit: tỷ đồng
        values: {UTH2023: "4.450", KH2024: "4.636"}
        parts:
          - {name: Thu nội địa, values: {KH2024: "4.300"}}
          - {name: Tỷ lệ thu nội địa, unit: "%", same_base: false, values: {KH2024: "92,75"}}
      - id: a
        name: Tốc độ tăng trưởng GRDP
        unit: "%"
        values: {KH2024: "7,50"}
    counts:
      - {what: chỉ tiêu chủ yếu, stated: "03", items: indicators}
      - {what: quan điểm, stated: "05", items: [a, b, c, d, đ]}
    """)

TH2022 = Period(year=2022, kind=PeriodKind.actual)
UTH2023 = Period(year=2023, kind=PeriodKind.estimate)
KH2024 = Period(year=2024, kind=PeriodKind.plan)


def write(tmp_path, text, name="plan.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text, needle, nth=0):
    """1-based line and column of the nth occurrence of needle."""
    hits = [(i + 1, line.index(needle) + 1) for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[nth]


@pytest.fixture
def son_la(tmp_path):
    path = write(tmp_path, SON_LA)
    return path, read_plan_file(path)


# -- YAML ---------------------------------------------------------------------

def test_indicators_keep_id_name_unit_and_period_values(son_la):
    _, plan = son_la
    assert [(i.id, i.name, i.unit) for i in plan.indicators] == [
        ("1", "GRDP bình quân đầu người", "triệu đồng/người/năm"),
        ("2", "Cơ cấu kinh tế", "%"),
        ("3", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng"),
        ("a", "Tốc độ tăng trưởng GRDP", "%"),
    ]
    grdp = plan.indicators[0]
    assert [o.period.year for o in grdp.values] == [2022, 2023, 2023, 2024]
    assert grdp.value_for(UTH2023).point == D("51.7")
    assert grdp.value_for(Period(year=2023, kind=PeriodKind.plan)).text == "52,40"


def test_values_are_read_as_vietnamese_text_with_their_precision(son_la):
    _, plan = son_la
    grdp, budget, growth = plan.indicators[0], plan.indicators[2], plan.indicators[3]
    v = growth.value_for(KH2024)
    assert (v.text, v.point, v.decimals) == ("7,50", D("7.50"), 2)
    assert v.interval == Interval(D("7.495"), D("7.505"))
    assert (grdp.value_for(TH2022).point, grdp.value_for(TH2022).decimals) == (D("48.59"), 2)
    assert (budget.value_for(KH2024).point, budget.value_for(KH2024).decimals) == (D("4636"), 0)


def test_every_value_points_at_its_own_line_and_column(son_la):
    path, plan = son_la
    for needle, value in [
        ('"48,59"', plan.indicators[0].value_for(TH2022)),
        ('"51,7"', plan.indicators[0].value_for(UTH2023)),
        ('"7,50"', plan.indicators[3].value_for(KH2024)),
        ('"4.636"', plan.indicators[2].value_for(KH2024)),
    ]:
        assert value.location.path == str(path)
        assert (value.location.line, value.location.column) == line_of(SON_LA, needle)
    assert plan.indicators[1].location.line == line_of(SON_LA, '- id: "2"')[0]  # the entry's first line


def test_comparisons_pair_the_reported_figure_with_numerator_and_denominator(son_la):
    _, plan = son_la
    ss1, ss2 = plan.comparisons
    assert ss1.indicator == "GRDP bình quân đầu người"
    assert (ss1.kind, ss1.value.text, ss1.value.point) == (ComparisonKind.ratio, "106,41", D("106.41"))
    assert ss1.label == "ƯTH 2023 so với TH 2022 (%)"
    assert (ss1.numerator.label, ss1.numerator.value.text) == ("Ước thực hiện 2023", "51,7")
    assert (ss1.denominator.label, ss1.denominator.value.text) == ("Thực hiện 2022", "48,59")
    assert ss1.location.line == line_of(SON_LA, '"106,41"')[0]
    assert (ss2.kind, ss2.label, ss2.value.text) == (ComparisonKind.growth, "SS2", "7,28")
    assert (ss2.numerator.label, ss2.numerator.value.text) == ("KH2024", "55,5")   # no label: the id
    assert ss2.denominator.value.text == "51,7"


def test_components_become_one_structure_per_period(son_la):
    _, plan = son_la
    assert [s.period for s in plan.structures] == [UTH2023, KH2024]
    uth, kh = plan.structures
    assert [c.value.text for c in uth.components] == ["25,1", "27,6", "40,4", "6,9"]
    assert [c.value.text for c in kh.components] == ["25,0", "26,5", "41,7", "6,7"]
    assert kh.components[3].name == "Thuế sản phẩm trừ trợ cấp sản phẩm"
    assert (uth.name, uth.unit) == ("Cơ cấu kinh tế", "%")
    assert uth.total.point == 100 and uth.total.is_exact      # no structure: total 100
    assert uth.location.line == line_of(SON_LA, '"25,1"')[0]  # the first component's line


def test_parts_are_matched_to_the_whole_of_the_same_period(son_la):
    _, plan = son_la
    own, share = plan.parts
    assert (own.whole_name, own.part_name, own.period) == ("Thu ngân sách nhà nước trên địa bàn", "Thu nội địa", KH2024)
    assert (own.whole.text, own.part.text) == ("4.636", "4.300")
    assert (own.whole_unit, own.part_unit, own.same_base) == ("tỷ đồng", "tỷ đồng", None)  # unit from the whole
    assert (share.part_unit, share.same_base, share.part.point) == ("%", False, D("92.75"))
    assert own.location.line == line_of(SON_LA, '"4.300"')[0]


def test_a_count_of_indicators_lists_the_numbered_ones(son_la):
    _, plan = son_la
    indicators, views = plan.counts
    assert (indicators.what, indicators.stated.text, indicators.stated.point) == ("chỉ tiêu chủ yếu", "03", 3)
    assert indicators.items == ["1. GRDP bình quân đầu người", "2. Cơ cấu kinh tế",
                                "3. Thu ngân sách nhà nước trên địa bàn"]   # "a" is not numbered
    assert views.counted == 5
    assert views.location.line == line_of(SON_LA, '"05"')[0]


def test_document_details_are_read_with_a_vietnamese_date(son_la):
    _, plan = son_la
    assert plan.document.issuer == "HĐND tỉnh Sơn La"
    assert str(plan.document.date) == "2023-12-07"


def test_a_part_without_its_whole_in_that_period_is_left_out(tmp_path):
    plan = read_plan_file(write(tmp_path, textwrap.dedent("""\
        periods: {A: {year: 2023, kind: actual}, B: {year: 2024, kind: plan}}
        indicators:
          - name: Thu ngân sách
            values: {A: "4.450"}
            parts: [{name: Thu nội địa, values: {A: "4.300", B: "4.400"}}]
        """)))
    assert [p.part.text for p in plan.parts] == ["4.300"]


@pytest.mark.parametrize("written, point, decimals", [
    ("7,5", D("7.5"), 1),
    ("4.450", D("4450"), 0),
    ("05", D("5"), 0),
])
def test_unquoted_yaml_scalars_are_still_text_as_written(tmp_path, written, point, decimals):
    plan = read_plan_file(write(tmp_path, textwrap.dedent(f"""\
        periods: {{K: {{year: 2024, kind: plan}}}}
        indicators:
          - name: X
            values:
              K: {written}
        """)))
    v = plan.indicators[0].values[0].value
    assert (v.text, v.point, v.decimals) == (written, point, decimals)


def test_a_count_with_its_unit_word_is_read(tmp_path):
    plan = read_plan_file(write(tmp_path, 'counts:\n  - {what: xã, stated: "05 xã", items: [a, b, c, d, e]}\n'))
    assert plan.counts[0].stated.point == 5


# -- JSON ---------------------------------------------------------------------

PLAN_JSON = """\
{
  "format": "plancheck/1",
  "periods": {"KH2024": {"year": 2024, "kind": "plan"}},
  "indicators": [
    {
      "name": "Tốc độ tăng trưởng GRDP",
      "unit": "%",
      "values": {"KH2024": 7.5}
    },
    {
      "name": "Tỷ lệ đô thị hóa",
      "values": {"KH2024": "7,50"}
    },
    {
      "name": "Thu ngân sách",
      "values": {"KH2024": 4.450}
    },
    {
      "name": "Vốn đầu tư",
      "values": {"KH2024": "4.450"}
    },
    {
      "name": "Dân số",
      "values": {"KH2024": 1.25e3}
    }
  ]
}
"""


def json_values(plan):
    return [i.values[0].value for i in plan.indicators]


def test_json_numbers_are_machine_numbers_and_json_strings_vietnamese_text(tmp_path):
    machine, text, machine_grouped, text_grouped, exponent = json_values(
        read_plan_file(write(tmp_path, PLAN_JSON, "plan.json")))
    assert (machine.text, machine.point, machine.decimals) == ("7.5", D("7.5"), 1)
    assert machine.interval == Interval(D("7.45"), D("7.55"))
    assert (text.text, text.point, text.decimals) == ("7,50", D("7.50"), 2)
    assert (machine_grouped.point, machine_grouped.decimals) == (D("4.45"), 3)   # "." is a decimal point
    assert (text_grouped.point, text_grouped.decimals) == (D("4450"), 0)         # "." groups thousands
    assert exponent.point == 1250


def test_json_values_point_at_their_lines(tmp_path):
    path = write(tmp_path, PLAN_JSON, "plan.json")
    values = json_values(read_plan_file(path))
    assert [v.location.line for v in values] == [line_of(PLAN_JSON, needle)[0] for needle in
                                                 ["7.5}", '"7,50"', "4.450}", '"4.450"', "1.25e3"]]
    assert values[1].location.column == line_of(PLAN_JSON, '"7,50"')[1]
    assert values[0].location.path == str(path)


def test_json_indented_with_tabs_is_read(tmp_path):
    text = json.dumps(json.loads(PLAN_JSON), indent="\t", ensure_ascii=False)
    values = json_values(read_plan_file(write(tmp_path, text, "plan.json")))
    assert [v.point for v in values] == [D("7.5"), D("7.50"), D("4.45"), D("4450"), D("1250")]
    assert values[1].location.line == line_of(text, '"7,50"')[0]


def test_invalid_json_names_line_and_column(tmp_path):
    text = PLAN_JSON.replace('"unit": "%",', '"unit": "%"')
    path = write(tmp_path, text, "plan.json")
    with pytest.raises(InputError) as err:
        read_plan_file(path)
    assert (err.value.path, err.value.line) == (str(path), line_of(PLAN_JSON, '"values": {"KH2024": 7.5}')[0])
    assert err.value.message.startswith("invalid JSON: Expecting ',' delimiter")


def test_a_duplicate_key_in_json_is_an_error_not_the_last_one_winning(tmp_path):
    text = '{\n  "periods": {},\n  "periods": {}\n}\n'
    with pytest.raises(InputError) as err:
        read_plan_file(write(tmp_path, text, "plan.json"))
    assert (err.value.line, err.value.message) == (3, "duplicate key 'periods'")


def test_a_python_mapping_takes_numbers_and_text():
    plan = plan_from_data({"periods": {"K": {"year": 2024, "kind": "plan"}},
                           "indicators": [{"name": "X", "values": {"K": 7.5}},
                                          {"name": "Y", "values": {"K": "7,50"}}]})
    assert [(v.point, v.decimals) for v in json_values(plan)] == [(D("7.5"), 1), (D("7.50"), 2)]


@pytest.mark.parametrize("bad", [True, float("nan"), float("inf")])
def test_a_python_mapping_rejects_booleans_and_non_finite_figures(bad):
    with pytest.raises(InputError, match="indicators.0.values.K"):
        plan_from_data({"periods": {"K": {"year": 2024, "kind": "plan"}},
                        "indicators": [{"name": "X", "values": {"K": bad}}]})


# -- errors: each names the file, the line and what is wrong ----------------------

GOOD = textwrap.dedent("""\
    format: plancheck/1
    periods:
      KH2024: {year: 2024, kind: plan}
    indicators:
      - name: Tốc độ tăng trưởng GRDP
        unit: "%"
        values:
          KH2024: "7,50"
    """)


def read_error(tmp_path, text, name="plan.yaml"):
    path = write(tmp_path, text, name)
    with pytest.raises(InputError) as err:
        read_plan_file(path)
    assert err.value.path == str(path)
    return err.value


def test_the_good_plan_used_below_reads(tmp_path):
    assert read_plan_file(write(tmp_path, GOOD)).indicators[0].values[0].value.text == "7,50"


def test_invalid_yaml_names_the_line(tmp_path):
    exc = read_error(tmp_path, GOOD.replace('    unit: "%"', '   unit: "%"'))
    assert exc.line == 6
    assert exc.message.startswith("invalid YAML:")


def test_an_unclosed_flow_mapping_names_the_line_where_yaml_gives_up(tmp_path):
    exc = read_error(tmp_path, GOOD.replace("KH2024: {year: 2024, kind: plan}", "KH2024: {year: 2024, kind: plan"))
    assert exc.line == 4 and "invalid YAML" in exc.message


@pytest.mark.parametrize("bad", ["7.5x", "5-", "7,5 %%", "abc", "22-20%", "٣"])
def test_a_value_that_is_not_a_figure_names_the_file_and_line(tmp_path, bad):
    exc = read_error(tmp_path, GOOD.replace('"7,50"', f'"{bad}"'))
    assert (exc.line, exc.column) == (8, 15)
    assert repr(bad) in exc.message
    assert "write figures as the document does" in exc.message
    assert str(exc).startswith(f"{exc.path}:8:15: ")


def test_a_boolean_is_not_a_figure(tmp_path):
    exc = read_error(tmp_path, GOOD.replace('"7,50"', "yes"))
    assert exc.line == 8
    assert "indicators.0.values.KH2024" in exc.message and "true/false" in exc.message


def test_an_unknown_period_names_it_and_the_known_ones(tmp_path):
    exc = read_error(tmp_path, GOOD + '      KH2025: "8,0"\n')
    assert exc.line == 9
    assert exc.message == "unknown period 'KH2025' (periods: KH2024)"


def test_an_unknown_comparison_is_an_error_at_its_line(tmp_path):
    exc = read_error(tmp_path, GOOD + '    compare: {SS9: "101,5"}\n')
    assert exc.line == 9 and "unknown comparison 'SS9'" in exc.message


@pytest.mark.parametrize("extra, line, field", [
    ("    colour: đỏ\n", 9, "indicators.0.colour"),
    ("    notes:\n      - một\n      - hai\n", 9, "indicators.0.notes"),    # a block: the key's line
    ("extra_top: 1\n", 9, "extra_top"),
])
def test_an_unknown_key_is_reported_at_the_line_of_that_key(tmp_path, extra, line, field):
    exc = read_error(tmp_path, GOOD + extra)
    assert exc.line == line
    assert exc.message == f"{field}: Extra inputs are not permitted"


def test_a_missing_field_points_at_the_entry_that_lacks_it(tmp_path):
    exc = read_error(tmp_path, GOOD.replace("  - name: Tốc độ tăng trưởng GRDP\n    unit", "  - unit"))
    assert exc.line == 5
    assert exc.message == "indicators.0.name: Field required"


def test_a_bad_period_kind_lists_the_kinds(tmp_path):
    exc = read_error(tmp_path, GOOD.replace("kind: plan", "kind: plann"))
    assert exc.line == 3
    assert "periods.KH2024.kind" in exc.message and "'actual', 'plan', 'estimate' or 'target'" in exc.message


@pytest.mark.parametrize("text", ["", "\n\n", "# chỉ có chú thích\n"])
def test_an_empty_file_is_an_error(tmp_path, text):
    exc = read_error(tmp_path, text)
    assert exc.message == "empty plan file" and exc.line is None


def test_an_empty_json_file_is_an_empty_plan_file(tmp_path):
    assert read_error(tmp_path, " \n", "plan.json").message == "empty plan file"


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n"])
def test_a_plan_file_must_be_a_mapping(tmp_path, text):
    exc = read_error(tmp_path, text)
    assert exc.line == 1
    assert exc.message.startswith("a plan file is a mapping")


def test_a_duplicate_key_names_its_second_line(tmp_path):
    exc = read_error(tmp_path, GOOD.replace('      KH2024: "7,50"\n', '      KH2024: "7,50"\n      KH2024: "7,60"\n'))
    assert (exc.line, exc.column) == (9, 7)
    assert exc.message == "duplicate key 'KH2024'"


def test_a_recursive_alias_is_an_error_not_a_crash(tmp_path):
    exc = read_error(tmp_path, GOOD + "loop: &x [*x]\n")
    assert exc.line == 9 and "alias" in exc.message


def test_an_alias_used_twice_is_fine(tmp_path):
    text = GOOD.replace('"7,50"', '&v "7,50"') + "  - name: Tỷ lệ đô thị hóa\n    values: {KH2024: *v}\n"
    plan = read_plan_file(write(tmp_path, text))
    assert [i.values[0].value.text for i in plan.indicators] == ["7,50", "7,50"]


def test_a_bad_date_names_the_field(tmp_path):
    exc = read_error(tmp_path, "document: {date: 31/02/2024}\n")
    assert exc.line == 1 and "document.date" in exc.message


def test_text_that_is_not_utf8_is_an_error(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes("name: Sơn La\n".encode("cp1258"))
    with pytest.raises(InputError, match="not UTF-8") as err:
        read_plan_file(path)
    assert err.value.path == str(path)


# -- several files: one bad file never stops the others ---------------------------

KON_TUM = textwrap.dedent("""\
    format: plancheck/1
    periods: {KH2021: {year: 2021, kind: plan}}
    indicators:
      - name: Cơ cấu kinh tế
        unit: "%"
        components:
          - {name: Nông - lâm - thủy sản, values: {KH2021: "21-22%"}}
          - {name: Công nghiệp - xây dựng, values: {KH2021: "28-29%"}}
          - {name: Dịch vụ, values: {KH2021: "43-44%"}}
    """)

WRONG_RATIO = textwrap.dedent("""\
    format: plancheck/1
    periods: {TH2022: {year: 2022, kind: actual}, UTH2023: {year: 2023, kind: estimate}}
    comparisons: {SS1: {of: UTH2023, to: TH2022}}
    indicators:
      - name: GRDP bình quân đầu người
        unit: triệu đồng/người/năm
        values: {TH2022: "48,59", UTH2023: "51,7"}
        compare: {SS1: "107,28"}
    """)


def test_check_reports_findings_of_good_files_and_an_error_for_the_bad_one(tmp_path):
    first = write(tmp_path, KON_TUM, "a.yaml")
    bad = write(tmp_path, GOOD.replace('"7,50"', '"7.5x"'), "b.yaml")
    last = write(tmp_path, WRONG_RATIO, "c.yaml")
    report = check([first, bad, last])
    assert report.files == [str(first), str(last)]
    assert {(f.rule, f.location.path) for f in report.findings} == {("PC101", str(first)), ("PC201", str(last))}
    (error,) = report.errors
    assert (error.path, error.line) == (str(bad), 8)
    assert "'7.5x'" in error.message
    assert report.exit_code() == 2


def test_a_plan_file_typed_in_nfd_reads_as_in_nfc(tmp_path):
    # issue 25, item 2: a Mac writes "Dưới", "ƯTH" with letters and marks apart (NFD)
    import unicodedata

    import plancheck

    text = ("format: plancheck/1\nperiods:\n  ƯTH2024: {year: 2024, kind: estimate}\n  KH2025: {year: 2025, kind: plan}\n"
            "comparisons:\n  SS: {of: KH2025, to: ƯTH2024}\n"
            "indicators:\n  - name: \"Cơ cấu kinh tế\"\n    unit: \"%\"\n    structure: {total: \"100\"}\n"
            "    components:\n      - {name: \"Nông nghiệp\", values: {KH2025: \"Dưới 30%\"}}\n"
            "      - {name: \"Công nghiệp\", values: {KH2025: \"45%\"}}\n"
            "      - {name: \"Dịch vụ\", values: {KH2025: \"45%\"}}\n"
            "  - name: \"Thu ngân sách\"\n    unit: \"tỷ đồng\"\n"
            "    values: {ƯTH2024: \"1.000\", KH2025: \"1.100\"}\n    compare: {SS: \"120\"}\n")
    composed, decomposed = tmp_path / "nfc.yaml", tmp_path / "nfd.yaml"
    composed.write_text(text, encoding="utf-8")
    decomposed.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert unicodedata.normalize("NFD", text) != text

    def seen(path):
        report = plancheck.check(path, lang="en")
        assert not report.errors, report.errors
        return [(f.rule, f.location.line, f.location.column, f.message) for f in report.findings]

    assert seen(decomposed) == seen(composed) != []
    data = yaml.safe_load(unicodedata.normalize("NFD", text))   # the API's mapping, in NFD
    assert [f.rule for f in plancheck.check(data, lang="en").findings] == [r for r, *_ in seen(composed)]
