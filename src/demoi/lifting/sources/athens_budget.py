"""The City of Athens budget CSV: the budget and its execution as the City's budget pages give
them (collected by DataForGreece), one line per department × KAE code × year, expenditure and
revenue in one file.

What differs from the export of a municipal accounting system (mappings/finance/budget-*):

- Both sides are in one file; ``args_pro_esex`` says which (1 expenditure, 0 revenue). The
  mapping ``athens-budget-expense`` keeps the expenditure lines and ``athens-budget-revenue`` the
  revenue lines (chosen by the mapping's dataset), so each side is published in its own graph,
  as the accounting-system exports are. A line whose KAE class contradicts its side is refused.
- Amounts have a decimal point and no thousands separator (``17255.55``, ``350.5``): the column
  type ``dot-decimal``, which this reader converts (the core's ``decimal`` reads Greek numbers,
  where ``1.500`` is fifteen hundred). ``adjustment`` is the amendment, not a level, and is not
  read: the adjusted amount is ``final_budget``.
- ``args_pro_cdief`` numbers the City's own departments (9 Δ/ΝΣΗ ΔΗΜΟΤΙΚΩΝ ΠΡΟΣΟΔΩΝ, 90
  Ο.Π.Α.Ν.Δ.Α.), not the services of ΚΥΑ 7028/2004 that ``fin:serviceCode`` holds, and one KAE
  code appears under several departments (7133.001 under five). The department therefore names
  the line (it is in its IRI), and the service code is the only one the KAE code itself fixes:
  80 for class 8 (payments of prior years, remittances), 90 for class 9 (reserve), and otherwise
  00, the ΚΥΑ code of what is not allocated to a service (revenue lines have 00 anyway).
- The file may hold several years (the City's pages go back to 2005): only the lines of
  ``--year`` are kept (see ``_rows.rows_of``).

Personal data: ``mayor_name`` (a natural person's name) is never read; the columns the
descriptor does not name (it, ``hash_id``, ``updated_at_db``, the categories) are dropped.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.lifting.sources import MAIN_TABLE, ReadOptions, SourceData
from demoi.lifting.sources._rows import bad_cell, converted_rows, rows_of
from demoi.lifting.tabular import Table, read_table

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping
    from demoi.lifting.tabular import Column

#: The mapping's dataset -> the value of args_pro_esex and the KAE classes of that side.
SIDES = {"budget-expense": ("1", "6789"), "budget-revenue": ("0", "012345")}
SIDE_NAMES = {"1": "expenditure", "0": "revenue"}
#: Service codes fixed by the KAE class (ΚΥΑ 7028/2004); every other line gets 00.
SERVICE_OF_CLASS = {"8": "80", "9": "90"}
#: Cells a line cannot lack (an empty one would silently drop the line), with what is expected.
REQUIRED = {"fiscal_year": "a year such as 2024", "department": "a department number such as 10"}
DOT_DECIMAL = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
DOT_DECIMAL_TYPE = "dot-decimal"


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    if mapping.dataset not in SIDES:
        raise RuntimeError(
            f"the mapping {mapping.name} reads athens_budget but its dataset is neither "
            + " nor ".join(SIDES)
        )
    side, classes = SIDES[mapping.dataset]
    table = read_table(
        path,
        [_as_text(column) for column in mapping.columns],
        delimiter=mapping.delimiter,
        encoding=options.encoding,
        rejects=options.rejects,
    )
    headers = {column.name: column.headers[0] for column in mapping.columns}
    amounts = [column.name for column in mapping.columns if column.type == DOT_DECIMAL_TYPE]

    def convert(cells: dict[str, str]) -> list[str] | None:
        if cells["side"] not in SIDE_NAMES:
            raise bad_cell(cells["side"], headers["side"], "1 (expenditure) or 0 (revenue)")
        if cells["side"] != side:
            return None  # a line of the other side, lifted by the other mapping
        for name, expected in REQUIRED.items():
            if not cells[name]:
                raise bad_cell("", headers[name], expected)
        kae = cells["kae"]
        if not kae or kae[0] not in classes:
            expected = f"a KAE code of {SIDE_NAMES[side]}, starting with {classes[0]}-{classes[-1]}"
            raise bad_cell(kae, headers["kae"], expected)
        for name in amounts:
            if cells[name] and not DOT_DECIMAL.match(cells[name]):
                raise bad_cell(cells[name], headers[name], "a number such as 17255.55")
        cells["service"] = SERVICE_OF_CLASS.get(kae[0], "00")
        return list(cells.values())

    rows, lines = converted_rows(table, convert, str(path), options.rejects)
    kept = rows_of(
        Table([*table.columns, "service"], rows, table.encoding, lines, table.sha256),
        (("fiscal_year", "year"),),
        options.constants,
        str(path),
    )
    return SourceData({MAIN_TABLE: kept}, table.sha256, table.encoding)


def _as_text(column: Column) -> Column:
    """The core reads a dot-decimal column as text; ``read`` checks it."""
    if column.type == DOT_DECIMAL_TYPE:
        return dataclasses.replace(column, type="text")
    return column
