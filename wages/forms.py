"""Input fields of the wage pages."""

from django import forms

from nsp import vocabulary as vocab


class SphereField(forms.CharField):
    """The wage sphere asked for; anything else means the business sphere, the one every
    profile has figures for most often (a wrong value is no reason for an error page)."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return value if value in vocab.SPHERES else vocab.BUSINESS


class SearchTextField(forms.CharField):
    """A search box: at most 200 characters are searched, a longer text is cut, not
    refused."""

    MAX_LENGTH = 200

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        return super().clean(value)[: self.MAX_LENGTH]
