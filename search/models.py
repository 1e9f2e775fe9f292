"""A built search index, stored so that other processes and servers load it instead of
building it again (engine.py). Derived data: not part of the catalogue, never edited."""

from django.db import models


class IndexSnapshot(models.Model):
    # The data version it was built from (portal.caching.current_version()).
    version = models.CharField(max_length=100, unique=True)
    built_at = models.DateTimeField(auto_now_add=True)
    data = models.BinaryField()

    def __str__(self):
        return f"{self.version} ({len(self.data)} B)"
