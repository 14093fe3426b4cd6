"""Uploads never exhaust a worker: files are counted before any is opened, a
photo is refused from its header when it has too many pixels, a post the bot
trap refused is never validated, and the limits hold per submission, drafts
included. Every refusal is a French message naming the file and the rule,
with what was typed kept."""

import contextlib
import resource
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from experiences import antiabuse, uploads
from experiences.models import Submission
from tests.factories import (
    FORM_URL,
    form_tokens,
    huge_png,
    jpeg_with_gps,
    pdf_file,
    png_file,
    truncated_png,
    valid_post,
)

MB = 1024 * 1024
PEAK_GROWTH_LIMIT = 150 * MB


@pytest.fixture
def call(call_page):
    return call_page


def peak_memory_growth(action):
    """How far the process's peak resident memory rose while ``action`` ran.

    Measured with ``resource.getrusage`` (``ru_maxrss``), not ``tracemalloc``:
    Pillow allocates decoded pixels with its own C allocator, which
    ``tracemalloc`` never sees, while the resident set counts every byte. The
    peak is first brought back to the current size (Linux: writing 5 to
    ``/proc/self/clear_refs``), so that an earlier test's peak cannot hide this
    one's (where that file cannot be written, outside Linux, an earlier and
    higher peak could hide this one)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = action()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return result, (after - before) * 1024  # ru_maxrss is in KiB on Linux


def test_a_photo_with_too_many_pixels_is_refused_from_its_header():
    huge = huge_png("plan-masse.png")
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(huge)
    message = " ".join(error.value.messages)
    assert (
        "L'image « plan-masse.png » dépasse la limite de 40\u00a0000\u00a0000 "
        "pixels par image : réduisez-la avant de la joindre." in message
    )


def test_the_pixel_limit_is_the_setting_and_the_message_says_the_size(settings):
    settings.SUBMISSION_MAX_IMAGE_PIXELS = 1000 * 1000
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(huge_png("carte.png", side=1001))
    message = " ".join(error.value.messages)
    assert "dépasse la limite de 1\u00a0000\u00a0000 pixels" in message
    assert "Elle en compte 1\u00a0001 × 1\u00a0001." in message
    assert uploads.check_upload(huge_png("carte.png", side=1000))


def test_twenty_huge_images_are_refused_without_decoding_any(client, call):
    data = valid_post()
    data["attachments"] = [huge_png(f"plan-{n}.png") for n in range(20)]
    response, growth = peak_memory_growth(lambda: client.post(FORM_URL, data))
    html = response.content.decode()
    assert response.status_code == 200
    assert "5 fichiers au plus : vous en avez 20." in html
    assert 'value="Saint-Denis"' in html  # the typing is kept
    assert growth < PEAK_GROWTH_LIMIT, f"{growth / MB:.0f} Mo"
    assert not Submission.objects.exists()


def test_five_huge_images_are_each_refused_by_name_without_decoding(client, call):
    data = valid_post()
    data["attachments"] = [huge_png(f"plan-{n}.png") for n in range(5)]
    response, growth = peak_memory_growth(lambda: client.post(FORM_URL, data))
    html = response.content.decode()
    for n in range(5):
        assert f"L&#x27;image « plan-{n}.png » dépasse la limite de 40" in html
    assert "Trois ateliers, puis une séance de signature." in html
    assert growth < PEAK_GROWTH_LIMIT, f"{growth / MB:.0f} Mo"
    assert not Submission.objects.exists()


def test_a_post_the_bot_trap_refused_is_never_validated(client, call, monkeypatch):
    opened = []
    monkeypatch.setattr(
        uploads, "check_upload", lambda upload: opened.append(upload.name)
    )
    data = valid_post(**{antiabuse.HONEYPOT_FIELD: "http://spam.example"})
    data["title"] = ""  # would be an error, if the post were validated
    data["attachments"] = [huge_png(f"plan-{n}.png") for n in range(20)]
    response, growth = peak_memory_growth(lambda: client.post(FORM_URL, data))
    html = response.content.decode()
    assert opened == []
    assert "Votre envoi n'a pas pu être traité" in html
    assert 'value="Saint-Denis"' in html
    assert "fr-message--error" not in html
    assert "Ce champ est obligatoire" not in html
    assert growth < PEAK_GROWTH_LIMIT, f"{growth / MB:.0f} Mo"
    assert not Submission.objects.exists()


def test_thirty_files_keep_none_on_the_draft(
    client, call, django_capture_on_commit_callbacks
):
    """The five-file limit holds per submission, across invalid posts."""
    data = valid_post(title="")
    # One refused file among them: the others used to be kept on a draft.
    data["attachments"] = [pdf_file(f"doc{n}.pdf") for n in range(29)]
    data["attachments"].append(SimpleUploadedFile("virus.pdf", b"MZ" + b"\x00" * 50))
    with django_capture_on_commit_callbacks(execute=True):
        html = client.post(FORM_URL, data).content.decode()
    assert "5 fichiers au plus : vous en avez 30." in html
    assert 'value="Saint-Denis"' in html
    assert not Submission.objects.exists()

    # Three valid files on an invalid post are kept on a draft...
    again = dict(data, **form_tokens(html))
    again["attachments"] = [pdf_file(f"doc{n}.pdf") for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        html = client.post(FORM_URL, again).content.decode()
    draft = Submission.objects.get()
    assert draft.attachments.count() == 3
    # ...and three more on the same form would make six: none is added.
    third = dict(again, **form_tokens(html))
    third["attachments"] = [pdf_file(f"autre{n}.pdf") for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        html = client.post(FORM_URL, third).content.decode()
    assert "5 fichiers au plus : vous en avez 6." in html
    assert draft.attachments.count() == 3
    assert "Retirer « doc2.pdf »" in html


def test_more_files_than_django_reads_is_a_french_400(client, call, settings):
    data = valid_post()
    data["attachments"] = [
        pdf_file(f"doc{n}.pdf")
        for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)
    ]
    response = client.post(FORM_URL, data)
    assert response.status_code == 400
    assert "5 fichiers au plus" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_truncated_photo_is_refused_by_name_and_the_other_files_kept(
    client, call, django_capture_on_commit_callbacks
):
    data = valid_post()
    data["attachments"] = [truncated_png("atelier.png"), pdf_file("programme.pdf")]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM_URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "L&#x27;image « atelier.png » est illisible ou abîmée." in html
    assert 'value="Saint-Denis"' in html
    held = Submission.objects.get()
    assert held.reference is None
    (kept,) = held.attachments.all()
    assert kept.original_name == "programme.pdf"
    assert kept.file.storage.exists(kept.file.name)


def test_photos_are_reencoded_one_at_a_time_before_the_transaction(
    client, call, django_capture_on_commit_callbacks, monkeypatch
):
    """Each photo is decoded, written to the staging storage and released before
    the next is read, and all of it before the submission is written."""
    from django.db import connection

    events = []
    reencode = uploads.reencode

    def recording(checked, output):
        events.append(("start", checked.name))
        reencode(checked, output)
        events.append(("end", checked.name))

    def watch(execute, sql, params, many, context):
        if sql.startswith('INSERT INTO "experiences_submission"'):
            events.append(("sql", sql.split('"')[1]))
        return execute(sql, params, many, context)

    monkeypatch.setattr(uploads, "reencode", recording)
    data = valid_post()
    data["attachments"] = [jpeg_with_gps("a.jpg"), png_file("b.png")]
    with (
        connection.execute_wrapper(watch),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert client.post(FORM_URL, data).status_code == 302
    assert events[:4] == [
        ("start", "a.jpg"),
        ("end", "a.jpg"),
        ("start", "b.png"),
        ("end", "b.png"),
    ]
    assert ("sql", "experiences_submission") in events[4:]
