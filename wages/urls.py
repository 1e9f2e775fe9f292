from django.urls import path

from wages import views

app_name = "wages"

urlpatterns = [
    path("mzdy/", views.explorer, name="explorer"),
]
