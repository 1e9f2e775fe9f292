from django.urls import path, re_path

from careers import api as careers_api
from portal.api import not_found
from profiles import api
from search import views as search

app_name = "api"

urlpatterns = [
    path("occupations/", api.occupation_index, name="occupations"),
    path("occupations/<nsp_id:nsp_id>/", api.occupation_document, name="occupation"),
    path("occupations/<nsp_id:nsp_id>/similar/", careers_api.similar, name="similar"),
    path("match/", careers_api.match, name="match"),
    path("suggest/", search.suggest, name="suggest"),
    path("schema.json", api.schema, name="schema"),
    re_path(r"^(?P<rest>.*)$", not_found),
]
