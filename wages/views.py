from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from occupations.models import nsp_id_from
from portal.caching import public_page
from search import engine
from wages.charts import table_chart, table_map
from wages.exports import occupation_wages_csv, ranking_csv
from wages.forms import SearchTextField, SphereField
from wages.models import Region, Sphere
from wages.selectors import (
    occupation_wage_tables,
    occupations_with_wages,
    ranked_groups,
    with_occupations,
)

SEARCH_LIMIT = 10
# A thousand ISCO groups are too many for one page (and for a phone); the CSV has them all.
GROUPS_PER_PAGE = 100


@require_safe
@public_page
def explorer(request):
    """The ISCO groups ranked by median in a region and sphere, or one occupation's wages
    in every region; `format=csv` downloads either."""
    sphere = SphereField().clean(request.GET.get("sfera"))
    regions = list(Region.objects.all())
    region = next((r for r in regions if r.slug == request.GET.get("kraj")), None)
    nsp_id = nsp_id_from(request.GET.get("povolani", ""))
    occupation = None
    if nsp_id is not None:
        occupation = occupations_with_wages().filter(nsp_id=nsp_id).first()
    csv = request.GET.get("format") == "csv"
    if occupation is not None:
        tables = occupation_wage_tables(occupation)
        if csv:
            return occupation_wages_csv(occupation, tables, sphere)
        context = {
            "occupation": occupation,
            "wage_tables": tables,
            "sphere_tables": [table.in_sphere(sphere) for table in tables],
            "chart": table_chart(tables[0], sphere) if tables else None,
            "map": table_map(tables[0], sphere) if tables else None,
        }
    else:
        groups = ranked_groups(region, sphere)
        if csv:
            return ranking_csv(with_occupations(groups, region), region, sphere)
        page = Paginator(groups, GROUPS_PER_PAGE).get_page(request.GET.get("strana"))
        context = {"groups": with_occupations(page.object_list, region), "page": page}
    query = SearchTextField().clean(request.GET.get("hledat", "")).strip()
    context.update(
        regions=regions,
        region=region,
        sphere=sphere,
        spheres=Sphere.choices,
        query=query,
        candidates=engine.occupations(
            query, limit=SEARCH_LIMIT, version=getattr(request, "data_version", None)
        )
        if query
        else [],
    )
    return render(request, "wages/explorer.html", context)
