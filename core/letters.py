"""The registry of emails the outbox can send, filled by the domain apps.

An app registers each template it sends, with the folder of its templates
(``<folder>/<template>.subject.txt``, ``.txt`` and ``.html``, in the app's own
template folder) and a builder: given the outbox row,
the builder returns a ``Letter`` (recipients and template context), or raises
``PermanentFailure`` when the email can no longer be sent (no recipient left).
The builder runs inside the send task, so that addresses, links and texts are
read from the database then, and never stored in the task queue.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


class PermanentFailure(Exception):
    """An email that no retry can send (recipient refused, nobody to write to)."""


@dataclass(frozen=True)
class Letter:
    to: list[str]
    context: dict = field(default_factory=dict)
    # (filename, content, mimetype) triples attached to the email.
    attachments: tuple = ()


@dataclass(frozen=True)
class Kind:
    template: str
    label: str
    build: Callable
    folder: str

    def path(self, suffix):
        return f"{self.folder}/{self.template}{suffix}"


KINDS: dict[str, Kind] = {}
AUDIENCES: dict[str, str] = {}


def register(template, label, build, *, folder):
    """Declare that ``templates/<folder>/<template>.*`` is built by ``build``."""
    KINDS[template] = Kind(template, label, build, folder)


def register_audience(name, label):
    AUDIENCES[name] = label


def label(template):
    kind = KINDS.get(template)
    return kind.label if kind else template


def audience_label(name):
    return AUDIENCES.get(name, name)


def kind_of(email):
    kind = KINDS.get(email.template)
    if kind is None:
        raise PermanentFailure(f"Aucun modèle de courriel « {email.template} ».")
    return kind


def subject_row(email, queryset, gone):
    """The row ``email`` is about (its ``object_id``), read when it is sent;
    ``PermanentFailure(gone)`` when the row no longer exists (purged)."""
    row = queryset.filter(pk=email.object_id).first()
    if row is None:
        raise PermanentFailure(gone)
    return row


def build(email):
    letter = kind_of(email).build(email)
    recipients = [address for address in letter.to if address]
    if not recipients:
        raise PermanentFailure("Aucun destinataire.")
    return Letter(recipients, letter.context, letter.attachments)
