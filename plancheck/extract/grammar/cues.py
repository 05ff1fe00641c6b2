"""The cue words and small readings every part of the statement grammar shares."""
from __future__ import annotations

import re
from ...lazyre import lazy_compile


# Between a part and its share: the part's noun, then "(", "chiếm", "tức", "hay", "tương đương".
_SHARE_GAP = lazy_compile(r"^[^\d;:.()%]{0,60}?(?:\(\s*(?:chiếm\s*)?|,?\s*\bchiếm\b\s*|,\s*(?:tức|hay|tương đương|"
                        r"tương ứng)(?:\s+với)?\s*|\s(?:tức|hay|tức là|tương đương)\s+)(?:(?:tỷ|tỉ) lệ\s*)?(?:khoảng\s*)?:?\s*$",
                        re.IGNORECASE)
_GROWTH_BEFORE = lazy_compile(r"(?:\b(tăng|giảm|tăng trưởng|mức tăng|tốc độ tăng)(?:\s+(?:thêm|lên|đi|khoảng|gần|"
                            r"trên|hơn|bình quân|trung bình|tới))*|\bgiảm đi)\s*$", re.IGNORECASE)
_RATIO_BEFORE = lazy_compile(r"\b(bằng|đạt|còn|chỉ bằng|chỉ đạt)(?:\s+(?:khoảng|gần|trên|hơn|tỷ lệ|tỉ lệ))*\s*$",
                           re.IGNORECASE)
_REST = lazy_compile(r"\b(?:còn lại|khác)\b", re.IGNORECASE)


# Splits that name a whole completely, each member once: a list of exactly these members
# adds up to its whole. "ngoài nhà nước" is no "nhà nước"; "ngân sách địa phương" no "trung ương".
_PARTITIONS = [tuple(re.compile(m, re.IGNORECASE) for m in members) for members in (
    (r"\bnam\b", r"\bnữ\b"),
    (r"\b(?:thành thị|đô thị)\b", r"\bnông thôn\b"),
    (r"\btrung ương\b", r"\bđịa phương\b"),
    (r"(?<!ngoài )\bnhà nước\b", r"\bngoài nhà nước\b", r"\b(?:đầu tư (?:trực tiếp )?nước ngoài|fdi)\b"),
    (r"\btrong nước\b", r"\b(?:nước ngoài|ngoài nước)\b"),
    (r"(?<!ngoài )\bcông lập\b", r"\bngoài công lập\b"),
    (r"\btrong tỉnh\b", r"\bngoài tỉnh\b"),
    (r"\btrong ngân sách\b", r"\bngoài ngân sách\b"),
    # a project's capital: the investor's own and what it borrows or raises
    (r"\bvốn (?:góp|chủ sở hữu|tự có)\b", r"\bvốn (?:vay|huy động)\b"),
    # the levels of government a road, a budget or a task falls to ("do trung ương/tỉnh/huyện/xã quản lý")
    (r"\btrung ương\b", r"\btỉnh\b", r"\bhuyện\b", r"\bxã\b(?!\s+hội)"),
    (r"\btỉnh\b", r"\bhuyện\b", r"\bxã\b(?!\s+hội)"),
)]
# Every branch opens on the stop itself, so that the engine skips to a "." or a ";".
_SENTENCE_END = lazy_compile(r"\.(?=\s+[A-ZÀ-Ỹ\d(\"“*-])|\.\s*$|;\s*(?=[-+•]\s)"
                           # "… dài hơn 26 km.Đường cao tốc …": a heading run in by extraction
                           # (after a unit in capitals too: "1,76 tỉ USD.Tổng doanh thu"; not "TP.Hồ Chí Minh")
                           r"|\.(?:(?<=[a-zà-ỹđ\d²%)]\.)|(?<=[A-Z]{3}\.))(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")
_PERSON = frozenset({"người", "dân", "nhân khẩu", "khẩu", "nam", "nữ", "người dân", "lao động", "nhân viên", "cán bộ",
                     "công chức", "viên chức", "học sinh", "sinh viên", "giáo viên", "công nhân", "đại biểu",
                     "bệnh nhân", "hội viên", "đảng viên", "tín đồ", "thí sinh", "trẻ em", "cử tri", "hộ viên",
                     "thành viên"})
_NOT_PERSON = frozenset({"dân tộc", "dân số", "dân tộc thiểu số"})


def _fold(s: str) -> str:
    return " ".join(s.casefold().split())


