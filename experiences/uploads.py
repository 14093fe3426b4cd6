"""Contributors' files: what is accepted, how it is checked and how it is stored.

A file's type is read from its content (magic bytes), never from its name or
the type the browser declares; its name must also carry an extension of that
type, so that a PDF named ``notes.js`` or an executable named ``notes.pdf`` are
both refused. A photo is refused from its header when it has more pixels than
allowed, before anything is decoded; it is re-encoded later, one at a time,
which drops its metadata (EXIF, GPS position). ``experiences.staging`` stores
the result.
"""

import hashlib
import unicodedata
import warnings
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from PIL import Image, ImageFile, ImageOps

MAX_NAME_LENGTH = 255
ZIP_ENTRY_READ_LIMIT = 64 * 1024


@dataclass(frozen=True)
class FileType:
    label: str
    content_type: str
    extensions: tuple
    kind: str  # SubmissionAttachment.Kind value
    pillow_format: str = ""


PDF = FileType("PDF", "application/pdf", ("pdf",), "document")
ODT = FileType("ODT", "application/vnd.oasis.opendocument.text", ("odt",), "document")
ODS = FileType(
    "ODS", "application/vnd.oasis.opendocument.spreadsheet", ("ods",), "document"
)
DOCX = FileType(
    "DOCX",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ("docx",),
    "document",
)
XLSX = FileType(
    "XLSX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ("xlsx",),
    "document",
)
JPEG = FileType("JPEG", "image/jpeg", ("jpg", "jpeg"), "image", "JPEG")
PNG = FileType("PNG", "image/png", ("png",), "image", "PNG")
WEBP = FileType("WebP", "image/webp", ("webp",), "image", "WEBP")

ACCEPTED_TYPES = (PDF, ODT, DOCX, ODS, XLSX, JPEG, PNG, WEBP)
ACCEPTED_EXTENSIONS = tuple(ext for t in ACCEPTED_TYPES for ext in t.extensions)
# What the file input proposes; the server never trusts it.
ACCEPT_ATTRIBUTE = ",".join(f".{ext}" for ext in ACCEPTED_EXTENSIONS)
ACCEPTED_LABELS = "PDF, ODT, DOCX, ODS, XLSX, JPEG, PNG ou WebP"

OPENDOCUMENT_MIMETYPES = {ODT.content_type: ODT, ODS.content_type: ODS}
OOXML_MAIN_PARTS = {
    "wordprocessingml.document.main+xml": DOCX,
    "spreadsheetml.sheet.main+xml": XLSX,
}


def max_file_size():
    return settings.SUBMISSION_MAX_FILE_SIZE


def max_files():
    return settings.SUBMISSION_MAX_FILES


def megabytes(size):
    """``10 Mo`` (French users read Mo; 1 Mo here is 1 048 576 bytes)."""
    value = size / (1024 * 1024)
    text = f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"
    return f"{text.replace('.', ',')}\u00a0Mo"


def limits_text():
    return _(
        "%(count)s fichiers au plus, %(size)s chacun au plus. Formats acceptés : "
        "%(types)s."
    ) % {
        "count": max_files(),
        "size": megabytes(max_file_size()),
        "types": ACCEPTED_LABELS,
    }


def check_name(name):
    """Refuse names that could not be shown or stored safely."""
    if not name or not name.strip():
        raise ValidationError(_("Un fichier n'a pas de nom."), code="name")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(
            _(
                "Le nom du fichier « %(name)s… » est trop long (%(max)s caractères "
                "au plus) : renommez-le avant de le joindre."
            )
            % {"name": name[:40], "max": MAX_NAME_LENGTH},
            code="name",
        )
    if (
        "/" in name
        or "\\" in name
        or ".." in name
        or any(unicodedata.category(char) in ("Cc", "Cf", "Cs") for char in name)
    ):
        raise ValidationError(
            _(
                "Le nom du fichier « %(name)s » contient des caractères non "
                "autorisés : renommez-le avant de le joindre."
            )
            % {"name": name.replace("\x00", "")[:80]},
            code="name",
        )


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _read_zip_entry(archive, entry):
    with archive.open(entry) as stream:
        return stream.read(ZIP_ENTRY_READ_LIMIT)


def _office_type(upload):
    """ODT/ODS by their ``mimetype`` entry, DOCX/XLSX by ``[Content_Types].xml``."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = _read_zip_entry(archive, "mimetype").decode(
                    "ascii", "replace"
                )
                return OPENDOCUMENT_MIMETYPES.get(mimetype.strip())
            if "[Content_Types].xml" in names:
                content_types = _read_zip_entry(archive, "[Content_Types].xml").decode(
                    "utf-8", "replace"
                )
                for marker, file_type in OOXML_MAIN_PARTS.items():
                    if marker in content_types:
                        return file_type
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
        return None
    return None


def detect_type(upload):
    """The FileType that the content's first bytes announce, or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04"):
        return _office_type(upload)
    return None


