"""Full-text search of the public pages.

On PostgreSQL, the searches read ``core.models.SearchDocument``, the lean copy
of Wagtail's index that a trigger keeps in step: each row's searched vector is
stored inline (Wagtail's rows are wide and TOASTed, so matching and ranking
them costs a detoast and a ``title || body`` per row), with a GIN index on it.
The query is Wagtail's: every word (``and``), French stemming, accents
ignored (``SEARCH_CONFIG``), no prefix; built by ``plainto_tsquery``, which
reads words only, never tsquery syntax. Ranking is Wagtail's too: the title's
rank times its length norm, plus the whole document's rank.

On SQLite (the first run, without ``DATABASE_URL``), Wagtail's search backend
answers, as it always did.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Min, Q, RowRange, Window

from wagtail.search.backends.database.postgres.weights import get_sql_weights

from core.models import SearchDocument
from core.sql import column, marks, table


def uses_documents():
    return connection.vendor == "postgresql"


def _tsquery(query):
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    return SearchQuery(query, search_type="plain", config=config)


def _content_type_ids(model):
    """``model`` and its subclasses, as Wagtail's index files them (cached
    by Django after the first call)."""
    models = [each for each in apps.get_models() if issubclass(each, model)]
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def _documents(model, query):
    return SearchDocument.objects.filter(
        content_type_id__in=_content_type_ids(model), document=_tsquery(query)
    )


def matching_keys(model, query):
    """The keys of ``model``'s objects whose index entry matches every word of
    ``query``, as a subquery: ``queryset.filter(pk__in=matching_keys(…))``
    searches once, wherever the queryset goes."""
    if not uses_documents():
        return (
            model.objects.search(query, operator="and", order_by_relevance=False)
            .get_queryset()
            .values("pk")
        )
    return _documents(model, query).values("object_id")


def search_keys_sql(model, query):
    """``matching_keys`` as SQL and parameters, for a hand-written statement:
    on PostgreSQL written here (the same condition, without building it
    through the ORM on every request); elsewhere compiled from the ORM."""
    if not uses_documents():
        return matching_keys(model, query).query.sql_with_params()
    types = _content_type_ids(model)
    key, kind, vector = (
        column(SearchDocument, name)
        for name in ("object_id", "content_type", "document")
    )
    words, params = words_condition(f"d.{vector}", query)
    sql = (
        f"SELECT d.{key} FROM {table(SearchDocument)} d "  # noqa: S608 - names from the model, values as parameters
        f"WHERE d.{kind} IN ({marks(types)}) AND {words}"
    )
    return sql, (*types, *params)


def words_condition(vector, query):
    """SQL and parameters: the search vector ``vector`` (a column reference)
    holds every word of ``query``, as ``matching_keys`` matches them
    (PostgreSQL)."""
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    if config:
        return f"{vector} @@ plainto_tsquery(%s::regconfig, %s)", (config, query)
    return f"{vector} @@ plainto_tsquery(%s)", (query,)


# How many matches are ranked (the most recent); beyond, the count is capped.
RANKED = 1000


def ranked_pages(pages, query, first=0, size=10):
    """The specific pages of ``pages`` (a page queryset) that match ``query``,
    best first, for a Paginator; ``first`` and ``size``: the slice it will
    most likely ask for (the requested page), read with the count."""
    if not uses_documents():
        return pages.specific().search(query)
    return RankedPages(pages, query, first, size)


class RankedPages:
    """What a Paginator needs. The count comes with the keys of the expected
    slice, ranked, in one query (``COUNT(*) OVER ()``), and whether there are
    more matches than are ranked; then the slice's specific pages (one query
    per page type in it)."""

    def __init__(self, pages, query, first=0, size=10):
        self.pages = pages
        # The most recent RANKED matches, newest key first through the key's
        # index: a word found in every page costs as much as one found in a
        # thousand; the page says « plus de RANKED » when there are others.
        # One more is read, to know whether there are others: it is counted,
        # never ranked.
        self.newest = (
            _documents(pages.model, query)
            .filter(object_id__in=pages.values("pk"))
            .order_by("-object_id")
            .values("pk")
        )
        self.matches = SearchDocument.objects.filter(pk__in=self.newest[: RANKED + 1])
        self.tsquery = _tsquery(query)
        self.expected = slice(first, first + size)
        self._keys = {}
        self._found = None

    def _read(self, window):
        weights = get_sql_weights()
        title = SearchRank(F("title"), self.tsquery, weights=weights)
        document = SearchRank(F("document"), self.tsquery, weights=weights)
        order = [F("rank").desc(), F("object_id").desc()]
        whole = RowRange(None, None)
        # The count over the whole frame, in the order of the results: the
        # rank is computed under the window (a narrow row per match), not
        # above it (where every match's vectors would be kept for it). Past
        # RANKED, the oldest match read (the extra one) is left out.
        rows = list(
            self.matches.annotate(rank=title * F("title_norm") + document)
            .annotate(
                found=Window(Count("pk"), order_by=order, frame=whole),
                oldest=Window(Min("object_id"), order_by=order, frame=whole),
            )
            .filter(Q(found__lte=RANKED) | ~Q(object_id=F("oldest")))
            .order_by(*order)
            .values_list("object_id", "found")[window]
        )
        self._keys[window] = [key for key, _found in rows]
        if rows:
            self._found = rows[0][1]
        return self._keys[window]

    def _matches_found(self):
        """How many matches were read: at most RANKED + 1."""
        if self._found is None and self.expected not in self._keys:
            self._read(self.expected)
        if self._found is None:  # nothing in the expected slice
            self._found = self.matches.count() if self.expected.start else 0
        return self._found

    def count(self):
        """How many matches are ranked: at most RANKED (``more`` says whether
        there are others)."""
        return min(self._matches_found(), RANKED)

    @property
    def more(self):
        """More matches than are ranked (read with the count: no query)."""
        return self._matches_found() > RANKED

    def _cached(self, window):
        """The keys of ``window`` when the expected slice holds them (a
        Paginator asks for a shorter last page: ``[20:23]`` of ``[20:30]``)."""
        expected, keys = self.expected, self._keys.get(self.expected)
        start, stop = window.start or 0, window.stop
        if keys is None or window.step or stop is None:
            return self._keys.get(window)
        if expected.start <= start and stop <= expected.stop:
            return keys[start - expected.start : stop - expected.start]
        return self._keys.get(window)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if not isinstance(window, slice):
            return self[window : window + 1][0]
        keys = self._cached(window)
        if keys is None:
            keys = self._read(window)
        found = {
            page.pk: page
            for page in self.pages.model.objects.filter(pk__in=keys).specific()
        }
        return [found[key] for key in keys if key in found]
