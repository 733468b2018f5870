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