def _label(text: str) -> str:
    """A component's name: the words before its figure in its own clause, without cue words
    and list punctuation ("người, trong đó dân số thành thị là" → "dân số thành thị")."""
    t = re.sub(r"\(.*?\)", " ", text)
    pieces = [p for p in re.split(r"[;:]|\btrong (?:đó|số đó)\b|\b(?:bao\s+)?gồm\b", t) if re.search(r"\w", p)]
    t = pieces[-1] if pieces else t
    t = re.sub(r"^[\s;,:.+\-–•)(]+|[\s:;,(]+$", "", t)
    t = re.sub(r"^(?:và|còn|trong đó|trong số đó|gồm|bao gồm|cụ thể)\b[\s,:]*", "", t, flags=re.IGNORECASE)
    t = re.sub(r"\s*\b(?:đạt|chiếm|là|khoảng|chiếm tỷ trọng|chiếm tỉ trọng|chiếm tỷ lệ|chiếm tỉ lệ|với tỷ trọng|"
               r"có|được|dài|rộng|ước đạt|ước tính|gần|trên|hơn|tức|tức là|hay|tương đương)$", "", t, flags=re.IGNORECASE)
    return " ".join(t.split()).strip(" ,;:")


def _list_body(rest: str) -> str:
    end = _ITEM_END.search(rest)
    return rest[: end.start()] if end else rest


def _person(noun: str) -> bool:
    """Whether a counted noun counts people ("người", "nhân khẩu", "dân"), not "dân tộc"."""
    words = noun.split()
    return noun in _PERSON or (words[0] in _PERSON and noun not in _NOT_PERSON) or words[-1] == "dân"   # giáo dân, cư dân


def _partition(names: list[str]) -> bool:
    """Whether labels name a whole completely: "… còn lại", "khác", nam/nữ, thành thị/nông thôn,
    or the segments of a length ("đoạn qua tỉnh A …, đoạn qua tỉnh B …"; "phần trên lãnh thổ …")."""
    if any(_REST.search(n) for n in names):
        return True
    if len(names) >= 2 and all(re.search(r"(?:^|[,:]\s*|\s)(?:đoạn|phần)\s+(?:qua|trên|thuộc|nằm)\b", n) for n in names):
        return True
    return _complementary(names)


def _complementary(names: list[str]) -> bool:
    """Whether the names are the members of one known split ("ngân sách trung ương" and
    "ngân sách địa phương"; nhà nước, ngoài nhà nước and FDI)."""
    for members in _PARTITIONS:
        if len(members) != len(names):
            continue
        # the labels run into each other ("nam và … nữ"; "… nông thôn và 38% sống ở … đô thị"): read together
        joined = " | ".join(names)
        if all(m.search(joined) for m in members):
            return True
    return False


def _whole_words(name: str, after: str) -> str:
    """A name cut at a length, without the piece of a word the cut left ("… mạnh mẽ th")."""
    if after[:1].isalpha() and " " in name:
        name = name.rsplit(" ", 1)[0]
    return name.strip()


_ADMIN = lazy_compile(r"^(?:thành phố|thị xã|thị trấn|huyện|quận|tỉnh|phường|xã|đặc khu|tp\.?)\s", re.IGNORECASE)
_CONTAINER = lazy_compile(r"^(?:đơn vị|đô thị|ĐVHC|thành viên|đơn vị hành chính)\b", re.IGNORECASE)
_ITEM_END = lazy_compile(r"\.(?=\s|$)|;|\n")


# the measures of money, a currency said once or each time
_MONEY = frozenset({"đồng", "usd", "vnđ", "vnd"})


def _counted(m: re.Match) -> str:
    """What a count's match counts: its "noun", or the unit or plot the named-list wording counts."""
    groups = m.groupdict()
    return groups.get("noun") or groups.get("unit") or groups.get("plot") or ""


# The words that announce the parts of a whole, after it: "…, gồm:", "Trong đó:", "cụ thể như
# sau:". One list for every reader that waits for them (a block's lead, a share's sub-total, the
# list before a total); each adds what must follow (a colon, the paragraph's end).
PARTS_CUE = (r"(?:trong\s+đó|trong\s+số\s+(?:đó|này)|bao\s+gồm|gồm\s+có|gồm|cụ\s+thể|chia\s+ra|phân\s+theo|"
             r"phân\s+ra)(?:\s+như\s+sau)?|như\s+sau")


def _closes_before(text: str, start: int, end: int) -> bool:
    """Whether a parenthesis open at ``start`` closes before ``end``: a cue inside an aside
    ("(trong đó …)") whose list ends with it; a whole inside one ("(188 quốc gia, trong đó …)")
    whose parts end with it."""
    depth = 0
    for ch in text[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return True
    return False
