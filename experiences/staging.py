"""Contributors' files on their way to the private storage.

A post's files are written to the staging storage before any transaction opens
(photos re-encoded there, one at a time); their rows are created inside the
transaction, already holding the name the file will have; the files are moved
into the private storage once the transaction has committed. So a worker
killed at any moment leaves no private file without a row: at worst staging
files nobody refers to (killed before the commit), or rows whose file is still
in staging (killed between the commit and the move). ``sweep`` removes the
first, finishes the move of the second, and removes the private files that no
row refers to (left by versions that wrote them inside the transaction).
"""

import datetime
import logging
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from experiences import uploads
from experiences.models import Submission, SubmissionAttachment
from experiences.models.submissions import attachment_path, private_storage

logger = logging.getLogger(__name__)

PRIVATE_FOLDER = "submissions"
# No request lasts this long: a staging file older than this belongs to no
# request still running.
SAFE_AGE = datetime.timedelta(hours=1)
# Errors after which the transaction may or may not have committed.
UNKNOWN_OUTCOME = (OperationalError, InterfaceError)


def staging_storage():
    return storages["staging"]


class TooManyFiles(ValidationError):
    """The submission would hold more files than allowed (a concurrent post
    added some since the form was checked)."""

    def __init__(self, count):
        super().__init__(
            _(
                "%(max)s fichiers au plus : vous en avez %(count)s. Retirez-en "
                "avant d'en ajouter."
            )
            % {"max": uploads.max_files(), "count": count},
            code="too_many",
        )


@dataclass(frozen=True)
class StagedFile:
    name: str  # the same relative name in the staging and the private storage
    original_name: str
    content_type: str
    kind: str
    size: int
    sha256: str


def _size(stream):
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    return size


def stage(checked):
    """Write one checked file to the staging storage (a photo re-encoded first,
    so that its decoded pixels are freed before the next file is read)."""
    extension = checked.file_type.extensions[0]
    name = attachment_path(None, f"fichier.{extension}")
    storage = staging_storage()
    if checked.is_image:
        spool = settings.FILE_UPLOAD_MAX_MEMORY_SIZE
        with tempfile.SpooledTemporaryFile(max_size=spool) as output:
            uploads.reencode(checked, output)
            size, digest = _size(output), uploads.sha256_of(output)
            name = storage.save(name, output)
    else:
        upload = checked.upload
        size, digest = upload.size, uploads.sha256_of(upload)
        name = storage.save(name, upload)
    return StagedFile(
        name=name,
        original_name=checked.name,
        content_type=checked.file_type.content_type,
        kind=checked.file_type.kind,
        size=size,
        sha256=digest,
    )


@dataclass
class PostFiles:
    """The files of one post, from the staging storage to the private one.

    Used as a context manager around the handling of the post: on the way out,
    staged files that no transaction took are removed.
    """

    staged: list = field(default_factory=list)
    taken: set = field(default_factory=set)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        for staged in self.staged:
            if staged.name not in self.taken:
                _delete(staging_storage(), staged.name)
        return False

    def stage(self, checked_files):
        """Stage each file in turn; return the errors of those refused."""
        errors = []
        for checked in checked_files:
            try:
                self.staged.append(stage(checked))
            except ValidationError as error:
                errors.append(error)
        return errors

    @contextmanager
    def transaction(self):
        """An atomic block in which ``attach`` may be called."""
        taken_before = set(self.taken)
        try:
            with transaction.atomic():
                yield
        except UNKNOWN_OUTCOME:
            # The commit may have happened: ``sweep`` moves or removes them.
            raise
        except BaseException:
            # Rolled back: no row refers to the files taken in this block any
            # more; they are removed on the way out unless taken again.
            self.taken = taken_before
            raise

    def attach(self, submission):
        """Create the rows of the staged files (inside ``transaction()``); the
        files join the private storage once it commits."""
        if not self.staged:
            return
        # Locked, so that two posts at once cannot both add files.
        Submission.objects.select_for_update().filter(pk=submission.pk).exists()
        count = submission.attachments.count() + len(self.staged)
        if count > uploads.max_files():
            raise TooManyFiles(count)
        for staged in self.staged:
            SubmissionAttachment.objects.create(
                submission=submission,
                file=staged.name,
                original_name=staged.original_name,
                content_type=staged.content_type,
                size=staged.size,
                kind=staged.kind,
                sha256=staged.sha256,
            )
            self.taken.add(staged.name)
        names = [staged.name for staged in self.staged]
        transaction.on_commit(lambda: publish(names), robust=True)


def publish(names):
    for name in names:
        move_to_private(name)


def move_to_private(name):
    """Move one staged file to the private storage, under the same name."""
    staging, private = staging_storage(), private_storage()
    if private.exists(name):
        private.delete(name)  # a copy cut short by a killed worker
    with staging.open(name, "rb") as source:
        saved = private.save(name, source)
    if saved != name:
        SubmissionAttachment.objects.filter(file=name).update(file=saved)
    staging.delete(name)


def _delete(storage, name):
    try:
        storage.delete(name)
    except OSError:
        logger.warning("Could not remove staged file %s.", name, exc_info=True)


def _walk(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def _intact(storage, name, attachment):
    if not storage.exists(name) or storage.size(name) != attachment.size:
        return False
    with storage.open(name, "rb") as stored:
        return uploads.sha256_of(stored) == attachment.sha256


@dataclass
class SweepResult:
    moved: int = 0  # rows whose file was still in staging: move finished
    removed_staged: int = 0  # staging files no row refers to
    removed_private: int = 0  # private files no row refers to
    missing: list = field(default_factory=list)  # rows whose file is nowhere


def sweep(*, older_than=SAFE_AGE, now=None, dry_run=False):
    """Remove the files that no attachment row refers to, and finish the moves
    that a killed worker left undone. Files younger than ``older_than`` may
    belong to a request still running: they are left alone. Each storage is
    listed once (no request per row: the private storage may be a bucket)."""
    cutoff = (now or timezone.now()) - older_than
    staging, private = staging_storage(), private_storage()
    attachments = SubmissionAttachment.objects.only("file", "size", "sha256")
    rows = {attachment.file.name: attachment for attachment in attachments}
    staged = set(_walk(staging))
    stored = set(_walk(private, PRIVATE_FOLDER))
    result = SweepResult()
    for name in sorted(staged):
        if staging.get_modified_time(name) > cutoff:
            continue
        attachment = rows.get(name)
        if attachment is None:
            result.removed_staged += 1
            if not dry_run:
                _delete(staging, name)
        elif name in stored and _intact(private, name, attachment):
            if not dry_run:
                _delete(staging, name)
        else:
            result.moved += 1
            stored.add(name)
            if not dry_run:
                move_to_private(name)
    for name in sorted(stored - rows.keys()):
        if private.get_modified_time(name) > cutoff:
            continue
        result.removed_private += 1
        if not dry_run:
            _delete(private, name)
    result.missing = [
        attachment.pk
        for name, attachment in rows.items()
        if name not in stored and name not in staged
    ]
    return result
