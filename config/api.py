"""The open-data API (/api/v2/): published pages, and the images and documents
that the public may see.

Wagtail's viewsets hide a restricted collection only from a request that does
not pass its restriction; this API is the public's, so it hides every
restricted collection whoever asks (the files of a page still in review live in
one: experiences.page_files).
"""

from django.db.models import Q

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction


def restricted_collections():
    """Every collection under a view restriction, and their descendants."""
    paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    if not condition:
        return Collection.objects.none()
    return Collection.objects.filter(condition)


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collections())


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collections())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
