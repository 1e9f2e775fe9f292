from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from occupations import views as occupation_views

urlpatterns = [
    path("", occupation_views.home, name="home"),
    path("o-datech/", TemplateView.as_view(template_name="about.html"), name="about"),
    path("", include("occupations.urls")),
    path("admin/", admin.site.urls),
]
