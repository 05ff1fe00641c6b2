"""Vietnamese dates: what the documents write, what drafts leave blank, what is not a date."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.dates import find_dates, parse_date


def only(text: str):
    [mention] = find_dates(text)
    return mention


# -- the forms -------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, day, month, year", [
    ("ngày 07 tháng 12 năm 2023", "full", 7, 12, 2023),
    ("Sơn La, ngày 07\ntháng 12 năm 2023", "full", 7, 12, 2023),      # cut over two lines
    ("NGÀY 26 THÁNG 7 NĂM 2023", "full", 26, 7, 2023),                # a title in capitals
    ("07/12/2023", "numeric", 7, 12, 2023),
    ("7/12/2023", "numeric", 7, 12, 2023),
    ("ngày 19/06/2015", "numeric", 19, 6, 2015),
    ("01-01-2024", "numeric", 1, 1, 2024),
    ("trước ngày 30/6 hằng năm", "numeric", 30, 6, None),            # "ngày" makes d/m a date
    ("tháng 01 năm 2024", "month", None, 1, 2024),
    ("tháng 6/2024", "month", None, 6, 2024),
    ("năm 2024", "year", None, None, 2024),
])
def test_each_form_gives_its_kind_and_parts(text, kind, day, month, year):
    mention = only(text)
    assert (mention.kind, mention.day, mention.month, mention.year) == (kind, day, month, year)
    assert text[mention.start:mention.end] == mention.text


def test_a_complete_date_has_its_date():
    assert only("ngày 07 tháng 12 năm 2023").date == dt.date(2023, 12, 7)
    assert only("ngày 30/6").date is None        # no year
    assert only("tháng 01 năm 2024").date is None


@pytest.mark.parametrize("text, first, last, mention_text", [
    ("giai đoạn 2021 - 2025", 2021, 2025, "giai đoạn 2021 - 2025"),
    ("kế hoạch 5 năm 2021-2025", 2021, 2025, "2021-2025"),
    ("nhiệm kỳ 2020–2025", 2020, 2025, "nhiệm kỳ 2020–2025"),
])
def test_periods(text, first, last, mention_text):
    mention = only(text)
    assert (mention.kind, mention.year, mention.end_year, mention.text) == ("period", first, last, mention_text)


def test_the_most_specific_reading_wins_and_offsets_locate_each_mention():
    text = "Ngày 25/01/2021, UBND tỉnh giao chỉ tiêu tháng 01 năm 2024 và giai đoạn 2021 - 2025 (năm 2024)."
    mentions = find_dates(text)
    assert [(m.kind, m.text) for m in mentions] == [
        ("numeric", "Ngày 25/01/2021"), ("month", "tháng 01 năm 2024"),
        ("period", "giai đoạn 2021 - 2025"), ("year", "năm 2024")]
    assert all(text[m.start:m.end] == m.text for m in mentions)


# -- what a reviewer flags -----------------------------------------------------------

def test_a_repeated_word_is_malformed_and_read_as_meant():
    # son-la_nq-252-hdnd_2023.txt line 24
    mention = only("Xét Tờ trình số 197/TTr-UBND ngày 26 ngày 11\ntháng 2023 của Ủy ban nhân dân tỉnh")
    assert mention.malformed and mention.text == "ngày 26 ngày 11\ntháng 2023"
    assert (mention.day, mention.month, mention.year) == (26, 11, 2023)


@pytest.mark.parametrize("text", [
    "ngày 15 tháng 9 tháng 2022",     # "tháng" for "năm" (a real citation)
    "ngày 07 tháng 12 2023",          # "năm" missing
    "ngày 26 tháng 2023",             # the month missing
])
def test_other_malformed_dates(text):
    assert only(text).malformed


@pytest.mark.parametrize("text", ["31/02/2024", "29/02/2023", "13/13/2023", "tháng 13 năm 2024",
                                  "ngày 32 tháng 1 năm 2024", "ngày 00/01/2024"])
def test_impossible_dates_have_no_date(text):
    mention = only(text)
    assert mention.impossible and mention.date is None


def test_leap_days():
    assert only("29/02/2024").date == dt.date(2024, 2, 29)
    assert not only("ngày 29/02").impossible      # without a year it may be a leap year


@pytest.mark.parametrize("text, missing", [
    ("ngày 5 tháng 12 năm 2023", True),     # son-la_nq-252-hdnd_2023.txt line 26
    ("7/12/2023", True),
    ("ngày 07 tháng 1 năm 2024", True),     # months 1 and 2 take a zero
    ("tháng 1 năm 2024", True),
    ("30/6/2024", False),                   # months from 3 on do not
    ("ngày 17 tháng 6 năm 2022", False),
    ("ngày 07 tháng 12 năm 2023", False),
])
def test_leading_zeros(text, missing):
    assert only(text).leading_zero_missing is missing


# -- drafts and forms -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Sơn La, ngày tháng 01 năm 2024", "Sơn La, ngày       tháng 01 năm 2024"])
def test_a_blank_day_in_a_draft(text):
    mention = only(text)
    assert mention.blank_day and mention.blank_number
    assert (mention.day, mention.month, mention.year, mention.date) == (None, 1, 2024, None)
    assert not mention.malformed


@pytest.mark.parametrize("text, day_blank", [
    ("(Ban hành kèm theo Quyết định số: /QĐ-UBND ngày\n/ /2025 của Ủy ban nhân dân tỉnh)", True),
    ("ngày …/…/2025", True),
    ("ngày ... tháng ... năm 20..", True),   # a form's date
    ("ngày 15 tháng ... năm 2024", False),
])
def test_other_blanks(text, day_blank):
    mention = only(text)
    assert mention.blank_number and mention.blank_day is day_blank and mention.date is None


def test_words_without_numbers_are_no_date():
    assert find_dates("ghi rõ ngày tháng năm sinh; có hiệu lực từ ngày ký") == []


# -- not dates ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "hoàn thành và vượt kế hoạch 22/28 chỉ tiêu chủ yếu",   # a ratio (son-la_qd-ubnd-draft line 61)
    "Nghị quyết số 39/2020/NQ-HĐND",
    "Nghị quyết số 4/2021/NQ-HĐND",
    "Nghị quyết số 252/NQ-HĐND",
    "1.1.1. Mục tiêu",
    "4.636 tỷ đồng; 8,9%; 13,1 bác sĩ/1 vạn dân",
    "cách mạng công nghiệp 4.0",
    "khối lượng 5000 tấn",
])
def test_not_dates(text):
    assert find_dates(text) == []


# -- weekdays ---------------------------------------------------------------------------------

def test_a_weekday_before_the_date():
    mention = only("Thứ sáu, Ngày 25/06/2021 -")      # kon-tum_qd-54-news_2021.txt line 1
    assert mention.weekday == "Thứ sáu" and mention.text == "Ngày 25/06/2021"
    assert mention.weekday_matches is True


def test_weekdays_are_checked_against_the_date():
    assert only("Chủ nhật, ngày 30/7/2023").weekday_matches is True
    assert only("Thứ hai, ngày 30/7/2023").weekday_matches is False
    assert only("ngày 30/7/2023").weekday_matches is None


# -- parse_date -----------------------------------------------------------------------------

def test_parse_date_takes_the_first_complete_well_formed_day():
    assert parse_date("Sơn La, ngày 07 tháng 12 năm 2023") == dt.date(2023, 12, 7)
    assert parse_date("7/12/2023") == dt.date(2023, 12, 7)
    assert parse_date("ngày 26 ngày 11 tháng 2023") is None      # malformed: not guessed
    assert parse_date("31/02/2024") is None
    assert parse_date("năm 2024") is None
    assert parse_date("") is None


# -- robustness -------------------------------------------------------------------------------

_PIECES = st.sampled_from(["ngày", "tháng", "năm", "Ngày", " ", "\n", "/", "-", ".", "…", "..", ",", "Thứ sáu",
                           "7", "07", "12", "31", "2023", "20", "2021-2025", "giai đoạn", "số", "NQ-HĐND", "a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join) | st.text(max_size=200))
def test_never_crashes_and_mentions_are_ordered_located_and_disjoint(text):
    mentions = find_dates(text)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    for m in mentions:
        assert m.date is None or (m.date.day, m.date.month, m.date.year) == (m.day, m.month, m.year)
    parse_date(text)


@pytest.mark.parametrize("text", [
    "ngày" + " " * 20000, "ngày " * 5000, "2021-" * 5000, "ngày tháng năm " * 3000, "…" * 20000 + "/2024",
    "1/" * 10000, "tháng 1 năm " * 3000,
])
def test_pathological_input_is_handled(text):
    # How fast is bench/bench.py's business (it times these inputs); here they must only be handled.
    assert all(m.start < m.end for m in find_dates(text))


_DATE_PIECES = ["ngày ", "NGÀY ", "tháng ", "Tháng ", "năm ", "NĂM ", "2024", "12", "7", "/", ".", "-", "–", " ",
                "giai đoạn ", "…", "_", "2025 - 2021", "thứ sáu, ", "x", "a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=25))
def test_the_cue_guards_change_no_candidate(pieces):
    """Each date pattern runs only on text holding the word or dash it needs: the same
    candidates as every pattern run on every text."""
    from plancheck import dates as d

    text = "".join(pieces)
    every = [d._worded(text, m.start()) for m in d._DAY_WORD.finditer(text)]
    every += [d._numeric(text, m) for m in d._NUMERIC.finditer(text)]
    every += [d._numeric_blank(text, m) for m in d._NUMERIC_BLANK.finditer(text)]
    every += [d._month(text, m) for m in d._MONTH.finditer(text)]
    every += [d._period(text, m) for m in d._PERIOD.finditer(text)]
    every += [d._year(text, m) for m in d._YEAR.finditer(text)]
    assert d._candidates(text) == [f for f in every if f is not None]
