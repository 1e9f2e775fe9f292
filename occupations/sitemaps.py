from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from occupations.models import Occupation


class OccupationSitemap(Sitemap):
    """Every profile, in Czech and in English, with its last change."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    # Addresses per page of the sitemap (sitemap-occupations.xml?p=2…, all listed in the
    # index): with i18n each profile has two, so a page holds 2,500 profiles.
    limit = 5000

    def items(self):
        return Occupation.objects.order_by("nsp_id").only("slug", "updated_at")

    def lastmod(self, occupation):
        return occupation.updated_at


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "occupations:list",
            "careers:match",
            "wages:explorer",
            "competences:index",
            "about",
        ]

    def location(self, name):
        return reverse(name)
