"""Vietnamese number words: parsing, spelling, and suggestions for typos."""
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plancheck.text import (
    NumberWords,
    nearest_number_words,
    parse_number_words,
    parse_ordinal,
    spell_number,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# -- spelling -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (4, "bốn"),
        (10, "mười"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (19, "mười chín"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (100, "một trăm"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (1000, "một nghìn"),
        (1005, "một nghìn không trăm linh năm"),
        (1500, "một nghìn năm trăm"),
        (2019, "hai nghìn không trăm mười chín"),
        (21_000, "hai mươi mốt nghìn"),
        (100_500, "một trăm nghìn năm trăm"),
    ],
)
def test_spell_number(n, words):
    assert spell_number(n) == words


@pytest.mark.parametrize("n", [-1, 1_000_000])
def test_spell_number_out_of_range(n):
    with pytest.raises(ValueError):
        spell_number(n)


# -- round trips ----------------------------------------------------------------
def test_round_trip_below_thousand():
    for n in range(1000):
        parsed = parse_number_words(spell_number(n))
        assert parsed is not None, n
        assert (parsed.value, parsed.irregular, parsed.note) == (n, False, None), n


@given(st.integers(0, 999_999))
def test_round_trip(n):
    words = spell_number(n)
    for text in (words, words.upper(), nfd(words), nfd(words.upper())):
        parsed = parse_number_words(text)
        assert parsed == NumberWords(n, text, irregular=False)


@given(st.integers(1, 999_999).filter(lambda n: n not in (1, 4)))
def test_ordinal_round_trip(n):
    parsed = parse_ordinal(f"thứ {spell_number(n)}")
    assert parsed is not None and parsed.value == n and not parsed.irregular


# Any phrase built from the vocabulary either fails to parse or reads as a
# number in range; a regular reading differs from the standard spelling only by
# the accepted alternates (lẻ/linh, ngàn/nghìn, tư/bốn), so no two regular
# spellings of one number exist beyond those, and every irregularity is explained.
VOCABULARY = [
    "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu",
    "bảy", "bẩy", "tám", "chín", "mười", "mươi", "trăm", "linh", "lẻ", "nghìn", "ngàn",
]  # fmt: skip


def canonical(words: str) -> str:
    swaps = {"lẻ": "linh", "ngàn": "nghìn", "mươi bốn": "mươi tư", "linh tư": "linh bốn"}
    for alternate, standard in swaps.items():
        words = words.replace(alternate, standard)
    return words


@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=9))
def test_parser_is_strict(words):
    text = " ".join(words)
    parsed = parse_number_words(text)
    if parsed is None:
        return
    assert 0 <= parsed.value <= 999_999
    assert parsed.irregular == (parsed.note is not None)
    if not parsed.irregular:
        assert canonical(text) == spell_number(parsed.value)


# -- explicit cases ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mười chín", 19),
        ("MƯỜI CHÍN", 19),
        ("mười sáu", 16),
        ("mười lăm", 15),
        ("hai mươi mốt", 21),
        ("hai mươi tư", 24),
        ("hai mươi bốn", 24),
        ("bốn mươi lăm", 45),
        ("chín mươi", 90),
        ("một trăm linh năm", 105),
        ("một trăm lẻ năm", 105),
        ("một trăm linh tư", 104),
        ("một ngàn", 1000),
        ("  mười   chín ", 19),
    ],
)
def test_regular_number_words(text, value):
    assert parse_number_words(text) == NumberWords(value, text.strip(), irregular=False)


@pytest.mark.parametrize(
    ("text", "value", "note_mentions"),
    [
        ("mươi chín", 19, "'mươi' stands for 'mười'"),
        ("mươi", 10, "'mươi' stands for 'mười'"),
        ("hai mười", 20, "'mười' stands for 'mươi'"),
        ("mười mốt", 11, "mười một"),
        ("mười năm", 15, "lăm"),
        ("mười tư", 14, "mười bốn"),
        ("hai mươi một", 21, "mốt"),
        ("hai mươi nhăm", 25, "nhăm"),
        ("bẩy mươi bẩy", 77, "bẩy"),
        ("một trăm linh mốt", 101, "mốt"),
        ("hai nghìn mười chín", 2019, "không trăm"),
        ("một nghìn linh năm", 1005, "không trăm"),
    ],
)
def test_irregular_number_words(text, value, note_mentions):
    parsed = parse_number_words(text)
    assert parsed is not None
    assert (parsed.value, parsed.irregular) == (value, True)
    assert note_mentions in parsed.note


