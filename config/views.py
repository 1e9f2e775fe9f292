"""Error pages: JSON under /api/, the site's own pages everywhere else."""

from django.http import JsonResponse
from django.views import defaults


def _is_api(request):
    return request.path.startswith("/api/")


def _json(status, message):
    return JsonResponse(
        {"error": {"status": status, "message": message}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def bad_request(request, exception):
    if _is_api(request):
        return _json(400, "Bad request.")
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if _is_api(request):
        return _json(403, "Forbidden.")
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    if _is_api(request):
        return _json(404, "Not found.")
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return _json(500, "Server error. It has been logged; please try again later.")
    return defaults.server_error(request)
