"""The JSON API's conventions: every answer is JSON, errors included, and it only reads."""

from functools import wraps

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt


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
def not_found(request, rest=""):
    return json_error(404, "No such API endpoint.")


PAGE_PARAM = "strana"


def json_page(request, items, per_page, serialize):
    """A page of `items` (?strana=N, from 1) as {"count", "next", "previous", "results"},
    each item through `serialize`; a JSON 400 or 404 for a page that is not there.

    Stricter than the HTML lists, which show the nearest page: a client must learn that it
    asked for something that is not there."""
    paginator = Paginator(items, per_page)
    number = request.GET.get(PAGE_PARAM, "1")
    if not (number.isascii() and number.isdigit()):
        return json_error(
            400, "Invalid page number.", fields={PAGE_PARAM: ["Enter a whole number from 1."]}
        )
    try:
        page = paginator.page(number)
    except InvalidPage:  # out of range, or too many digits for int()
        return json_error(404, f"No such page; the last one is {paginator.num_pages}.")

    def page_url(number):
        query = request.GET.copy()
        query[PAGE_PARAM] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return json_response(
        {
            "count": paginator.count,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": serialize(list(page)),
        }
    )
