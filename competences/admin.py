from django.contrib import admin

from competences.models import Competence
from occupations.admin import UsageAdmin


@admin.register(Competence)
class CompetenceAdmin(UsageAdmin):
    usage_lookup = "occupation_links"
    list_display = ["code", "name", "category", "occupation_count"]
    list_filter = ["category"]
    search_fields = ["code", "name"]
    ordering = ["category", "code"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "category" in form.changed_data:
            # The links keep a copy of the category for the CHECK on their level's scale
            # (Competence.clean() has made sure the levels fit). The admin saves the
            # whole change form in one transaction.
            obj.occupation_links.update(category=obj.category)
