from django import template
from django.utils.formats import date_format
from django.utils.html import format_html

from experiences.citation import citation_text, cite

register = template.Library()


def _month(value):
    return date_format(value, "F Y")


@register.filter
def period(page):
    """« Quand ? » in words: « D'octobre 2016 à juin 2017 », « Depuis … (en cours) »."""
    start, end = page.start_date, page.end_date
    if not start:
        return "En cours" if page.ongoing else ""
    if page.ongoing:
        return f"Depuis {_month(start)} (en cours)"
    if end and (end.year, end.month) != (start.year, start.month):
        begins = _month(start)
        article = "D'" if begins[0] in "aeiouyéâ" else "De "
        return f"{article}{begins} à {_month(end)}"
    return _month(start).capitalize()


@register.filter
def place(page):
    """« Où ? »: communes, then the département and its INSEE code."""
    parts = [page.communes] if page.communes else []
    if page.department_id:
        parts.append(f"{page.department.name} ({page.department.code})")
    return ", ".join(parts)


@register.filter
def citation(page):
    """The « Pour citer » line, its address a link (the PDF keeps it clickable)."""
    cited = cite(page)
    text = citation_text(cited)
    if not cited.url:
        return text
    before, _, after = text.partition(cited.url)
    return format_html('{}<a href="{}">{}</a>{}', before, cited.url, cited.url, after)
