"""The admin for editors: every part of a profile on one page, NSP upload with preview."""

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext_lazy as _

from competences.models import OccupationCompetence
from occupations import models as m
from occupations.admin_import import ImportView
from wages.models import OccupationWageTable


class DataChangeAdmin(admin.ModelAdmin):
    """Every change through the admin marks the catalogue changed, so cached public pages
    show it at once (see DataVersion)."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        m.DataVersion.bump()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        m.DataVersion.bump()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        m.DataVersion.bump()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        m.DataVersion.bump()


class PartInline(admin.TabularInline):
    extra = 0
    ordering = ["position"]


class AlternativeNameInline(PartInline):
    model = m.AlternativeName


class RelatedInline(PartInline):
    model = m.RelatedOccupation
    autocomplete_fields = ["target"]
    fk_name = "occupation"


class ActivityInline(PartInline):
    model = m.Activity


class QualificationInline(PartInline):
    model = m.OccupationQualification
    autocomplete_fields = ["level"]


class IscoInline(PartInline):
    model = m.OccupationIsco
    autocomplete_fields = ["group"]


class EscoInline(PartInline):
    model = m.EscoLink
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class WorkConditionInline(PartInline):
    model = m.WorkConditionLoad
    ordering = ["position", "level"]
    autocomplete_fields = ["factor"]


class EducationInline(PartInline):
    model = m.OccupationEducation
    autocomplete_fields = ["field"]


class CompetenceInline(PartInline):
    model = OccupationCompetence
    autocomplete_fields = ["competence"]
    fields = ["position", "competence", "level", "suitability"]


class HealthInline(PartInline):
    model = m.OccupationHealthRestriction
    autocomplete_fields = ["restriction"]


class WageLinkInline(PartInline):
    model = OccupationWageTable
    autocomplete_fields = ["table"]
    ordering = ["scope", "position"]


@admin.register(m.Occupation)
class OccupationAdmin(DataChangeAdmin):
    list_display = [
        "title",
        "nsp_id",
        "kind",
        "field",
        "activity_count",
        "competence_count",
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
    inlines = [
        AlternativeNameInline,
        QualificationInline,
        RelatedInline,
        ActivityInline,
        IscoInline,
        EscoInline,
        WageLinkInline,
        WorkConditionInline,
        EducationInline,
        CompetenceInline,
        HealthInline,
    ]
    change_list_template = "admin/occupations/occupation/change_list.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                activity_total=Count("activities", distinct=True),
                competence_total=Count("competence_links", distinct=True),
            )
        )

    @admin.display(description=_("činností"), ordering="activity_total")
    def activity_count(self, obj):
        return obj.activity_total

    @admin.display(description=_("kompetencí"), ordering="competence_total")
    def competence_count(self, obj):
        return obj.competence_total

    def get_search_results(self, request, queryset, search_term):
        # Editors type without diacritics too: add the portal's own folded search.
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip() and not search_term.strip().isdigit():
            results |= queryset.filter(pk__in=m.Occupation.objects.search(search_term).values("pk"))
        return results, may_have_duplicates

    def get_readonly_fields(self, request, obj=None):
        # The NSP id ties the profile to its source: fixed once the profile exists.
        if obj is not None:
            return [*self.readonly_fields, "nsp_id"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change and "slug" in form.changed_data:
            old_slug = form.initial["slug"]
            m.SlugRedirect.objects.filter(old_slug=obj.slug).delete()  # the address is back
            m.SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"occupation": obj})
            messages.info(
                request,
                _("Stará adresa „%(old)s“ bude přesměrována na novou.") % {"old": old_slug},
            )
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        occupation = form.instance
        occupation.refresh_search_fields()  # alternative names may have changed
        m.Occupation.objects.filter(pk=occupation.pk).update(
            search_title=occupation.search_title,
            search_names=occupation.search_names,
            title_sort_key=occupation.title_sort_key,
        )

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(ImportView.as_view(model_admin=self)),
                name="occupations_occupation_import",
            ),
            *super().get_urls(),
        ]


class UsageAdmin(DataChangeAdmin):
    """A catalogue whose list shows how many occupations use each entry."""

    usage_lookup = "occupations"  # the path from an entry to the occupations using it
    search_fields = ["name"]
    list_display = ["name", "occupation_count"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(usage=Count(self.usage_lookup, distinct=True))

    @admin.display(description=_("povolání"), ordering="usage")
    def occupation_count(self, obj):
        return obj.usage


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
class SlugRedirectAdmin(DataChangeAdmin):
    list_display = ["old_slug", "occupation"]
    search_fields = ["old_slug", "occupation__title"]
    autocomplete_fields = ["occupation"]
