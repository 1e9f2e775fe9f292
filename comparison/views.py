from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from comparison.exports import comparison_csv
from comparison.forms import CompareForm
from comparison.selectors import build_comparison, known_occupations
from nsp import vocabulary as vocab
from occupations.collecting import MAX_COMPARED, MIN_COMPARED, compare_url
from portal.caching import public_page
from search import engine
from wages.charts import series_chart
from wages.models import Sphere

SEARCH_LIMIT = 10


@require_safe
@public_page
def compare(request):
    form = CompareForm(request.GET)
    if request.GET.get("format") == "csv":
        return compare_csv(form)
    sphere = form.cleaned_data["sfera"] if form.is_valid() else form.cleaned_data.get("sfera")
    if not form.is_valid():
        known = known_occupations(form.ids)
        return invalid_comparison(request, form.problems, known, 400, sphere)
    comparison, unknown = build_comparison(form.ids, sphere)
    known = [c.occupation.nsp_id for c in comparison.compared]
    if unknown:
        problems = [
            _("Profil s NSP ID %(id)s v portálu není.") % {"id": nsp_id} for nsp_id in unknown
        ]
        known = [c.occupation for c in comparison.compared]
        return invalid_comparison(request, problems, known, 404, sphere)
    query = form.cleaned_data["hledat"].strip()
    candidates = []
    if query and len(known) < MAX_COMPARED:
        found = engine.occupations(
            query,
            limit=SEARCH_LIMIT,
            exclude=[c.occupation.pk for c in comparison.compared],
            version=getattr(request, "data_version", None),
        )
        candidates = [
            (occupation, compare_url([*known, occupation.nsp_id], sphere)) for occupation in found
        ]
    context = {
        "comparison": comparison,
        "ids": known,
        "sphere": sphere,
        "query": query,
        "candidates": candidates,
        "can_add": len(known) < MAX_COMPARED,
        "sphere_links": [
            (value, label, compare_url(known, value)) for value, label in Sphere.choices
        ],
        "csv_url": f"{compare_url(known)}&format=csv",
    }
    if len(known) >= MIN_COMPARED:
        context["chart"] = series_chart(comparison.series_rows())
    return render(request, "comparison/compare.html", context)


def invalid_comparison(request, problems, known, status, sphere=vocab.BUSINESS):
    """The problems, and a way on with the profiles asked for that exist (`known`, in the
    order asked): their comparison, or with only one, the comparison started with it."""
    suggested = known[:MAX_COMPARED]
    return render(
        request,
        "comparison/compare_invalid.html",
        {
            "problems": problems,
            "suggested": suggested,
            "suggestion": compare_url([o.nsp_id for o in suggested], sphere) if suggested else None,
        },
        status=status,
    )


def compare_csv(form):
    if not form.complete:
        message = " ".join(form.problems) or _("Zadejte 2 až 4 profily (parametr id).")
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    comparison, unknown = build_comparison(form.ids, vocab.BUSINESS)
    if unknown:
        return HttpResponse(
            _("Neznámé NSP ID: %(ids)s") % {"ids": ", ".join(map(str, unknown))},
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    return comparison_csv(comparison)
