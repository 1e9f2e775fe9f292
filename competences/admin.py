from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from competences.models import Competence
from occupations.admin import DataChangeAdmin


@admin.register(Competence)
class CompetenceAdmin(DataChangeAdmin):
    list_display = ["code", "name", "category", "occupation_count"]
    list_filter = ["category"]
    search_fields = ["code", "name"]
    ordering = ["category", "code"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(usage=Count("occupation_links", distinct=True))
        )

    @admin.display(description=_("povolání"), ordering="usage")
    def occupation_count(self, obj):
        return obj.usage
