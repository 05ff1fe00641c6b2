"""Units of measure written in Vietnamese plan tables ("Tỷ đồng", "%", "bác sĩ/10.000 dân").

Two layers:

* :func:`parse_unit` is cheap and never touches pint: it normalises the text
  (NFC, casefold, whitespace, enclosing parentheses) and maps it, by a phrase
  table (longest match first), to a pint expression over the names defined in
  ``plancheck/data/units.txt`` plus a :class:`UnitKind` for the checks.
  Text it cannot map is kept as an *unknown* unit, never an error.
* :func:`registry`, :func:`to_pint`, :func:`conversion_factor` and
  :func:`comparable` use pint. pint is imported lazily (``import plancheck.units``
  does not import it) and the registry holds only our own definitions, built
  once (~5 ms instead of ~300 ms for pint's defaults).

Numbers are parsed elsewhere: pint is only ever given unit expressions, never
figures as text (pint reads "8,9" as 89).
"""
from __future__ import annotations

import functools
import threading
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING
from .lazyre import lazy_compile

if TYPE_CHECKING:  # pragma: no cover
    import pint

__all__ = [
    "UnitKind",
    "Unit",
    "parse_unit",
    "normalise_unit_text",
    "registry",
    "to_pint",
    "conversion_factor",
    "comparable",
    "is_share",
    "DEFINITIONS_PATH",
]

DEFINITIONS_PATH = Path(__file__).with_name("data") / "units.txt"


class UnitKind(str, Enum):
    """What kind of quantity a unit measures, for checks."""

    share = "share"  # %, ‰: a share or rate, not additive across different bases
    money = "money"  # đồng, USD with multipliers
    count = "count"  # người, lượt, xã, doanh nghiệp, con, hộ, ...
    area = "area"  # ha, km2, m2
    per_capita = "per_capita"  # triệu đồng/người/năm, USD/người
    per_population = "per_population"  # bác sĩ/10.000 dân, giường bệnh/vạn dân
    other = "other"  # a known unit not in the kinds above (km, tấn, ...)
    unknown = "unknown"  # text we could not map: kept as text, never an error


@dataclass(frozen=True)
class Unit:
    text: str  # as written, NFC with whitespace normalised ("Triệu đồng/người/năm")
    expression: str | None  # pint expression over units.txt names; None if unknown
    kind: UnitKind

    @property
    def known(self) -> bool:
        return self.expression is not None

    def __str__(self) -> str:
        return self.text


# ---------------------------------------------------------------------------
# Phrase tables (keys: NFC, casefolded, single spaces). Values are pint
# expressions over the names in data/units.txt.

# Base-unit categories (internal; the public UnitKind is derived from them).
_SHARE, _MONEY, _PERSON, _COUNT, _AREA, _TIME, _OTHER = (
    "share", "money", "person", "count", "area", "time", "other",
)

_MULTIPLIERS: dict[str, str] = {
    "chục": "chục",
    "trăm": "trăm",
    "nghìn": "nghìn",
    "ngàn": "nghìn",
    "vạn": "vạn",
    "triệu": "triệu",
    "tr": "triệu",
    "tỷ": "tỷ",
    "tỉ": "tỷ",
}

# Named multiplier per power of ten, to write "10.000 dân" as "vạn*dân"
# (pint refuses numeric scaling factors in unit expressions).
_POWER_WORDS: dict[int, str] = {1: "chục", 2: "trăm", 3: "nghìn", 4: "vạn", 6: "triệu", 9: "tỷ"}

