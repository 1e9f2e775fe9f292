"""The read-only JSON API (v1).

The detail returns exactly the profile document of nsp-profile.schema.json; the list
uses the HTML list's FilterSet. Every answer is JSON, errors included.
"""

from django.http import HttpResponse
from django.urls import reverse

from nsp.parser import SCHEMA_PATH
from portal.api import api_view, json_error, json_page, json_response
from portal.caching import public_page
from profiles.documents import profile_document
from profiles.filters import occupation_filter
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
    filterset = occupation_filter(request)
    if not filterset.is_valid():
        return json_error(
            400,
            "Invalid filter parameters.",
            fields={name: [str(e) for e in errors] for name, errors in filterset.errors.items()},
        )
    return json_page(
        request,
        occupation_results(filterset),
        API_PAGE_SIZE,
        lambda occupations: [summary(request, occupation) for occupation in occupations],
    )


@api_view
@public_page
def schema(request):
    return HttpResponse(SCHEMA_PATH.read_bytes(), content_type="application/schema+json")
