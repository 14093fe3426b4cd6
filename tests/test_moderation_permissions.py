"""Who may do what in the moderation queue: one test per (role, operation).

Anonymous visitors are sent to the login page; Rédacteurs get a 403 and never
see a contributor's personal data; Modérateurs moderate; Responsables
éditoriaux and superusers may also export the queue and purge. A submission
that was never sent (a draft) is no one's to open, whatever the role.
"""

import pytest

from experiences.models import ExperiencePage
from experiences.states import Status
from tests.factories import add_attachment, make_submission

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor", "moderator", "lead", "superuser"]
ALLOWED = {
    "list": {"moderator", "lead", "superuser"},
    "inspect": {"moderator", "lead", "superuser"},
    "download": {"moderator", "lead", "superuser"},
    "thumbnail": {"moderator", "lead", "superuser"},
    # Issue 9 (least privilege): exports are for editorial leads only.
    "export_csv": {"lead", "superuser"},
    "export_xlsx": {"lead", "superuser"},
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
        {"message": "Non", "note": "Hors champ"},
        lambda s: s.status == Status.DECLINED,
    ),
    "mark_spam": (
        Status.RECEIVED,
        {"note": "Publicité"},
        lambda s: s.status == Status.SPAM,
    ),
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
            # The queue lists it; its inspect page shows the person.
            shown = submission.title if operation == "list" else submission.email
            assert shown in response.content.decode()
    else:
        _assert_refused(response, role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_actions(request, client, users, role, action):
    state, data, applied = ACTIONS[action]
    if action == "accept":
        # Accepting builds the page under its rubric and starts its workflow.
        request.getfixturevalue("rubrics")
        request.getfixturevalue("workflow")
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


def test_editors_do_not_see_personal_data_on_the_page(
    client, editor, moderator, rubrics, workflow
):
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


# Drafts and state checks (issue 9, least privilege) ----------------------------

NEVER_SENT = {
    "draft": {"status": Status.DRAFT},
    "withdrawn draft": {"status": Status.WITHDRAWN, "submitted_at": None},
}


@pytest.mark.parametrize("kind", list(NEVER_SENT))
@pytest.mark.parametrize("role", ["moderator", "lead", "superuser"])
def test_a_submission_never_sent_is_nobodys_to_open(client, users, role, kind):
    submission = make_submission(**NEVER_SENT[kind])
    image = add_attachment(submission, "image")
    client.force_login(users[role])
    queue = client.get("/admin/contributions/").content.decode()
    assert submission.title not in queue
    for url in (
        f"/admin/contributions/inspect/{submission.pk}/",
        f"/admin/contributions/pieces-jointes/{image.pk}/",
        f"/admin/contributions/pieces-jointes/{image.pk}/apercu/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert submission.email.encode() not in response.content
    for action in ("take", "message", "note", "purge", "mark_spam"):
        response = client.post(
            f"/admin/contributions/actions/{submission.pk}/{action}/",
            {"expected_status": submission.status, "body": "Bonjour", "note": "N"},
        )
        # A moderator may never purge: refused before the submission is read.
        refused = 403 if (role, action) == ("moderator", "purge") else 404
        assert response.status_code == refused, action
    submission.refresh_from_db()
    assert submission.personal_data_purged_at is None
    assert submission.email
    assert not submission.messages.exists() and not submission.notes.exists()


def _post_action(client, submission, action, **data):
    return client.post(
        f"/admin/contributions/actions/{submission.pk}/{action}/",
        data,
        follow=True,
    )


@pytest.mark.parametrize("state", [Status.SPAM, Status.WITHDRAWN])
def test_no_message_to_a_spammer_or_to_someone_who_withdrew(client, lead, state):
    submission = make_submission(status=state)
    client.force_login(lead)
    html = _post_action(client, submission, "message", body="Bonjour").content
    assert "n&#x27;est pas possible depuis l&#x27;état".encode() in html
    assert not submission.messages.exists()
    inspect = client.get(f"/admin/contributions/inspect/{submission.pk}/").content
    assert "Écrire à la personne".encode() not in inspect


def test_no_purge_of_an_open_submission_nor_of_one_that_moved(client, lead):
    open_one = make_submission(status=Status.IN_REVIEW)
    client.force_login(lead)
    _post_action(client, open_one, "purge", expected_status=Status.IN_REVIEW)
    open_one.refresh_from_db()
    assert open_one.personal_data_purged_at is None

    # Seen declined, reopened meanwhile by someone else: the purge is refused.
    moved = make_submission(status=Status.IN_REVIEW)
    html = _post_action(
        client, moved, "purge", expected_status=Status.DECLINED
    ).content.decode()
    moved.refresh_from_db()
    assert moved.personal_data_purged_at is None and moved.email
    assert "a changé d&#x27;état entre-temps" in html


def test_no_note_on_a_purged_submission(client, lead):
    submission = make_submission(status=Status.DECLINED)
    client.force_login(lead)
    _post_action(client, submission, "purge", expected_status=Status.DECLINED)
    submission.refresh_from_db()
    assert submission.personal_data_purged_at is not None
    html = _post_action(client, submission, "note", body="Camille a rappelé.").content
    assert "sont purgées".encode() in html
    assert not submission.notes.exists()
