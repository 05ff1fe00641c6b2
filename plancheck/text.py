"""Vietnamese text helpers: number words.

Plans write numbers in words ("kỳ họp thứ mười chín", "KHÓA XV, KỲ HỌP THỨ
TÁM") and drafts carry slips such as "mươi chín" (for "mười chín") or "MƯỜI
CHÍNH" (for "MƯỜI CHÍN"). The linter must tell a number from a non-number,
accept known slips while flagging them, and propose the standard spelling.

Written by hand because no library fits: num2words only spells numbers,
vn-numberwords returns 0 on non-numbers (so a typo reads as zero) and
vietnam-number is GPL. Standard library only, so importing stays cheap.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from .lazyre import lazy_compile

__all__ = [
    "NumberWords",
    "nearest_number_words",
    "parse_number_words",
    "parse_ordinal",
    "spell_number",
]

MAX_NUMBER = 999_999


@dataclass(frozen=True, slots=True)
class NumberWords:
    value: int  # the integer meant
    text: str  # the words as written
    irregular: bool  # a misspelling or non-standard form was accepted
    note: str | None = None  # short English explanation of the irregularity


# -- normalisation ----------------------------------------------------------
# Combining acute, grave, tilde, hook above, dot below: the five tone marks.
# Breve, circumflex and horn (ă â ê ô ơ ư) are letters of their own and stay.
_TONE_MARKS = frozenset("\u0301\u0300\u0303\u0309\u0323")


def _normalise(text: str) -> str:
    # Canonical caseless matching (NFD, casefold, then NFC) so upper-case and
    # decomposed input compare equal to the NFC lower-case vocabulary. Old vs
    # new tone placement ("hoà"/"hòa") only differs on oa/oe/uy nuclei, which
    # no number word has, so NFC alone settles placement here.
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).casefold())


def _strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


def _words(text: str) -> list[str]:
    return _normalise(text).split()


# -- vocabulary ---------------------------------------------------------------
_DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

# Each table maps a word to (value, note); a note marks an accepted slip.
_Reading = tuple[int, str | None]
_BAY = {"bẩy": (7, "'bẩy' is a variant spelling of 'bảy' (7)")}
_NHAM = {"nhăm": (5, "'nhăm' is colloquial for 'lăm' (5)")}
_ONE_TO_NINE: dict[str, _Reading] = {w: (v, None) for v, w in enumerate(_DIGIT_WORDS) if v} | _BAY

# A digit standing alone, or multiplying 'trăm' / 'mươi'.
_DIGIT: dict[str, _Reading] = {"không": (0, None)} | _ONE_TO_NINE

# The unit after 'mười': 'lăm' for 5, but 'một' (not 'mốt') for 1.
_UNIT_AFTER_TEN: dict[str, _Reading] = (
    _ONE_TO_NINE
    | _NHAM
    | {
        "lăm": (5, None),
        "năm": (5, "'năm' after 'mười' is normally 'lăm' (15)"),
        "mốt": (1, "'mười mốt' should be 'mười một' (11)"),
        "tư": (4, "'mười tư' is colloquial for 'mười bốn' (14)"),
    }
)

# The unit after 'hai mươi' .. 'chín mươi': 'mốt' for 1, 'lăm' for 5, 'tư' or 'bốn' for 4.
_UNIT_AFTER_TENS: dict[str, _Reading] = (
    _ONE_TO_NINE
    | _NHAM
    | {
        "mốt": (1, None),
        "tư": (4, None),
        "lăm": (5, None),
        "một": (1, "'một' after 'mươi' is normally 'mốt'"),
        "năm": (5, "'năm' after 'mươi' is normally 'lăm'"),
    }
)

# The unit after 'linh'/'lẻ' (zero tens): plain digits; 'tư' is common too.
_UNIT_AFTER_ZERO_TENS: dict[str, _Reading] = (
    _ONE_TO_NINE
    | {
        "tư": (4, None),
        "mốt": (1, "'mốt' is used only after 'mươi'; after 'linh' write 'một'"),
        "lăm": (5, "'lăm' is used only after 'mười'/'mươi'; after 'linh' write 'năm'"),
        "nhăm": (5, "'nhăm' is used only after 'mười'/'mươi'; after 'linh' write 'năm'"),
    }
)

_ZERO_TENS = frozenset({"linh", "lẻ"})
_THOUSAND = frozenset({"nghìn", "ngàn"})
_ORDINAL_PREFIX = "thứ"

# Ordinals that are not simply 'thứ' + cardinal.
_ORDINAL_WORD: dict[str, _Reading] = {
    "nhất": (1, None),
    "nhì": (2, None),
    "tư": (4, None),
    "một": (1, "'thứ một' is normally 'thứ nhất'"),
    "bốn": (4, "'thứ bốn' is normally 'thứ tư'"),
}

_ASCII_DIGITS = lazy_compile(r"[0-9]+")
# An elision standing alone: "[...]", "(…)", or an ellipsis on its own line (possessive
# quantifiers: linear on "[" + 50.000 dots).
ELISION = lazy_compile(r"[\s*_]*+(?:[\[(][ \t]*+(?:\.{2,}+|…)[.…]*+[ \t]*+[\])]|…++|\.{3,}+)[\s*_]*+")
# A procedure's step label opening a line or a table cell: "Bước 2:", "+ Bước 2:", "**Bước 2**",
# "**Bước** **10**", "Bước 3. Thẩm định"; not a mention of a step in a sentence ("Bước 2 và Bước 3").
STEP_LABEL = lazy_compile(r"[\s*_(\[+•–-]{0,6}Bước[\s*_]{1,8}(\d{1,2})(?![\d,]|[./]\d)[*_]*+"
                        r"(?=\s*+(?:[:.)–-]|$)|\s++[A-ZĐÀ-Ỹ])")


# -- parsing ------------------------------------------------------------------
def _read(table: dict[str, _Reading], word: str, notes: list[str]) -> int | None:
    reading = table.get(word)
    if reading is None:
        return None
    value, note = reading
    if note:
        notes.append(note)
    return value


def _parse_tens(words: list[str], notes: list[str]) -> tuple[int, int] | None:
    """Read a tens word group at the start of ``words``: (value, words used)."""
    if not words:
        return None
    if words[0] == "mười":
        return 10, 1
    if words[0] == "mươi":  # no digit before it: a slip for 'mười'
        notes.append("'mươi' stands for 'mười' (10)")
        return 10, 1
    if len(words) >= 2 and words[1] in ("mươi", "mười"):
        digit = _read(_DIGIT, words[0], notes)
        if digit is None or digit < 2:  # 'một mươi', 'không mươi' are not numbers
            return None
        if words[1] == "mười":  # 'hai mười': the tens multiplier is 'mươi'
            notes.append("'mười' stands for 'mươi' (tens)")
        return digit * 10, 2
    return None


def _parse_below_thousand(words: list[str], notes: list[str], after_thousand: bool) -> int | None:
    """Read all of ``words`` as 0..999.

    After 'nghìn' the standard form spells the hundreds even when zero
    ("một nghìn không trăm linh năm"); shortened forms with 'linh' or a tens
    word are accepted as irregular, a bare unit is not ("hai nghìn tư" is
    colloquial for 2400, not 2004).
    """
    if not words:
        return None
    value = 0
    has_hundreds = len(words) >= 2 and words[1] == "trăm"
    if has_hundreds:
        hundreds = _read(_DIGIT, words[0], notes)
        if hundreds is None or (hundreds == 0 and not after_thousand):
            return None
        value, words = hundreds * 100, words[2:]
        if not words:
            return value or None  # 'không trăm' alone says nothing
    elif after_thousand:
        notes.append("'không trăm' omitted after 'nghìn'")

    if words[0] in _ZERO_TENS:
        if not (has_hundreds or after_thousand) or len(words) != 2:
            return None
        unit = _read(_UNIT_AFTER_ZERO_TENS, words[1], notes)
        return None if unit is None else value + unit

    tens = _parse_tens(words, notes)
    if tens is None:
        # A bare unit after 'trăm' is colloquial for tens ("một trăm hai" is 120).
        if has_hundreds or after_thousand or len(words) != 1:
            return None
        return _read(_DIGIT, words[0], notes)
    tens_value, used = tens
    rest = words[used:]
    if not rest:
        return value + tens_value
    if len(rest) != 1:
        return None
    unit_table = _UNIT_AFTER_TEN if tens_value == 10 else _UNIT_AFTER_TENS
    unit = _read(unit_table, rest[0], notes)
    return None if unit is None else value + tens_value + unit


def _parse_cardinal(words: list[str], notes: list[str]) -> int | None:
    thousand_at = [i for i, word in enumerate(words) if word in _THOUSAND]
    if not thousand_at:
        return _parse_below_thousand(words, notes, after_thousand=False)
    if len(thousand_at) > 1:
        return None
    split = thousand_at[0]
    high = _parse_below_thousand(words[:split], notes, after_thousand=False)
    if not high:  # also rejects "không nghìn"
        return None
    low_words = words[split + 1 :]
    if not low_words:
        return high * 1000
    low = _parse_below_thousand(low_words, notes, after_thousand=True)
    return None if low is None else high * 1000 + low


def _result(value: int, text: str, notes: list[str]) -> NumberWords:
    unique = dict.fromkeys(notes)  # "bẩy mươi bẩy" needs its note once
    return NumberWords(value, text.strip(), bool(unique), "; ".join(unique) or None)


def parse_count(text: str) -> int | None:
    """A count as documents write it, in digits ("07") or in words ("bảy"); None otherwise."""
    if text.isdigit():
        return int(text)
    words = parse_number_words(text)
    return None if words is None else int(words.value)


def parse_number_words(text: str) -> NumberWords | None:
    """Vietnamese number words 0..999 (and up to 999_999 with 'nghìn'/'ngàn')
    -> NumberWords; None when the text is not a number in words."""
    notes: list[str] = []
    value = _parse_cardinal(_words(text), notes)
    return None if value is None else _result(value, text, notes)


def parse_ordinal(text: str) -> NumberWords | None:
    """'thứ tám' -> 8, 'thứ nhất' -> 1, 'thứ tư' -> 4, 'thứ hai mươi mốt' -> 21,
    'thứ 19' -> 19 (digits accepted), 'thứ XV' -> None (roman numerals are
    handled elsewhere); the leading 'thứ' is optional."""
    words = _words(text)
    if words and words[0] == _ORDINAL_PREFIX:
        words = words[1:]
    notes: list[str] = []
    if len(words) == 1 and _ASCII_DIGITS.fullmatch(words[0]):
        value: int | None = int(words[0])
    elif len(words) == 1 and words[0] in _ORDINAL_WORD:
        value = _read(_ORDINAL_WORD, words[0], notes)
    else:
        value = _parse_cardinal(words, notes)
    if not value:  # None, or zero: there is no zeroth
        return None
    return _result(value, text, notes)


# -- spelling -----------------------------------------------------------------
def _spell_below_thousand(n: int, after_thousand: bool) -> list[str]:
    hundreds, tens, unit = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or after_thousand:
        words += [_DIGIT_WORDS[hundreds], "trăm"]
    if tens == 0:
        if unit:
            words += ["linh", _DIGIT_WORDS[unit]] if words else [_DIGIT_WORDS[unit]]
    elif tens == 1:
        words.append("mười")
        if unit:
            words.append("lăm" if unit == 5 else _DIGIT_WORDS[unit])
    else:
        words += [_DIGIT_WORDS[tens], "mươi"]
        if unit:
            words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(unit, _DIGIT_WORDS[unit]))
    return words


def spell_number(n: int) -> str:
    """The standard words for 0 <= n <= 999_999 (used to propose fixes):
    19 -> 'mười chín', 21 -> 'hai mươi mốt', 105 -> 'một trăm linh năm',
    15 -> 'mười lăm', 24 -> 'hai mươi tư', 10 -> 'mười', 20 -> 'hai mươi',
    1000 -> 'một nghìn'."""
    if not 0 <= n <= MAX_NUMBER:
        raise ValueError(f"{n} is outside 0..{MAX_NUMBER}")
    if n == 0:
        return "không"
    high, low = divmod(n, 1000)
    words = (_spell_below_thousand(high, after_thousand=False) + ["nghìn"]) if high else []
    if low:
        words += _spell_below_thousand(low, after_thousand=bool(high))
    return " ".join(words)


# -- suggestions ----------------------------------------------------------------
def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def _forms(spellings: list[str]) -> tuple[tuple[str, str], ...]:
    return tuple((s, _strip_tones(s)) for s in spellings)


def _after_thousand_spellings(n: int) -> list[str]:
    """The standard form after 'nghìn' and, below 100, the accepted short form."""
    spellings = [" ".join(_spell_below_thousand(n, after_thousand=True))]
    if 0 < n < 10:
        spellings.append(f"linh {spell_number(n)}")
    elif 10 <= n < 100:
        spellings.append(spell_number(n))
    return spellings


# Spellings compared against, built once on first use (about 2000 short strings, 25 ms:
# only a session number that does not parse needs them): 0..999 on their own, and
# 0..999 after 'nghìn'.
@functools.cache
def _spellings() -> tuple[tuple, tuple]:
    below = tuple(_forms([spell_number(n)]) for n in range(1000))
    after = tuple(_forms(_after_thousand_spellings(n)) for n in range(1000))
    return below, after


def _close(
    words: list[str], table: tuple[tuple[tuple[str, str], ...], ...], first: int, limit: int
) -> list[tuple[int, int, int]]:
    """(distance without tones, full distance, n) for each n in ``table[first:]``
    whose spelling is within ``limit`` of ``words`` once tones are removed."""
    phrase = " ".join(words)
    bare_phrase = _strip_tones(phrase)
    found = []
    for n in range(first, len(table)):
        best: tuple[int, int] | None = None
        for spelled, bare_spelled in table[n]:
            bare = _edit_distance(bare_phrase, bare_spelled, limit)
            if bare <= limit:
                full = _edit_distance(phrase, spelled, len(phrase) + len(spelled))
                best = min(best or (bare, full), (bare, full))
        if best is not None:
            found.append((*best, n))
    return found


def nearest_number_words(text: str, max_distance: int = 2) -> list[NumberWords]:
    """For a phrase that does not parse (e.g. 'MƯỜI CHÍNH'), the numbers whose
    standard spelling is within ``max_distance`` character edits, best first:
    'mười chính' -> [19 ...]. Used to say 'did you mean mười chín (19)?'.

    Comparison is on NFC, case-folded text; a second chance ignores tone marks,
    so text that lost its tones still matches. Candidates are ranked by the
    distance without tones, then with them: a wrong tone is the likeliest slip.
    """
    words = _words(text)
    if not words or max_distance < 0:
        return []
    thousand_at = [i for i, word in enumerate(words) if _strip_tones(word) in ("nghin", "ngan")]
    if not thousand_at:
        matches = _close(words, _spellings()[0], 0, max_distance)
    elif len(thousand_at) == 1 and thousand_at[0] > 0:
        split = thousand_at[0]
        highs = _close(words[:split], _spellings()[0], 1, max_distance)
        low_words = words[split + 1 :]
        lows = _close(low_words, _spellings()[1], 1, max_distance) if low_words else [(0, 0, 0)]
        matches = [
            (hb + lb, hf + lf, high * 1000 + low)
            for hb, hf, high in highs
            for lb, lf, low in lows
            if hb + lb <= max_distance
        ]
    else:
        return []
    matches.sort()
    return [
        NumberWords(
            n,
            spell_number(n),
            irregular=False,
            note=f"edit distance {full}" if full <= max_distance else f"edit distance {bare} ignoring tone marks",
        )
        for bare, full, n in matches
    ]


# -- tone placement and comparison ------------------------------------------------
# Vietnamese writes the tone of an open "oa", "oe", "uy" syllable on either vowel:
# "hoà"/"hòa", "thuỷ"/"thủy", "UỶ BAN"/"ỦY BAN". Documents mix both, so text is
# compared after moving the mark to the first vowel. vi-textmatch (MIT, no
# dependencies) does exactly that and was right on every hard word tried (closed
# syllables "hoàn", "khuỷu", "hoạch" and the "qu" cluster of "quý", "quỳnh" are left
# alone); it is imported on first use so `import plancheck` stays cheap.
__all__ += ["fold", "normalize_tones", "bare"]


def bare(text: str) -> str:
    """Letters without any diacritic, case-folded, one space between words:
    "Ước TH cả năm" -> "uoc th ca nam". For recognising fixed words and table
    headers however they were typed (or lost their marks in extraction)."""
    if text.isascii():
        return " ".join(text.casefold().split())
    return " ".join(text.translate(_BARE).casefold().split())


class _BareTable(dict):
    """Each character -> itself decomposed without its combining marks, found on first
    sight and kept (str.translate asks a dict subclass's __missing__): one translate
    instead of a decomposition and a filter per character, and the same result, since
    the marks a whole-text decomposition would reorder are all dropped."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        self[code] = base or None
        return self[code]


_BARE = _BareTable({ord("đ"): "d", ord("Đ"): "D"})



def normalize_tones(text: str) -> str:
    """NFC text with the tone of open oa/oe/uy syllables on the first vowel:
    'hoà' -> 'hòa', 'thuỷ' -> 'thủy', 'KHOÁ' -> 'KHÓA', 'UỶ BAN' -> 'ỦY BAN';
    'hoàn', 'quý', 'quỳnh', 'khuỷu', 'hoạch', 'thuở' are unchanged."""
    from vi_textmatch.tone import normalize_tone

    return normalize_tone(unicodedata.normalize("NFC", text))


def fold(text: str) -> str:
    """The form to compare Vietnamese text in: NFC, one tone placement, case-folded.
    fold('UỶ BAN NHÂN DÂN') == fold('Ủy ban nhân dân'). For matching only: text
    shown to people keeps its own spelling."""
    return unicodedata.normalize("NFC", normalize_tones(text).casefold())


# -- indicator names ---------------------------------------------------------------
# Common abbreviations of plan documents, expanded so that "Thu NSNN" and "thu ngân
# sách nhà nước" are the same words. Written by hand: no library knows these.
_ABBREVIATIONS = {
    r"nsnn": "ngân sách nhà nước",
    r"cn\s*-\s*xd|cn,\s*xd|cnxd": "công nghiệp xây dựng",
    r"kt\s*-\s*xh|ktxh": "kinh tế xã hội",
    r"tđ": "trong đó",
    r"sp": "sản phẩm",
    r"ntm": "nông thôn mới",
    r"bhyt": "bảo hiểm y tế",
    r"bhxh": "bảo hiểm xã hội",
    r"grdp": "tổng sản phẩm trên địa bàn",
}
_ABBREVIATION = lazy_compile(r"(?<!\w)(?:" + "|".join(f"(?P<a{i}>{p})" for i, p in enumerate(_ABBREVIATIONS)) + r")(?!\w)")
__all__ += ["name_words", "name_within"]


def name_words(name: str) -> list[str]:
    """An indicator's name as comparable words: folded, abbreviations expanded,
    asides in parentheses and punctuation dropped."""
    text = re.sub(r"\([^)]*\)", " ", fold(name))
    expansions = list(_ABBREVIATIONS.values())

    def expand(m: re.Match[str]) -> str:
        words = expansions[int(m.lastgroup[1:])]
        # "tổng sản phẩm trên địa bàn GRDP" says it once, not twice
        beside = text[:m.start()].rstrip(" -(").endswith(words) or text[m.end():].lstrip(" -()").startswith(words)
        return " " if beside else words

    return re.findall(r"\w+", _ABBREVIATION.sub(expand, text))


def name_within(name: list[str], statement: list[str], slack: int = 3) -> int | None:
    """How many extra words ``statement`` carries inside an occurrence of ``name``'s words
    in order ("thu ngân sách trên địa bàn" within "thu ngân sách nhà nước trên địa bàn
    tỉnh": 2); None when it holds no such occurrence with at most ``slack`` of them.
    Every word of the name must be there: "hộ nghèo" is not within "hộ cận nghèo"'s
    name, but "hộ cận nghèo" is no occurrence of "hộ nghèo" either when slack is 0.
    A name of fewer than three words must be the whole statement."""
    if len(name) < 3:
        return 0 if name == statement else None
    best = None
    for start, word in enumerate(statement):
        if word != name[0]:
            continue
        i = 0
        for end in range(start, min(len(statement), start + len(name) + slack)):
            if statement[end] == name[i]:
                i += 1
                if i == len(name):
                    extra = end - start + 1 - len(name)
                    best = extra if best is None else min(best, extra)
                    break
    return best


# -- foreign words -------------------------------------------------------------------------
# English function words that Vietnamese does not write ("in", "to", "a", "on" are Vietnamese
# words too, so they do not count). Written by hand: a language identifier (fastText, lingua)
# would cost a model and tens of milliseconds for what two stopwords and the share of words
# without Vietnamese letters decide in a window of a dozen words.
_ENGLISH = frozenset("""the of and for with from per than is are was were has have by an this that
    these those its their his her which who be been will would not no or as into over after about
    years ago million billion thousand new""".split())
# A word of letters (no digits, no underscore): what word counts and language guesses count.
LETTER_WORD = lazy_compile(r"[^\W\d_]+")
_LATIN_WORD = lazy_compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def foreign_around(text: str, at: int, width: int = 8) -> bool:
    """Whether the words around offset ``at`` are English rather than Vietnamese: a quoted
    English title in a reference list ("GDP grows 9.1% in third quarter"), an English aside.
    Its figures follow English conventions and are not the text's own writing."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    if _IMPERIAL.match(text, at):
        return True   # "2.744 mét (9,003 ft)": a conversion into English units, written their way
    quoted = _quotation(text, line_start, at, line_end)
    if quoted is not None:   # inside a quoted title: its own words decide
        words = _LATIN_WORD.findall(quoted)
        english = {w.casefold() for w in words} & _ENGLISH
        return len(words) >= 3 and bool(english) and sum(1 for w in words if w.isascii()) >= 0.8 * len(words)
    before = _LATIN_WORD.findall(text[max(line_start, at - 12 * width): at])[-width:]
    after = _LATIN_WORD.findall(text[at: min(line_end, at + 12 * width)])[:width]
    words = before + after
    if len(words) < 4:
        return False
    english = {w.casefold() for w in words} & _ENGLISH
    plain = sum(1 for w in words if w.isascii())
    # two English function words among mostly plain words; or six words and more of which none
    # carries a Vietnamese letter (Vietnamese prose rarely writes six words without one)
    return (len(english) >= 2 and plain >= 0.8 * len(words)) or (len(words) >= 6 and plain == len(words))


_IMPERIAL = lazy_compile(r"[\d.,]+\s*(?:ft|mi|lb|lbs|oz|gal|mph|sq\s*mi|acres?)\b")


def _quotation(text: str, start: int, at: int, end: int) -> str | None:
    """The quoted words around offset ``at`` on its line ("…" or “…”), or None when it is not
    inside quotation marks."""
    for left, right in (("“", "”"), ('"', '"')):
        open_at = text.rfind(left, start, at)
        if open_at < 0:
            continue
        if left == right:
            if text.count('"', start, at) % 2 == 0:
                continue
        elif text.rfind(right, open_at, at) >= 0:
            continue
        close_at = text.find(right, at, end)
        if close_at >= 0:
            return text[open_at + 1: close_at]
    return None


# The capital letters of Vietnamese: a character class for patterns that need a capital (the
# range À-Ỹ also holds small letters: "đ", "ơ", "ạ").
VI_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"


def token_end(text: str, start: int) -> int:
    """Where the figure or word that starts at ``start`` ends (exclusive): at the next space, its
    closing punctuation left out ("4,250", of "4,250",)."""
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    while end > start + 1 and text[end - 1] in ",;:)]}.\"'":
        end -= 1
    return end
