"""The open-data API (/api/v2/): published pages, and the images and documents
that the public may see.

Wagtail's viewsets hide a restricted collection only from a request that does
not pass its restriction; this API is the public's, so it hides every
restricted collection whoever asks (the files of a page still in review live in
one: experiences.page_files). ``search`` is capped like the site's ``q``: a
longer text is refused with a 400, never sent to the search backend (as is an
unknown ``search_operator``).
"""

from django.db.models import Q

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction

from experiences.filters import MAX_QUERY_LENGTH

SEARCH_OPERATORS = ("and", "or")


class CappedSearchFilter(SearchFilter):
    """Wagtail's search filter, refusing with a 400 what would be a 500."""

    def filter_queryset(self, request, queryset, view):
        if len(request.GET.get("search", "")) > MAX_QUERY_LENGTH:
            raise BadRequestError(
                f"search : {MAX_QUERY_LENGTH} caractères au plus, s'il vous plaît."
            )
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator : « and » ou « or ».")
        return super().filter_queryset(request, queryset, view)


def _capped(filter_backends):
    return [
        CappedSearchFilter if backend is SearchFilter else backend
        for backend in filter_backends
    ]


def restricted_collections():
    """Every collection under a view restriction, and their descendants."""
    paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    if not condition:
        return Collection.objects.none()
    return Collection.objects.filter(condition)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = _capped(PagesAPIViewSet.filter_backends)


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    filter_backends = _capped(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collections())


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    filter_backends = _capped(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collections())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