def _type_refused(name):
    return ValidationError(
        _(
            "Le fichier « %(name)s » n'est pas d'un type accepté (%(types)s) : son "
            "contenu a été vérifié, pas seulement son nom."
        )
        % {"name": name, "types": ACCEPTED_LABELS},
        code="type",
    )


def max_image_pixels():
    return settings.SUBMISSION_MAX_IMAGE_PIXELS


def _grouped(number):
    """``40 000 000``: digits grouped by three, as French readers expect."""
    return f"{number:,}".replace(",", "\u00a0")


def _too_many_pixels(name, size=None):
    message = _(
        "L'image « %(name)s » dépasse la limite de %(max)s pixels par image : "
        "réduisez-la avant de la joindre."
    ) % {"name": name, "max": _grouped(max_image_pixels())}
    if size:
        message += " " + _("Elle en compte %(width)s × %(height)s.") % {
            "width": _grouped(size[0]),
            "height": _grouped(size[1]),
        }
    return ValidationError(message, code="pixels")


def _unreadable(name):
    return ValidationError(
        _("L'image « %(name)s » est illisible ou abîmée.") % {"name": name},
        code="image",
    )


@contextmanager
def opened_image(upload, name):
    """The image, opened but not decoded: refused when its header announces more
    pixels than allowed (Pillow's decompression-bomb warning is an error here)."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(name) from None
    except (OSError, ValueError, SyntaxError):
        raise _unreadable(name) from None
    with image:
        if image.width * image.height > max_image_pixels():
            raise _too_many_pixels(name, image.size)
        yield image


@dataclass
class CheckedFile:
    """An upload whose name, size, type and (for a photo) pixel count passed; a
    photo is decoded only when it is re-encoded (``reencode``), one at a time."""

    name: str
    file_type: FileType
    upload: object

    @property
    def is_image(self):
        return self.file_type.kind == "image"


def check_upload(upload):
    """Return a CheckedFile, or raise a ValidationError in French."""
    name = upload.name or ""
    check_name(name)
    if not upload.size:
        raise ValidationError(
            _("Le fichier « %(name)s » est vide.") % {"name": name}, code="empty"
        )
    if upload.size > max_file_size():
        raise ValidationError(
            _(
                "Le fichier « %(name)s » pèse %(size)s : la limite est de %(max)s "
                "par fichier."
            )
            % {
                "name": name,
                "size": megabytes(upload.size),
                "max": megabytes(max_file_size()),
            },
            code="size",
        )
    file_type = detect_type(upload)
    if file_type is None:
        raise _type_refused(name)
    if extension_of(name) not in file_type.extensions:
        raise ValidationError(
            _(
                "Le nom du fichier « %(name)s » ne correspond pas à son contenu "
                "(%(type)s) : il doit se terminer par %(ext)s."
            )
            % {
                "name": name,
                "type": file_type.label,
                "ext": " ou ".join(f".{ext}" for ext in file_type.extensions),
            },
            code="extension",
        )
    if file_type.kind == "image":
        with opened_image(upload, name):
            pass
    return CheckedFile(name=name, file_type=file_type, upload=upload)


@contextmanager
def complete_images_only():
    """Refuse a truncated image while decoding, whatever the process-wide
    setting says (WeasyPrint, imported for the booklet, accepts them)."""
    accepted = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = accepted


def reencode(checked, output):
    """Write the photo again into ``output``, without any metadata (EXIF, GPS,
    XMP, comments, text chunks): decoded once, in place, so that only one
    decoded copy of one photo is in memory at a time. A truncated or forged
    image is refused here."""
    fmt = checked.file_type.pillow_format
    with opened_image(checked.upload, checked.name) as image:
        try:
            with complete_images_only():
                image.load()
            ImageOps.exif_transpose(image, in_place=True)
        except (OSError, ValueError, SyntaxError):
            raise _unreadable(checked.name) from None
        if fmt == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        elif image.mode not in ("1", "RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        # Only what the pixels need survives; Pillow writes nothing else
        # unless asked (no exif=, xmp=, pnginfo= below).
        transparency = image.info.get("transparency")
        image.info = {} if transparency is None else {"transparency": transparency}
        options = {"JPEG": {"quality": 90}, "WEBP": {"quality": 90}}.get(fmt, {})
        image.save(output, format=fmt, **options)


def sha256_of(stream):
    digest = hashlib.sha256()
    stream.seek(0)
    for chunk in iter(lambda: stream.read(64 * 1024), b""):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()
