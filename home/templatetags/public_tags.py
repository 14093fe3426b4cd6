from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def file_size(size):
    """A file size the way French public sites write it: « 61,9 Ko », « 1,2 Mo »."""
    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    if size < 1024:
        return f"{size} octet{'s' if size > 1 else ''}"
    for unit in ("Ko", "Mo", "Go"):
        size /= 1024
        if size < 1024 or unit == "Go":
            return f"{number_format(size, 1)}\xa0{unit}"
    return ""
