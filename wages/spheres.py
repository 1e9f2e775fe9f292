"""Which wage sphere a page shows, and the links that switch it.

The sphere is in the URL (`?sfera=public`), so a page with either sphere works without
JavaScript and is cached like any other page. The profile's chart and map show the chosen
sphere at every width; its tables show both spheres side by side where there is room, and
only the chosen one on a phone (site.css)."""

from nsp import vocabulary as vocab
from wages.forms import SphereField
from wages.models import Sphere

PARAM = "sfera"


def spheres_of(tables):
    """The spheres any of these WageTableViews has figures for, in the vocabulary's order."""
    return [sphere for sphere in vocab.SPHERES if any(sphere in t.spheres for t in tables)]


def chosen_sphere(request, spheres):
    """The sphere the URL asks for when it is one of `spheres`, else the first of them (the
    business sphere when it has figures): a page never shows a sphere without figures
    when it has one with them."""
    asked = SphereField().clean(request.GET.get(PARAM))
    if asked in spheres or not spheres:
        return asked
    return spheres[0]


def sphere_links(request, spheres):
    """[(sphere, label, URL of this page showing it)] when there is a choice, else [].

    The first sphere is the one shown without the parameter: its link drops it, so that
    it shares the address (and the cached page) of the plain URL. Other parameters stay."""
    if len(spheres) < 2:
        return []
    links = []
    for sphere in spheres:
        query = request.GET.copy()
        query.pop(PARAM, None)
        if sphere != spheres[0]:
            query[PARAM] = sphere
        url = f"{request.path}?{query.urlencode()}" if query else request.path
        links.append((sphere, Sphere(sphere).label, url))
    return links
