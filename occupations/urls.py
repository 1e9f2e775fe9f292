from django.urls import path

from occupations import views

app_name = "occupations"

urlpatterns = [
    path("povolani/", views.occupation_list, name="list"),
    path("povolani/<nsp_id:nsp_id>/", views.occupation_by_nsp_id, name="by-nsp-id"),
    path("povolani/<slug:slug>/", views.occupation_detail, name="detail"),
    path("isco/<str:code>/", views.isco_detail, name="isco"),
]
