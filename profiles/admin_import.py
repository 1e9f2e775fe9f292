"""Import NSP exports from the admin: upload, preview (a dry run), confirm.

The same service as `import_nsp`: parse_sources() then import_profiles(). Between the
preview and the confirmation the files wait in the database (PendingImport), so the
confirmation may reach any app server.
"""

import io
import logging
import uuid
import zipfile
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View

from occupations.models import Occupation
from profiles.admin_quality import described, described_counts
from profiles.importer import (
    CREATED,
    UNCHANGED,
    UPDATED,
    ImportFailed,
    import_profiles,
    parse_sources,
)
from profiles.models import PendingImport, PendingImportFile

logger = logging.getLogger(__name__)

MAX_FILES = 5000
MAX_FILE_BYTES = 5 * 1024 * 1024  # a profile is ~10 KB; anything this big is not one
PENDING_LIFETIME = timedelta(hours=24)
PREVIEW_FINDINGS = 100  # the rest are on the data check's page once imported


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=gettext_lazy("Exporty NSP"),
        help_text=gettext_lazy("Textové soubory .txt, nebo archiv .zip s nimi."),
    )


def uploaded_sources(files):
    """[(name, bytes)] of the uploaded .txt files and of the .txt files inside .zip ones,
    and a list of 'NAME:1: reason' errors."""
    sources, errors = [], []
    for upload in files:
        name = upload.name
        if name.lower().endswith(".zip"):
            try:
                archive = zipfile.ZipFile(io.BytesIO(upload.read()))
                members = sorted(
                    (info for info in archive.infolist() if info.filename.lower().endswith(".txt")),
                    key=lambda info: info.filename,
                )
            except zipfile.BadZipFile:
                errors.append(f"{name}:1: " + _("poškozený archiv ZIP"))
                continue
            if not members:
                errors.append(f"{name}:1: " + _("archiv neobsahuje žádný soubor .txt"))
            for info in members:
                if info.file_size > MAX_FILE_BYTES:
                    errors.append(f"{name}/{info.filename}:1: " + _("soubor je příliš velký"))
                else:
                    sources.append((f"{name}/{info.filename}", archive.read(info)))
        elif name.lower().endswith(".txt"):
            if upload.size > MAX_FILE_BYTES:
                errors.append(f"{name}:1: " + _("soubor je příliš velký"))
            else:
                sources.append((name, upload.read()))
        else:
            errors.append(f"{name}:1: " + _("není soubor .txt ani .zip"))
    if len(sources) > MAX_FILES:
        errors.append(_("Najednou lze importovat nejvýše %(max)s souborů.") % {"max": MAX_FILES})
    return sources, errors


class ImportView(View):
    model_admin = None
    template_name = "admin/occupations/occupation/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("occupations.import_nsp"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, request, **context):
        return TemplateResponse(
            request,
            self.template_name,
            {
                **self.model_admin.admin_site.each_context(request),
                "opts": Occupation._meta,
                "title": _("Import exportů NSP"),
                **context,
            },
        )

    def get(self, request):
        return self.render(request, form=UploadForm())

    def post(self, request):
        if "token" in request.POST:
            return self.confirm(request)
        return self.preview(request)

    def preview(self, request):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(request, form=form)
        sources, errors = uploaded_sources(form.cleaned_data["files"])
        try:
            profiles = parse_sources(sources)
        except ImportFailed as failure:
            errors += [problem.translate(_) for problem in failure.problems]
        if errors:
            return self.render(request, form=form, errors=errors)
        try:
            report = import_profiles(profiles, dry_run=True)
            with transaction.atomic():
                PendingImport.objects.filter(
                    created_at__lt=timezone.now() - PENDING_LIFETIME
                ).delete()
                pending = PendingImport.objects.create(user=request.user)
                PendingImportFile.objects.bulk_create(
                    PendingImportFile(pending=pending, position=index, name=name, content=data)
                    for index, (name, data) in enumerate(sources)
                )
        except DatabaseError:
            logger.exception("The database refused an import preview")
            return self.render(request, form=form, database_failed=True)
        return self.render(
            request,
            report=report,
            summary=summary(report),
            warnings=[warning.translate(_) for warning in report.warnings],
            token=pending.token,
            **preview_findings(report),
        )

    def confirm(self, request):
        token, pending = request.POST["token"], None
        if _is_uuid(token):
            pending = PendingImport.objects.filter(
                token=token, user=request.user, created_at__gte=timezone.now() - PENDING_LIFETIME
            ).first()
        if pending is None:
            messages.error(
                request, _("Náhled importu vypršel nebo neexistuje. Nahrajte soubory znovu.")
            )
            return redirect("admin:occupations_occupation_import")
        sources = [(f.name, bytes(f.content)) for f in pending.files.all()]
        try:
            profiles = parse_sources(sources)
        except ImportFailed as failure:  # the files are the same ones, but be safe
            errors = [problem.translate(_) for problem in failure.problems]
            return self.render(request, form=UploadForm(), errors=errors)
        try:
            # The log and the spent preview go with the import: all of it, or none.
            with transaction.atomic():
                report = import_profiles(profiles)
                self.log(request, report)
                pending.delete()
        except DatabaseError:
            logger.exception("The database refused an import")
            return self.render(request, database_failed=True, token=token)
        messages.success(request, summary(report))
        for warning in report.warnings:
            messages.warning(request, warning.translate(_))
        if report.findings:
            found = "; ".join(
                f"{row['label']}: {row['count']}"
                for row in described_counts(report.finding_counts())
            )
            messages.info(
                request,
                _("Kontrola dat u importovaných profilů: %(found)s. Import tím neselhal.")
                % {"found": found},
            )
        return redirect(reverse("admin:occupations_occupation_changelist"))

    def log(self, request, report):
        """One admin-log entry per profile the import created or changed."""
        for status, flag in ((CREATED, ADDITION), (UPDATED, CHANGE)):
            ids = [r.nsp_id for r in report.results if r.status == status]
            if ids:
                LogEntry.objects.log_actions(
                    request.user.pk,
                    Occupation.objects.filter(nsp_id__in=ids),
                    flag,
                    change_message=_("Import NSP"),
                )


def preview_findings(report):
    """The data check of the files in the preview: counts by kind and the first findings,
    linked to their forms where the profile is stored already."""
    created = {result.nsp_id for result in report.results if result.status == CREATED}
    listed = report.findings_with_sources()[:PREVIEW_FINDINGS]
    return {
        "finding_counts": described_counts(report.finding_counts()),
        "findings": [
            {**described(finding, linked=finding.nsp_id not in created), "source": source}
            for source, finding in listed
        ],
        "findings_left_out": len(report.findings) - len(listed),
    }


def summary(report):
    """What an import did or would do, in the editor's language."""
    counts = {
        "read": len(report.results),
        "created": report.count(CREATED),
        "updated": report.count(UPDATED),
        "unchanged": report.count(UNCHANGED),
    }
    if not report.changed:
        return (
            ngettext(
                "Načten %(read)s profil; databáze už odpovídá souborům, nic se nemění.",
                "Načteno %(read)s profilů; databáze už odpovídá souborům, nic se nemění.",
                counts["read"],
            )
            % counts
        )
    if report.dry_run:
        return (
            _(
                "Načteno profilů: %(read)s. Vznikne nových: %(created)s, změní se: %(updated)s, "
                "beze změny: %(unchanged)s."
            )
            % counts
        )
    return (
        _(
            "Načteno profilů: %(read)s. Nových: %(created)s, změněných: %(updated)s, "
            "beze změny: %(unchanged)s."
        )
        % counts
    )


def _is_uuid(value):
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
