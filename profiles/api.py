"""The read-only JSON API (v1).

The detail returns exactly the profile document of nsp-profile.schema.json; the list
uses the HTML list's FilterSet. Every answer is JSON, errors included.
"""

from django.core.paginator import InvalidPage, Paginator
from django.http import HttpResponse
from django.urls import reverse

from nsp.parser import SCHEMA_PATH
from occupations.models import Occupation
from portal.api import api_view, json_error, json_response
from portal.caching import public_page
from profiles.documents import profile_document
from profiles.filters import OccupationFilter
from profiles.selectors import occupation_results

API_PAGE_SIZE = 50


@api_view
@public_page
def occupation_document(request, nsp_id):
    document = profile_document(nsp_id)
    if document is None:
        return json_error(404, f"No occupation with NSP id {nsp_id}.")
    return json_response(document)


def summary(request, occupation):
    return {
        "nsp_id": occupation.nsp_id,
        "title": occupation.title,
        "kind": occupation.kind,
        "field": occupation.field.name if occupation.field else None,
        "subfield": occupation.subfield.name if occupation.subfield else None,
        "median": occupation.median,
        "url": request.build_absolute_uri(occupation.get_absolute_url()),
        "api_url": request.build_absolute_uri(reverse("api:occupation", args=[occupation.nsp_id])),
    }


@api_view
@public_page
def occupation_index(request):
    filterset = OccupationFilter(
        request.GET,
        queryset=Occupation.objects.select_related("field", "subfield"),
        request=request,
    )
    if not filterset.is_valid():
        return json_error(
            400,
            "Invalid filter parameters.",
            fields={name: [str(e) for e in errors] for name, errors in filterset.errors.items()},
        )
    paginator = Paginator(occupation_results(filterset), API_PAGE_SIZE)
    # Stricter than the HTML list, which shows the nearest page: a client must learn that
    # it asked for something that is not there.
    number = request.GET.get("strana", "1")
    if not (number.isascii() and number.isdigit()):
        return json_error(
            400, "Invalid page number.", fields={"strana": ["Enter a whole number from 1."]}
        )
    try:
        page = paginator.page(number)
    except InvalidPage:  # out of range, or too many digits for int()
        return json_error(404, f"No such page; the last one is {paginator.num_pages}.")

    def page_url(number):
        query = request.GET.copy()
        query["strana"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return json_response(
        {
            "count": paginator.count,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [summary(request, occupation) for occupation in page],
        }
    )


@api_view
@public_page
def schema(request):
    return HttpResponse(SCHEMA_PATH.read_bytes(), content_type="application/schema+json")
