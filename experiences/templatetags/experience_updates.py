from django import template

from experiences import updates

register = template.Library()


@register.simple_tag
def update_dates(page):
    """The dates the page's updates were published (« Mise à jour le … »)."""
    return updates.update_dates(page)
