"""Downloads for spreadsheets."""

import csv

from django.http import HttpResponse


def csv_response(filename, header, rows):
    """UTF-8 with a byte-order mark and semicolons: Czech Excel opens it as it is."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return response


def blank(value):
    """Missing figures are empty cells, never 0."""
    return "" if value is None else value