_BASES: dict[str, tuple[str, str]] = {
    # shares and rates
    "%": ("percent", _SHARE),
    "phần trăm": ("percent", _SHARE),
    "‰": ("permille", _SHARE),
    "%o": ("permille", _SHARE),
    "phần nghìn": ("permille", _SHARE),
    "phần ngàn": ("permille", _SHARE),
    # money
    "đồng": ("đồng", _MONEY),
    "đ": ("đồng", _MONEY),
    "vnđ": ("đồng", _MONEY),
    "vnd": ("đồng", _MONEY),
    "việt nam đồng": ("đồng", _MONEY),
    "trđ": ("triệu*đồng", _MONEY),
    "usd": ("usd", _MONEY),
    "đô la": ("usd", _MONEY),
    "đô la mỹ": ("usd", _MONEY),
    "đôla": ("usd", _MONEY),
    "đôla mỹ": ("usd", _MONEY),
    # people
    "người": ("người", _PERSON),
    "dân": ("dân", _PERSON),
    "người dân": ("người", _PERSON),
    "nhân khẩu": ("người", _PERSON),
    "lao động": ("người", _PERSON),
    "người lao động": ("người", _PERSON),
    "học sinh": ("người", _PERSON),
    "sinh viên": ("người", _PERSON),
    "khách": ("người", _PERSON),
    "trẻ": ("người", _PERSON),
    "trẻ em": ("người", _PERSON),
    "hội viên": ("người", _PERSON),
    "đảng viên": ("người", _PERSON),
    # other counted things
    "lượt": ("lượt", _COUNT),
    "lượt người": ("lượt", _COUNT),
    "lượt khách": ("lượt", _COUNT),
    "con": ("con", _COUNT),
    "xã": ("xã", _COUNT),
    "phường": ("xã", _COUNT),
    "xã, phường": ("xã", _COUNT),
    "xã, phường, thị trấn": ("xã", _COUNT),
    "huyện": ("huyện", _COUNT),
    "thôn": ("thôn", _COUNT),
    "bản": ("thôn", _COUNT),
    "ấp": ("thôn", _COUNT),
    "làng": ("thôn", _COUNT),
    "thôn, bản": ("thôn", _COUNT),
    "tổ dân phố": ("thôn", _COUNT),
    "hộ": ("hộ", _COUNT),
    "hộ gia đình": ("hộ", _COUNT),
    "doanh nghiệp": ("doanh_nghiệp", _COUNT),
    "dn": ("doanh_nghiệp", _COUNT),
    "hợp tác xã": ("hợp_tác_xã", _COUNT),
    "htx": ("hợp_tác_xã", _COUNT),
    "bác sĩ": ("bác_sĩ", _COUNT),
    "bác sỹ": ("bác_sĩ", _COUNT),
    "giường bệnh": ("giường_bệnh", _COUNT),
    "giường": ("giường_bệnh", _COUNT),
    "bệnh viện": ("bệnh_viện", _COUNT),
    "trạm y tế": ("trạm_y_tế", _COUNT),
    "trường": ("trường", _COUNT),
    "trường học": ("trường", _COUNT),
    "dự án": ("dự_án", _COUNT),
    "sản phẩm": ("sản_phẩm", _COUNT),
    "cơ sở": ("cơ_sở", _COUNT),
    "công trình": ("công_trình", _COUNT),
    "căn": ("căn", _COUNT),
    "căn hộ": ("căn", _COUNT),
    "căn nhà": ("căn", _COUNT),
    "chợ": ("chợ", _COUNT),
    "khu công nghiệp": ("khu_công_nghiệp", _COUNT),
    "kcn": ("khu_công_nghiệp", _COUNT),
    "cụm công nghiệp": ("cụm_công_nghiệp", _COUNT),
    "ccn": ("cụm_công_nghiệp", _COUNT),
    "thuê bao": ("thuê_bao", _COUNT),
    "chiếc": ("chiếc", _COUNT),
    "cái": ("chiếc", _COUNT),
    "tiêu chí": ("tiêu_chí", _COUNT),
    "ca": ("ca", _COUNT),
    "ca bệnh": ("ca", _COUNT),
    # area
    "ha": ("ha", _AREA),
    "héc ta": ("ha", _AREA),
    "hécta": ("ha", _AREA),
    "héc-ta": ("ha", _AREA),
    "m2": ("m**2", _AREA),
    "m2 sàn": ("m**2", _AREA),
    "mét vuông": ("m**2", _AREA),
    "km2": ("km**2", _AREA),
    # time
    "năm": ("năm", _TIME),
    "quý": ("quý", _TIME),
    "tháng": ("tháng", _TIME),
    "ngày": ("ngày", _TIME),
    "giờ": ("giờ", _TIME),
    "tuổi": ("năm", _TIME),
    # other physical quantities
    "km": ("km", _OTHER),
    "m": ("m", _OTHER),
    "mét": ("m", _OTHER),
    "m3": ("m**3", _OTHER),
    "lít": ("lít", _OTHER),
    "tấn": ("tấn", _OTHER),
    "tạ": ("tạ", _OTHER),
    "kg": ("kg", _OTHER),
    "mw": ("MW", _OTHER),
    "kw": ("kW", _OTHER),
    "kwh": ("kWh", _OTHER),
    "mwh": ("MWh", _OTHER),
    "lần": ("lần", _OTHER),
    "điểm": ("điểm", _OTHER),
}

