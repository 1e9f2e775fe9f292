"""Downloads for spreadsheets."""

import csv
import io

from django.http import HttpResponse


def csv_response(filename, header, rows):
    """UTF-8 with a byte-order mark and semicolons: Czech Excel opens it as it is."""
    # Written whole: row by row, the response encodes and keeps each row apart.
    text = io.StringIO()
    text.write("\ufeff")
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    response = HttpResponse(text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def blank(value):
    """Missing figures are empty cells, never 0."""
    return "" if value is None else value
