"""Writing many rows at once, past the ORM's model instances."""

from django.db import connection


def insert_rows(model, fields, rows, batch=5000):
    """INSERT plain tuples: for the hundreds of thousands of rows of a full export, model
    instances cost more than the database does. PostgreSQL takes them by COPY: row by row
    INSERTs, even pipelined, cost it a round of parsing and planning each (3,000 profiles:
    ~35 s instead of ~2 s).

    Raw SQL passes VersionedModel by: the caller marks the catalogue changed."""
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The driver's own cursor: Django's wrapper has no COPY, so map its errors here.
            with (
                connection.wrap_database_errors,
                cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)
            return
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
        for start in range(0, len(rows), batch):
            cursor.executemany(sql, rows[start : start + batch])
