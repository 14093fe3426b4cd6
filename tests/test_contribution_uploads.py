"""Contributors' files: checked by content, stored privately under generated
names, photos stripped of their metadata; refused files explained in French."""

import io
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from experiences import uploads
from experiences.models import Submission
from tests.factories import (
    FORM_URL,
    docx_file,
    jpeg_with_gps,
    ods_file,
    odt_file,
    pdf_file,
    png_file,
    valid_post,
    webp_file,
    xlsx_file,
    zip_file,
)

TEN_MB = 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("make", "label"),
    [
        (pdf_file, "PDF"),
        (odt_file, "ODT"),
        (ods_file, "ODS"),
        (docx_file, "DOCX"),
        (xlsx_file, "XLSX"),
        (jpeg_with_gps, "JPEG"),
        (png_file, "PNG"),
        (webp_file, "WebP"),
    ],
)
def test_accepted_types_are_recognised_by_their_content(make, label):
    assert uploads.check_upload(make()).file_type.label == label


def refused(upload):
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(upload)
    return " ".join(error.value.messages)


def test_an_executable_renamed_pdf_is_refused():
    exe = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200)
    assert "n'est pas d'un type accepté" in refused(exe)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("page.pdf", b"<html><body>faux PDF</body></html>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        ("archive.zip", zip_file("a.zip", {"readme.txt": "bonjour"}).read()),
    ],
)
def test_html_svg_and_other_types_are_refused(name, content):
    assert "n'est pas d'un type accepté" in refused(SimpleUploadedFile(name, content))


@pytest.mark.parametrize("name", ["rapport.js", "rapport.pdf.exe", "rapport.php"])
def test_a_pdf_with_a_script_extension_is_refused(name):
    assert "ne correspond pas à son contenu" in refused(pdf_file(name))


def test_an_empty_file_is_refused():
    assert "est vide" in refused(SimpleUploadedFile("vide.pdf", b""))


def test_ten_megabytes_pass_and_one_byte_more_is_refused():
    assert uploads.check_upload(pdf_file(size=TEN_MB)).file_type.label == "PDF"
    message = refused(pdf_file(size=TEN_MB + 1))
    assert "la limite est de 10\u00a0Mo par fichier" in message


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd.pdf", "..\\rapport.pdf", "rap\x00port.pdf", "a" * 296 + ".pdf"],
)
def test_dangerous_names_are_refused(name):
    # Django's own upload handling already drops the folders and cuts long
    # names; the check stands on its own all the same.
    with pytest.raises(ValidationError) as error:
        uploads.check_name(name)
    assert "renommez-le" in " ".join(error.value.messages)


def test_a_forged_image_is_refused():
    fake = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0" + b"pas une image" * 10)
    assert "illisible" in refused(fake)


@pytest.fixture
def call(call_page):
    return call_page


def committed(capture, client, data, url=FORM_URL):
    """Post, then run what waits for the commit (files join the private storage)."""
    with capture(execute=True):
        return client.post(url, data)


def test_files_are_stored_privately_under_generated_names(
    client, call, settings, django_capture_on_commit_callbacks
):
    data = valid_post()
    data["attachments"] = [pdf_file("Compte rendu de Mme X.pdf"), jpeg_with_gps()]
    response = committed(django_capture_on_commit_callbacks, client, data)
    assert response.status_code == 302
    pdf, photo = Submission.objects.get().attachments.all()
    assert pdf.original_name == "Compte rendu de Mme X.pdf"
    assert "Mme" not in pdf.file.name
    assert pdf.file.name.endswith(".pdf")
    path = Path(pdf.file.path)
    assert path.is_file()
    assert path.is_relative_to(Path(pdf.file.storage.location))
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert pdf.kind == "document" and photo.kind == "image"
    assert len(pdf.sha256) == 64


def test_photos_are_reencoded_without_gps_or_exif(
    client, call, django_capture_on_commit_callbacks
):
    original = jpeg_with_gps()
    with Image.open(io.BytesIO(original.read())) as image:
        assert image.getexif().get_ifd(0x8825)  # the sample has a position
    original.seek(0)
    data = valid_post()
    data["attachments"] = [original]
    committed(django_capture_on_commit_callbacks, client, data)
    photo = Submission.objects.get().attachments.get()
    with photo.file.open("rb") as stored, Image.open(stored) as image:
        assert not image.getexif()
        assert "exif" not in image.info
        assert image.size == (40, 30)


def test_a_path_in_the_file_name_never_leaves_the_private_folder(client, call):
    upload = pdf_file()
    upload.name = "../../../../tmp/evil.pdf"
    data = valid_post()
    data["attachments"] = [upload]
    client.post(FORM_URL, data)
    attachment = Submission.objects.get().attachments.get()
    # Django keeps only the last part of the name; ours is generated anyway.
    assert attachment.original_name == "evil.pdf"
    location = Path(attachment.file.storage.location).resolve()
    assert Path(attachment.file.path).resolve().is_relative_to(location)


def test_refused_files_are_explained_next_to_the_field_and_nothing_is_sent(
    client, call
):
    data = valid_post()
    data["attachments"] = [
        SimpleUploadedFile("virus.pdf", b"MZ" + b"\x00" * 50),
        pdf_file("programme.pdf"),
    ]
    html = client.post(FORM_URL, data).content.decode()
    assert "Le fichier « virus.pdf » n&#x27;est pas d&#x27;un type accepté" in html
    assert 'href="#id_attachments"' in html
    # The valid file of the same post is kept on a draft and listed.
    assert "Retirer « programme.pdf »" in html
    held = Submission.objects.get()
    assert held.reference is None
    assert [a.original_name for a in held.attachments.all()] == ["programme.pdf"]


def test_at_most_five_files(client, call):
    data = valid_post()
    data["attachments"] = [pdf_file(f"doc{i}.pdf") for i in range(6)]
    html = client.post(FORM_URL, data).content.decode()
    assert "5 fichiers au plus : vous en avez 6." in html
    assert not Submission.objects.filter(reference__isnull=False).exists()
