from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from careers.forms import (
    COMPETENCE_PARAM,
    EDUCATION_PARAM,
    MAX_PICKS,
    SEARCH_PARAM,
    place_choices,
    read_match_query,
    read_place,
)
from careers.selectors import all_similar_moves, match_moves, rank_matches
from competences.models import Category, Competence
from occupations.collecting import collected_ids
from occupations.models import Occupation, SlugRedirect
from portal.caching import public_page

MATCHES_PER_PAGE = 10
FOUND_COMPETENCES = 20  # search results offered at once in "Co umím"


@require_safe
@public_page
def similar_page(request, slug):
    occupation = Occupation.objects.filter(slug=slug).first()
    if occupation is None:
        moved = SlugRedirect.objects.select_related("occupation").filter(old_slug=slug).first()
        if moved is None:
            raise Http404("No such profile.")
        url = reverse("careers:similar", args=[moved.occupation.slug])
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url, permanent=True)
    place = read_place(request.GET)
    moves = all_similar_moves(occupation, place)
    return render(
        request,
        "careers/similar.html",
        {
            "occupation": occupation,
            "moves": moves,
            "place": place,
            "collected": collected_ids(request),
            **place_choices(),
        },
    )


@require_safe
@public_page
def match_page(request):
    query = read_match_query(request.GET)
    found, more_found = [], False
    if query.search.strip():
        picked = [pick.pk for pick in query.picks]
        candidates = (
            Competence.objects.matching(query.search)
            .exclude(pk__in=picked)
            .order_by("category", "code")[: FOUND_COMPETENCES + 1]
        )
        found = list(candidates)
        more_found = len(found) > FOUND_COMPETENCES
        found = found[:FOUND_COMPETENCES]
    page, moves = None, []
    if query.asks:
        version = getattr(request, "data_version", None)
        ranked = rank_matches(query.picks, query.education, version)
        page = Paginator(ranked, MATCHES_PER_PAGE).get_page(request.GET.get("strana"))
        moves = match_moves(
            list(page), query.have(), region=query.place.region, sphere=query.place.sphere
        )
    return render(
        request,
        "careers/match.html",
        {
            "query": query,
            "found": found,
            "more_found": more_found,
            "page": page,
            "moves": moves,
            "max_picks": MAX_PICKS,
            "categories": Category.choices,
            "competence_param": COMPETENCE_PARAM,
            "education_param": EDUCATION_PARAM,
            "search_param": SEARCH_PARAM,
            "collected": collected_ids(request),
            **place_choices(),
        },
    )