def test_repeated_slip_is_noted_once():
    assert parse_number_words("bẩy mươi bẩy").note == "'bẩy' is a variant spelling of 'bảy' (7)"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "mười chính",
        "MƯỜI CHÍNH",
        "chính",
        "KỲ",
        "hello",
        "thứ",
        "thứ tám",  # an ordinal, not a cardinal
        "19",
        "tư",  # only after 'mươi' or as the ordinal 'thứ tư'
        "lăm",
        "mốt",
        "một mươi",
        "mười mươi",
        "mười chín mười",
        "trăm",
        "một trăm hai",  # colloquial for 120
        "hai nghìn tư",  # colloquial for 2400
        "không trăm năm",
        "một nghìn không trăm",
        "không nghìn",
        "nghìn",
        "một nghìn một nghìn",
        "một triệu",
    ],
)
def test_not_number_words(text):
    assert parse_number_words(text) is None


@pytest.mark.parametrize(
    ("text", "value", "irregular"),
    [
        ("thứ tám", 8, False),
        ("THỨ TÁM", 8, False),
        ("THỨ MƯỜI CHÍN", 19, False),
        ("thứ mười chín", 19, False),
        ("thứ 19", 19, False),
        ("thứ nhất", 1, False),
        ("thứ nhì", 2, False),
        ("thứ hai", 2, False),
        ("thứ tư", 4, False),
        ("thứ mười bốn", 14, False),
        ("thứ hai mươi mốt", 21, False),
        ("tám", 8, False),
        ("mười một", 11, False),
        ("thứ bốn", 4, True),
        ("thứ một", 1, True),
        ("thứ mươi chín", 19, True),
    ],
)
def test_parse_ordinal(text, value, irregular):
    parsed = parse_ordinal(text)
    assert parsed is not None
    assert (parsed.value, parsed.text, parsed.irregular) == (value, text, irregular)


@pytest.mark.parametrize("text", ["thứ XV", "thứ", "", "KỲ", "thứ không", "thứ 0", "thứ mười chính", "thứ thứ tám"])
def test_not_ordinal(text):
    assert parse_ordinal(text) is None


@pytest.mark.parametrize(
    "text", ["mười chín", "MƯỜI CHÍN", "mươi chín", "một trăm linh năm", "bẩy mươi tư", "thứ tám"]
)
def test_nfd_input_parses_like_nfc(text):
    def reading(parsed):  # all but .text, which keeps the input as written
        return parsed and (parsed.value, parsed.irregular, parsed.note)

    for parse in (parse_number_words, parse_ordinal):
        assert reading(parse(nfd(text))) == reading(parse(text))
    assert parse_ordinal(nfd(text)).text == nfd(text)


# -- suggestions --------------------------------------------------------------------
def test_nearest_to_typo():
    suggestions = nearest_number_words("MƯỜI CHÍNH")
    assert suggestions[0].value == 19
    assert suggestions[0].text == "mười chín"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("mười chính", 19),
        (nfd("MƯỜI CHÍNH"), 19),
        ("mươi chín", 19),  # a wrong tone ranks first
        ("muoi chin", 19),  # tones lost
        ("hai mươi mốc", 21),
        ("hai nghìn mười chính", 2019),
        ("chín mươi chín nghìn chín trăm chín mươi chính", 99_999),
    ],
)
def test_nearest_best_first(text, value):
    assert nearest_number_words(text)[0].value == value


def test_nearest_ranks_by_distance():
    values = [s.value for s in nearest_number_words("một ngàn không trăm linh năm")]
    assert values[0] == 1005
    assert set(values) >= {1008, 4005}


def test_nearest_respects_max_distance():
    assert nearest_number_words("mười chính", max_distance=0) == []
    assert [s.value for s in nearest_number_words("mười chín", max_distance=0)] == [19]


@pytest.mark.parametrize("text", ["", "hello", "kỳ họp", "nghìn"])
def test_nearest_nothing_close(text):
    assert nearest_number_words(text) == []
