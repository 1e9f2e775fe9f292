from django.urls import reverse

from portal.api import api_view, json_response
from portal.caching import public_page
from search import engine

MAX_SUGGESTIONS = 8


@api_view
@public_page
def suggest(request):
    """/api/v1/suggest/?q=…: up to eight titles or alternative names for what is typed."""
    query = request.GET.get("q", "")
    found = engine.suggestions(
        query, limit=MAX_SUGGESTIONS, version=getattr(request, "data_version", None)
    )
    return json_response(
        {
            "results": [
                {
                    "label": label,
                    "title": occupation.title,
                    "nsp_id": occupation.nsp_id,
                    "url": request.build_absolute_uri(
                        reverse("occupations:detail", args=[occupation.slug])
                    ),
                }
                for occupation, label in found
            ]
        }
    )
