"""What the end of an experience sheet shows: how to cite it, when it was
reviewed, and the form to report an error."""

from django import template

from experiences import error_reports
from experiences.citation import LICENCE_URL, citation_text, cite, reviewed_on

register = template.Library()


@register.simple_tag(takes_context=True)
def sheet_citation(context, page):
    citation = cite(page, context.get("request"))
    return {
        "citation": citation,
        "text": citation_text(citation),
        "reviewed_on": reviewed_on(page),
        "licence_url": LICENCE_URL,
    }


@register.simple_tag
def error_report_form():
    return error_reports.form_context()
