from django.urls import path

from careers import views

# Career moves: from a profile to the similar ones, and from what a person can do.
app_name = "careers"

urlpatterns = [
    path("povolani/<slug:slug>/podobna/", views.similar_page, name="similar"),
    path("co-umim/", views.match_page, name="match"),
]
