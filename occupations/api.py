"""The read-only JSON API (v1).

The detail returns exactly the profile document of nsp-profile.schema.json; the list
uses the HTML list's FilterSet. Every answer is JSON, errors included.
"""

from functools import wraps

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from nsp.parser import SCHEMA_PATH
from occupations.caching import public_page
from occupations.documents import profile_documents
from occupations.filters import OccupationFilter
from occupations.models import Occupation

API_PAGE_SIZE = 50


def json_response(data, status=200):
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def json_error(status, message, **details):
    return json_response({"error": {"status": status, "message": message, **details}}, status)


def api_view(view):
    """GET and HEAD only; a missing object is a JSON 404.

    Exempt from CSRF checks: the API never writes, and a client sending anything else
    gets the JSON 405 below rather than the site's CSRF failure page."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = json_error(405, "Method not allowed: the API is read-only.")
            response["Allow"] = "GET, HEAD"
            return response
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return json_error(404, "Not found.")

    return wrapper


@api_view
@public_page
def occupation_document(request, nsp_id):
    documents = profile_documents(Occupation.objects.filter(nsp_id=nsp_id))
    if not documents:
        return json_error(404, f"No occupation with NSP id {nsp_id}.")
    [document] = documents.values()
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
        request.GET, queryset=Occupation.objects.select_related("field", "subfield")
    )
    if not filterset.is_valid():
        return json_error(
            400,
            "Invalid filter parameters.",
            fields={name: [str(e) for e in errors] for name, errors in filterset.errors.items()},
        )
    paginator = Paginator(filterset.qs, API_PAGE_SIZE)
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


@api_view
def not_found(request, rest=""):
    return json_error(404, "No such API endpoint.")
