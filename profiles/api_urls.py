from django.urls import path, re_path

from portal.api import not_found
from profiles import api
from search import views as search

app_name = "api"

urlpatterns = [
    path("occupations/", api.occupation_index, name="occupations"),
    path("occupations/<nsp_id:nsp_id>/", api.occupation_document, name="occupation"),
    path("suggest/", search.suggest, name="suggest"),
    path("schema.json", api.schema, name="schema"),
    re_path(r"^(?P<rest>.*)$", not_found),
]
