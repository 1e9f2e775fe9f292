from django.contrib import admin

from competences.models import Competence
from portal.admin import UsageAdmin


@admin.register(Competence)
class CompetenceAdmin(UsageAdmin):
    usage_lookup = "occupation_links"
    list_display = ["code", "name", "category", "occupation_count"]
    list_filter = ["category"]
    search_fields = ["code", "name"]
    ordering = ["category", "code"]
