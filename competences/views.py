from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from competences.models import CATEGORY_BY_SLUG, CATEGORY_SLUGS, Category, Competence
from nsp import vocabulary as vocab
from portal.caching import public_page

PAGE_SIZE = 50
OCCUPATIONS_PER_PAGE = 100


@require_safe
@public_page
def competence_index(request):
    query = request.GET.get("q", "")[:200]
    category_slug = request.GET.get("kategorie", "")
    competences = Competence.objects.all()
    if query.strip():
        competences = competences.matching(query)
    if category_slug in CATEGORY_BY_SLUG:
        competences = competences.filter(category=CATEGORY_BY_SLUG[category_slug])
    page = Paginator(competences.order_by("category", "code"), PAGE_SIZE).get_page(
        request.GET.get("strana")
    )
    categories = [(CATEGORY_SLUGS[value], label) for value, label in Category.choices]
    return render(
        request,
        "competences/index.html",
        {"page": page, "query": query, "category": category_slug, "categories": categories},
    )


@require_safe
@public_page
def competence_detail(request, category, code):
    if category not in CATEGORY_BY_SLUG:
        raise Http404("No such competence category.")
    competence = get_object_or_404(Competence, category=CATEGORY_BY_SLUG[category], code=code)
    links = competence.occupation_links.select_related("occupation").order_by(
        "-level", "occupation__title_sort_key", "occupation__nsp_id"
    )
    # A general skill is needed by most profiles: a page of them at a time.
    page = Paginator(links, OCCUPATIONS_PER_PAGE).get_page(request.GET.get("strana"))
    return render(
        request,
        "competences/detail.html",
        {
            "competence": competence,
            "scale": vocab.COMPETENCE_CATEGORY_BY_KEY[competence.category],
            "page": page,
        },
    )


@require_safe
@public_page
def competence_by_code(request, code):
    """/kompetence/<code>/: the competence, or a choice when categories share the code."""
    competences = list(Competence.objects.filter(code=code).order_by("category"))
    if not competences:
        raise Http404("No such competence.")
    if len(competences) == 1:
        return redirect(competences[0])  # not permanent: another category may take the code
    return render(request, "competences/choose.html", {"code": code, "competences": competences})
