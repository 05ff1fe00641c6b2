"""Session and term: the header ("KHÓA XV, KỲ HỌP THỨ TÁM") and the closing statement
("... khóa XV, kỳ họp thứ tám thông qua ngày ...") state the same facts, in words that
are numbers; and boilerplate words are spelled right ("Nơi nhận", not "Noi nhận").

Ordinals are read in words and numerals ("thứ mười chín", "thứ 19") by
plancheck.text.parse_ordinal; a phrase that is no number ("MƯỜI CHÍNH") is matched to
the numbers spelled closest to it (plancheck.text.nearest_number_words).
"""
from __future__ import annotations

import re
from dataclasses import field
from typing import Iterable


from ..models.document import Closing, Header
from ..models.location import Location
from ..numbers import roman_value
from ..text import bare, fold, nearest_number_words, parse_ordinal, spell_number
from .base import CheckKind, Hit, Params, Subject
from ..lazyre import lazy_compile

_PLACES = {"header": ("đầu văn bản", "the header"), "closing": ("phần kết", "the closing statement")}
_ORDINAL_WORDS = {1: "nhất", 4: "tư"}


def ordinal_words(n: int) -> str:
    """'thứ tám', 'thứ nhất', 'thứ tư', 'thứ mười chín'."""
    return "thứ " + _ORDINAL_WORDS.get(n, spell_number(n))


def _in_case_of(words: str, model: str) -> str:
    letters = [c for c in model if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return words.upper()
    if model[:1].isupper():
        return words[:1].upper() + words[1:]
    return words


def _without_prefix(text: str) -> str:
    return re.sub(r"^\s*th[ứưu]\s+", "", text, flags=re.IGNORECASE)


def _ordinal_attempt(text: str) -> bool:
    """'thứ ...' or a numeral: the text meant to give the session's number."""
    return skeleton(text).startswith("thu ") or any(c.isdigit() for c in text)


def _sessions(subject: Subject) -> list[tuple[str, Header | Closing]]:
    structure = subject.structure
    if structure is None:
        return []
    found: list[tuple[str, Header | Closing]] = [("header", structure.header)]
    if structure.closing is not None:
        found.append(("closing", structure.closing))
    return [(place, s) for place, s in found if s.session_text]


def _location(subject: Subject, holder: Header | Closing) -> Location:
    if holder.session_location is not None:
        return holder.session_location
    if isinstance(holder, Closing):
        return holder.location
    return holder.number_location or holder.date_location or Location(path=subject.plan.path)


class SessionNumber(CheckKind):
    """The session ("KỲ HỌP THỨ TÁM") is a number, in words or numerals."""

    name = "session_number"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"place", "place_en", "text", "likely", "likely_words", "other_vi", "other_en"})

    class Params(Params):
        max_distance: int = 2   # character edits from a number's spelling to name it as likely

    def run(self, subject: Subject, params: "SessionNumber.Params") -> Iterable[Hit]:
        sessions = _sessions(subject)
        for place, holder in sessions:
            if holder.session is not None or not _ordinal_attempt(holder.session_text or ""):
                continue   # "kỳ họp chuyên đề", "kỳ họp bất thường" name no number
            others = [(p, h) for p, h in sessions if p != place and h.session is not None]
            other_value = others[0][1].session if others else None
            words = _without_prefix(holder.session_text or "")
            candidates = nearest_number_words(words, params.max_distance)
            likely = next((c for c in candidates if c.value == other_value), None) or (
                candidates[0] if candidates else None)
            other_vi = other_en = ""
            if others:
                other_place, other_holder = others[0]
                said = f"\"{other_holder.session_text}\" ({other_holder.session})"
                other_vi = f"; {_PLACES[other_place][0]} ghi {said}"
                other_en = f"; {_PLACES[other_place][1]} says {said}"
            fields = {"place": _PLACES[place][0], "place_en": _PLACES[place][1], "text": holder.session_text,
                      "likely": likely.value if likely else "?",
                      "likely_words": ordinal_words(likely.value) if likely else "?",
                      "other_vi": other_vi, "other_en": other_en}
            suggestion = None
            if likely:
                fixed = _in_case_of(ordinal_words(likely.value), holder.session_text or "")
                suggestion = f"{holder.session_text} → {fixed}"
            yield Hit(location=_location(subject, holder), fields=fields, suggestion=suggestion,
                      evidence={"candidates": [c.value for c in candidates[:5]]})


class SessionMismatch(CheckKind):
    """The header and the closing statement name the same session."""

    name = "session_mismatch"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"header", "header_value", "closing", "closing_value"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        structure = subject.structure
        if structure is None or structure.closing is None:
            return
        header, closing = structure.header, structure.closing
        if header.session is None or closing.session is None or header.session == closing.session:
            return
        yield Hit(
            location=_location(subject, closing),
            fields={"header": header.session_text, "header_value": header.session,
                    "closing": closing.session_text, "closing_value": closing.session},
        )


