"""What every model of the catalogue shares: natural keys, the data version, and the rule
that any write to the catalogue marks it changed.

The public pages are cached under the data version (portal/caching.py). So that no road
around it exists, the bump belongs to the write itself: `VersionedModel.save()` and
`delete()`, and the bulk writes of its queryset, all bump the version. Only raw SQL (the
importer's bulk inserts) goes around them, and the importer bumps the version itself.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Inside DataVersion.bumped_once(): whether a write has happened there yet.
_batch = ContextVar("data_version_batch", default=None)


class DataVersion(models.Model):
    """A single row counting changes to the catalogue.

    Every write to the catalogue bumps it; cached pages and ETags are keyed on it, so they
    never outlive the data. Imports lock it, so two imports cannot interleave.

    A data migration creates the row, but `manage.py flush` deletes it: current() creates
    it again when it is missing, with a new changed_at, so no copy stored under an older
    row can be mistaken for it.
    """

    ROW = 1

    number = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("verze dat")
        verbose_name_plural = _("verze dat")

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M})"

    @classmethod
    def current(cls):
        """The row, created if it is missing."""
        version, _created = cls.objects.get_or_create(pk=cls.ROW)
        return version

    @classmethod
    def lock(cls):
        """The row, locked until the transaction ends: a second import waits here."""
        locked = cls.objects.select_for_update()
        try:
            return locked.get(pk=cls.ROW)
        except cls.DoesNotExist:
            cls.current()
            return locked.get(pk=cls.ROW)

    @classmethod
    def bump(cls):
        """Mark the catalogue changed: cached pages and ETags of older versions expire."""
        batch = _batch.get()
        if batch is not None:
            batch["changed"] = True
            return
        changed = cls.objects.filter(pk=cls.ROW).update(
            number=models.F("number") + 1, changed_at=timezone.now()
        )
        if not changed:
            cls.current()

    @classmethod
    @contextmanager
    def bumped_once(cls):
        """The writes inside mark the catalogue changed once, when they all succeeded (an
        import writes thousands of rows; run it inside its transaction)."""
        batch = {"changed": False}
        token = _batch.set(batch)
        try:
            yield
        finally:
            _batch.reset(token)
        if batch["changed"]:
            cls.bump()


class VersionedQuerySet(models.QuerySet):
    """Bulk writes mark the catalogue changed, as a model's save() and delete() do."""

    def update(self, **kwargs):
        rows = super().update(**kwargs)
        if rows:
            DataVersion.bump()
        return rows

    update.alters_data = True

    def delete(self):
        deleted = super().delete()
        if deleted[0]:
            DataVersion.bump()
        return deleted

    delete.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            DataVersion.bump()
        return created

    # bulk_update() writes through update(), which bumps.


class NaturalKeyManager(models.Manager.from_queryset(VersionedQuerySet)):
    """`get_by_natural_key()`, so fixtures load into any database without relying on
    primary keys."""

    def get_by_natural_key(self, *key):
        lookups = natural_key_lookups(self.model)
        return self.get(**dict(zip(lookups, key, strict=True)))


@cache
def natural_key_lookups(model):
    """The lookups of a model's natural key: its `natural_key_fields`, or else the fields
    of its first unique constraint, a foreign key standing for the natural key of the row
    it points at (('table', 'sphere') -> ('table__isco_group__code', 'table__year',
    'sphere')). A natural key is what makes a row unique; this way it is said once."""
    if model.natural_key_fields:
        return tuple(model.natural_key_fields)
    constraint = next(c for c in model._meta.constraints if isinstance(c, models.UniqueConstraint))
    lookups = []
    for name in constraint.fields:
        field = model._meta.get_field(name)
        if field.is_relation:
            lookups += [f"{name}__{inner}" for inner in natural_key_lookups(field.related_model)]
        else:
            lookups.append(name)
    return tuple(lookups)


def _follow(row, lookup):
    """The value at the end of a lookup such as 'table__isco_group__code' (None past a
    missing row)."""
    value = row
    for name in lookup.split("__"):
        if value is None:
            return None
        value = getattr(value, name)
    return value


class NaturalKeyModel(models.Model):
    """A row that fixtures name by its natural key (natural_key_lookups()), never by its
    primary key. `natural_key_fields` names it where a unique column, not a constraint,
    makes a row unique."""

    natural_key_fields = ()
    objects = NaturalKeyManager()

    class Meta:
        abstract = True

    def natural_key(self):
        return tuple(_follow(self, lookup) for lookup in natural_key_lookups(type(self)))


def unique(*fields, name, message, condition=None):
    """A unique constraint with the message an editor reads when a row breaks it."""
    return models.UniqueConstraint(
        fields=fields, name=name, condition=condition, violation_error_message=message
    )


class VersionedModel(NaturalKeyModel):
    """A row of the catalogue: saving or deleting it marks the catalogue changed.

    Fixtures are saved raw, past save(): portal's loaddata command bumps the version once
    they are in."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        DataVersion.bump()

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        DataVersion.bump()
        return deleted


class NamedEntry(VersionedModel):
    """An entry of a catalogue keyed by its name (a field, a qualification level, a work
    condition factor, a health restriction). Subclasses may set the name's length."""

    name = models.CharField(_("název"), max_length=300, unique=True)

    natural_key_fields = ("name",)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name
