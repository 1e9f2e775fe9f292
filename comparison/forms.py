"""What a comparison is asked for: /porovnani/?id=<nsp_id>&id=…[&sfera=…][&hledat=…]."""

from django import forms
from django.utils.translation import gettext as _

from occupations.collecting import MAX_COMPARED, MIN_COMPARED
from occupations.models import nsp_id_from
from wages.forms import SearchTextField, SphereField


class CompareForm(forms.Form):
    id = forms.Field(required=False, widget=forms.MultipleHiddenInput)
    sfera = SphereField()
    hledat = SearchTextField()

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        self.ids = []  # the valid ids asked for, in order, even when some are not

    def clean_id(self):
        """The NSP ids; every problem a person can fix is one message."""
        ids, problems = [], []
        for value in self.cleaned_data["id"] or []:
            nsp_id = nsp_id_from(value)
            if nsp_id is None:
                problems.append(
                    _("„%(value)s“ není číslo profilu (NSP ID je celé číslo, např. 102742).")
                    % {"value": value.strip()[:30]}
                )
            elif nsp_id in ids:
                problems.append(_("Profil %(id)s je v porovnání dvakrát.") % {"id": nsp_id})
            else:
                ids.append(nsp_id)
        if len(ids) > MAX_COMPARED:
            problems.append(
                _("Porovnat lze nejvýše %(max)s povolání najednou, zadáno jich je %(count)s.")
                % {"max": MAX_COMPARED, "count": len(ids)}
            )
        self.ids = ids
        if problems:
            raise forms.ValidationError(problems)
        return ids

    @property
    def problems(self):
        return list(self.errors.get("id", []))

    @property
    def complete(self):
        """Enough profiles for a comparison, and none too many."""
        return self.is_valid() and MIN_COMPARED <= len(self.ids) <= MAX_COMPARED
