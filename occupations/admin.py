"""The admin for editors: every part of a profile on one page, NSP upload with preview."""

from django import forms
from django.contrib import admin, messages
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Count, F, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.urls import path
from django.utils.text import get_text_list
from django.utils.translation import gettext
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


class RowsFormSet(BaseInlineFormSet):
    """An inline formset that names the duplicated fields in the editor's words (Django's
    own message names the field's code, e.g. 'position')."""

    def get_unique_error_message(self, unique_check):
        labels = [
            f"„{self.model._meta.get_field(name).verbose_name}“"
            for name in unique_check
            if name != self.fk.name
        ]
        if len(labels) == 1:
            return gettext("Dva řádky mají stejnou hodnotu v poli %(fields)s.") % {
                "fields": labels[0]
            }
        return gettext("Dva řádky mají stejnou kombinaci polí %(fields)s.") % {
            "fields": get_text_list(labels, gettext("and"))
        }


# Far more than any profile has rows, and low enough that PartFormSet.make_room() can lift
# rows above all the others within a small integer.
MAX_POSITION = 9999


class PartForm(forms.ModelForm):
    """A row of a profile: a new row may leave its position empty to go to the end."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].validators.append(MaxValueValidator(MAX_POSITION))
        if self.instance._state.adding:
            self.fields["position"].required = False
            self.fields["position"].initial = None
            self.fields["position"].help_text = _("Prázdné = na konec.")


class PartFormSet(RowsFormSet):
    """The rows of one part of a profile, kept in order by their `position`."""

    def clean(self):
        self.number_new_rows()
        super().clean()

    def number_new_rows(self):
        """New rows left without a position go to the end, in the order they were added."""
        kept = [form for form in self.forms if form not in self.deleted_forms]
        taken = [
            form.cleaned_data["position"]
            for form in kept
            if form.cleaned_data.get("position") is not None
        ]
        following = max(taken, default=-1) + 1
        for form in kept:
            left_empty = "position" in form.cleaned_data and form.cleaned_data["position"] is None
            if left_empty and form.has_changed():
                form.cleaned_data["position"] = form.instance.position = following
                following += 1

    def save_existing_objects(self, commit=True):
        if commit:
            self.make_room()
        return super().save_existing_objects(commit)

    def make_room(self):
        """Lift the rows that move or go away above all the others first.

        Rows are saved one at a time, and for activities, names… (occupation, position)
        is unique at every step: renumbering 1 ↔ 2 would collide half-way."""
        leaving = [
            form.instance.pk
            for form in self.initial_forms
            if form in self.deleted_forms or "position" in form.changed_data
        ]
        if leaving:
            rows = self.model.objects.filter(**{self.fk.name: self.instance})
            top = rows.aggregate(top=Max("position"))["top"]
            rows.filter(pk__in=leaving).update(position=F("position") + top + 1)


class PartInline(admin.TabularInline):
    extra = 0
    ordering = ["position"]
    form = PartForm
    formset = PartFormSet


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
            # Its own old address is back (Occupation.clean() refuses another's).
            m.SlugRedirect.objects.filter(old_slug=obj.slug, occupation=obj).delete()
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


def count_of(rows, field):
    """How many of `rows` point at the outer row through `field` (0 when none), as a
    subquery: one per column, so two counts do not multiply each other's rows as two
    joins in one GROUP BY would."""
    counted = (
        rows.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted), 0)


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
