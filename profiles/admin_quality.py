"""'Kontrola dat' in the admin: every finding of the data check (profiles/quality.py) with
a link straight to the part of the change form that fixes it, counts by kind, a CSV."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from occupations.models import Occupation
from portal.exports import csv_response
from profiles import quality

PAGE_SIZE = 100


def described(finding, linked=True):
    """A finding in the editor's language, with the address of the part of the change
    form that fixes it (`linked`: the profile is stored; an import's preview is not)."""
    fix = None
    if linked:
        change = reverse("admin:occupations_occupation_change", args=[finding.occupation_id])
        fix = f"{change}#{finding.part.anchor}"
    return {
        "kind": _(finding.kind.label),
        "kind_key": finding.kind.key,
        "nsp_id": finding.nsp_id,
        "title": finding.title,
        "part": _(finding.part.label),
        "text": finding.text,
        "detail": finding.detail.translate(_),
        "fix": fix,
    }


def described_counts(counts):
    return [
        {
            "key": kind.key,
            "label": _(kind.label),
            "description": _(kind.description),
            "count": number,
        }
        for kind, number in counts
    ]


class DataCheckView(View):
    model_admin = None
    template_name = "admin/occupations/occupation/data_check.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("occupations.check_data"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        found = quality.findings()
        kind = quality.KIND_BY_KEY.get(request.GET.get("druh", ""))
        shown = [f for f in found if kind is None or f.kind is kind]
        if request.GET.get("format") == "csv":
            return self.csv(request, shown)
        page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("p"))
        return TemplateResponse(
            request,
            self.template_name,
            {
                **self.model_admin.admin_site.each_context(request),
                "opts": Occupation._meta,
                "title": _("Kontrola dat"),
                "counts": described_counts(quality.counts(found)),
                "total": len(found),
                "kind": kind and kind.key,
                "kind_label": kind and _(kind.label),
                "page": page,
                "findings": [described(finding) for finding in page],
                "old_wages": quality.newest_old_wage_year(),
            },
        )

    def csv(self, request, found):
        header = [
            _("Druh"),
            "NSP ID",
            _("Profil"),
            _("Část profilu"),
            _("Text"),
            _("Podrobnosti"),
            _("Oprava"),
        ]
        rows = (
            [
                row["kind"],
                row["nsp_id"],
                row["title"],
                row["part"],
                row["text"],
                row["detail"],
                request.build_absolute_uri(row["fix"]),
            ]
            for row in map(described, found)
        )
        return csv_response("kontrola-dat.csv", header, rows)
