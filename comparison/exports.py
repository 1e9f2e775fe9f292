"""The comparison as a spreadsheet: every region's D1, median and D9 in both spheres, then
every national median, for each compared profile."""

from django.utils.translation import gettext as _

from nsp import vocabulary as vocab
from nsp.vocabulary import REGIONS
from portal.exports import blank, csv_response
from wages.exports import amounts


def comparison_csv(comparison):
    header = [_("Kraj")]
    for compared in comparison.compared:
        source = (
            f"CZ-ISCO {compared.wages.isco_group.code}, {compared.wages.year}"
            if compared.wages
            else _("bez údajů")
        )
        name = f"{compared.occupation.title} ({source})"
        for sphere_label in (_("mzdová sféra"), _("platová sféra")):
            for column in (_("od"), _("medián"), _("do")):
                header.append(f"{name} – {sphere_label} – {column}")
    rows = []
    for index, region in enumerate(REGIONS):
        row = [region.name]
        for compared in comparison.compared:
            table_row = compared.wages.rows[index] if compared.wages else None
            for sphere in vocab.SPHERES:
                row.extend(amounts(table_row.figure(sphere) if table_row else None))
        rows.append(row)
    for code, year, per_occupation in comparison.national_rows():
        row = [
            _("Česká republika (medián), CZ-ISCO %(code)s, %(year)s") % {"code": code, "year": year}
        ]
        for medians in per_occupation:
            for sphere in vocab.SPHERES:
                row.extend(["", blank((medians or {}).get(sphere)), ""])
        rows.append(row)
    filename = "porovnani-" + "-".join(str(c.occupation.nsp_id) for c in comparison.compared)
    return csv_response(f"{filename}.csv", header, rows)
