"""A whole profile on one admin page: its own fields and an inline per section, and the
NSP upload with a preview."""

from django.contrib import admin, messages
from django.urls import path
from django.utils.translation import gettext_lazy as _

from careers.services import recompute_careers
from competences.models import OccupationCompetence
from occupations import models as m
from portal.admin import PartInline, count_of, counted
from profiles.admin_import import ImportView
from profiles.admin_quality import DataCheckView
from profiles.sections import SECTIONS
from search import engine


def section_inline(section):
    """The inline of a section's rows, from its declaration."""
    return type(
        f"{section.model.__name__}Inline",
        (PartInline,),
        {"model": section.model, "__module__": __name__, **section.inline_options},
    )


@admin.register(m.Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "nsp_id",
        "kind",
        "field",
        counted("activity_total", _("činností")),
        counted("competence_total", _("kompetencí")),
        "updated_at",
    ]
    list_filter = ["kind", "field", "regulated"]
    search_fields = ["title", "alternative_names__name", "=nsp_id"]
    autocomplete_fields = ["parent"]
    list_select_related = ["field"]
    ordering = ["title_sort_key"]
    fieldsets = [
        (None, {"fields": ["nsp_id", "kind", "title", "slug", "description"]}),
        (_("Zařazení"), {"fields": ["field", "subfield", "regulated", "parent_name", "parent"]}),
        (_("Změny"), {"fields": ["updated_at"]}),
    ]
    readonly_fields = ["updated_at"]
    inlines = [section_inline(section) for section in SECTIONS]
    change_list_template = "admin/occupations/occupation/change_list.html"

    # Counting all 3,000 profiles again for each page of results costs more than the page.
    show_full_result_count = False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                activity_total=count_of(m.Activity.objects, "occupation"),
                competence_total=count_of(OccupationCompetence.objects, "occupation"),
            )
        )

    def get_search_results(self, request, queryset, search_term):
        # Editors type without diacritics too: add the portal's own folded search.
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip() and not search_term.strip().isdigit():
            results |= queryset.filter(pk__in=engine.ranked_pks(search_term))
        return results, may_have_duplicates

    def get_readonly_fields(self, request, obj=None):
        # The NSP id ties the profile to its source: fixed once the profile exists.
        if obj is not None:
            return [*self.readonly_fields, "nsp_id"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        # Occupation.save() keeps the old address redirecting; say so.
        if change and "slug" in form.changed_data:
            messages.info(
                request,
                _("Stará adresa „%(old)s“ bude přesměrována na novou.")
                % {"old": form.initial["slug"]},
            )
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The profile and its rows are written: readers load the new index, not build it.
        engine.rebuild()
        # Similar occupations compare every profile with every other: after a profile's
        # requirements change, all of them are computed again.
        recompute_careers()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        recompute_careers()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        recompute_careers()

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(ImportView.as_view(model_admin=self)),
                name="occupations_occupation_import",
            ),
            path(
                "data-check/",
                self.admin_site.admin_view(DataCheckView.as_view(model_admin=self)),
                name="occupations_occupation_data_check",
            ),
            *super().get_urls(),
        ]
