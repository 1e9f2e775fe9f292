"""Admin building blocks: rows of a profile kept in order, messages in the editor's words,
catalogues that show how much they are used.

Nothing here bumps the data version: every write to the catalogue does that itself
(portal.models.VersionedModel)."""

from django import forms
from django.contrib import admin
from django.core.validators import MaxValueValidator
from django.db.models import Count, F, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


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


def counted(name, description):
    """A changelist column showing the annotation `name` (a count), sortable by it."""

    @admin.display(description=description, ordering=name)
    def column(obj):
        return getattr(obj, name)

    column.__name__ = name
    return column


class UsageAdmin(admin.ModelAdmin):
    """A catalogue whose list shows how many occupations use each entry."""

    usage_lookup = "occupations"  # the path from an entry to the occupations using it
    search_fields = ["name"]
    occupation_count = staticmethod(counted("usage", _("povolání")))
    list_display = ["name", "occupation_count"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(usage=Count(self.usage_lookup, distinct=True))
