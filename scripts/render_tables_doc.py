"""Render docs/tables.md from the column definitions, so the reference never drifts from the code.

Run: python scripts/render_tables_doc.py > docs/tables.md   (a test checks the file is current)
"""

from __future__ import annotations

import sys

from capacitylib.io.tables.columns import TABLES, Column, Table

INTRO = """# Flat tables

A collection of programmes as **one table per entity**, joined by ids: what analysts open in a
spreadsheet or a DataFrame and what pipelines store as Parquet. This page is generated from the
column definitions (`capacitylib/io/tables/columns.py`, rendered by
`scripts/render_tables_doc.py`); the fields themselves are described in [format.md](format.md).

The round trip is lossless: `read_tables(write_tables(programmes))` gives models equal to the
programmes written, in every format, for the seed examples and for generated programmes
(`tests/io/test_tables_roundtrip.py`).

## Formats

| format | written as | extra | functions |
|---|---|---|---|
| CSV | a folder of `<table>.csv` (UTF-8, comma, header) | none | `write_csv`, `read_csv` |
| XLSX | a workbook, a sheet per table, header in row 1 | `xlsx` | `write_xlsx`, `read_xlsx` |
| Parquet | a folder of `<table>.parquet` | `parquet` | `write_parquet`, `read_parquet` |
| pandas | a dict of DataFrames, one per table | `pandas` | `to_dataframes`, `from_dataframes` |
| typed frames | typed DataFrames, one per table | `pandas` | `to_frames`, `from_frames` |
| Arrow, Polars | a `pyarrow.Table` per table | `parquet` | `to_arrow`, `from_arrow`, `to_polars` |
| Parquet dataset | partitioned by country and year | `parquet` | `write_parquet_dataset` |

`write_tables(programmes, path)` and `read_tables(path)` choose by suffix: `.xlsx` a workbook,
`.parquet` a folder of Parquet files, `.csv` or no suffix a folder of CSV files. Without its
extra a format raises `MissingExtraError` naming the command, e.g.
`pip install "capacitylib[xlsx]"`. Every table is written, even when empty, so a pipeline always
sees the same files. Writes are atomic: a folder of tables or a workbook appears whole, or the
previous one stays byte for byte as it was (a failed, interrupted or killed `convert`, a full
disk); a folder holding other files than tables is refused, never emptied.

```python
import capacitylib
from capacitylib.io import read_tables, to_dataframes, write_tables

programmes = capacitylib.load_examples()
write_tables(programmes, "tables.xlsx")
assert read_tables("tables.xlsx") == programmes
frames = to_dataframes(programmes)
frames["activities"][["programme_id", "activity_id", "sessions_actual_min"]]
```

## Encoding

- **Joins.** Every table but `programmes` starts with the columns that name its parent row:
  `programme_id`, then e.g. `activity_id` (outputs, participants, sessions),
  `organisation_id` (organisation identifiers), `indicator_id` (indicator values) or
  `session_position` (session participants, joined to `sessions.position`). Ids are the
  document's ids; a table cannot join on an id used twice, so writing refuses that
  (`table_reference_ambiguous`) and reading reports it.
- **Order.** `position` is the 0-based place of the row in its parent's list, like the index in
  a problem path (`activities[3]`). Blank positions keep the table's row order (after the
  numbered rows).
- **Empty cell** means "not stated": the field is left out and takes its default (`null`, an
  empty list, `false`).
- **Money** is two columns, `<field>_amount` (exact decimal text, `43940212.00`) and
  `<field>_currency` (ISO 4217). Funding sources and budget lines name them just `amount` and
  `currency`.
- **Estimate** is `<field>_min`, `<field>_max` and `<field>_approximate` (`true`/`false`);
  **Hours** add `<field>_unit` (`clock_hour`, `academic_hour`, `day`) and
  `<field>_academic_hour_minutes`. Writers always fill both bounds.
- **Decimals** are never binary floats. CSV: text. XLSX: *text* cells (an Excel number would
  lose `43940212.00`'s digits). Parquet: `decimal128(p, s)` columns sized to the data, or
  `decimal256` above 38 digits; a column has one scale, so `12.5` next to `12.50` reads back as
  the equal `12.50`, never rounded; a column needing more than 76 digits stays exact text (field
  metadata `capacitylib.decimal = text`). Files written by earlier capacitylib (amounts as text)
  still read. pandas (`to_dataframes`): `object` columns of `decimal.Decimal`, so
  `frame["amount"].sum()` is exact; typed frames (`to_frames`): Arrow decimal columns whose
  `sum()` and `mean()` are exact `Decimal`s.
- **LocalizedText** is one column per language, `<field>_<lang>` (`title_lt`, `title_en`,
  `name_pt-BR`): any BCP 47 tag round-trips. Languages appear in order of first use, English
  last; the model keeps a text's languages sorted by tag, so every format gives back the same
  order.
- **Dates** are ISO 8601 (`2016-11-01`; date cells in XLSX, `date32` in Parquet, `datetime.date`
  in pandas). **Partial dates** are text: `2019`, `2019-05`, `2019-05-16`, `--03-30`, `--04`.
- **Lists** of codes, ids and partial dates are joined with `;` (`esf;national`). Lists of free
  text (municipalities, activity locations) are a JSON array (`["Tukuma novads", "Talsi"]`);
  reading also accepts texts separated by `;`. Lists of objects are their own tables.
- **Counts** (`stated_partner_count`, `*_academic_hour_minutes`, `position`) are integers:
  `int64` in Parquet, `Int64` in pandas. Codes are dictionary-encoded in Parquet (`category` in
  typed frames). Other text columns are `string`.

Two things carry no information and read back as "not stated": an optional text that is the
empty string, and an optional object with no field set (`budget: {}`, `contact: {}`,
`operational_programme: {}`).

## Exact and safe exports

- **Texts read back exactly** in every format: CR alone or in CRLF, NEL (U+0085), U+2028, tabs,
  a leading `=`, texts of 100,000 characters. CSV quotes every cell holding a CR, LF, quote or
  comma and reads cells up to `MAX_CSV_FIELD_CHARS` (10,000,000) characters; XLSX stores a CR as
  OOXML's `_x000D_` (a literal `_xHHHH_` as `_x005F_xHHHH_`), as Excel does, and undoes it on
  reading. What a format cannot hold is refused with `table_cell_unwritable`, never changed:
  an XLSX cell holds at most 32,767 characters (Excel's limit) and no control characters.
- **No formula injection from CSV.** A free-text cell (text and `<field>_<lang>` columns) that
  starts with `=`, `+`, `-`, `@`, tab or CR is written after a single quote (`'=HYPERLINK(...)`),
  the OWASP rule, so a spreadsheet shows it as text; a text starting with `'` gets one more.
  Reading removes exactly one leading `'` from free-text cells, so round trips stay exact.
  Decimals, dates, partial dates (`--03-30`), codes, ids and JSON lists are canonical values and
  never prefixed. `write_csv(..., formula_escape=False)` (`write_tables(...,
  csv_formula_escape=False)`) writes formula-like texts raw for tools that need them; it still
  doubles a leading `'`, so its files read back exactly too. A CSV made elsewhere whose text
  starts with `'` loses that quote on reading.
- **XLSX cells are never formulas:** every text is a string cell. Reading takes a formula cell
  by the value the spreadsheet saved for it, and reports one without a value
  (`table_cell_formula`).

## Limits on what is read

A hostile file costs bounded memory: each reader checks what the file declares before the
expensive step, and counts what it reads (a declaration can lie). The limits are constants of
`capacitylib.io.tables.limits`, read at each call, and keyword arguments of `read_tables`,
`read_csv`, `read_xlsx` and `read_parquet` (`max_cells=`, `max_bytes=`). The cell limit is
checked against sheet dimensions and Parquet metadata before reading, then against every row
read:

| limit | default | checked |
|---|---|---|
| `MAX_TABLE_CELLS` (`max_cells=`) | 1,000,000 | cells of all tables read together |
| `MAX_CSV_BYTES` (`max_bytes=`) | 50 MB | each CSV file's size on disk |
| `MAX_CSV_FIELD_CHARS` | 10,000,000 | characters of each CSV cell |
| `MAX_XLSX_UNCOMPRESSED_BYTES` (`max_bytes=`) | 200 MB | the workbook's declared unzipped size |
| `MAX_XLSX_COMPRESSION_RATIO` | 100:1 | each member above `XLSX_RATIO_MIN_BYTES` (1 MB) |
| `MAX_XLSX_COLUMNS` | 16,384 | each sheet's declared dimension |
| `MAX_PARQUET_UNCOMPRESSED_BYTES` (`max_bytes=`) | 200 MB | each file's uncompressed size |

Workbooks are also refused when a member is encrypted or an XML part declares a `<!DOCTYPE>` or
`<!ENTITY>` (`table_file_unsafe`); they are then read in openpyxl's streaming (read-only) mode,
with `defusedxml` (installed with the `xlsx` extra). Parquet files are read batch by batch.

## Reading tables made by hand

Readers accept what people type: number cells (read by their shortest decimal form, so type
amounts as text to keep trailing zeros), date cells, `TRUE`/`FALSE` cells, a UTF-8 BOM, and CSV
with `;` or tab as the delimiter. A Money, Estimate or Hours value may be given whole, in its
first column or in a column named after the field: `budget_total` = `12.50 EUR`,
`hours_per_session` = `cca 2-3 h`, `sessions_actual` = `2-3`.

With `lang=` (`read_xlsx(path, lang="cs")`, `capacitylib validate --lang cs`), a cell that is
not in this canonical form is read by the language parsers of `capacitylib.parsing`: dates
(`1. 11. 2016`, `2022 m. gruodžio 8 d.`), amounts (`43 940 212,00 Eur`), figures (`2-3`,
`cca 30`) and codelist terms; and a text column without a language suffix (`title`) holds text in
that language. Canonical cells never go through the parsers.

## Problems

Reading reports every problem at once, each with its table (sheet), row (the header is row 1,
the first data row row 2, in every format) and column, and the document path when the cell
maps to one (`activities row 5, column kind (activities[3].kind): ...`). Validation errors keep
their codes (`enum`, `decimal_parsing`, `reference_unresolved`, ...); the tables add these:

| code | meaning |
|---|---|
| `table_unknown` | a file or sheet whose name is not a table's |
| `table_missing` | no `programmes` table |
| `table_empty` | an empty file or sheet (a table needs at least a header row) |
| `table_file_unreadable` | a file that is not UTF-8, not valid CSV, not a workbook or not Parquet |
| `table_column_missing` | a required column is absent (only checked when the table has rows) |
| `table_column_unknown` | a column no table has (a typo must not drop data) |
| `table_column_duplicate` | a column twice in one header |
| `table_column_language` | a text column without its `_<lang>` suffix, read without `lang=` |
| `table_header_blank` | data under a blank header cell |
| `table_header_merged` | merged header cells in an XLSX sheet |
| `table_cells_merged` | merged data cells in an XLSX sheet |
| `table_row_length` | a CSV row with more or fewer cells than the header |
| `table_key_missing` | an empty join column (`programme_id`, `activity_id`, ...) |
| `table_reference_unknown` | a row whose parent row does not exist |
| `table_reference_ambiguous` | a row whose parent id is used twice |
| `table_id_duplicate` | a programme id used twice |
| `table_position_invalid` | a position that is not a whole number from 0 |
| `table_position_duplicate` | two rows at the same position |
| `table_cell_unwritable` | text a cell cannot hold (XLSX: control characters, 32,768+ chars) |
| `table_cell_formula` | an XLSX formula cell without a saved value |
| `table_too_large` | a file above a limit of `capacitylib.io.tables.limits`; not read |
| `table_file_unsafe` | a zip bomb, an encrypted member or a DOCTYPE in a workbook; not read |
| `cell_unreadable` | text the language parsers could not read (their message says why) |
| `cell_shorthand_conflict` | a whole value and its split columns disagree |

## Tables

"""

