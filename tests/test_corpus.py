"""Reading the corpus: encodings, ids, metadata, and the files that are not text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.corpus import UnreadableDocument, decode, doc_id_for, find_documents, read_metadata
from pipeline.repair import repair

PARAGRAPH = "11月8日至10日,2023年世界互联网大会乌镇峰会在浙江乌镇举行。克罗地亚通信和计算机专家伊戈尔·拉克蒂奇表示,"


@pytest.mark.parametrize(
    "encoded, encoding",
    [
        (PARAGRAPH.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + PARAGRAPH.encode("utf-8"), "utf-8-sig"),
        (PARAGRAPH.encode("gb18030"), "gb18030"),
        (PARAGRAPH.encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + PARAGRAPH.encode("utf-16-be"), "utf-16"),
    ],
)
def test_every_supported_encoding_decodes_to_the_same_text(encoded, encoding):
    assert decode(encoded) == (PARAGRAPH, encoding)


PAGE = f"世界互联网大会\n{PARAGRAPH}\n（责任编辑：王明）\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_by_where_its_nul_bytes_fall(encoding):
    assert decode(PAGE.encode(encoding)) == (PAGE, encoding)


def test_nul_bytes_on_one_side_are_not_utf16_unless_the_text_reads_as_a_page():
    latin1_as_utf16 = b"".join(bytes([b, 0]) for b in range(0x80, 0x100))
    with pytest.raises(UnreadableDocument, match="NUL bytes"):
        decode(latin1_as_utf16)


def test_crlf_line_endings_give_the_same_blocks_as_lf(page_raw):
    lf = repair(page_raw)
    crlf = repair(page_raw.replace("\n", "\r\n"))
    assert [(b.kind, b.text) for b in crlf.blocks] == [(b.kind, b.text) for b in lf.blocks]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(64), "JPEG image"),
        (b"abc\x00\x00\x00\x00\x00\x00def", "NUL bytes"),
        (bytes(range(256)) * 4, "NUL bytes"),
        ("中文".encode() + b"\x81\x20\xff\xfe\x30", "neither UTF-8 nor GB18030"),
        (b"\x01\x02\x03\x04\x05text", "control characters"),
    ],
)
def test_non_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(UnreadableDocument, match=reason):
        decode(data)


def test_empty_file_decodes_to_empty_text():
    assert decode(b"") == ("", "utf-8")


def test_documents_are_found_recursively_in_stable_order(tmp_path: Path):
    for name in ("b.txt", "a/c.txt", "a/b/d.txt", ".hidden/e.txt", "notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("文", encoding="utf-8")
    found = [doc_id_for(p, tmp_path) for p in find_documents(tmp_path)]
    assert found == ["a/b/d", "a/c", "b"]


def test_upper_case_txt_files_are_documents_and_ids_stay_unique(tmp_path: Path):
    from pipeline.run import _identified

    for name in ("a.txt", "a.TXT", "scans/B.TXT", "c.Txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("文", encoding="utf-8")
    found = _identified(find_documents(tmp_path), tmp_path)
    assert [(doc_id, relative) for doc_id, relative, _ in found] == [
        ("a", "a.TXT"), ("a.txt", "a.txt"), ("c", "c.Txt"), ("scans/B", "scans/B.TXT")
    ]
    (tmp_path / "metadata.csv").write_text("doc_id,date\nscans/B.TXT,2024-03-05\n")
    assert read_metadata(tmp_path) == {"scans/B": dt.date(2024, 3, 5)}


def test_metadata_dates_by_doc_id(tmp_path: Path):
    (tmp_path / "metadata.csv").write_text("doc_id,date,page\nworld/a,2024-03-05,3\nb.txt,2023-11-20,1\n")
    assert read_metadata(tmp_path) == {"world/a": dt.date(2024, 3, 5), "b": dt.date(2023, 11, 20)}


def test_metadata_with_a_bad_date_names_the_file_and_row(tmp_path: Path):
    (tmp_path / "metadata.csv").write_text("doc_id,date\na,2024-13-05\n")
    with pytest.raises(ValueError, match=r"metadata.csv: row for 'a'"):
        read_metadata(tmp_path)


def test_a_stray_nul_in_a_text_file_is_a_control_character_removed_by_repair():
    """A NUL or two in an otherwise good file (a transfer glitch) is no reason to refuse the page."""
    text, encoding = decode("第一段。\n\n第二\x00段。\n".encode())
    repaired = repair(text)
    assert encoding == "utf-8" and [b.text for b in repaired.blocks] == ["第一段。", "第二段。"]
    assert [e.kind for e in repaired.edits] == ["control"]


def test_utf16_without_bom_holding_yi_and_the_ideographic_space():
    """一 (U+4E00) and the ideographic space (U+3000) put NUL bytes on the other side of UTF-16-LE's."""
    text = "　　一九九八年一月一日，全国一盘棋。\n"
    assert decode(text.encode("utf-16-le")) == (text, "utf-16-le")
    assert decode(text.encode("utf-16-be")) == (text, "utf-16-be")
