"""RSS feeds of the published experiences: all of them, and one per rubric."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed

from core.urls import absolute, page_url
from experiences.constants import Rubric
from experiences.filters import public_experiences

FEED_SIZE = 30


class ExperienceFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "fr"

    def get_object(self, request, rubrique=None):
        self.path = request.path
        if rubrique is None:
            return None
        if rubrique not in Rubric.values:
            raise Http404("Rubrique inconnue")
        return rubrique

    def title(self, rubric):
        if rubric:
            return f"Recueil — {Rubric(rubric).label}"
        return "Recueil — expériences des conseils citoyens"

    def link(self, rubric):
        return absolute(f"/experiences/{rubric}/" if rubric else "/experiences/")

    def feed_url(self, rubric):
        return absolute(self.path)

    def description(self, rubric):
        return (
            "Les dernières expériences publiées sur Recueil, sous Licence Ouverte 2.0."
        )

    def items(self, rubric):
        experiences = public_experiences().select_related("department")
        if rubric:
            experiences = experiences.filter(rubric=rubric)
        return experiences.order_by("-first_published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        place = ", ".join(
            part
            for part in (item.communes, item.department.name if item.department else "")
            if part
        )
        return f"{item.summary} ({place})" if place else item.summary

    def item_link(self, item):
        return page_url(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_rubric_display()]
