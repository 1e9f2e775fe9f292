import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from nsp import vocabulary as vocab
from nsp.vocabulary import REGIONS
from occupations.caching import public_page
from occupations.models import Occupation, nsp_id_from
from wages import comparison as cmp
from wages.charts import series_chart, table_chart, table_map
from wages.models import Region, Sphere
from wages.selectors import occupation_wage_tables, ranked_groups

SEARCH_LIMIT = 10


def sphere_from(request):
    sphere = request.GET.get("sfera")
    return sphere if sphere in vocab.SPHERES else vocab.BUSINESS


# --- comparison --------------------------------------------------------------------------


@require_safe
@public_page
def compare(request):
    if request.GET.get("format") == "csv":
        return compare_csv(request)
    sphere = sphere_from(request)
    asked = cmp.read_ids(request.GET.getlist("id"))
    if asked.problems:
        return invalid_comparison(
            request, asked.problems, cmp.known_occupations(asked.ids), sphere, status=400
        )
    comparison, unknown = cmp.build_comparison(asked.ids, sphere)
    known = [c.occupation.nsp_id for c in comparison.compared]
    if unknown:
        problems = [
            _("Profil s NSP ID %(id)s v portálu není.") % {"id": nsp_id} for nsp_id in unknown
        ]
        return invalid_comparison(
            request, problems, [c.occupation for c in comparison.compared], sphere, status=404
        )
    query = request.GET.get("hledat", "").strip()[:200]
    candidates = []
    if query and len(known) < cmp.MAX_COMPARED:
        candidates = [
            (occupation, cmp.compare_url([*known, occupation.nsp_id], sphere))
            for occupation in Occupation.objects.search(query).exclude(nsp_id__in=known)[
                :SEARCH_LIMIT
            ]
        ]
    context = {
        "comparison": comparison,
        "ids": known,
        "sphere": sphere,
        "query": query,
        "candidates": candidates,
        "can_add": len(known) < cmp.MAX_COMPARED,
        "sphere_links": [
            (value, label, cmp.compare_url(known, value)) for value, label in Sphere.choices
        ],
        "csv_url": f"{cmp.compare_url(known)}&format=csv",
    }
    if len(known) >= cmp.MIN_COMPARED:
        context["chart"] = series_chart(comparison.series_rows())
    return render(request, "wages/compare.html", context)


def invalid_comparison(request, problems, known, sphere, status):
    """The problems, and a way on with the profiles asked for that exist (`known`, in the
    order asked): their comparison, or with only one, the comparison started with it."""
    suggested = known[: cmp.MAX_COMPARED]
    return render(
        request,
        "wages/compare_invalid.html",
        {
            "problems": problems,
            "suggested": suggested,
            "suggestion": cmp.compare_url([o.nsp_id for o in suggested], sphere)
            if suggested
            else None,
        },
        status=status,
    )


def csv_response(filename, header, rows):
    """UTF-8 with a byte-order mark and semicolons: Czech Excel opens it as it is."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return response


def compare_csv(request):
    asked = cmp.read_ids(request.GET.getlist("id"))
    if asked.problems or not asked.is_valid:
        message = " ".join(asked.problems) or _("Zadejte 2 až 4 profily (parametr id).")
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    comparison, unknown = cmp.build_comparison(asked.ids, vocab.BUSINESS)
    if unknown:
        return HttpResponse(
            _("Neznámé NSP ID: %(ids)s") % {"ids": ", ".join(map(str, unknown))},
            status=404,
            content_type="text/plain; charset=utf-8",
        )
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
                figure = table_row.figure(sphere) if table_row else None
                row.extend(_amounts(figure))
        rows.append(row)
    for code, year, per_occupation in comparison.national_rows():
        row = [
            _("Česká republika (medián), CZ-ISCO %(code)s, %(year)s") % {"code": code, "year": year}
        ]
        for medians in per_occupation:
            for sphere in vocab.SPHERES:
                row.extend(["", _blank((medians or {}).get(sphere)), ""])
        rows.append(row)
    filename = "porovnani-" + "-".join(str(c.occupation.nsp_id) for c in comparison.compared)
    return csv_response(f"{filename}.csv", header, rows)


def _blank(value):
    """Missing figures are empty cells, never 0."""
    return "" if value is None else value


def _amounts(figure):
    if figure is None:
        return ["", "", ""]
    return [_blank(figure.low), _blank(figure.median), _blank(figure.high)]


# --- wage explorer -----------------------------------------------------------------------


@require_safe
@public_page
def explorer(request):
    sphere = sphere_from(request)
    regions = list(Region.objects.all())
    region = next((r for r in regions if r.slug == request.GET.get("kraj")), None)
    nsp_id = nsp_id_from(request.GET.get("povolani", ""))
    occupation = None
    if nsp_id is not None:
        occupation = Occupation.objects.with_profile().filter(nsp_id=nsp_id).first()
    query = request.GET.get("hledat", "").strip()[:200]
    context = {
        "regions": regions,
        "region": region,
        "sphere": sphere,
        "spheres": Sphere.choices,
        "query": query,
        "candidates": Occupation.objects.search(query)[:SEARCH_LIMIT] if query else [],
    }
    if occupation is not None:
        tables = occupation_wage_tables(occupation)
        context.update(
            occupation=occupation,
            wage_tables=tables,
            sphere_tables=[table.in_sphere(sphere) for table in tables],
            chart=table_chart(tables[0], sphere) if tables else None,
            map=table_map(tables[0], sphere) if tables else None,
        )
    else:
        context["groups"] = ranked_groups(region, sphere)
    if request.GET.get("format") == "csv":
        return explorer_csv(context)
    return render(request, "wages/explorer.html", context)


def explorer_csv(context):
    sphere_label = dict(Sphere.choices)[context["sphere"]]
    if context.get("occupation"):
        occupation = context["occupation"]
        header = [_("Kraj"), _("Rok"), "CZ-ISCO", _("Sféra"), _("Od"), _("Medián"), _("Do")]
        rows = [
            [
                row.region.name,
                table.year,
                table.isco_group.code,
                sphere_label,
                *_amounts(row.figure(context["sphere"])),
            ]
            for table in context["wage_tables"]
            for row in table.rows
        ]
        return csv_response(f"mzdy-{occupation.nsp_id}.csv", header, rows)
    where = context["region"].name if context["region"] else _("Česká republika")
    header = [_("Pořadí"), "CZ-ISCO", _("Skupina"), _("Rok"), _("Kraj"), _("Sféra")]
    header += [_("Od"), _("Medián"), _("Do"), _("Povolání")]
    rows = [
        [
            rank if group.median is not None else "",
            group.isco_group.code,
            group.isco_group.name,
            group.table.year,
            where,
            sphere_label,
            *_amounts(group.figure),
            ", ".join(o.title for o in group.occupations),
        ]
        for rank, group in enumerate(context["groups"], start=1)
    ]
    slug = context["region"].slug if context["region"] else "cr"
    return csv_response(f"mzdy-{slug}-{context['sphere']}.csv", header, rows)
