"""The wage explorer's figures as spreadsheets."""

from django.utils.translation import gettext as _

from portal.exports import blank, csv_response
from wages.models import Sphere


def amounts(figure):
    """Od, medián, do of a figure; a missing figure is three empty cells, never 0."""
    if figure is None:
        return ["", "", ""]
    return [blank(figure.low), blank(figure.median), blank(figure.high)]


def occupation_wages_csv(occupation, tables, sphere):
    """Every region of each of the profile's regional tables, in one sphere."""
    sphere_label = str(Sphere(sphere).label)
    header = [_("Kraj"), _("Rok"), "CZ-ISCO", _("Sféra"), _("Od"), _("Medián"), _("Do")]
    rows = [
        [
            row.region.name,
            table.year,
            table.isco_group.code,
            sphere_label,
            *amounts(row.figure(sphere)),
        ]
        for table in tables
        for row in table.rows
    ]
    return csv_response(f"mzdy-{occupation.nsp_id}.csv", header, rows)


def ranking_csv(groups, region, sphere):
    """The ISCO groups ranked by median in a region (None: the whole country) and sphere."""
    # Translated once: the lazy label would be translated again in each of 1,100 rows.
    sphere_label = str(Sphere(sphere).label)
    where = region.name if region else _("Česká republika")
    header = [_("Pořadí"), "CZ-ISCO", _("Skupina"), _("Rok"), _("Kraj"), _("Sféra")]
    header += [_("Od"), _("Medián"), _("Do"), _("Povolání")]
    rows = [
        [
            rank if group.median is not None else "",
            group.code,
            group.name,
            group.year,
            where,
            sphere_label,
            *amounts(group.figure),
            ", ".join(title for _, title in group.occupations),
        ]
        for rank, group in enumerate(groups, start=1)
    ]
    slug = region.slug if region else "cr"
    return csv_response(f"mzdy-{slug}-{sphere}.csv", header, rows)
