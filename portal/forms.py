"""Form fields and widgets for choices that are NSP data: Czech order, Czech language,
and keys checked before the database sees them."""

from django import forms

from portal.czech import sort_key

# The largest key SQLite and PostgreSQL can compare; a bigger "id" is just not a choice.
MAX_KEY = 2**63 - 1


def is_key(value):
    # The length first: int() refuses strings of more than 4,300 digits.
    value = str(value)
    return (value.isascii() and value.isdigit() and len(value) <= len(str(MAX_KEY))) and int(
        value
    ) <= MAX_KEY


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
        if value not in self.empty_values and not is_key(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class VocabularyOrderIterator(forms.models.ModelChoiceIterator):
    """Entries of an NSP vocabulary in its own order (qualification levels from the
    lowest), which says more than the alphabet."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        entries = sorted(self.queryset, key=lambda entry: self.field.vocabulary.index(entry.name))
        yield from map(self.choice, entries)


class VocabularyChoiceField(KeyChoiceField):
    """A choice among the entries of an NSP vocabulary (`vocabulary`), in its order."""

    iterator = VocabularyOrderIterator

    def __init__(self, *args, vocabulary, **kwargs):
        self.vocabulary = vocabulary
        super().__init__(*args, **kwargs)


class KeyMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = CzechOrderIterator

    def _check_values(self, value):
        for key in value:
            if not is_key(key):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(key)[:20]},
                )
        return super()._check_values(value)


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


def options(bound_field):
    """The options of a select or of checkboxes as (value, label, selected, lang) tuples,
    for a template to write in one loop (profiles/jinja2/profiles/filter_form.html): Django
    renders a template for each option, which made the list's filter form half the time
    of the page (~180 options)."""
    widget = bound_field.field.widget
    values = bound_field.value()
    chosen = {str(v) for v in values} if isinstance(values, list | tuple) else {str(values)}
    chosen.discard("None")
    lang = "cs" if isinstance(widget, CzechOptions) else ""
    return [
        (str(value), label, str(value) in chosen, lang if value not in ("", None) else "")
        for value, label in bound_field.field.choices
    ]


def widget_type(bound_field):
    """'checkbox', 'select' or '' (another widget, which renders itself)."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkbox"
    if isinstance(widget, forms.Select) and not widget.allow_multiple_selected:
        return "select"
    return ""
