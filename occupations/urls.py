from django.urls import path

from occupations import views

app_name = "occupations"

urlpatterns = [
    path("povolani/", views.occupation_list, name="list"),
]
