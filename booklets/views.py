"""Serving the booklet PDF, and the admin's "rebuild" action."""

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import gettext as _

from booklets.claims import request_build
from booklets.models import BookletPage
from booklets.pdf import pdf_filename
from booklets.tasks import build_booklet_pdf

# A build of 60 sheets takes about 12 s (bench/RESULTS-booklet.md).
RETRY_AFTER_SECONDS = 30


def _open_latest(booklet):
    """The stored build, reread once if a newer build replaced it meanwhile."""
    for attempt in range(2):
        if attempt:
            booklet.refresh_from_db(
                fields=["pdf_document", "pdf_built_at", "pdf_fingerprint"]
            )
        document = booklet.pdf_document
        if document is None:
            return None
        try:
            return document.file.open("rb")
        except FileNotFoundError:
            continue
    return None


def come_back_later():
    response = HttpResponse(
        _("Le livret PDF est en cours de préparation. Réessayez dans un instant."),
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def serve_pdf(request, booklet):
    """The latest complete build. A request never builds the PDF itself:
    when none exists yet (a booklet just published, a worker behind), the
    first request queues a build (once, whoever asks again: booklets.claims)
    and every request is asked to come back in a moment; builds happen in the
    task worker."""
    fileobj = _open_latest(booklet)
    if fileobj is None:
        if request_build(booklet.pk):
            build_booklet_pdf.enqueue(booklet.pk)
            # Where tasks run at once (development, tests), it is built now.
            booklet.refresh_from_db(fields=["pdf_document", "pdf_built_at"])
            fileobj = _open_latest(booklet)
        if fileobj is None:
            return come_back_later()
    response = FileResponse(
        fileobj,
        content_type="application/pdf",
        as_attachment=True,
        filename=pdf_filename(booklet),
    )
    response["Cache-Control"] = "public, max-age=300"
    if booklet.pdf_built_at:
        response["Last-Modified"] = http_date(booklet.pdf_built_at.timestamp())
    return response


def rebuild(request, page_id):
    """Admin: ask for a fresh build of a published booklet."""
    booklet = get_object_or_404(BookletPage, pk=page_id)
    if not booklet.permissions_for_user(request.user).can_publish():
        messages.error(request, _("Vous ne pouvez pas reconstruire ce livret."))
        return redirect("wagtailadmin_pages:edit", booklet.pk)
    edit_url = reverse("wagtailadmin_pages:edit", args=[booklet.pk])
    if request.method == "POST":
        if not booklet.live:
            messages.error(
                request, _("Publiez le livret avant d'en construire le PDF.")
            )
        else:
            build_booklet_pdf.enqueue(booklet.pk, force=True)
            messages.success(
                request,
                _("La reconstruction du PDF de « %(title)s » est lancée.")
                % {"title": booklet.title},
            )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "booklets/admin/rebuild_confirm.html",
        {"page": booklet, "edit_url": edit_url},
    )
