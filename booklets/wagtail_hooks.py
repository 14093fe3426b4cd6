from django.contrib import messages
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail import hooks

from booklets import views
from booklets.composition import compose
from booklets.models import BookletPage, BookletSheet


@hooks.register("register_admin_urls")
def register_booklet_urls():
    return [
        path(
            "livrets/<int:page_id>/reconstruire/",
            views.rebuild,
            name="booklets_rebuild",
        )
    ]


def _warn_dropped(request, page):
    if not isinstance(page, BookletPage):
        return
    dropped = compose(page).dropped
    if dropped:
        messages.warning(
            request,
            ngettext(
                "Une fiche n'apparaît pas dans le livret car sa page n'est pas "
                "publiée : %(titles)s.",
                "%(count)s fiches n'apparaissent pas dans le livret car leur page "
                "n'est pas publiée : %(titles)s.",
                len(dropped),
            )
            % {
                "count": len(dropped),
                "titles": ", ".join(f"« {p.title} »" for p in dropped),
            },
        )


@hooks.register("after_create_page")
def warn_dropped_after_create(request, page):
    _warn_dropped(request, page)


@hooks.register("after_edit_page")
def warn_dropped_after_edit(request, page):
    _warn_dropped(request, page)


@hooks.register("after_unpublish_page")
def warn_booklets_after_unpublish(request, page):
    titles = list(
        BookletSheet.objects.filter(experience_id=page.pk)
        .values_list("booklet__title", flat=True)
        .distinct()
    )
    if titles:
        messages.warning(
            request,
            _("Cette expérience est retirée des livrets suivants : %(titles)s.")
            % {"titles": ", ".join(f"« {t} »" for t in titles)},
        )
