"""Django's loaddata, and the catalogue marked changed when a fixture loaded anything.

Fixtures are saved raw, past the models' save(), so nothing else bumps the data version:
without this, pages cached before the load would outlive it."""

from django.core.management.commands import loaddata

from portal.models import DataVersion


class Command(loaddata.Command):
    def loaddata(self, fixture_labels):
        super().loaddata(fixture_labels)
        if self.loaded_object_count:
            DataVersion.bump()
