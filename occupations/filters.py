"""The one FilterSet of the occupation list, shared by the HTML page and the JSON API."""

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef
from django.utils.translation import gettext_lazy as _

from competences.models import Competence, OccupationCompetence
from nsp import vocabulary as vocab
from occupations.czech import sort_key
from occupations.models import (
    Field,
    HealthRestriction,
    Occupation,
    OccupationHealthRestriction,
    QualificationLevel,
    Subfield,
    WorkConditionFactor,
    WorkConditionLoad,
)
from occupations.templatetags.portal import czk
from wages.models import Region, Sphere
from wages.selectors import median_subquery

MAX_WAGE = 10_000_000
DATA_FILTERS = {
    "obor",
    "podobor",
    "kvalifikace",
    "vzdelani",
    "kompetence",
    "bez_faktoru",
    "bez_omezeni",
}

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
# The list's form shows the filters in these folding groups (search and order stand apart).
FILTER_GROUPS = [
    (_("Obor a vzdělání"), ["obor", "podobor", "druh", "kvalifikace", "vzdelani", "isco"]),
    (_("Mzda"), ["kraj", "sfera", "mzda_od"]),
    (_("Pracovní podmínky a zdraví"), ["zatez_max", "bez_faktoru", "bez_omezeni"]),
    (_("Kompetence"), ["kompetence"]),
]


# The largest key SQLite and PostgreSQL can compare; a bigger "id" is just not a choice.
MAX_KEY = 2**63 - 1


def _is_key(value):
    return str(value).isascii() and str(value).isdigit() and int(value) <= MAX_KEY


class CzechOrderIterator(forms.models.ModelChoiceIterator):
    """Choices in Czech alphabetical order of their labels (ch after h, ř after r), the
    same on every database: a model's ordering sorts by the database's collation, which
    differs between SQLite and PostgreSQL and knows no Czech."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = [self.choice(obj) for obj in self.queryset]
        yield from sorted(choices, key=lambda choice: sort_key(str(choice[1])))


class CzechChoiceField(forms.ModelChoiceField):
    iterator = CzechOrderIterator


class KeyChoiceField(CzechChoiceField):
    """A choice by primary key that refuses non-keys before asking the database."""

    def to_python(self, value):
        if value not in self.empty_values and not _is_key(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class KeyMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = CzechOrderIterator

    def _check_values(self, value):
        for key in value:
            if not _is_key(key):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(key)[:20]},
                )
        return super()._check_values(value)


def _holds_something(bound_field):
    value = bound_field.value()
    in_use = value not in (None, "", []) and value != bound_field.field.initial
    return in_use or bool(bound_field.errors)


class CzechOptions:
    """Options that are NSP data (field names, factors, regions…) say they are Czech, so an
    English page reads them right; the empty choice stays in the page's language."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value not in ("", None):
            option["attrs"]["lang"] = "cs"
        return option


class CzechSelect(CzechOptions, forms.Select):
    pass


class CzechCheckboxes(CzechOptions, forms.CheckboxSelectMultiple):
    pass


class SubfieldChoiceField(KeyChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.field.name} › {obj.name}"


class CzechChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = CzechChoiceField


class KeyChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = KeyChoiceField


class KeyMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = KeyMultipleChoiceField


class SubfieldFilter(KeyChoiceFilter):
    field_class = SubfieldChoiceField


class OccupationFilterForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
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
    q = django_filters.CharFilter(
        label=_("Hledat název"),
        method="filter_search",
        max_length=200,
        help_text=_("Diakritiku psát nemusíte, např. „reditel“."),
    )
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
    kvalifikace = KeyChoiceFilter(
        label=_("Kvalifikační úroveň"),
        field_name="qualification_levels",
        queryset=QualificationLevel.objects.all(),
        empty_label=_("všechny"),
        widget=CzechSelect,
    )
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
    bez_faktoru = KeyMultipleChoiceFilter(
        label=_("Vyhnout se zátěži"),
        queryset=WorkConditionFactor.objects.all(),
        method="filter_avoid_factors",
        widget=CzechCheckboxes,
        help_text=_("Vynechá povolání, kde faktor dosahuje stupně 2 nebo vyššího."),
    )
    bez_omezeni = KeyMultipleChoiceFilter(
        label=_("Zdravotní omezení, které mám"),
        queryset=HealthRestriction.objects.all(),
        method="filter_avoid_restrictions",
        widget=CzechCheckboxes,
        help_text=_("Vynechá povolání, jejichž výkon tato onemocnění omezují."),
    )
    kraj = django_filters.ModelChoiceFilter(
        label=_("Kraj"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        method="keep",
        empty_label=_("celá ČR"),
        widget=CzechSelect,
    )
    sfera = django_filters.ChoiceFilter(
        label=_("Sféra"),
        choices=Sphere.choices,
        method="keep",
        empty_label=None,
    )
    mzda_od = django_filters.NumberFilter(
        label=_("Medián mzdy alespoň (Kč)"),
        method="keep",
        min_value=0,
        max_value=MAX_WAGE,
    )
    razeni = django_filters.ChoiceFilter(
        label=_("Řazení"),
        choices=SORTS,
        method="keep",
        empty_label=None,
    )

    class Meta:
        model = Occupation
        fields = []
        form = OccupationFilterForm

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.form.fields["sfera"].initial = vocab.BUSINESS
        self.form.fields["razeni"].initial = TITLE

    # -- filters

    def keep(self, queryset, name, value):
        """Wage and sorting parameters act together, in filter_queryset()."""
        return queryset

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_education(self, queryset, name, value):
        return queryset.filter(education_links__field__code__iexact=value.strip()).distinct()

    def filter_isco(self, queryset, name, value):
        code = value.strip()
        if not (code.isascii() and code.isdigit()):
            return queryset.none()
        return queryset.filter(isco_links__group__code__startswith=code).distinct()

    def filter_competence(self, queryset, name, value):
        competences = Competence.objects.matching(value)
        needing = OccupationCompetence.objects.filter(
            occupation=OuterRef("pk"), competence__in=competences
        )
        return queryset.filter(Exists(needing))

    def filter_max_load(self, queryset, name, value):
        above = WorkConditionLoad.objects.filter(occupation=OuterRef("pk"), level__gt=int(value))
        return queryset.exclude(Exists(above))

    def filter_avoid_factors(self, queryset, name, value):
        if not value:
            return queryset
        burdening = WorkConditionLoad.objects.filter(
            occupation=OuterRef("pk"), factor__in=value, level__gte=vocab.FIRST_BURDENING_LEVEL
        )
        return queryset.exclude(Exists(burdening))

    def filter_avoid_restrictions(self, queryset, name, value):
        if not value:
            return queryset
        restricted = OccupationHealthRestriction.objects.filter(
            occupation=OuterRef("pk"), restriction__in=value
        )
        return queryset.exclude(Exists(restricted))

    # -- wages and order

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

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        queryset = queryset.annotate(median=median_subquery(self.region, self.sphere))
        minimum = self.cleaned("mzda_od")
        if minimum is not None:
            queryset = queryset.filter(median__gte=minimum)
        if self.sort == TITLE:
            queryset = queryset.czech_order()
        elif self.sort == WAGE_DESC:
            queryset = queryset.order_by(F("median").desc(nulls_last=True), "title_sort_key")
        elif self.sort == WAGE_ASC:
            queryset = queryset.order_by(F("median").asc(nulls_last=True), "title_sort_key")
        # RELEVANCE: the order search() gave.
        return queryset

    def filter_groups(self):
        """[(label, bound fields, open)]: a group is open when one of its fields has an
        error or a value other than its default, so nothing that acts is folded away."""
        groups = []
        for label, names in FILTER_GROUPS:
            fields = [self.form[name] for name in names]
            groups.append((label, fields, any(_holds_something(field) for field in fields)))
        return groups

    def active_filters(self):
        """The filters in use, each with the query string that drops it."""
        if not self.is_bound:
            return []
        self.errors  # noqa: B018 - validates the form
        active = []
        for name, value in self.form.cleaned_data.items():
            if (
                name in ("razeni", "sfera", "kraj")
                or value in (None, "")
                or (name.startswith("bez_") and not value)
            ):
                continue
            region = None
            if name == "mzda_od":
                text = czk(int(value))
                if self.region:
                    region = self.region.name
                else:
                    text = f"{text} ({_('celá ČR')})"
            elif name.startswith("bez_"):
                text = ", ".join(str(item) for item in value)
            elif name == "zatez_max":
                text = dict(MAX_LOAD_CHOICES)[value]
            elif name == "druh":
                text = Occupation.Kind(value).label
            else:
                text = str(value)
            query = self.data.copy()
            for dropped in (name, "strana"):
                query.pop(dropped, None)
            active.append(
                {
                    "label": self.form.fields[name].label,
                    "text": text,
                    "is_data": name in DATA_FILTERS,  # NSP names, Czech whatever the page
                    "region": region,
                    "query": query,
                }
            )
        return active
