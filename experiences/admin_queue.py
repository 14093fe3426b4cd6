"""The moderation queue's list and inspect views (modeladmin), the counts per
state and the paginator that knows the unfiltered total. The queue's page runs
a fixed number of queries whatever the queue holds: the counts (one aggregate),
the filtered total when filtered, one page of rows, the region filter's
choices."""

from django.conf import settings
from django.core.paginator import InvalidPage
from django.db.models import Count, QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator

from wagtail_modeladmin.views import IndexView, InspectView

from experiences import (
    admin_inspect,
    admin_views,
    bulk_moderation,
    exports,
    queue_exports,
    queue_memory,
)
from experiences.admin_filters import QUEUE_STATES
from experiences.export_columns import Labels
from experiences.permissions import EXPORT

forbidden = admin_views.forbidden
can_view_queue = admin_views.can_view


def status_counts():
    """{status: count, ..., "total": count} over the whole queue, in one query:
    a GROUP BY read from the (status, submitted_at) index alone (index-only
    scan). At 50 000 rows it took half the time of one aggregate with a
    COUNT(...) FILTER (WHERE status = ...) per state (bench/moderation_queue.py)."""
    counts = dict.fromkeys((s.value for s in QUEUE_STATES), 0)
    counts.update(
        admin_views.sent_submissions()
        .order_by()
        .values_list("status")
        .annotate(n=Count("*"))
    )
    counts["total"] = sum(counts.values())
    return counts


# A search counts its matches up to this many: past it the count would read
# every matching row (all 50 000 for « atelier »), for a figure nobody pages
# through; the queue says « plus de 1 000 » and shows their first 20 pages.
SEARCH_COUNT_LIMIT = 1000
# From this many rows before a page, the page is read by its ids first.
DEEP_OFFSET = 1000


