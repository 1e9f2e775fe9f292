"""The JSON API's conventions: every answer is JSON, errors included, and it only reads."""

from functools import wraps

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
