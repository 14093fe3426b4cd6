"""Bulk writes for the load tests (`seed_bulk`): tree paths computed as
treebeard does, a child model's rows in one COPY, search index entries computed
by PostgreSQL. Never used by the site itself."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.weights import get_weight

from experiences.models import ExperiencePage


def child_path(parent_path, step):
    """The materialised path of a page's ``step``-th child, as treebeard writes
    it (``Page.alphabet`` digits, ``Page.steplen`` of them)."""
    base, digits = len(Page.alphabet), ""
    while step:
        step, digit = divmod(step, base)
        digits = Page.alphabet[digit] + digits
    return parent_path + digits.rjust(Page.steplen, Page.alphabet[0])


def last_step(path):
    """The step number of the last segment of ``path``."""
    step = 0
    for char in path[-Page.steplen :]:
        step = step * len(Page.alphabet) + Page.alphabet.index(char)
    return step


def insert_rows(model, objs):
    """Insert the rows of a multi-table child model (its own table only) in one
    COPY on PostgreSQL (one multi-row INSERT elsewhere): ``bulk_create`` refuses
    child models."""
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    rows = [
        [
            field.get_db_prep_save(getattr(obj, field.attname), connection)
            for field in fields
        ]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
                rows,
            )


BODY_FIELDS = (
    "feature",
    "communes",
    "quartiers",
    "objectives",
    "approach",
    "actors",
    "results",
    "difficulties",
    "advice",
    "organisation",
)


def index_in_sql(pages, objs, related_words):
    """The search index entries of a batch, computed by PostgreSQL in one
    INSERT … SELECT: what Wagtail's database backend stores (title, body and
    autocomplete vectors, weighted by boost, in its search configuration),
    without building thousands of expressions in Python (Wagtail's add_bulk
    takes a minute per 500 pages here)."""
    backend = get_search_backend()
    content_type = ContentType.objects.get_for_model(ExperiencePage).pk
    rows = {"ids": [], "titles": [], "boosted": [], "plain": []}
    for page, obj in zip(pages, objs, strict=True):
        tags, themes, department = related_words[obj.pk]
        rows["ids"].append(str(obj.pk))
        rows["titles"].append(page.title)
        rows["boosted"].append(f"{obj.summary} {tags}")
        plain = [strip_tags(str(getattr(obj, name) or "")) for name in BODY_FIELDS]
        rows["plain"].append(" ".join([*plain, themes, department]))
    strong, plain = get_weight(2), get_weight(1)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO wagtailsearch_indexentry (content_type_id, object_id,
                title, autocomplete, body, title_norm, title_text, body_text)
            SELECT %s, t.id,
                setweight(to_tsvector(%s::regconfig, t.title), %s),
                setweight(to_tsvector(%s::regconfig, t.title), 'D'),
                setweight(to_tsvector(%s::regconfig, t.boosted), %s)
                    || setweight(to_tsvector(%s::regconfig, t.plain), %s),
                1.0, t.title, t.boosted || ' ' || t.plain
            FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[])
                AS t(id, title, boosted, plain)
            ON CONFLICT (content_type_id, object_id) DO NOTHING
            """,
            [
                content_type,
                backend.config,
                strong,
                backend.autocomplete_config,
                backend.config,
                strong,
                backend.config,
                plain,
                rows["ids"],
                rows["titles"],
                rows["boosted"],
                rows["plain"],
            ],
        )
