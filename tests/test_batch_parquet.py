"""`--format parquet`: the same tables with typed columns, read back untouched by pandas and DuckDB."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from batch_support import table_bytes
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.output import TABLES

pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def parquet_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parquet")
    result = runner.invoke(app, ["run", str(REPO / "corpus"), "--out", str(out), "--format", "parquet"])
    assert result.exit_code == 0, result.stderr
    return out


def csv_rows(table: str) -> list[dict[str, str]]:
    with (REPO / "outputs" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_pandas_reads_every_table_with_typed_columns(parquet_tables: Path):
    for table, columns in TABLES.items():
        frame = pd.read_parquet(parquet_tables / f"{table}.parquet")
        assert list(frame.columns) == list(columns)
        assert len(frame) == len(csv_rows(table)), table
    entities = pd.read_parquet(parquet_tables / "entities.parquet")
    assert str(entities["start"].dtype) == "int64" and str(entities["para_no"].dtype) == "int64"
    documents = pd.read_parquet(parquet_tables / "documents.parquet").set_index("doc_id")
    assert documents.loc["2024-news-spring-farming", "reference_date"] == dt.date.fromisoformat(
        next(r["reference_date"] for r in csv_rows("documents") if r["doc_id"] == "2024-news-spring-farming")
    )
    repairs = pd.read_parquet(parquet_tables / "repairs.parquet")
    assert str(repairs["confidence"].dtype) == "float64" and repairs["confidence"].max() == 1.0


def test_duckdb_queries_the_files_as_they_are(parquet_tables: Path):
    path = str(parquet_tables / "claims.parquet")
    types = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{path}')").fetchall())
    assert types["start"] == "BIGINT" and types["value"] == "VARCHAR"
    total = duckdb.sql(f"SELECT sum(CAST(value AS DECIMAL(38, 6))) FROM '{path}' WHERE unit = '%'").fetchall()[0][0]
    expected = sum(float(r["value"]) for r in csv_rows("claims") if r["unit"] == "%")
    assert float(total) == pytest.approx(expected)
    labels = dict(duckdb.sql(f"SELECT label, count(*) FROM '{parquet_tables / 'entities.parquet'}' GROUP BY label").fetchall())
    rows = csv_rows("entities")
    assert labels == {label: sum(r["label"] == label for r in rows) for label in labels} and sum(labels.values()) == len(rows)


def test_parquet_holds_the_rows_of_the_csv_tables(parquet_tables: Path):
    """`pipeline diff` reads both formats: the CSV tables and the Parquet ones are the same rows."""
    result = runner.invoke(app, ["diff", str(REPO / "outputs"), str(parquet_tables)])
    assert result.exit_code == 0, result.stdout


def test_parquet_bytes_do_not_depend_on_the_workers(parquet_tables: Path, tmp_path: Path):
    result = runner.invoke(app, ["run", str(REPO / "corpus"), "--out", str(tmp_path), "--format", "parquet", "--jobs", "2"])
    assert result.exit_code == 0, result.stderr
    assert table_bytes(tmp_path) == table_bytes(parquet_tables)