_MAX_PHRASE_WORDS = max(len(k.split(" ")) for k in (*_BASES, *_MULTIPLIERS))

_WS_RE = lazy_compile(r"\s+")
_SLASH_RE = lazy_compile(r"\s*/\s*")
# "10.000", "1.000.000" (Vietnamese thousands separators) or plain digits.
_NUMBER_RE = lazy_compile(r"\d{1,3}(?:\.\d{3})+|\d+")
_LABEL_RE = lazy_compile(r"^(?:đvt|đơn vị tính|đơn vị)\s*:\s*")
_TR_DOT_RE = lazy_compile(r"(?<!\w)tr\.\s*")
_ENCLOSING = {"(": ")", "[": "]"}


def _clean_whitespace(text: str) -> str:
    """NFC; whitespace runs (incl. newlines) -> one space; no spaces around '/'."""
    text = unicodedata.normalize("NFC", text)
    text = _WS_RE.sub(" ", text).strip()
    return _SLASH_RE.sub("/", text)


def _strip_enclosing(text: str) -> str:
    while len(text) >= 2 and _ENCLOSING.get(text[0]) == text[-1]:
        inner = text[1:-1]
        # only when the brackets enclose everything: "(a) (b)" stays.
        depth = 0
        for ch in inner:
            if ch == text[0]:
                depth += 1
            elif ch == text[-1]:
                depth -= 1
                if depth < 0:
                    return text
        text = inner.strip()
    return text


def normalise_unit_text(text: str) -> str:
    """The lookup key: NFC, casefolded, whitespace collapsed, enclosing
    parentheses and an "ĐVT:" label removed, "²"/"³" -> "2"/"3"."""
    key = _clean_whitespace(text).casefold()
    key = key.replace("²", "2").replace("³", "3")
    key = _LABEL_RE.sub("", key)
    key = _strip_enclosing(key)
    key = _LABEL_RE.sub("", key)
    key = _TR_DOT_RE.sub("tr ", key)
    key = _clean_whitespace(key)
    return key


def _scale_words(n: int) -> list[str] | None:
    """10000 -> ["vạn"], 100000 -> ["vạn", "chục"], 1 -> []; other
    numbers -> ["scale_<n>"] (defined on demand in the registry)."""
    if n <= 0:
        return None
    if n == 1:
        return []
    s = str(n)
    if s.strip("0") != "1":
        return [f"scale_{n}"]
    k = len(s) - 1
    words: list[str] = []
    for power in sorted(_POWER_WORDS, reverse=True):  # greedy; chục (10) ends it
        while k >= power:
            words.append(_POWER_WORDS[power])
            k -= power
    return words


@dataclass(frozen=True)
class _Segment:
    expression: str
    category: str
    scaled: bool  # has a number or number word ("vạn dân", "10.000 dân")


