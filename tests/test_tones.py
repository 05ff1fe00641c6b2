"""Tone placement: one spelling for 'hoà'/'hòa' when comparing, the original when showing."""
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.text import fold, normalize_tones


@pytest.mark.parametrize("old, new", [
    ("hoà", "hòa"), ("thuỷ", "thủy"), ("KHOÁ", "KHÓA"), ("Thanh Hoá", "Thanh Hóa"), ("UỶ BAN", "ỦY BAN"),
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"), ("hoè", "hòe"), ("tuý", "túy"), ("Hoà Bình - Mộc Châu", "Hòa Bình - Mộc Châu"),
    ("KHOÁ XV, KỲ HỌP THỨ MƯỜI CHÍNH", "KHÓA XV, KỲ HỌP THỨ MƯỜI CHÍNH"),
])
def test_open_syllables_move_the_tone_to_the_first_vowel(old, new):
    assert normalize_tones(old) == new


@pytest.mark.parametrize("word", ["hoàn", "quý", "quỳnh", "QUỲNH", "khuỷu", "hoạch", "thuở", "huỳnh", "suýt",
                                  "khoét", "thuyền", "hòa", "thủy", "Quý I năm 2024"])
def test_closed_syllables_qu_and_new_style_words_are_unchanged(word):
    assert normalize_tones(word) == word


def test_decomposed_input_is_normalised_too():
    assert normalize_tones(unicodedata.normalize("NFD", "Thanh Hoá")) == "Thanh Hóa"


def test_fold_compares_across_case_placement_and_composition():
    assert fold("UỶ BAN NHÂN DÂN TỈNH THANH HOÁ") == fold("Ủy ban nhân dân tỉnh Thanh Hóa") == \
        "ủy ban nhân dân tỉnh thanh hóa"
    assert fold(unicodedata.normalize("NFD", "Kế hoạch")) == "kế hoạch"
    assert fold("quý") != fold("qúy")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_bare_is_the_text_decomposed_without_its_marks(text):
    from plancheck.text import bare

    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    expected = " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())
    assert bare(text) == expected
