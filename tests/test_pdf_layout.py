"""How a PDF page's characters become lines (plancheck.read.pdf_layout), on characters built
here as pdfium gives them: each with its text, its quarter turn and its box."""
from plancheck.read.pdf_layout import (_Char, _TextLine, added, char_runs, field_text, furniture_key, read_grid,
                                       text_lines)

WIDTH, HEIGHT = 595.0, 842.0


def chars(runs, turn=0):
    """Characters from runs of text: (text, (left, top, right, bottom) on the page, top-left
    origin). Upright runs spread their letters left to right; turned a quarter (3) the letters
    go up the page. A space between words is pdfium's space character; a run that goes back to
    the left starts after a line break."""
    out, previous = [], None
    for text, (left, top, right, bottom) in runs:
        if previous is not None and left < previous:
            out.append(_Char("\n"))
        previous = right
        if turn == 3:   # along the text is up the page: x of the frame is HEIGHT - y
            step = (bottom - top) / len(text)
            for k, ch in enumerate(text):
                out.append(_Char(ch, 3, (left, bottom - (k + 1) * step, right, bottom - k * step)))
            continue
        step = (right - left) / len(text)
        out += [_Char(ch, turn, (left + k * step, top, left + (k + 1) * step, bottom)) for k, ch in enumerate(text)]
    return out


def read(runs, turn=0):
    return [line.text for line in text_lines(chars(runs, turn), WIDTH, HEIGHT)]


def test_runs_of_a_second_font_a_little_off_the_line_stay_in_it_in_order():
    # "ngày 4 năm 2026 Phiên họp": the digit "6" set in another font sits 2.5 pt lower, the
    # vowel "ố" 1.5 pt higher; the next line 14 pt below
    assert read([("ngày 4 năm 202", (50.0, 130.0, 150.0, 142.0)), ("6", (150.0, 132.5, 156.0, 144.5)),
                 (" Phiên họp th", (156.0, 130.0, 230.0, 142.0)), ("ố", (230.0, 128.5, 236.0, 140.5)),
                 ("Dòng sau", (50.0, 144.0, 120.0, 156.0))]) == ["ngày 4 năm 2026 Phiên họp thố", "Dòng sau"]


def test_a_word_space_is_pdfiums_or_a_gap_and_letters_that_touch_make_one_word():
    assert read([("S", (50.0, 130.0, 57.0, 142.0)), ("ố", (57.0, 130.0, 64.0, 142.0)),
                 ("12", (67.5, 130.0, 80.0, 142.0))]) == ["Số 12"]   # a 3.5 pt gap, no space character
    assert read([("Số 12 ngày", (50.0, 130.0, 110.0, 140.0)), ("Điều 1", (50.0, 150.0, 86.0, 160.0))]) \
        == ["Số 12 ngày", "Điều 1"]


def test_a_figure_drawn_later_into_a_lines_blank_takes_its_place():
    # "Số:      /QĐ-UBND" written with a blank, its number stamped in at signing: pdfium gives
    # the stamped characters after the whole line
    line = chars([("Số:        /QĐ-UBND", (60.0, 100.0, 190.0, 112.0))])
    stamped = chars([("27", (84.0, 100.0, 96.0, 112.0))])
    assert [ln.text for ln in text_lines(line + [_Char("\n")] + stamped, WIDTH, HEIGHT)] == ["Số: 27 /QĐ-UBND"]


def test_a_form_printed_sideways_is_read_along_its_lines():
    # a landscape form turned a quarter on a portrait page: its text runs up the page, its
    # first line nearest the page's left edge
    runs = [("Mẫu số 02", (60.0, 600.0, 72.0, 700.0)), ("BẢNG KÊ CÁC XÃ", (80.0, 560.0, 92.0, 700.0))]
    assert read(runs, turn=3) == ["Mẫu số 02", "BẢNG KÊ CÁC XÃ"]


def test_a_sideways_tables_rows_run_across_the_page():
    # pdfplumber's grid of a table turned a quarter: its rows down the page are the table's
    # columns; its first column (nearest the page's left) is the table's heading row
    cells = [[(100.0, 100.0, 120.0, 300.0), (120.0, 100.0, 140.0, 300.0)],
             [(100.0, 300.0, 120.0, 400.0), (120.0, 300.0, 140.0, 400.0)]]
    grid = read_grid(cells, 3, WIDTH, HEIGHT)
    # up the page: the bottom row (y 300-400) comes first along the text
    assert grid == [[(100.0, 300.0, 120.0, 400.0), (100.0, 100.0, 120.0, 300.0)],
                    [(120.0, 300.0, 140.0, 400.0), (120.0, 100.0, 140.0, 300.0)]]
    assert read_grid(cells, 0, WIDTH, HEIGHT) is cells


