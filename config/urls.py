from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps_views
from django.urls import include, path, register_converter
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from config.converters import NspIdConverter
from occupations.sitemaps import OccupationSitemap, PageSitemap
from portal.caching import public_page
from profiles import views as profile_views

register_converter(NspIdConverter, "nsp_id")

# Czech pages at /povolani/…, English ones at /en/povolani/….
urlpatterns = i18n_patterns(
    path("", profile_views.home, name="home"),
    path(
        "o-datech/",
        require_safe(public_page(TemplateView.as_view(template_name="about.html"))),
        name="about",
    ),
    path("", include("careers.urls")),
    path("", include("profiles.urls")),
    path("", include("competences.urls")),
    path("", include("wages.urls")),
    path("", include("comparison.urls")),
    prefix_default_language=False,
)
# An index of one sitemap per section, each in pages of Sitemap.limit addresses.
SITEMAPS = {"pages": PageSitemap, "occupations": OccupationSitemap}
urlpatterns += [
    path(
        "sitemap.xml",
        public_page(sitemaps_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemaps_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path(
        "robots.txt",
        public_page(TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
        name="robots",
    ),
    path("api/v1/", include("profiles.api_urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
]

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
