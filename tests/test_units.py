import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from plancheck import units
from plancheck.units import (
    Unit,
    UnitKind,
    comparable,
    conversion_factor,
    parse_unit,
    registry,
    to_pint,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("%", UnitKind.share),
        ("(%)", UnitKind.share),
        ("‰", UnitKind.share),
        ("%/năm", UnitKind.share),
        ("Tỷ đồng", UnitKind.money),
        ("(tỷ đồng)", UnitKind.money),
        ("Tỉ đồng", UnitKind.money),
        ("triệu USD", UnitKind.money),
        ("nghìn tỷ đồng", UnitKind.money),
        ("Ngàn tỉ đồng", UnitKind.money),
        ("Tr.đồng", UnitKind.money),
        ("ĐVT: tỷ đồng", UnitKind.money),
        ("người", UnitKind.count),
        ("nghìn lượt", UnitKind.count),
        ("lượt người", UnitKind.count),
        ("xã", UnitKind.count),
        ("Doanh nghiệp", UnitKind.count),
        ("DN", UnitKind.count),
        ("hộ", UnitKind.count),
        ("con", UnitKind.count),
        ("1.000 người", UnitKind.count),
        ("ha", UnitKind.area),
        ("nghìn ha", UnitKind.area),
        ("km2", UnitKind.area),
        ("m²", UnitKind.area),
        ("triệu đồng/người/năm", UnitKind.per_capita),
        ("Triệu đồng/người/\nnăm", UnitKind.per_capita),
        ("USD/người", UnitKind.per_capita),
        ("bác sĩ/10.000 dân", UnitKind.per_population),
        ("bác sĩ/1 vạn dân", UnitKind.per_population),
        ("giường bệnh/vạn dân", UnitKind.per_population),
        ("Giường bệnh / 10.000 dân", UnitKind.per_population),
        ("km", UnitKind.other),
        ("tấn", UnitKind.other),
        ("người/km2", UnitKind.other),
        ("tỷ đồng/năm", UnitKind.other),
    ],
)
def test_kinds(text, kind):
    unit = parse_unit(text)
    assert unit.kind is kind
    assert unit.known
    assert unit.expression is not None


def test_unknown_kept_as_text():
    unit = parse_unit("Chỉ tiêu  lạ")
    assert unit == Unit("Chỉ tiêu lạ", None, UnitKind.unknown)
    assert not unit.known
    with pytest.raises(ValueError):
        to_pint(unit)
    assert conversion_factor(unit, parse_unit("người")) is None
    assert conversion_factor(unit, unit) is None
    assert not comparable(unit, unit)
    for text in ["", "   ", "/", "tỷ đồng/", "tỷ", "đồng tỷ", "Tỷ đồng (giá so sánh 2010)"]:
        assert parse_unit(text).kind is UnitKind.unknown, text


def test_text_normalised():
    unit = parse_unit("Triệu đồng/người/\nnăm")
    assert unit.text == "Triệu đồng/người/năm"
    assert unit.expression == "triệu*đồng/người/năm"
    decomposed = unicodedata.normalize("NFD", "Tỷ  đồng")
    assert parse_unit(decomposed).text == "Tỷ đồng"
    assert parse_unit(decomposed).expression == "tỷ*đồng"


def test_spelling_variants_map_to_same_expression():
    assert parse_unit("tỷ đồng").expression == parse_unit("Tỉ  Đồng").expression
    assert parse_unit("nghìn ha").expression == parse_unit("ngàn ha").expression
    assert (
        parse_unit("bác sĩ/10.000 dân").expression
        == parse_unit("bác sĩ/1 vạn dân").expression
        == parse_unit("Bác sĩ/vạn dân").expression
        == "bác_sĩ/(vạn*dân)"
    )


def test_conversion_factors():
    p = parse_unit
    assert conversion_factor(p("triệu đồng"), p("tỷ đồng")) == Decimal("0.001")
    assert conversion_factor(p("nghìn lượt"), p("lượt")) == 1000
    assert conversion_factor(p("nghìn ha"), p("ha")) == 1000
    assert conversion_factor(p("nghìn tỷ đồng"), p("triệu đồng")) == 1_000_000
    assert conversion_factor(p("ha"), p("km2")) == Decimal("0.01")
    assert conversion_factor(p("‰"), p("%")) == Decimal("0.1")
    assert conversion_factor(p("bác sĩ/10.000 dân"), p("bác sĩ/1.000 dân")) == Decimal("0.1")
    assert conversion_factor(p("bác sĩ/10.000 dân"), p("bác sĩ/5.000 dân")) == Decimal("0.5")
    assert conversion_factor(p("tỷ đồng"), p("triệu USD")) is None
    assert conversion_factor(p("%"), p("người")) is None
    assert conversion_factor(p("triệu đồng/người/năm"), p("USD/người")) is None
    factor = conversion_factor(p("triệu đồng"), p("tỷ đồng"))
    assert isinstance(factor, Decimal)


def test_comparable():
    p = parse_unit
    assert comparable(p("Tỷ đồng"), p("triệu đồng"))
    assert comparable(p("người"), p("nghìn người"))
    assert not comparable(p("người"), p("lượt"))
    assert not comparable(p("tỷ đồng"), p("USD"))
    assert not comparable(p("%"), p("người"))


def test_every_table_expression_parses_in_pint():
    for phrase, (expression, _) in units._BASES.items():
        unit = parse_unit(phrase)
        assert unit.expression == expression, phrase
        to_pint(unit)
    for phrase in units._MULTIPLIERS:
        to_pint(parse_unit(f"{phrase} đồng"))


def test_definitions_file_is_nfc():
    text = units.DEFINITIONS_PATH.read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text)


def test_dimensionality_errors_through_pint():
    import pint

    ureg = registry()
    vnd = ureg.Quantity(1, to_pint(parse_unit("tỷ đồng")))
    usd = ureg.Quantity(1, to_pint(parse_unit("triệu USD")))
    with pytest.raises(pint.DimensionalityError):
        vnd + usd
    with pytest.raises(pint.DimensionalityError):
        vnd.to(usd.units)
    share = ureg.Quantity(1, to_pint(parse_unit("%")))
    people = ureg.Quantity(1, to_pint(parse_unit("người")))
    with pytest.raises(pint.DimensionalityError):
        share + people


def test_decimal_magnitudes():
    ureg = registry()
    q = ureg.Quantity(Decimal("1.5"), to_pint(parse_unit("tỷ đồng")))
    assert q.to(to_pint(parse_unit("triệu đồng"))).magnitude == Decimal("1500")


def test_registry_cached():
    assert registry() is registry()


def test_parse_unit_cached():
    assert parse_unit("Tỷ đồng") is parse_unit("Tỷ đồng")


def test_import_does_not_import_pint():
    code = (
        "import sys, plancheck.units as u; assert 'pint' not in sys.modules; "
        "u.parse_unit('bác sĩ/10.000 dân'); assert 'pint' not in sys.modules; "
        "u.registry(); assert 'pint' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