class QueuePaginator(WagtailPaginator):
    """A paginator told the count when it is already known (the unfiltered
    queue: the total of the counts per state), which saves a query; with
    ``count_limit``, it counts no further than that."""

    def __init__(self, *args, known_count=None, count_limit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_count = known_count
        self.count_limit = count_limit

    @cached_property
    def counted(self):
        """(count, whether the count stopped at ``count_limit``)."""
        if self.known_count is not None:
            return self.known_count, False
        if self.count_limit is None:
            return super().count, False
        found = self.object_list[: self.count_limit + 1].count()
        return min(found, self.count_limit), found > self.count_limit

    @property
    def count(self):
        return self.counted[0]

    def page(self, number):
        """A page; past the first ones, its rows are read by their ids: the
        ids of the page from the narrow queue index (``submission_queue_order``,
        index-only), then those rows only, in the same query; an OFFSET on
        the whole rows read and joined every row before the page (page 500:
        200 ms, bench/RESULTS-queue.md)."""
        page = super().page(number)
        offset = page.start_index() - 1
        rows = self.object_list
        if offset >= DEEP_OFFSET and isinstance(rows, QuerySet):
            ids = rows.values("pk")[offset : page.end_index()]
            page.object_list = rows.filter(pk__in=ids)
        return page

    @property
    def capped(self):
        return self.counted[1]


class SubmissionIndexView(IndexView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_view_queue(request.user):
            return forbidden(request)
        if request.method != "GET" or not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        back, query = queue_memory.decide(request)
        if back:
            response = redirect(back)
        else:
            response = super().dispatch(request, *args, **kwargs)
        return queue_memory.store(response, request, query)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """POST (the queue's buttons): an export built by a task, the lead is
        emailed when it is ready. GET: the file at once, for a small
        selection only (no request lasts while 50 000 rows are written)."""
        request = self.request
        if not request.user.has_perm(EXPORT):
            return forbidden(request)
        if request.method == "POST":
            queue_exports.request_export(
                queryset, request.user, spreadsheet_format, self.params
            )
            messages.success(
                request,
                _(
                    "Export demandé : vous recevrez un courriel quand il sera "
                    "prêt, et il sera à télécharger ici."
                ),
            )
            return redirect("recueil_queue_exports")
        if queryset.count() > settings.QUEUE_EXPORT_DIRECT_MAX_ROWS:
            messages.warning(
                request,
                _(
                    "Plus de %(max)s contributions : utilisez les boutons "
                    "d'export, le fichier sera préparé et vous recevrez un courriel."
                )
                % {"max": settings.QUEUE_EXPORT_DIRECT_MAX_ROWS},
            )
            return redirect(request.path + self.get_query_string(remove=["p"]))
        if spreadsheet_format == "csv":
            return exports.csv_response(queryset)
        return exports.xlsx_response(queryset)

    def export_url(self, fmt):
        return self.get_query_string({"export": fmt}, remove=["p"])

    def get_context_data(self, **kwargs):
        """IndexView's context without its extra queries: the queryset built
        in dispatch is used once (filters' lookups run once), the total comes
        from the counts per state, the filtered total is the paginator's."""
        counts = status_counts()
        searched = bool(self.query.strip())
        filtered = searched or bool(self.get_filters_params())
        paginator = QueuePaginator(
            self.queryset,
            self.items_per_page,
            known_count=None if filtered else counts["total"],
            count_limit=SEARCH_COUNT_LIMIT if searched else None,
        )
        try:
            page_obj = paginator.page(self.page_num)
        except InvalidPage:
            page_obj = paginator.page(1)
        context = {
            "view": self,
            "all_count": counts["total"],
            "result_count": (
                _("plus de %(n)s")
                % {"n": formats.number_format(paginator.count, 0, force_grouping=True)}
                if paginator.capped
                else paginator.count
            ),
            "paginator": paginator,
            "page_obj": page_obj,
            "elided_page_range": paginator.get_elided_page_range(self.page_num),
            "object_list": page_obj.object_list,
            "user_can_create": False,
            "show_search": self.search_handler.show_search_form,
            **kwargs,
        }
        # IndexView's parent (WMABaseView) adds the model admin's context.
        context = super(IndexView, self).get_context_data(**context)
        context["status_counts"] = [
            {
                "status": status,
                "count": counts.get(status.value, 0),
                "url": self.get_query_string({"etat": status.value}, remove=["p"]),
                "current": self.params.get("etat") == status.value,
            }
            for status in QUEUE_STATES
        ]
        context["can_export"] = self.request.user.has_perm(EXPORT)
        context["export_csv_url"] = self.export_url("csv")
        context["export_xlsx_url"] = self.export_url("xlsx")
        context["exports_url"] = reverse("recueil_queue_exports")
        context["can_moderate"] = admin_views.can_moderate(self.request.user)
        context["bulk_url"] = reverse("recueil_queue_bulk")
        context["bulk_actions"] = list(bulk_moderation.LABELS.items())
        context["reset_url"] = f"{self.request.path}?{queue_memory.RESET}=1"
        context["queue_headers"] = self.queue_headers()
        context["queue_rows"] = [self.queue_row(obj) for obj in page_obj.object_list]
        return context

    # The table is rendered here, not by modeladmin's result_list tag (which
    # resolves every cell through the admin's lookup helpers, a third of the
    # page's time): same columns, same sort links, plain cells.

    def queue_headers(self):
        ordered = self.get_ordering_field_columns()
        headers = []
        for index, name in enumerate(self.list_display):
            attr = getattr(self.model_admin, name, None)
            label = getattr(attr, "short_description", None) or (
                self.model._meta.get_field(name).verbose_name
            )
            direction = ordered.get(index)
            order = f"-{index}" if direction == "asc" else str(index)
            headers.append(
                {
                    "label": label,
                    "url": self.get_query_string({self.ORDER_VAR: order}, ["p"]),
                    "sortable": bool(self.get_ordering_field(name)),
                    "direction": direction,
                }
            )
        return headers

    @cached_property
    def labels(self):
        """The choices' labels, translated once per page (a model's
        ``get_FOO_display`` hashes every lazy label of the field at each call:
        a fifth of the page's time with 50 rows)."""
        return Labels()

    def queue_row(self, obj):
        admin = self.model_admin
        labels = self.labels
        return {
            "object": obj,
            "inspect_url": self.url_helper.get_action_url("inspect", obj.pk),
            "cells": [
                obj.reference or "",
                admin.title_link(obj),
                labels.rubric.get(obj.rubric, obj.rubric),
                admin.department_code(obj),
                labels.role.get(obj.role, obj.role),
                admin.status_tag(obj, labels.status.get(obj.status, obj.status)),
                admin.moderator(obj),
                admin.received(obj),
                admin.waiting(obj),
                admin.completeness_score(obj),
            ],
        }


class SubmissionInspectView(InspectView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_view_queue(request.user):
            return forbidden(request)
        if not admin_views.was_sent(self.instance):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.instance.reference or _("Brouillon")

    def get_meta_title(self):
        return _("Contribution %(ref)s") % {"ref": self.get_page_subtitle()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(admin_inspect.inspect_context(self.request, self.instance))
        return context
