"""The tables from the fragments: one pass over the documents in ``doc_id`` order.

``doc_id`` leads every table's order and a fragment holds one document's rows
already in order, so the merge of the fragments is their concatenation in
``doc_id`` order: each fragment is read once, its lines go to every table's
temporary file, and memory holds one document (plus, for Parquet, a bounded
batch of rows).  The tables are renamed into place only when all are written.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pipeline.output import COLUMN_TYPES, TABLES, csv_header, publish
from pipeline.run.fragments import Fragment

FORMATS = ("csv", "parquet")
#: CSV bytes of one table gathered before they become a Parquet row group
PARQUET_BATCH_BYTES = 8 << 20


class FormatUnavailable(Exception):
    """An output format whose library is not installed; the message says what to install."""


def table_file(table: str, output_format: str) -> str:
    return f"{table}.{output_format}"


def check_format(output_format: str) -> None:
    if output_format not in FORMATS:
        raise FormatUnavailable(f"unknown format {output_format!r}; known: {', '.join(FORMATS)}")
    if output_format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise FormatUnavailable("--format parquet needs pyarrow: pip install -e '.[parquet]'") from None


def assemble(out: Path, fragments: Iterable[Fragment], output_format: str) -> dict[str, int]:
    """Write every table from ``fragments`` (in doc_id order) into ``out``; rows per table."""
    writers = {table: _WRITERS[output_format](out, table) for table in TABLES}
    rows = dict.fromkeys(TABLES, 0)
    try:
        for fragment in fragments:
            for table, (n, lines) in fragment.tables.items():
                if n:
                    writers[table].add(lines)
                    rows[table] += n
        for writer in writers.values():
            writer.close()
        for table, writer in writers.items():
            publish(writer.tmp, out / table_file(table, output_format))
    finally:
        for writer in writers.values():
            writer.discard()
    return rows


class _TableWriter:
    """A table being written to a temporary file in ``out``."""

    def __init__(self, out: Path, table: str, suffix: str) -> None:
        self.table = table
        fd, tmp = tempfile.mkstemp(prefix=f".{table}.{suffix}.", suffix=".tmp", dir=out)
        os.close(fd)
        self.tmp = Path(tmp)

    def add(self, lines: bytes) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def discard(self) -> None:
        """After a failure (or after the rename, when there is nothing left to remove)."""
        self.tmp.unlink(missing_ok=True)


class _CsvWriter(_TableWriter):
    def __init__(self, out: Path, table: str) -> None:
        super().__init__(out, table, "csv")
        self.file = open(self.tmp, "wb", buffering=1 << 20)  # noqa: SIM115 - closed in close()/discard()
        self.file.write(csv_header(table).encode("utf-8"))

    def add(self, lines: bytes) -> None:
        self.file.write(lines)

    def close(self) -> None:
        self.file.close()

    def discard(self) -> None:
        self.file.close()
        super().discard()


class _ParquetWriter(_TableWriter):
    """CSV lines gathered into batches of :data:`PARQUET_BATCH_BYTES`, each parsed into one typed row group."""

    def __init__(self, out: Path, table: str) -> None:
        import pyarrow.parquet as pq

        super().__init__(out, table, "parquet")
        self.schema = parquet_schema(table)
        self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")
        self.batch: list[bytes] = []
        self.batch_bytes = 0

    def add(self, lines: bytes) -> None:
        self.batch.append(lines)
        self.batch_bytes += len(lines)
        if self.batch_bytes >= PARQUET_BATCH_BYTES:
            self._flush()

    def _flush(self) -> None:
        import pyarrow.csv as pacsv

        if not self.batch:
            return
        data = b"".join(self.batch)
        self.batch, self.batch_bytes = [], 0
        table = pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(column_names=list(TABLES[self.table]), use_threads=False, block_size=len(data) + 1),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types=self.schema, null_values=[""], strings_can_be_null=False, quoted_strings_can_be_null=False
            ),
        )
        self.writer.write_table(table)

    def close(self) -> None:
        self._flush()
        self.writer.close()

    def discard(self) -> None:
        self.writer.close()  # a second close does nothing
        super().discard()


_WRITERS: dict[str, Callable[[Path, str], _TableWriter]] = {"csv": _CsvWriter, "parquet": _ParquetWriter}


def parquet_schema(table: str) -> Any:
    """Each column typed by :data:`pipeline.output.COLUMN_TYPES` (text otherwise)."""
    import pyarrow as pa

    types = {"int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
    return pa.schema([(column, types.get(COLUMN_TYPES.get(column, ""), pa.string())) for column in TABLES[table]])
