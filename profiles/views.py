from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from careers.forms import place_choices, read_place
from careers.selectors import competences_of, similar_moves
from occupations.collecting import collected_ids
from occupations.models import Field, IscoGroup, Occupation, SlugRedirect
from portal.caching import public_page
from portal.czech import sort_key
from profiles.filters import occupation_filter
from profiles.selectors import (
    occupation_results,
    profile_sections,
    profiles_with_sections,
    with_matches,
)
from search import engine
from wages.charts import table_chart, table_map
from wages.selectors import table_view
from wages.spheres import chosen_sphere, sphere_links, spheres_of

PAGE_SIZE = 20


@require_safe
@public_page
def home(request):
    fields = Field.objects.annotate(count=Count("occupations")).filter(count__gt=0)
    return render(
        request,
        "profiles/home.html",
        {
            "fields": sorted(fields, key=lambda f: sort_key(f.name)),
            "total": Occupation.objects.count(),
        },
    )


@require_safe
@public_page
def occupation_list(request):
    filterset = occupation_filter(request)
    page = Paginator(occupation_results(filterset), PAGE_SIZE).get_page(request.GET.get("strana"))
    query = filterset.cleaned("q", "")
    version = getattr(request, "data_version", None)
    page.object_list = with_matches(page.object_list, query, version)
    context = {"filter": filterset, "page": page, "collected": collected_ids(request)}
    if query and not page.object_list:
        context["closest"] = engine.closest(query, version=version)
    return render(request, "profiles/list.html", context)


@require_safe
@public_page
def occupation_detail(request, slug):
    occupation = profiles_with_sections().filter(slug=slug).first()
    if occupation is None:
        moved = SlugRedirect.objects.select_related("occupation").filter(old_slug=slug).first()
        if moved is None:
            raise Http404("No such profile.")
        return redirect(moved.occupation, permanent=True)
    sections = profile_sections(occupation)
    place = read_place(request.GET)
    context = {
        "occupation": occupation,
        **sections,
        **wage_spheres(request, sections["wage_tables"]),
        "place": place,
        "similar": similar_moves(
            occupation, competences_of(occupation), region=place.region, sphere=place.sphere
        ),
        "collected": collected_ids(request),
        **place_choices(),
    }
    if sections["wage_tables"]:
        first = sections["wage_tables"][0]
        sphere = chosen_sphere(request, first.spheres)
        context.update(
            chart_sphere=sphere,
            wage_chart=table_chart(first, sphere),
            wage_map=table_map(first, sphere),
        )
    return render(request, "profiles/detail.html", context)


def wage_spheres(request, tables):
    """The sphere the page's wage tables show on a phone (and its chart everywhere), and
    the links to the other one."""
    spheres = spheres_of(tables)
    return {
        "wage_sphere": chosen_sphere(request, spheres),
        "sphere_links": sphere_links(request, spheres),
    }


@require_safe
def occupation_by_nsp_id(request, nsp_id):
    occupation = get_object_or_404(Occupation.objects.only("slug"), nsp_id=nsp_id)
    return redirect(occupation, permanent=True)


@require_safe
@public_page
def isco_detail(request, code):
    group = get_object_or_404(IscoGroup, code=code)
    occupations = (
        Occupation.objects.filter(isco_links__group__code__startswith=code)
        .select_related("field")
        .distinct()
        .czech_order()
    )
    tables = (
        group.wage_tables.select_related("isco_group")
        .prefetch_related("figures__region")
        .order_by("-year")
    )
    subgroups = IscoGroup.objects.filter(code__startswith=code).exclude(code=code)
    wage_tables = [table_view(table) for table in tables]
    return render(
        request,
        "profiles/isco_detail.html",
        {
            "group": group,
            "occupations": occupations,
            "wage_tables": wage_tables,
            "subgroups": subgroups,
            **wage_spheres(request, wage_tables),
        },
    )
