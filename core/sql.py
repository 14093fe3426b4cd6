"""Names and placeholders for the statements written by hand (the listing's
facet statement, a sheet's items, the related experiences, the view
restrictions, the routing): quoted from the models, never typed, so that a
renamed table or column cannot silently miss; values always go as
parameters."""

from django.db import connection


def quote(name):
    return connection.ops.quote_name(name)


def table(model):
    """The quoted table of ``model``."""
    return quote(model._meta.db_table)


def column(model, field):
    """The quoted column of ``model``'s field ``field``."""
    return quote(model._meta.get_field(field).column)


def marks(values):
    """One placeholder per value: ``%s, %s, %s``."""
    return ", ".join(["%s"] * len(values))