def _parse_segment(segment: str) -> _Segment | None:
    """"[number] [multiplier...] base" -> expression, e.g. "1 vạn dân"."""
    words = segment.split(" ")
    factors: list[str] = []
    i = 0
    if words and _NUMBER_RE.fullmatch(words[0]):
        scale = _scale_words(int(words[0].replace(".", "")))
        if scale is None:
            return None
        factors.extend(scale)
        i = 1
    base: tuple[str, str] | None = None
    scaled = i > 0
    while i < len(words):
        for size in range(min(_MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if base is None and phrase in _MULTIPLIERS:
                factors.append(_MULTIPLIERS[phrase])
                scaled = True
                break
            if base is None and phrase in _BASES:
                base = _BASES[phrase]
                break
        else:
            return None
        i += size
    if base is None:
        return None
    expression = "*".join([*factors, base[0]])
    return _Segment(expression, base[1], scaled)


def _kind(numerator: _Segment, denominators: list[_Segment]) -> UnitKind:
    cat = numerator.category
    if cat == _SHARE:
        return UnitKind.share
    if not denominators:
        return {
            _MONEY: UnitKind.money,
            _PERSON: UnitKind.count,
            _COUNT: UnitKind.count,
            _AREA: UnitKind.area,
        }.get(cat, UnitKind.other)
    people = [d for d in denominators if d.category == _PERSON]
    rest = [d for d in denominators if d.category != _PERSON]
    if len(people) == 1 and all(d.category == _TIME for d in rest):
        if people[0].scaled:
            if cat in (_COUNT, _PERSON):
                return UnitKind.per_population
        else:
            return UnitKind.per_capita
    return UnitKind.other


@functools.lru_cache(maxsize=4096)
def parse_unit(text: str) -> Unit:
    """Map unit text as written to a :class:`Unit`. Cheap: never builds the
    pint registry. Unmappable text gives ``UnitKind.unknown`` (not an error)."""
    shown = _clean_whitespace(text)
    key = normalise_unit_text(text)
    unknown = Unit(shown, None, UnitKind.unknown)
    if not key or key.startswith("/") or key.endswith("/"):
        return unknown
    segments = []
    for part in key.split("/"):
        seg = _parse_segment(part)
        if seg is None:
            return unknown
        segments.append(seg)
    numerator, denominators = segments[0], segments[1:]
    expression = numerator.expression
    for d in denominators:
        compound = "*" in d.expression.replace("**", "")
        expression += f"/({d.expression})" if compound else f"/{d.expression}"
    return Unit(shown, expression, _kind(numerator, denominators))


# ---------------------------------------------------------------------------
# pint (imported lazily)

_SCALE_NAME_RE = lazy_compile(r"\bscale_(\d+)\b")
_define_lock = threading.Lock()


_registry_lock = threading.Lock()


@functools.cache
def _build_registry() -> "pint.UnitRegistry":
    import pint

    ureg = pint.UnitRegistry(None)  # None: without pint's default definitions
    ureg.load_definitions(str(DEFINITIONS_PATH))
    return ureg


def registry() -> "pint.UnitRegistry":
    """The plancheck pint registry (only data/units.txt), built once on first
    use; every call returns the same object. Quantities accept Decimal
    magnitudes."""
    with _registry_lock:  # one registry even if threads race on first use
        return _build_registry()


@functools.lru_cache(maxsize=1024)
def _pint_unit(expression: str) -> "pint.Unit":
    ureg = registry()
    for n in _SCALE_NAME_RE.findall(expression):
        with _define_lock:
            if f"scale_{n}" not in ureg:
                ureg.define(f"scale_{n} = {n}")
    return ureg.parse_units(expression)


def to_pint(unit: Unit) -> "pint.Unit":
    """The pint unit for a known :class:`Unit` (builds the registry on first
    use). Raises ValueError for unknown units."""
    if unit.expression is None:
        raise ValueError(f"unknown unit: {unit.text!r}")
    return _pint_unit(unit.expression)


def _tidy(d: Decimal) -> Decimal:
    d = d.normalize()
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d


def conversion_factor(from_unit: Unit, to_unit: Unit) -> Decimal | None:
    """Multiply a figure in ``from_unit`` by this to express it in ``to_unit``
    (triệu đồng -> tỷ đồng: Decimal("0.001")). None when either unit is unknown
    or their dimensions differ."""
    if not (from_unit.known and to_unit.known):
        return None
    a, b = to_pint(from_unit), to_pint(to_unit)
    if a.dimensionality != b.dimensionality:
        return None
    magnitude = registry().Quantity(Decimal(1), a).to(b).magnitude
    return _tidy(Decimal(str(magnitude)))


def quotient_scale(result: Unit, numerator: Unit, denominator: Unit) -> Decimal | None:
    """k such that a figure in ``result`` is (a figure in ``numerator`` / one in ``denominator``)
    × k: people per km² from người and km² (1), triệu đồng/người from tỷ đồng and nghìn người (1).
    None when ``result`` is no quotient of the two."""
    if not (result.known and numerator.known and denominator.known):
        return None
    quotient, target = to_pint(numerator) / to_pint(denominator), to_pint(result)
    if quotient.dimensionality != target.dimensionality or not quotient.dimensionality:
        return None
    magnitude = registry().Quantity(Decimal(1), quotient).to(target).magnitude
    return _tidy(Decimal(str(magnitude)))


def is_share(text: str | None) -> bool:
    """Whether unit text measures a share or rate (%, ‰), whose values stay within 0–100%."""
    return parse_unit(text or "").kind == UnitKind.share


def comparable(a: Unit, b: Unit) -> bool:
    """Both known and of the same dimensionality (so one converts to the other)."""
    if not (a.known and b.known):
        return False
    return to_pint(a).dimensionality == to_pint(b).dimensionality
