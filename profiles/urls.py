from django.urls import path

from profiles import views

# The public section of the occupations (/povolani/, /isco/): URL namespaces name the parts
# of the site, not the Django apps behind them.
app_name = "occupations"

urlpatterns = [
    path("povolani/", views.occupation_list, name="list"),
    path("povolani/<nsp_id:nsp_id>/", views.occupation_by_nsp_id, name="by-nsp-id"),
    path("povolani/<slug:slug>/", views.occupation_detail, name="detail"),
    path("isco/<str:code>/", views.isco_detail, name="isco"),
]
