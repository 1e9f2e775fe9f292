"""Error pages: JSON under /api/, the site's own pages everywhere else.

An error page may be the answer to a request that Django refused before any view ran (a
Host header we do not serve, more than 1,000 parameters), so it reads nothing that could
fail again: the `site` template tags leave out the page's address on error pages
(`error_page` in the context). It takes its language from the path, because the error
may come before LocaleMiddleware has run.
"""

import sys

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views import defaults

from portal.api import json_error
from portal.replicas import DATABASE_UNAVAILABLE

RETRY_AFTER = 30  # seconds, for a database that does not answer


def is_api(request):
    return request.path_info.startswith("/api/")


def language_of(request):
    """The UI language of the requested path (/en/… is English), active or not."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def error_page(request, status, template_name, api_message):
    if is_api(request):
        return json_error(status, api_message)
    with translation.override(language_of(request)):
        return render(request, template_name, {"error_page": True}, status=status)


def bad_request(request, exception):
    return error_page(request, 400, "400.html", "Bad request.")


def permission_denied(request, exception):
    return error_page(request, 403, "403.html", "Forbidden.")


def page_not_found(request, exception):
    return error_page(request, 404, "404.html", "Not found.")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without this site's token (or its cookie)."""
    return error_page(
        request, 403, "403_csrf.html", "Forbidden: the request failed the CSRF check."
    )


def server_error(request):
    """handler500. Django calls it while handling the exception, wherever it was raised (a
    view, a middleware, a session's save), so sys.exc_info() tells what went wrong."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    if is_api(request):
        return json_error(500, "Server error. It has been logged; please try again later.")
    # 500.html stands alone: it renders without the request, the database or the tags.
    return defaults.server_error(request)


def service_unavailable(request):
    """A database that does not answer (the primary is down, say, while the public pages
    are read from a replica): 503, try again shortly; not a 500 that reports a bug."""
    if is_api(request):
        response = json_error(503, "The database is not available. Please try again shortly.")
    else:
        # Like 500.html, 503.html renders without the request, the database or the tags.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response
