"""The booklet as a tagged PDF (PDF/UA-1), rendered by WeasyPrint from the same
partial templates as the HTML view, and stored as a Wagtail document."""

import hashlib
import logging
import mimetypes
from urllib.parse import unquote, urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from booklets.claims import claim_build, release_build
from booklets.composition import compose, fingerprint
from booklets.fitting import lay_out
from booklets.models import BookletPage
from core.models import SiteIdentity

logger = logging.getLogger(__name__)

COLLECTION_NAME = "Livrets"
# Builds in a row for one call, when publications keep arriving meanwhile.
MAX_ROUNDS = 3
FALLBACK_ROOT = "http://localhost/"
PDF_VARIANT = "pdf/ua-1"


class LocalFetcher(URLFetcher):
    """Reads /static/ and /media/ from the project's storages and refuses any
    other address: a build never goes out on the network."""

    def __init__(self, root_url, **kwargs):
        super().__init__(allowed_protocols={"data", "http", "https"}, **kwargs)
        self.static_prefix = urljoin(root_url, settings.STATIC_URL)
        self.media_prefix = urljoin(root_url, settings.MEDIA_URL)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        address = url.split("#")[0].split("?")[0]
        if address.startswith(self.static_prefix):
            return self._response(
                url, _open_static(unquote(address.removeprefix(self.static_prefix)))
            )
        if address.startswith(self.media_prefix):
            name = unquote(address.removeprefix(self.media_prefix))
            return self._response(url, default_storage.open(name, "rb"))
        raise ValueError(f"Adresse hors du site refusée pour le PDF : {url}")

    @staticmethod
    def _response(url, fileobj):
        content_type = mimetypes.guess_type(url.split("?")[0])[0]
        headers = {"Content-Type": content_type} if content_type else {}
        return URLFetcherResponse(url, body=fileobj, headers=headers)


def _open_static(name):
    # Sources first (always current); collected, possibly hashed, names next.
    path = finders.find(name)
    if path:
        return open(path, "rb")  # noqa: SIM115 -- WeasyPrint closes it
    return staticfiles_storage.open(name, "rb")


def root_url_for(booklet):
    site = booklet.get_site()
    return (site.root_url if site else FALLBACK_ROOT.rstrip("/")) + "/"


def render_print_html(booklet, composition, trial=None):
    """The booklet's print HTML; with `trial` (sheets), those sheets only."""
    chapters = {
        sheet.pk: chapter
        for chapter in composition.chapters
        for sheet in chapter.sheets
    }
    return render_to_string(
        "booklets/booklet_print.html",
        {
            "page": booklet,
            "composition": composition,
            "identity": SiteIdentity.load(),
            "generated_at": timezone.localtime(),
            "for_print": True,
            "trial": [(chapters[sheet.pk], sheet) for sheet in trial or ()],
        },
    )


def render_document(booklet, composition=None):
    """The booklet laid out by WeasyPrint, each sheet in the variant that
    fills its pages (booklets.fitting), and how each sheet lies."""
    composition = composition or compose(booklet)
    root_url = root_url_for(booklet)
    cache = {}

    def layout(trial=None):
        html = HTML(
            string=render_print_html(booklet, composition, trial),
            base_url=root_url,
            url_fetcher=LocalFetcher(root_url),
        )
        return html.render(pdf_variant=PDF_VARIANT, cache=cache)

    return lay_out(layout, layout, composition.sheets)


def render_pdf(booklet, composition=None):
    """The PDF bytes for the booklet as it is published now."""
    document, _spans = render_document(booklet, composition)
    # Photos arrive as renditions already sized for print (PHOTO_SPEC), so
    # WeasyPrint embeds them as they are rather than resampling them.
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def pdf_filename(booklet):
    return f"{booklet.slug}-edition-{booklet.edition_number}.pdf"


def _collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def store_pdf(booklet, data, fingerprint_value):
    """Write the file completely, then point the booklet at it in one UPDATE:
    a reader sees either the previous build or this one, never a partial file."""
    Document = get_document_model()
    document = Document(
        title=f"{booklet.title} — livret PDF, édition {booklet.edition_number}",
        collection=_collection(),
    )
    document.file.save(pdf_filename(booklet), ContentFile(data), save=False)
    document.file_size = len(data)
    document.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    built_at = timezone.now()
    with transaction.atomic():
        document.save()
        previous = (
            BookletPage.objects.select_for_update()
            .filter(pk=booklet.pk)
            .values_list("pdf_document_id", flat=True)
            .first()
        )
        BookletPage.objects.filter(pk=booklet.pk).update(
            pdf_document=document,
            pdf_built_at=built_at,
            pdf_fingerprint=fingerprint_value,
        )
        if previous and previous != document.pk:
            transaction.on_commit(lambda: Document.objects.filter(pk=previous).delete())
    booklet.pdf_document = document
    booklet.pdf_built_at = built_at
    booklet.pdf_fingerprint = fingerprint_value
    return document


def _build_once(booklet, force):
    composition = compose(booklet)
    current = fingerprint(booklet, composition)
    if not force and booklet.pdf_document_id and booklet.pdf_fingerprint == current:
        return None
    started = timezone.now()
    data = render_pdf(booklet, composition)
    logger.info(
        "Booklet %s: %s sheets, %s bytes in %.1f s",
        booklet.pk,
        len(composition),
        len(data),
        (timezone.now() - started).total_seconds(),
    )
    return store_pdf(booklet, data, current)


def is_current(booklet):
    return bool(booklet.pdf_document_id) and booklet.pdf_fingerprint == fingerprint(
        booklet, compose(booklet)
    )


def build(booklet, force=False):
    """Build and store the PDF unless the stored one is already current, one
    build at a time (booklets.claims). Returns the document, or None when
    nothing needed doing or another process is building.

    A publication during our build queued a build that found the claim taken
    and gave up: so once the claim is released, the PDF is checked against
    what is published now, and built again if it is behind."""
    document = None
    for _ in range(MAX_ROUNDS):
        claimed_at = claim_build(booklet.pk)
        if claimed_at is None:
            logger.info("Booklet %s: a build is under way elsewhere.", booklet.pk)
            return document
        try:
            document = _build_once(booklet, force) or document
        finally:
            release_build(booklet.pk, claimed_at)
        force = False
        latest = BookletPage.objects.filter(pk=booklet.pk).first()
        if latest is None or not latest.live or is_current(latest):
            return document
        booklet = latest
    return document
