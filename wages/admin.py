from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from occupations.admin import DataChangeAdmin
from wages.models import OccupationWageTable, Region, WageFigure, WageTable


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    """The 14 regions ship with the schema: shown, not edited."""

    list_display = ["name", "nuts3", "iso_3166_2", "slug"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class FigureInline(admin.TabularInline):
    model = WageFigure
    extra = 0
    fields = ["region", "sphere", "low", "median", "high"]
    ordering = ["region__nuts3", "sphere"]


@admin.register(WageTable)
class WageTableAdmin(DataChangeAdmin):
    list_display = ["isco_group", "year", "figure_count", "occupation_count"]
    list_filter = ["year"]
    search_fields = ["isco_group__code", "isco_group__name"]
    autocomplete_fields = ["isco_group"]
    list_select_related = ["isco_group"]
    inlines = [FigureInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                figures_total=Count("figures", distinct=True),
                occupations_total=Count("occupation_links__occupation", distinct=True),
            )
        )

    @admin.display(description=_("údajů"), ordering="figures_total")
    def figure_count(self, obj):
        return obj.figures_total

    @admin.display(description=_("povolání"), ordering="occupations_total")
    def occupation_count(self, obj):
        return obj.occupations_total


@admin.register(OccupationWageTable)
class OccupationWageTableAdmin(DataChangeAdmin):
    list_display = ["occupation", "table", "scope", "position"]
    list_filter = ["scope"]
    search_fields = ["occupation__title", "table__isco_group__code"]
    autocomplete_fields = ["occupation", "table"]
