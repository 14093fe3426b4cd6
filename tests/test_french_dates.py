"""Dates in French typography: « 1er décembre 2026 », in templates and emails."""

import datetime
import zoneinfo

from django.template import Context, Template

import pytest

from core.dates import french_date
from resources.models import ArticleIndexPage, ArticlePage


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2026, 12, 1), "1er décembre 2026"),
        (datetime.date(2027, 1, 2), "2 janvier 2027"),
        (datetime.date(2026, 8, 15), "15 août 2026"),
        (datetime.date(2026, 2, 11), "11 février 2026"),
        (None, ""),
    ],
)
def test_french_date(value, expected):
    assert french_date(value) == expected


def test_a_datetime_is_read_in_the_site_time_zone():
    # 23:30 UTC on 30 November is 00:30 in Paris on 1 December.
    late = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))
    assert french_date(late) == "1er décembre 2026"


def test_the_template_filter():
    template = Template("{% load site_tags %}Publié le {{ day|date_fr }}.")
    html = template.render(Context({"day": datetime.date(2026, 12, 1)}))
    assert html == "Publié le 1er décembre 2026."


def test_pages_show_dates_in_french(client, site_tree):
    index = ArticleIndexPage.objects.get()
    article = ArticlePage(
        title="Les missions des conseils citoyens",
        slug="les-missions",
        kind=ArticlePage.Kind.choices[0][0],
        date=datetime.date(2026, 12, 1),
        body=[("paragraph", "<p>Un texte.</p>")],
    )
    index.add_child(instance=article)
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "Publié le 1er décembre 2026" in html
    listing = client.get(index.url).content.decode()
    assert "1er décembre 2026" in listing