KIND_TEXT = {
    "id": "id",
    "text": "text",
    "code": "code",
    "int": "integer",
    "bool": "`true`/`false`",
    "decimal": "decimal",
    "date": "date",
    "partial_date": "partial date",
    "ids": "ids, `;`-joined",
    "codes": "codes, `;`-joined",
    "partial_dates": "partial dates, `;`-joined",
    "texts": "JSON array of texts",
    "json": "JSON object (namespace to any JSON)",
    "objects": "JSON array of objects (numbers exact)",
    "localized": "text in `<lang>`",
    "position": "integer from 0",
}


def kind_text(col: Column) -> str:
    """What a column holds, with a link to its codelist."""
    text = KIND_TEXT[col.kind]
    if col.codelist is not None:
        name = col.codelist.__name__
        text += f" ([{name}](format.md#{name.lower()}))"
    return text


def column_name(col: Column) -> str:
    """The column's name as shown (``title_<lang>`` for a text per language)."""
    if col.kind == "localized":
        return f"`{col.name}_<lang>`" if col.name else "`<lang>`"
    return f"`{col.name}`"


def table_section(table: Table) -> list[str]:
    """The section of one table: description, joins and columns."""
    out = [f"### {table.name}", "", table.description, ""]
    if table.parent is not None:
        joins = ", ".join(f"`{name}`" for name in table.join)
        out += [f"Rows belong to a row of `{table.parent}` through {joins}.", ""]
    out += ["| column | holds | required | meaning |", "|---|---|---|---|"]
    for col in table.columns:
        meaning = col.description.replace("|", "\\|").replace("\n", " ")
        required = "yes" if col.required else ""
        out.append(f"| {column_name(col)} | {kind_text(col)} | {required} | {meaning} |")
    out.append("")
    return out


def render() -> str:
    """The whole of docs/tables.md."""
    sections = [INTRO.rstrip("\n"), ""]
    sections += [", ".join(f"[{t.name}](#{t.name})" for t in TABLES), ""]
    for table in TABLES:
        sections += table_section(table)
    return "\n".join(sections).rstrip("\n") + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
