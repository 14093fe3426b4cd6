"""The moderation queue's search (modeladmin's ``search_handler_class``).

On PostgreSQL a submission matches when its ``search_document`` (migration
0005: title, summary, narrative, reference and contributor, French stemming,
accents ignored) holds every word of the search, or when the reference, email
or names contain the search as typed (« REX-2026-0004 », « camille.dur »):
two GIN indexes, one query. Elsewhere (SQLite) every word is looked for with
``icontains`` in the ``search_fields``, as modeladmin does by default.
"""

from django.db import connections
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from wagtail_modeladmin.helpers import DjangoORMSearchHandler

# Identical to the expressions indexed by migration 0005 (the planner only uses
# an index on an expression written the same way).
DOCUMENT_MATCH = (
    "experiences_submission.search_document"
    " @@ websearch_to_tsquery('french_unaccent'::regconfig, %s)"
)
IDENTITY = (
    "(coalesce(experiences_submission.reference, '') || ' '"
    " || experiences_submission.email || ' '"
    " || experiences_submission.first_name || ' '"
    " || experiences_submission.last_name)"
)


def like_pattern(term):
    """``%term%`` for ILIKE, with the term's own wildcards taken literally."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching(term):
    """The PostgreSQL condition, to pass to ``filter()``."""
    # Constant SQL: the search term is only ever a bound parameter.
    return RawSQL(  # noqa: S611
        f"({DOCUMENT_MATCH} OR {IDENTITY} ILIKE %s)",
        [term, like_pattern(term)],
        output_field=BooleanField(),
    )


class QueueSearchHandler(DjangoORMSearchHandler):
    def search_queryset(self, queryset, search_term, **kwargs):
        term = " ".join(search_term.split())
        if not term:
            return queryset
        if connections[queryset.db].vendor != "postgresql":
            return super().search_queryset(queryset, term, **kwargs)
        return queryset.filter(matching(term))
