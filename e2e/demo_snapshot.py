"""The demo database as it is right after `load_demo`, kept in memory by each test worker and
put back for the next browser test instead of loading the demo again (2-4 s each time; the
browser tests flush the database after each test, so each needs the demo anew).

SQLite copies the whole database with its backup API; PostgreSQL copies every table's rows
with COPY and sets the id sequences after them. The image is taken once per worker process,
after the first load, and holds only what the tests see as "the demo just loaded".
"""

import sqlite3

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction

_image: object = None


def restore_or_load(load) -> None:
    """Put the demo back from this worker's image, or `load()` it and keep an image."""
    global _image  # one image per test worker process
    if _image is None:
        load()
        _image = _take()
    else:
        _restore(_image)
    # content types are cached by id: the image may number them unlike the flushed database
    ContentType.objects.clear_cache()


def _take():
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        image = sqlite3.connect(":memory:")
        connection.connection.backup(image)
        return image
    tables = _postgres_columns()
    rows = {}
    with connection.cursor() as cursor:
        for table, columns in tables.items():
            names = ", ".join(connection.ops.quote_name(column) for column in columns)
            quoted = connection.ops.quote_name(table)
            sql = f"COPY (SELECT {names} FROM {quoted}) TO STDOUT"  # noqa: S608 (catalogue names)
            with cursor.cursor.copy(sql) as copy:
                rows[table] = b"".join(bytes(block) for block in copy)
    return tables, rows


def _restore(image) -> None:
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        image.backup(connection.connection)
        return
    tables, rows = image
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(quote(table) for table in tables)}")
        for table, columns in tables.items():
            if not rows[table]:
                continue
            names = ", ".join(quote(column) for column in columns)
            with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                copy.write(rows[table])
        models = apps.get_models(include_auto_created=True)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def _postgres_columns() -> dict[str, list[str]]:
    """Each table's columns that take a value (generated columns are computed again)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.table_name, c.column_name FROM information_schema.columns c"
            " JOIN information_schema.tables t"
            " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
            " AND c.is_generated = 'NEVER' AND c.table_name <> 'django_migrations'"
            " ORDER BY c.table_name, c.ordinal_position"
        )
        tables: dict[str, list[str]] = {}
        for table, column in cursor.fetchall():
            tables.setdefault(table, []).append(column)
    return tables
