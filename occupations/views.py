from django.db.models import Count
from django.shortcuts import render

from occupations.models import Field, Occupation


def home(request):
    fields = Field.objects.annotate(count=Count("occupations")).filter(count__gt=0)
    return render(
        request,
        "occupations/home.html",
        {"fields": fields, "total": Occupation.objects.count()},
    )


def occupation_list(request):
    occupations = Occupation.objects.czech_order().select_related("field")
    return render(request, "occupations/list.html", {"occupations": occupations})
