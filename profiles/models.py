"""What the import keeps between an editor's preview and the confirmation."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingImport(models.Model):
    """Files an editor uploaded in the admin, kept between the preview and the confirmation
    (in the database, so any app server can finish the import)."""

    token = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("připravený import")
        verbose_name_plural = _("připravené importy")

    def __str__(self):
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"


class PendingImportFile(models.Model):
    pending = models.ForeignKey(PendingImport, models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=500)
    content = models.BinaryField()

    class Meta:
        ordering = ["pending", "position"]

    def __str__(self):
        return self.name
