"""Pagination of the public listings: the requested page, and the links that
the DSFR's fr-pagination shows."""

from django.core.paginator import EmptyPage, PageNotAnInteger

MAX_PAGE_NUMBER = 100_000


def page_number(value):
    """``value`` as the number of a page, 1 when it is not one: where a
    listing expects to start before it counts its results (at most page
    ``MAX_PAGE_NUMBER``: an offset the database can take)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE_NUMBER)


def requested_page(paginator, number):
    """Page ``number`` of ``paginator``: the first page when ``number`` is not
    a number, None when it is past the end (the first page of an empty list)."""
    try:
        return paginator.page(number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return None if paginator.count else paginator.page(1)


def pagination_links(page, url_for, window=2):
    """What fr-pagination shows: first, previous, a window of pages, next, last."""
    if page is None or page.paginator.num_pages < 2:
        return None
    current, last = page.number, page.paginator.num_pages
    numbers = sorted(
        {1, last, *range(max(1, current - window), min(last, current + window) + 1)}
    )
    links, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            links.append({"ellipsis": True})
        links.append(
            {"number": number, "url": url_for(number), "current": number == current}
        )
        previous = number
    return {
        "links": links,
        "first": url_for(1) if current > 1 else None,
        "previous": url_for(current - 1) if page.has_previous() else None,
        "next": url_for(current + 1) if page.has_next() else None,
        "last": url_for(last) if current < last else None,
    }
