from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from wagtail.models import Page

from core.pagination import page_number, pagination_links, requested_page
from core.search import ranked_pages
from experiences.filters import clean_query

SEARCH_PAGE_SIZE = 10


def search(request):
    """Site search over every live, public page type, best matches first."""
    query = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    if query:
        first = (page_number(request.GET.get("page")) - 1) * SEARCH_PAGE_SIZE
        results = ranked_pages(
            Page.objects.live().public(), query, first, SEARCH_PAGE_SIZE
        )
    paginator = Paginator(results, SEARCH_PAGE_SIZE)
    page = requested_page(paginator, request.GET.get("page"))
    count = paginator.count if query else 0
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "results_page": page if count else None,
            "count": count,
            # Past RANKED matches (core.search), the most recent are ranked.
            "more": bool(count) and getattr(results, "more", False),
            "pagination": pagination_links(
                page, lambda number: "?" + urlencode({"q": query, "page": number})
            ),
        },
    )


@never_cache
def health(request):
    """For the load balancer and the benchmark: the app server answers. No
    database, no cache entry, no template."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    return render(request, "500.html", status=500)
