from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.admin import RowsFormSet, counted
from wages.models import OccupationWageTable, Region, Sphere, WageFigure, WageTable


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


class FigureFormSet(RowsFormSet):
    def clean(self):
        super().clean()
        self.refuse_duplicate_figures()

    def refuse_duplicate_figures(self):
        """One figure per region and sphere, one national median per sphere.

        The database refuses a second one, but its unique constraints are conditional
        (a national figure has no region), and Django's formset and per-row checks skip
        those. A saved row keeps its region and sphere until Django saves or deletes it,
        row by row, and new rows come last: an existing row may therefore not take over
        the place of another saved row, even one going away in the same save."""
        saved = {}
        if self.instance.pk:
            saved = {(f.region_id, f.sphere): f.pk for f in self.instance.figures.all()}
        leaving = {
            form.instance.pk
            for form in self.initial_forms
            if form in self.deleted_forms or {"region", "sphere"} & set(form.changed_data)
        }
        seen, errors = set(), []
        for form in self.forms:
            if form in self.deleted_forms or not form.cleaned_data.get("sphere"):
                continue
            region, sphere = form.cleaned_data.get("region"), form.cleaned_data["sphere"]
            key = (region.pk if region else None, sphere)
            holder = saved.get(key, form.instance.pk)
            taken_by_saved = holder != form.instance.pk and (
                form.instance.pk is not None or holder not in leaving
            )
            if key in seen or taken_by_saved:
                errors.append(duplicate_message(region, Sphere(sphere).label))
            seen.add(key)
        if errors:
            raise ValidationError(errors)


def duplicate_message(region, sphere_label):
    if region is None:
        return gettext(
            "ČR celkem, %(sphere)s: medián už v tabulce je; "
            "za celou ČR smí být pro každou sféru jen jeden."
        ) % {"sphere": sphere_label}
    return gettext(
        "Kraj „%(region)s“, %(sphere)s: údaj už v tabulce je; "
        "každý kraj a sféra v ní smí být jen jednou."
    ) % {"region": region.name, "sphere": sphere_label}


class FigureInline(admin.TabularInline):
    model = WageFigure
    formset = FigureFormSet
    extra = 0
    fields = ["region", "sphere", "low", "median", "high"]
    ordering = ["region__nuts3", "sphere"]


@admin.register(WageTable)
class WageTableAdmin(admin.ModelAdmin):
    list_display = [
        "isco_group",
        "year",
        counted("figures_total", _("údajů")),
        counted("occupations_total", _("povolání")),
    ]
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


@admin.register(OccupationWageTable)
class OccupationWageTableAdmin(admin.ModelAdmin):
    list_display = ["occupation", "table", "scope", "position"]
    list_filter = ["scope"]
    search_fields = ["occupation__title", "table__isco_group__code"]
    autocomplete_fields = ["occupation", "table"]
