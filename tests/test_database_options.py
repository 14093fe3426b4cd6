"""config.env.postgresql_options: the startup options of the PostgreSQL
connections, from DATABASE_RANDOM_PAGE_COST; a bad value stops the start with
a clear message."""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

import pytest

from config.env import postgresql_options


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "-c jit=off -c random_page_cost=1.1"),
        ("", "-c jit=off -c random_page_cost=1.1"),
        ("2", "-c jit=off -c random_page_cost=2.0"),
        (" Server ", "-c jit=off"),
    ],
)
def test_options_from_the_environment(value, expected):
    assert postgresql_options(value) == expected


@pytest.mark.parametrize("value", ["abc", "0", "-1", "nan", "1; DROP TABLE x"])
def test_a_bad_value_is_refused_by_name(value):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_RANDOM_PAGE_COST"):
        postgresql_options(value)


@pytest.mark.django_db
def test_the_connections_use_them():
    if connection.vendor != "postgresql":
        pytest.skip("startup options are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
