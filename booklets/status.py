"""What the admin says about a booklet: its sheets and its PDF build."""

from dataclasses import dataclass

from booklets.composition import compose, fingerprint


@dataclass
class BookletStatus:
    sheet_count: int
    chapter_count: int
    dropped: list
    live: bool
    document: object
    built_at: object
    is_current: bool | None


def booklet_status(booklet):
    """`booklet` may be the draft being edited; the PDF status is that of the
    published version, which is what the PDF shows."""
    draft = compose(booklet)
    published = (
        type(booklet)
        .objects.live()
        .select_related("pdf_document")
        .filter(pk=booklet.pk)
        .first()
        if booklet.pk
        else None
    )
    is_current = None
    if published is not None and published.pdf_document_id:
        is_current = published.pdf_fingerprint == fingerprint(
            published, compose(published)
        )
    return BookletStatus(
        sheet_count=len(draft),
        chapter_count=len(draft.chapters),
        dropped=draft.dropped,
        live=published is not None,
        document=published.pdf_document if published else None,
        built_at=published.pdf_built_at if published else None,
        is_current=is_current,
    )
