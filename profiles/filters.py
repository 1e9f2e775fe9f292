"""The one FilterSet of the occupation list, shared by the HTML page and the JSON API.

Every filter narrows the profiles in the database. The rest of the form says what
profiles.selectors.occupation_results() does with what the filters leave: the search
(`q`), where the median is read (`kraj`, `sfera`), the wage it must reach (`mzda_od`) and
the order (`razeni`). A common word finds thousands of profiles, and sorting thousands by
their median makes the database look each one up; the selector does both over plain keys.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from competences.models import Competence, OccupationCompetence
from nsp import vocabulary as vocab
from occupations.models import (
    Field,
    Occupation,
    OccupationEducation,
    OccupationHealthRestriction,
    OccupationIsco,
    OccupationQualification,
    Subfield,
    WorkConditionLoad,
)
from portal.forms import (
    CzechCheckboxes,
    CzechChoiceField,
    CzechSelect,
    KeyChoiceField,
    KeyMultipleChoiceField,
    VocabularyChoiceField,
)
from wages.models import Region, Sphere

MAX_WAGE = 10_000_000
SUGGEST_URL = reverse_lazy("api:suggest")

RELEVANCE, TITLE, WAGE_DESC, WAGE_ASC = "relevance", "nazev", "mzda-sestupne", "mzda-vzestupne"
SORTS = [
    (TITLE, _("podle názvu (A–Ž)")),
    (WAGE_DESC, _("podle mediánu mzdy, nejvyšší první")),
    (WAGE_ASC, _("podle mediánu mzdy, nejnižší první")),
    (RELEVANCE, _("podle shody s hledaným výrazem")),
]
MAX_LOAD_CHOICES = [
    ("1", _("jen minimální zátěž (stupeň 1)")),
    ("2", _("nejvýše únosná zátěž (stupeň 2)")),
    ("3", _("nejvýše významná zátěž (stupeň 3)")),
]


class SubfieldChoiceField(KeyChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.field.name} › {obj.name}"


class CzechChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = CzechChoiceField


class KeyChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = KeyChoiceField


class KeyMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = KeyMultipleChoiceField


class VocabularyFilter(django_filters.ModelChoiceFilter):
    """Profiles with a row naming the chosen entry of an NSP vocabulary. The choices are
    the vocabulary's entries in use, in its order: a text outside it (an export's slip)
    is never offered, and two rows that name one entry list the profile once."""

    field_class = VocabularyChoiceField

    def __init__(self, rows, link, vocabulary, **kwargs):
        self.rows, self.link = rows, link
        entries = rows.model._meta.get_field(link).related_model.objects
        super().__init__(
            queryset=entries.filter(name__in=vocabulary.values),
            vocabulary=vocabulary,
            widget=CzechSelect,
            **kwargs,
        )

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(
            Exists(self.rows.filter(occupation=OuterRef("pk"), **{self.link: value}))
        )


class SubfieldFilter(KeyChoiceFilter):
    field_class = SubfieldChoiceField


class AvoidFilter(KeyMultipleChoiceFilter):
    """Leaves out the occupations with a row among `rows` that names a chosen entry (a
    factor, an illness): the choices are the entries `rows` point at through `link`."""

    def __init__(self, rows, link, **kwargs):
        self.rows, self.link = rows, link
        entries = rows.model._meta.get_field(link).related_model.objects.all()
        super().__init__(queryset=entries, widget=CzechCheckboxes, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        chosen = self.rows.filter(occupation=OuterRef("pk"), **{f"{self.link}__in": value})
        return queryset.exclude(Exists(chosen))


class OccupationFilterForm(forms.Form):
    """The search, where the median is read (a region, none: the national median; and a
    sphere), the wage it must reach and the order: what occupation_results() applies."""

    q = forms.CharField(
        label=_("Hledat povolání"),
        required=False,
        max_length=200,
        help_text=_("Název, činnost nebo dovednost; diakritiku psát nemusíte, např. „reditel“."),
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "data-suggest": SUGGEST_URL}
        ),
    )
    kraj = forms.ModelChoiceField(
        label=_("Kraj"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("celá ČR"),
        widget=CzechSelect,
    )
    sfera = forms.ChoiceField(
        label=_("Sféra"), choices=Sphere.choices, required=False, initial=vocab.BUSINESS
    )
    mzda_od = forms.DecimalField(
        label=_("Medián mzdy alespoň (Kč)"), required=False, min_value=0, max_value=MAX_WAGE
    )
    razeni = forms.ChoiceField(label=_("Řazení"), choices=SORTS, required=False)

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["sfera"] = cleaned_data.get("sfera") or vocab.BUSINESS
        searching = bool(cleaned_data.get("q"))
        sort = cleaned_data.get("razeni") or (RELEVANCE if searching else TITLE)
        if sort == RELEVANCE and not searching:
            sort = TITLE  # nothing to be relevant to
        cleaned_data["razeni"] = sort
        # The sort control shows the order applied, chosen or by default: a select with
        # no option selected shows its first one (by title), not the search's order.
        self.data = self.data.copy()
        self.data["razeni"] = sort
        return cleaned_data


class OccupationFilter(django_filters.FilterSet):
    obor = CzechChoiceFilter(
        label=_("Odborný směr"),
        field_name="field",
        to_field_name="slug",
        queryset=Field.objects.all(),
        empty_label=_("všechny"),
        widget=CzechSelect,
    )
    podobor = SubfieldFilter(
        label=_("Odborný podsměr"),
        field_name="subfield",
        queryset=Subfield.objects.select_related("field"),
        empty_label=_("všechny"),
        widget=CzechSelect,
    )
    druh = django_filters.ChoiceFilter(
        label=_("Druh"),
        field_name="kind",
        choices=Occupation.Kind.choices,
        empty_label=_("povolání i specializace"),
    )
    kvalifikace = VocabularyFilter(
        OccupationQualification.objects.all(), "level", vocab.QUALIFICATION_LEVELS,
        label=_("Kvalifikační úroveň"),
        empty_label=_("všechny"),
    )  # fmt: skip
    vzdelani = django_filters.CharFilter(
        label=_("Obor vzdělání (kód KKOV nebo RVP)"),
        method="filter_education",
        max_length=30,
        help_text=_("Např. 6341M nebo 63-41-M/01."),
    )
    isco = django_filters.CharFilter(
        label=_("Skupina CZ-ISCO"),
        method="filter_isco",
        max_length=5,
        help_text=_("Kód nebo jeho začátek, např. 4222 nebo 42."),
    )
    kompetence = django_filters.CharFilter(
        label=_("Kompetence (kód nebo název)"),
        method="filter_competence",
        max_length=200,
    )
    zatez_max = django_filters.ChoiceFilter(
        label=_("Pracovní podmínky"),
        choices=MAX_LOAD_CHOICES,
        method="filter_max_load",
        empty_label=_("bez omezení"),
    )
    bez_faktoru = AvoidFilter(
        WorkConditionLoad.objects.filter(level__gte=vocab.FIRST_BURDENING_LEVEL), "factor",
        label=_("Vyhnout se zátěži"),
        help_text=_("Vynechá povolání, kde faktor dosahuje stupně 2 nebo vyššího."),
    )  # fmt: skip
    bez_omezeni = AvoidFilter(
        OccupationHealthRestriction.objects.all(), "restriction",
        label=_("Zdravotní omezení, které mám"),
        help_text=_("Vynechá povolání, jejichž výkon tato onemocnění omezují."),
    )  # fmt: skip

    class Meta:
        model = Occupation
        fields = []
        form = OccupationFilterForm

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.form.fields["razeni"].initial = TITLE

    def filter_queryset(self, queryset):
        """Each filter in turn (the form's own fields are not filters)."""
        for name, value in self.form.cleaned_data.items():
            if name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    # -- what the form says

    def cleaned(self, name, default=None):
        if not self.is_bound:
            return default
        self.errors  # noqa: B018 - validates the form
        value = self.form.cleaned_data.get(name)
        return default if value in (None, "") else value

    @property
    def region(self):
        return self.cleaned("kraj")

    @property
    def sphere(self):
        return self.cleaned("sfera", vocab.BUSINESS)

    @property
    def sort(self):
        """The order applied (see OccupationFilterForm.clean)."""
        return self.cleaned("razeni", TITLE)

    @property
    def search_text(self):
        return self.cleaned("q", "")

    @property
    def wage_minimum(self):
        return self.cleaned("mzda_od")

    # -- filters

    # The link filters below are semi-joins (`pk IN (…)`): a join with DISTINCT compared
    # whole rows, long texts included, and a correlated EXISTS made SQLite probe the link
    # table once per occupation (100 ms for a common word at 3,000 profiles).

    def filter_education(self, queryset, name, value):
        links = OccupationEducation.objects.filter(field__code__iexact=value.strip())
        return queryset.filter(pk__in=links.values("occupation_id"))

    def filter_isco(self, queryset, name, value):
        code = value.strip()
        if not (code.isascii() and code.isdigit()):
            return queryset.none()
        links = OccupationIsco.objects.filter(group__code__startswith=code)
        return queryset.filter(pk__in=links.values("occupation_id"))

    def filter_competence(self, queryset, name, value):
        links = OccupationCompetence.objects.filter(
            competence__in=Competence.objects.matching(value)
        )
        return queryset.filter(pk__in=links.values("occupation_id"))

    def filter_max_load(self, queryset, name, value):
        above = WorkConditionLoad.objects.filter(occupation=OuterRef("pk"), level__gt=int(value))
        return queryset.exclude(Exists(above))


def occupation_filter(request):
    """The list's FilterSet on a request's parameters (the HTML list and the API's)."""
    return OccupationFilter(
        request.GET,
        queryset=Occupation.objects.select_related("field", "subfield"),
        request=request,
    )