def test_a_field_of_one_line_is_text_a_signers_stamp_is_not():
    before = chars([("Số:        /QĐ-UBND", (60.0, 100.0, 190.0, 112.0))])
    number = chars([("27", (84.0, 100.0, 96.0, 112.0))])
    stamp = chars([("Ký bởi: Sở Tài chính", (380.0, 40.0, 560.0, 50.0)), ("Thời gian: 12.03.2025", (380.0, 52.0, 560.0, 62.0))])
    new = added(before, before + number + stamp)
    assert [c.text for c in new] == list("27") + [c.text for c in stamp if c.box is not None]
    kept = field_text(new, [(80.0, 98.0, 100.0, 114.0), (378.0, 38.0, 562.0, 64.0)], WIDTH, HEIGHT)
    assert "".join(c.text for c in kept) == "27"


def test_running_headers_keep_their_letters_whatever_side_their_number_is_on():
    assert furniture_key("8 CÔNG BÁO/Số 231 + 232/Ngày 01-02-2025") == furniture_key("CÔNG BÁO/Số 231 + 232/Ngày 01-02-2025 9")
    assert furniture_key("12") == furniture_key("- 13 -") == "#"
    assert furniture_key("Điều 3. Hiệu lực") != furniture_key("Điều 4. Tổ chức")


def test_lines_at_a_pages_edge_are_marked_in_their_own_frame():
    lines = text_lines(chars([("CÔNG BÁO/Số 12", (100.0, 20.0, 300.0, 32.0)), ("Điều 1. Nội dung", (60.0, 300.0, 300.0, 312.0)),
                              ("Điều 2. Nội dung", (60.0, 320.0, 300.0, 332.0)), ("Điều 3. Nội dung", (60.0, 340.0, 300.0, 352.0)),
                              ("7", (290.0, 810.0, 300.0, 822.0))]), WIDTH, HEIGHT)
    assert [ln.text for ln in lines if ln.edge] == ["CÔNG BÁO/Số 12", "7"]


def test_furniture_is_what_returns_at_the_edge_of_three_pages():
    from plancheck.read.pdf import _furniture

    def page(n, body):
        header = f"CÔNG BÁO/Số {280 + n}/Ngày 21-05-2026"
        return [_TextLine(f"{n} {header}" if n % 2 == 0 else f"{header} {n}", 20, 32, 50, 300, edge=True),
                _TextLine(body, 300, 312, 50, 500), _TextLine(str(n), 800, 812, 290, 300, edge=True)]

    pages = [page(n, f"Điều {n}. Nội dung riêng của trang {n}") for n in range(1, 5)]
    dropped = _furniture(pages)
    kept = [line.text for items in pages for line in items if id(line) not in dropped]
    assert kept == [f"Điều {n}. Nội dung riêng của trang {n}" for n in range(1, 5)]
    assert _furniture(pages[:2]) == set()   # two pages are too few to tell
    # the same words in the body, not at an edge, are the text
    body = [[_TextLine("Ghi chú", 300, 312, 50, 500)] for _ in range(4)]
    assert _furniture(body) == set()


def test_runs_cut_at_a_change_of_turn():
    upright = chars([("Ghi", (50.0, 100.0, 70.0, 112.0))])
    turned = chars([("chú", (80.0, 100.0, 92.0, 130.0))], turn=3)
    runs = char_runs(upright + turned, WIDTH, HEIGHT)
    assert [(r.text, r.turn) for r in runs] == [("Ghi", 0), ("chú", 3)]


def test_a_table_has_content_in_two_cells_on_a_third_of_its_rows():
    from plancheck.read.pdf import _is_table

    assert _is_table([["TT", "Chỉ tiêu", "2025"], ["1", "Dân số", "1.250"], ["2", "Lao động", "700"]])
    # a heading row and section rows of one cell among rows of figures
    assert _is_table([["TT", "Chỉ tiêu", "2025"], ["I", "", ""], ["1", "Dân số", "1.250"], ["II", "", ""],
                      ["2", "Lao động", "700"]])
    # a framed clause whose rules cross one of its lines
    clause = [["Điều 5. Phụ cấp đối với nhà giáo", "", ""], ["1. Nhà giáo dạy lớp ghép", "", ""],
              ["được hưởng mức", "", "30%"], ["2. Nhà giáo dạy trẻ khuyết tật", "", ""], ["được hưởng", "mức 50%", ""],
              ["theo quy định.", "", ""], ["3. Nhà giáo khác", "", ""]]
    assert not _is_table(clause)
    assert not _is_table([["Ghi chú: số liệu ước tính"]])
    assert not _is_table([["", "Trên đây là báo cáo", ""], ["", "kết quả thực hiện.", ""]])


def test_a_fields_text_is_read_once_though_its_boxes_overlap():
    number = chars([("36", (84.0, 100.0, 96.0, 112.0))])
    kept = field_text(number, [(80.0, 98.0, 100.0, 114.0), (82.0, 99.0, 120.0, 113.0)], WIDTH, HEIGHT)
    assert "".join(c.text for c in kept) == "36"
