"""The admin of the shared classifications (fields, levels, ISCO groups…) and of the old
addresses. The profile itself, with all its sections, is edited in profiles/admin.py."""

from django.contrib import admin

from occupations import models as m
from portal.admin import UsageAdmin


@admin.register(m.Field)
class FieldAdmin(UsageAdmin):
    prepopulated_fields = {"slug": ["name"]}


@admin.register(m.Subfield)
class SubfieldAdmin(UsageAdmin):
    list_display = ["name", "field", "occupation_count"]
    list_filter = ["field"]


@admin.register(m.QualificationLevel)
class QualificationLevelAdmin(UsageAdmin):
    pass


@admin.register(m.HealthRestriction)
class HealthRestrictionAdmin(UsageAdmin):
    pass


@admin.register(m.IscoGroup)
class IscoGroupAdmin(UsageAdmin):
    search_fields = ["code", "name"]
    list_display = ["code", "name", "occupation_count"]


@admin.register(m.WorkConditionFactor)
class WorkConditionFactorAdmin(UsageAdmin):
    usage_lookup = "loads__occupation"


@admin.register(m.EducationField)
class EducationFieldAdmin(UsageAdmin):
    usage_lookup = "occupation_links__occupation"
    search_fields = ["code", "name"]
    list_display = ["type", "code", "name", "occupation_count"]
    list_filter = ["type"]


@admin.register(m.SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "occupation"]
    search_fields = ["old_slug", "occupation__title"]
    autocomplete_fields = ["occupation"]
