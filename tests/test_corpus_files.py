"""The bundled corpus and its hand annotation agree with each other.

Every gold file in tests/gold/ annotates one damaged article in corpus/.  These
tests check the annotation against the *raw* OCR text, independently of the
pipeline: every string the gold expects in the repaired text must be made of
raw characters, in order, once the differences that repair is allowed to make
are folded away (spaces and line breaks, quote marks, punctuation width, the
dash misread as 一).  A repaired string may come from at most two raw pieces
(a displaced paragraph tail reattached); everything else must be contiguous.
The corpus itself must keep exercising the reader (GB18030, BOM + CRLF) and
every kind of OCR damage the pipeline claims to repair.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"
SHARED = Path(os.environ.get("PIPELINE_SHARED", ROOT / ".." / "shared"))

LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "WORK_OF_ART", "LAW", "DATE"}
QUALIFIERS = {"exact", "more_than", "at_least", "nearly", "less_than", "at_most", "approx", "range"}
QUOTE_KINDS = {"direct", "indirect"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
QUOTE_MARKS = str.maketrans("", "", "\"'“”‘’「」")
DASHES = str.maketrans({"—": "一", "－": "一"})
REQUIRED = {
    "document": str,
    "about": str,
    "reference_date": str,
    "repair": dict,
    "headings": list,
    "entities": list,
    "optional_entities": list,
    "dates": list,
    "claims": list,
    "optional_claims": list,
    "quotes": list,
    "captions": list,
    "page_credits": dict,
}
MAX_PIECES = 2  # one displaced tail: the repaired text joins two raw pieces


# --- the folds and the matcher ------------------------------------------------


def fold(text: str, dash: bool = True, lines: bool = False) -> str:
    r"""Fold away what repair may change: whitespace, quote marks, widths (NFKC), 一/—.

    ``lines=True`` keeps line breaks (a must_not_contain such as ``新机\n`` means one).

    >>> fold('中国一东盟 "互 联网"  ２３．４%')
    '中国一东盟互联网23.4%'
    >>> fold("中国—东盟，互联网") == fold("中国一东盟,互联网")
    True
    >>> fold("中国—东盟", dash=False)
    '中国—东盟'
    >>> fold("新机 \n", lines=True)
    '新机\n'
    """
    text = unicodedata.normalize("NFKC", text).translate(QUOTE_MARKS)
    if lines:
        text = "\n".join("".join(line.split()) for line in text.split("\n"))
    else:
        text = "".join(text.split())
    return text.translate(DASHES) if dash else text


def pieces_needed(needle: str, hay: str, limit: int = MAX_PIECES, start: int = 0) -> int | None:
    """Fewest contiguous pieces of ``hay`` (in order, from ``start``) that spell ``needle``.

    Returns None when ``needle`` cannot be spelled with at most ``limit`` pieces.

    >>> pieces_needed("伊万格利斯塔说", "伊万格利过去10年中……斯塔说，构建")
    2
    >>> pieces_needed("斯塔说伊万格利", "伊万格利过去10年中……斯塔说，构建") is None
    True
    >>> pieces_needed("", "abc")
    0
    >>> pieces_needed("abc", "xabcx", limit=1)
    1
    """
    if not needle:
        return 0
    if limit <= 0:
        return None
    for k in range(len(needle), 0, -1):
        pos = hay.find(needle[:k], start)
        if pos < 0:
            continue
        rest = pieces_needed(needle[k:], hay, limit - 1, pos + k)
        if rest is not None:
            return rest + 1
    return None


def occurs(needle: str, hay: str) -> bool:
    """True when ``needle`` occurs contiguously in ``hay`` after folding."""
    return bool(fold(needle)) and fold(needle) in hay


# --- corpus access --------------------------------------------------------------


def decode(data: bytes) -> str:
    """The test's own reader: UTF-8 (BOM optional), else GB18030; CRLF to LF."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return text.replace("\r\n", "\n")


def corpus_files() -> dict[str, Path]:
    return {p.relative_to(CORPUS).with_suffix("").as_posix(): p for p in sorted(CORPUS.rglob("*.txt"))}


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.gold.json"))


