"""The spreadsheet a translator reviews: one row per Welsh string, as CSV in UTF-8 with a byte-order
mark, which Excel, LibreOffice and Google Sheets open with the Welsh letters (ŵ, ŷ, â) intact.

Reading it back is forgiving about what a spreadsheet does on saving (a semicolon or tab for the comma,
UTF-16 from Excel's "Unicode Text", columns moved) and strict about everything else.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from webhook.library.problems import display_path
from webhook.library.translations import WelshString


@dataclass(frozen=True)
class Column:
    """A column of the sheet: the code's name for it is the first word of its heading."""

    name: str
    heading: str


COLUMNS = (
    Column("key", "Key (do not change)"),
    Column("what", "What it is"),
    Column("where", "Where it is used"),
    Column("councils", "Councils using it"),
    Column("english", "English"),
    Column("welsh", "Welsh"),
    Column("review", "Review state"),
    Column("done", "Done (write done when the Welsh is right)"),
    Column("notes", "Notes"),
    Column("check", "Check (do not change)"),
)
#: The columns import cannot do without.
REQUIRED = ("key", "welsh", "done", "check")
NO_COUNCIL = "none yet (no Welsh-speaking council uses it)"


@dataclass(frozen=True)
class RowProblem:
    """Something wrong with a sheet, at a row (counted as the spreadsheet shows them: headings are 1)."""

    path: Path
    row: int | None
    message: str

    def format(self) -> str:
        """`FILE:ROW: message`, or `FILE: message` for the file as a whole."""
        where = display_path(self.path) + (f":{self.row}" if self.row is not None else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class SheetRow:
    """One row a reviewer sent back: its number and its cells by column name."""

    path: Path
    number: int
    cells: Mapping[str, str]

    def cell(self, name: str) -> str:
        return self.cells.get(name, "")

    def problem(self, message: str) -> RowProblem:
        return RowProblem(self.path, self.number, message)


def string_cells(string: WelshString, root: Path) -> list[str]:
    """The cells of a string's row, in column order."""
    location = string.location
    cells = {
        "key": string.key,
        "what": string.what,
        "where": f"{display_path(location.path, root)}:{location.line}",
        "councils": ", ".join(string.councils) or NO_COUNCIL,
        "english": string.english,
        "welsh": string.welsh,
        "review": string.review,
        "done": "",
        "notes": "",
        "check": string.fingerprint,
    }
    return [cells[column.name] for column in COLUMNS]


def write_sheet(path: Path, strings: Iterable[WelshString], root: Path) -> int:
    """Write the strings' rows to `path`; returns how many."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # the line ending spreadsheets write themselves
    writer.writerow([column.heading for column in COLUMNS])
    count = 0
    for string in strings:
        writer.writerow(string_cells(string, root))
        count += 1
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return count


def _column_name(heading: str) -> str:
    match = re.match(r"\s*([A-Za-z]+)", heading)
    return match.group(1).lower() if match else ""


def _decode(path: Path) -> str:
    """The file's text: UTF-16 when it starts with that byte-order mark, else UTF-8."""
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def read_sheet(path: Path) -> tuple[list[SheetRow], list[RowProblem]]:
    """The rows of a reviewed sheet (blank rows left out), or the problems that stop it being read."""
    try:
        text = _decode(path)
    except UnicodeDecodeError as error:
        return [], [
            RowProblem(
                path,
                None,
                f"the file is not UTF-8 (byte {error.start}), so Welsh letters such as ŵ and ŷ would be "
                "lost: in Excel save it as 'CSV UTF-8 (Comma delimited)'; in LibreOffice choose the "
                "character set 'Unicode (UTF-8)'",
            )
        ]
    except OSError as error:
        return [], [RowProblem(path, None, f"cannot read the file: {error}")]
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not records:
        return [], [RowProblem(path, None, "the file is empty")]
    names = [_column_name(heading) for heading in records[0]]
    known = {column.name: column.heading for column in COLUMNS}
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        headings = ", ".join(f"'{known[name]}'" for name in missing)
        return [], [
            RowProblem(path, 1, f"no {headings} column: keep the headings and columns the export wrote")
        ]
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        cells = {name: cell.replace("\r\n", "\n") for name, cell in zip(names, record, strict=False) if name}
        rows.append(SheetRow(path, number, cells))
    return rows, []