def term_value(term: str | None) -> int | None:
    if not term:
        return None
    term = term.strip().upper()
    if term.isdigit():
        return int(term)
    return roman_value(term)


class TermMismatch(CheckKind):
    """The header and the closing statement name the same term (khóa)."""

    name = "term_mismatch"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"header", "closing"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        structure = subject.structure
        if structure is None or structure.closing is None:
            return
        header, closing = structure.header, structure.closing
        a, b = term_value(header.term), term_value(closing.term)
        if a is None or b is None or a == b:
            return
        yield Hit(location=closing.location, fields={"header": header.term, "closing": closing.term},
                  suggestion=f"khóa {closing.term} → khóa {header.term}?")


class SessionSpelling(CheckKind):
    """A session read as a number despite a slip ('mươi chín' for 'mười chín')."""

    name = "session_spelling"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"place", "place_en", "text", "value", "standard", "note"})

    def run(self, subject: Subject, params: Params) -> Iterable[Hit]:
        for place, holder in _sessions(subject):
            if holder.session is None or not holder.session_text:
                continue
            reading = parse_ordinal(holder.session_text)
            if reading is None or not reading.irregular:
                continue
            standard = _in_case_of(ordinal_words(reading.value), holder.session_text)
            yield Hit(
                location=_location(subject, holder),
                fields={"place": _PLACES[place][0], "place_en": _PLACES[place][1], "text": holder.session_text,
                        "value": reading.value, "standard": standard, "note": reading.note or ""},
                suggestion=f"{holder.session_text} → {standard}",
            )


# -- boilerplate spelling ----------------------------------------------------------------------
def skeleton(text: str) -> str:
    """Letters without any diacritic, case-folded, one space between words: 'Nơi nhận' -> 'noi nhan'."""
    return bare(re.sub(r"[^\w]+", " ", text))


_LEAD = lazy_compile(r"^[\s*_#>|]*")
_FIRST_RUN = lazy_compile(r"[^\w]*(\w+)")


class BoilerplateSpelling(CheckKind):
    """The fixed phrases of an administrative document ("Nơi nhận", "Căn cứ", "QUYẾT NGHỊ")
    spelled with their diacritics: "Noi nhận" is a slip."""

    name = "boilerplate_spelling"
    needs = "document"   # reads the document or its structure: nothing in a plan file
    fields = frozenset({"written", "standard"})

    class Params(Params):
        phrases: list[str] = field(default_factory=lambda: [
            "Nơi nhận", "Căn cứ", "QUYẾT NGHỊ", "Theo đề nghị của", "Độc lập - Tự do - Hạnh phúc",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])

    def run(self, subject: Subject, params: "BoilerplateSpelling.Params") -> Iterable[Hit]:
        document = subject.document
        if document is None:
            return
        phrases = [(p, skeleton(p), len(p.split())) for p in params.phrases]
        firsts = {sk.split(" ")[0] for _, sk, _ in phrases}
        for paragraph in document.paragraphs():
            text = paragraph.text
            start = _LEAD.match(text).end()  # type: ignore[union-attr]
            first = _FIRST_RUN.match(text, start)
            if first is None or bare(first.group(1)) not in firsts:
                continue   # the skeleton of a phrase starts with that of the paragraph's first word
            words = list(re.finditer(r"[^\W\d_]+", text[start:start + 80]))
            for phrase, phrase_skeleton, count in phrases:
                if len(words) < count:
                    continue
                end = start + words[count - 1].end()
                written = text[start:end]
                if skeleton(written) != phrase_skeleton:
                    continue
                if end < len(text) and text[end].isalpha():
                    continue
                if fold(written) == fold(phrase) or _same_words(written, phrase):
                    continue
                if _words_differing(written, phrase) > max(1, count // 3):
                    continue   # "Cần cù ...": other words, not a slip in "Căn cứ"
                yield Hit(location=paragraph.locate(start), fields={"written": written, "standard": phrase},
                          suggestion=f"{written} → {_in_case_of(phrase, written) if not phrase.isupper() else phrase}")


def _words_differing(written: str, phrase: str) -> int:
    a = [w for w in re.split(r"[^\w]+", fold(written)) if w]
    b = [w for w in re.split(r"[^\w]+", fold(phrase)) if w]
    return sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))


def _same_words(written: str, phrase: str) -> bool:
    """Spelled right, laid out otherwise: 'Độc lập – Tự do – Hạnh phúc', 'HÒA' across a line."""
    split = lambda s: [w for w in re.split(r"[^\w]+", fold(s)) if w]  # noqa: E731
    return split(written) == split(phrase)
