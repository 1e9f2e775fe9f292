from django.urls import path

from comparison import views

app_name = "comparison"

urlpatterns = [
    path("porovnani/", views.compare, name="compare"),
]
