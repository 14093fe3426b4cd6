"""Who may do what in the moderation queue: one test per (role, operation).

Anonymous visitors are sent to the login page; Rédacteurs get a 403 and never
see a contributor's personal data; Modérateurs moderate and export;
Responsables éditoriaux and superusers may also purge.
"""

import pytest

from experiences.models import ExperiencePage
from experiences.states import Status
from tests.moderation_factories import add_attachment, make_submission

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor", "moderator", "lead", "superuser"]
ALLOWED = {
    "list": {"moderator", "lead", "superuser"},
    "inspect": {"moderator", "lead", "superuser"},
    "download": {"moderator", "lead", "superuser"},
    "thumbnail": {"moderator", "lead", "superuser"},
    "export_csv": {"moderator", "lead", "superuser"},
    "export_xlsx": {"moderator", "lead", "superuser"},
    "take": {"moderator", "lead", "superuser"},
    "assign": {"moderator", "lead", "superuser"},
    "request_changes": {"moderator", "lead", "superuser"},
    "accept": {"moderator", "lead", "superuser"},
    "decline": {"moderator", "lead", "superuser"},
    "mark_spam": {"moderator", "lead", "superuser"},
    "reopen": {"moderator", "lead", "superuser"},
    "note": {"moderator", "lead", "superuser"},
    "message": {"moderator", "lead", "superuser"},
    "purge": {"lead", "superuser"},
}

# action: (starting state, form data, check that it was applied)
ACTIONS = {
    "take": (Status.RECEIVED, {}, lambda s: s.status == Status.IN_REVIEW),
    "assign": (
        Status.RECEIVED,
        {"assignee": "MODERATOR"},
        lambda s: s.assigned_id_check,
    ),
    "request_changes": (
        Status.IN_REVIEW,
        {"message": "Précisez"},
        lambda s: s.status == Status.CHANGES_REQUESTED,
    ),
    "accept": (
        Status.IN_REVIEW,
        {},
        lambda s: ExperiencePage.objects.filter(submission=s).exists(),
    ),
    "decline": (
        Status.IN_REVIEW,
        {"message": "Non"},
        lambda s: s.status == Status.DECLINED,
    ),
    "mark_spam": (Status.RECEIVED, {}, lambda s: s.status == Status.SPAM),
    "reopen": (Status.DECLINED, {}, lambda s: s.status == Status.IN_REVIEW),
    "note": (Status.IN_REVIEW, {"body": "Note"}, lambda s: s.notes.exists()),
    "message": (Status.IN_REVIEW, {"body": "Bonjour"}, lambda s: s.messages.exists()),
    "purge": (
        Status.DECLINED,
        {},
        lambda s: s.personal_data_purged_at is not None and s.email == "",
    ),
}


@pytest.fixture
def users(editor, moderator, lead, superuser):
    return {
        "anonymous": None,
        "editor": editor,
        "moderator": moderator,
        "lead": lead,
        "superuser": superuser,
    }


def _client(client, users, role):
    if users[role] is not None:
        client.force_login(users[role])
    return client


def _assert_refused(response, role):
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    else:
        assert response.status_code == 403
        assert b"camille.durand" not in response.content


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "operation",
    ["list", "inspect", "download", "thumbnail", "export_csv", "export_xlsx"],
)
def test_read_operations(client, users, role, operation):
    submission = make_submission()
    image = add_attachment(submission, "image")
    urls = {
        "list": "/admin/contributions/",
        "inspect": f"/admin/contributions/inspect/{submission.pk}/",
        "download": f"/admin/contributions/pieces-jointes/{image.pk}/",
        "thumbnail": f"/admin/contributions/pieces-jointes/{image.pk}/apercu/",
        "export_csv": "/admin/contributions/?export=csv",
        "export_xlsx": "/admin/contributions/?export=xlsx",
    }
    response = _client(client, users, role).get(urls[operation])
    if role in ALLOWED[operation]:
        assert response.status_code == 200
        if operation in ("list", "inspect"):
            assert submission.email in response.content.decode() or (
                operation == "list"
            )
    else:
        _assert_refused(response, role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_actions(client, users, role, action):
    state, data, applied = ACTIONS[action]
    submission = make_submission(status=state)
    data = {
        key: (users["moderator"].pk if value == "MODERATOR" else value)
        for key, value in data.items()
    }
    response = _client(client, users, role).post(
        f"/admin/contributions/actions/{submission.pk}/{action}/",
        {"expected_status": state, **data},
    )
    submission.refresh_from_db()
    submission.assigned_id_check = submission.assigned_to_id == users["moderator"].pk
    if role in ALLOWED[action]:
        assert response.status_code == 302
        assert applied(submission)
    else:
        _assert_refused(response, role)
        assert not applied(submission)
        assert submission.status == state


def test_editors_do_not_see_the_queue_in_the_menu(client, editor, moderator):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "/admin/contributions/" not in html
    assert "Contributions à modérer" not in html
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert "/admin/contributions/" in html


def test_editors_do_not_see_personal_data_on_the_page(client, editor, moderator):
    """The page made from a submission shows its reference, never the person."""
    from experiences import moderation

    submission = make_submission(consent_public_contact=False)
    moderation.take(submission, moderator)
    page = moderation.accept(submission, moderator)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert submission.reference in html
    assert submission.email not in html
    assert "01 23 45 67 89" not in html


def test_purge_command_is_for_operators_only_in_the_admin(client, moderator):
    """Moderators see no purge button; leads do, on a closed submission."""
    submission = make_submission(status=Status.DECLINED)
    client.force_login(moderator)
    html = client.get(f"/admin/contributions/inspect/{submission.pk}/").content
    assert "Purger les données personnelles".encode() not in html
