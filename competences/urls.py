from django.urls import path

from competences import views

app_name = "competences"

urlpatterns = [
    path("kompetence/", views.competence_index, name="index"),
    path("kompetence/<str:code>/", views.competence_by_code, name="by-code"),
    path("kompetence/<slug:category>/<str:code>/", views.competence_detail, name="detail"),
]