def doc_id_of(gold_path: Path) -> str:
    return gold_path.name.removesuffix(".gold.json").replace("__", "/")


@cache
def raw_text(doc_id: str) -> str:
    return decode(corpus_files()[doc_id].read_bytes())


@cache
def raw_folded(doc_id: str) -> str:
    return fold(raw_text(doc_id))


def load(gold_path: Path) -> dict:
    return json.loads(gold_path.read_text(encoding="utf-8"))


GOLD_IDS = [doc_id_of(p) for p in gold_files()]
gold_param = pytest.mark.parametrize("gold_path", gold_files(), ids=GOLD_IDS)


def metadata() -> dict[str, str]:
    with open(CORPUS / "metadata.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["doc_id", "date"]
        rows = list(reader)
    ids = [r["doc_id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate doc_id in metadata.csv"
    return {r["doc_id"]: r["date"] for r in rows}


# --- the checker can fail -------------------------------------------------------


def test_matcher_rejects_what_the_raw_text_does_not_support():
    hay = fold("巴西互 联网指导委员会董事会成员拉斐尔·伊万格利 过去10年中,中国企业…\n\n斯塔说,构建")
    assert pieces_needed(fold("巴西互联网指导委员会董事会成员拉斐尔·伊万格利斯塔说，构建"), hay) == 2
    assert pieces_needed(fold("斯塔说，构建巴西互联网指导委员会"), hay) is None  # wrong order
    assert pieces_needed(fold("巴西互联网指导委员会主任"), hay) is None  # words not printed
    assert not occurs("拉斐尔·伊万格利斯塔", hay)  # split by the displaced tail: not contiguous
    assert occurs("中国企业", hay) and not occurs("中国公司", hay)


def test_every_real_gold_item_would_fail_if_mistyped():
    """A one-character slip in any annotated must_contain string is caught."""
    for gold_path in gold_files():
        doc_id = doc_id_of(gold_path)
        for text in load(gold_path)["repair"]["must_contain"]:
            mistyped = fold(text)[:-1] + ("乙" if fold(text)[-1] != "乙" else "丙")
            assert pieces_needed(mistyped, raw_folded(doc_id)) is None, (doc_id, text)


# --- corpus layout, encodings, metadata -----------------------------------------


def test_every_gold_file_names_an_article_and_every_damaged_article_has_one():
    files = corpus_files()
    assert len(gold_files()) >= 5
    for gold_path in gold_files():
        doc_id = doc_id_of(gold_path)
        assert doc_id in files, f"{gold_path.name}: no corpus/{doc_id}.txt"
        assert load(gold_path)["document"] == f"corpus/{doc_id}.txt"
    assert any("/" in d for d in GOLD_IDS), "one annotated article should sit in a subfolder"
    for doc_id in set(files) - set(GOLD_IDS):
        data = files[doc_id].read_bytes()
        assert data.startswith(codecs.BOM_UTF8) or not is_utf8(data), (
            f"{doc_id} has no gold file; only the clean encoding samples may lack one"
        )


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_corpus_exercises_the_reader():
    datas = {d: p.read_bytes() for d, p in corpus_files().items()}
    gb = [d for d, b in datas.items() if not is_utf8(b)]
    assert len(gb) == 1, f"expected exactly one GB18030 file, found {gb}"
    text = datas[gb[0]].decode("gb18030")
    assert text.encode("gb18030") == datas[gb[0]]
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 300, "GB18030 sample should be a real article"
    bom = [d for d, b in datas.items() if b.startswith(codecs.BOM_UTF8)]
    assert len(bom) == 1, f"expected exactly one UTF-8 file with BOM, found {bom}"
    body = datas[bom[0]]
    assert body.count(b"\n") > 5 and body.count(b"\n") == body.count(b"\r\n"), "BOM file must use CRLF only"
    assert all(b"\r" not in b for d, b in datas.items() if d not in bom), "only the BOM sample uses CRLF"


def test_metadata_dates_most_but_not_all_articles():
    meta = metadata()
    files = corpus_files()
    assert set(meta) <= set(files), f"metadata names missing files: {set(meta) - set(files)}"
    missing = set(files) - set(meta)
    assert len(missing) == 1, f"exactly one article should rely on the dateline fallback, got {missing}"
    for doc_id, date in meta.items():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date), (doc_id, date)


@gold_param
def test_reference_date_agrees_with_metadata_or_dateline(gold_path):
    gold, doc_id = load(gold_path), doc_id_of(gold_path)
    meta = metadata()
    if doc_id in meta:
        assert gold["reference_date"] == meta[doc_id]
    else:
        dateline = gold.get("dateline")
        assert dateline, f"{doc_id} has no metadata date, so its gold must give the dateline"
        assert occurs(dateline["text"], raw_folded(doc_id))
        assert gold["reference_date"] == dateline["date"]
        month, day = re.search(r"(\d+)月(\d+)日电", dateline["text"]).groups()
        assert dateline["date"].endswith(f"-{int(month):02d}-{int(day):02d}")


def test_corpus_exercises_every_kind_of_damage():
    raws = {d: raw_text(d) for d in GOLD_IDS}
    han = r"[\u4e00-\u9fff]"
    checks = {
        "space inside Chinese": rf"{han} {han}",
        "spaced-out heading": rf"(?m)^(?:{han} ){{5,}}",
        "column break mid-sentence": rf"{han}\n\n\n+{han}",
        "dash read as 一": r"中国一(?:东盟|意大利)",
        "half-width punctuation in Chinese": rf"{han}[,:;?]{han}|{han}\(",
        "straight quotes": rf"\"{han}",
        "full-width digits": r"[０-９]{2}",
        "photo caption label": r"图[①-⑩][:：]",
        "credit on the next line": r"\n\n[^\n]{1,8}摄[（(]",
        "editors' line": r"本版责编[:：]\S+ \S+",
        "byline": r"本报记者  \S+",
        "dateline": r"本报\S{2,3}\d+月\d+日电",
        "chinese-numeral year": r"[一二〇零][一二三四五六七八九〇零]{3}年",
    }
    for kind, pattern in checks.items():
        assert any(re.search(pattern, t) for t in raws.values()), f"no article exercises: {kind}"


# --- the gold files --------------------------------------------------------------


@gold_param
def test_gold_has_the_required_keys_and_types(gold_path):
    gold = load(gold_path)
    for key, typ in REQUIRED.items():
        assert isinstance(gold.get(key), typ), f"{gold_path.name}: {key} missing or not {typ.__name__}"
    for key in ("must_contain", "must_not_contain", "paragraph_starts"):
        assert isinstance(gold["repair"].get(key), list), key
    assert set(gold["page_credits"]) >= {"editors", "layout"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["reference_date"])
    for ent in gold["entities"]:
        assert ent["type"] in LABELS and set(ent.get("alt_types", [])) <= LABELS, ent
    for date in gold["dates"]:
        for value in [date["value"], *date.get("alt_values", [])]:
            assert ISO_DATE.match(value), date
    for claim in gold["claims"]:
        assert claim["qualifier"] in QUALIFIERS, claim
        if claim["value"] is None:
            assert claim["qualifier"] == "range" and claim["value_low"] < claim["value_high"], claim
        else:
            assert isinstance(claim["value"], (int, float)) and claim["value"] >= 0, claim
        # shares are percent however printed: 百分之三十, 三成, 八折 (DESIGN.md: one convention)
        share = claim["unit"] == "%" and any(word in claim["text"] for word in ("百分之", "千分之", "成", "折"))
        assert share or fold(claim["unit"]) in fold(claim["text"]), claim
    for quote in gold["quotes"]:
        assert quote["speaker"] and quote["contains"], quote
        assert quote.get("kind", "direct") in QUOTE_KINDS, quote
    for credit in gold.get("credits", []):
        assert set(credit) == {"role", "name"}, credit


@gold_param
def test_repair_checks_are_spelled_by_the_raw_text(gold_path):
    gold, doc_id = load(gold_path), doc_id_of(gold_path)
    hay = raw_folded(doc_id)
    repair = gold["repair"]
    for text in repair["must_contain"]:
        assert pieces_needed(fold(text), hay) is not None, f"must_contain not in raw: {text}"
    for text in repair["paragraph_starts"] + gold["headings"] + gold.get("optional_headings", []):
        assert occurs(text, hay), f"not contiguous in raw: {text}"
    wanted = [fold(t, dash=False, lines=True) for t in repair["must_contain"] + gold["headings"]]
    for bad in repair["must_not_contain"]:
        # damage to remove, or a harm guard whose real-一 form is printed
        assert occurs(bad, hay), f"must_not_contain tests nothing: {bad!r}"
        if "\n" in bad:  # a line break the raw text really has (column break)
            assert fold(bad, lines=True) in fold(raw_text(doc_id), lines=True), f"no such break: {bad!r}"
        assert not any(fold(bad, dash=False, lines=True) in w for w in wanted), f"gold contradicts itself: {bad!r}"


@gold_param
def test_entities_dates_and_claims_occur_in_the_raw_text(gold_path):
    gold, doc_id = load(gold_path), doc_id_of(gold_path)
    hay = raw_folded(doc_id)
    texts = []
    for item in gold["entities"] + gold["dates"] + gold["claims"]:
        texts += [item["text"], *item.get("alt", [])]
    texts += gold["optional_entities"] + gold["optional_claims"] + gold.get("optional_dates", [])
    missing = [t for t in texts if not occurs(t, hay)]
    assert not missing, f"{doc_id}: not in raw text: {missing}"
    keys = [(e["type"], e["text"]) for e in gold["entities"]]
    assert len(keys) == len(set(keys)), "duplicate entity"


@gold_param
def test_quotes_captions_and_credits_are_printed_and_consistent(gold_path):
    gold, doc_id = load(gold_path), doc_id_of(gold_path)
    hay = raw_folded(doc_id)
    persons = {e["text"] for e in gold["entities"] if e["type"] == "PERSON"}
    optional = set(gold["optional_entities"])
    for quote in gold["quotes"]:
        for speaker in [quote["speaker"], *quote.get("alt_speakers", [])]:
            assert occurs(speaker, hay), speaker
        if not quote.get("optional"):
            assert quote["speaker"] in persons | optional, f"speaker not annotated: {quote['speaker']}"
        for part in [quote["contains"], *quote.get("contains_all", [])]:
            assert pieces_needed(fold(part), hay) is not None, f"quote text not in raw: {part}"
    for cap in gold["captions"]:
        assert occurs(cap["label"], hay) and occurs(cap["contains"], hay), cap
        assert occurs(cap["photographer"] + "摄", hay) and cap["photographer"] in persons, cap
        if cap.get("agency"):
            assert occurs(cap["agency"], hay), cap
    labels = [c["label"] for c in gold["captions"]]
    assert labels == sorted(labels), "captions in page order"
    credit_lines = [fold(line) for line in raw_text(doc_id).splitlines() if "本版责编" in line]
    for role in ("editors", "layout"):
        for name in gold["page_credits"][role]:
            assert name in persons and any(name in line for line in credit_lines), (role, name)
    if credit_lines:
        assert gold["page_credits"]["editors"] and gold["page_credits"]["layout"]
    for credit in gold.get("credits", []):
        assert credit["name"] in persons and occurs(credit["name"], hay), credit


# --- the shared page's own annotation passes the same repair check ---------------


def test_matcher_accepts_the_shared_page_annotation():
    gold_path = SHARED / "gold" / "wic2023-wuzhen.gold.json"
    raw_path = SHARED / "corpus" / "wic2023-wuzhen.txt"
    if not gold_path.exists() or not raw_path.exists():
        pytest.skip(f"shared data not found at {SHARED} (set PIPELINE_SHARED)")
    hay = fold(decode(raw_path.read_bytes()))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for text in gold["repair"]["must_contain"] + gold["repair"]["paragraph_starts"]:
        assert pieces_needed(fold(text), hay) is not None, text
