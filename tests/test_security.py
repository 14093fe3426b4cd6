"""Security baseline: headers on public pages, production settings, admin lockout."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def _directives(header):
    return {
        part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()
    }


def test_public_page_security_headers(client, experience_index):
    response = client.get("/experiences/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = _directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in csp[directive]
        assert "'unsafe-eval'" not in csp[directive]


def test_public_html_has_no_inline_style_or_script(client, home_page):
    html = client.get("/").content.decode()
    assert "style=" not in html
    assert "<style" not in html
    for chunk in html.split("<script")[1:]:
        tag = chunk.split(">", 1)[0]
        assert "src=" in tag, f"inline script found: <script{tag}>"


def test_hsts_on_https(client, home_page, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_admin_gets_its_own_policy(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/")
    csp = _directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert all(type(name) is str for name, _value in response.items())


def test_a_preview_may_be_framed_by_the_admin_only(client, superuser, rubrics):
    """The admin's preview panel frames the previewed page: its policy is the
    public one (no inline script), but framed by the site itself; the live
    page still may not be framed at all."""
    from tests.factories import make_experience

    page = make_experience(title="Aperçu encadré")
    client.force_login(superuser)
    preview = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert preview.status_code == 200
    assert "Aperçu encadré" in preview.content.decode()
    csp = _directives(preview["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'self'"]
    # Plain strings, as a WSGI server requires (an enum member fails there).
    assert all(type(name) is str for name, _value in preview.items())
    assert "'unsafe-inline'" not in csp["script-src"]
    assert csp["script-src"][0] == "'self'" and csp["script-src"][1].startswith(
        "'nonce-"
    )
    client.logout()
    live = client.get(page.url)
    assert _directives(live["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]


def test_documents_are_served_as_attachments(client, db):
    document = get_document_model().objects.create(
        title="Synthèse", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="synthese.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_login_locks_out_after_repeated_failures(client, superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": "admin", "password": "mauvais"},
            REMOTE_ADDR="203.0.113.7",
        )
    response = client.post(
        "/admin/login/",
        {"username": "admin", "password": "motdepasse-de-test"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 429
    assert "bloquée" in response.content.decode()
    assert "_auth_user_id" not in client.session


def _run_production(extra_env, *args):
    env = {
        key: value
        for key, value in os.environ.items()
        # The browser tests allow the ORM inside Playwright's event loop; a
        # deployment must not (Django's check async.E001).
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", **extra_env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _run_production({"ALLOWED_HOSTS": "recueil.example.org"}, "check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _run_production({"SECRET_KEY": secrets.token_urlsafe(64)}, "check")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_check_deploy_reports_nothing():
    result = _run_production(
        {
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "recueil.example.org",
        },
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_contributors_files_stay_in_private_storage(settings):
    from experiences.models import SubmissionAttachment

    storage = SubmissionAttachment._meta.get_field("file").storage
    name = storage.save("submissions/preuve.pdf", ContentFile(b"%PDF-1.4\n"))
    path = Path(storage.path(name))
    assert path.is_relative_to(settings.PRIVATE_MEDIA_ROOT)
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    with pytest.raises(ValueError):
        storage.url(name)
