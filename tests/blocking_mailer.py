"""A mailer for the worker tests, run in a `db_worker` subprocess.

It records each message it delivers (one JSON line: Message-ID, recipients,
subject) in ``$RECUEIL_MAIL_DIR/delivered.jsonl``. With
``RECUEIL_MAIL_BLOCK=1`` it first writes ``entered`` and then blocks, as a mail
server that never answers: the test kills the worker at that moment."""

import json
import os
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        folder = Path(os.environ["RECUEIL_MAIL_DIR"])
        if os.environ.get("RECUEIL_MAIL_BLOCK") == "1":
            (folder / "entered").write_text("1")
            time.sleep(3600)
        with (folder / "delivered.jsonl").open("a") as delivered:
            for message in email_messages:
                record = {
                    "message_id": message.extra_headers.get("Message-ID"),
                    "to": message.to,
                    "subject": message.subject,
                }
                delivered.write(json.dumps(record) + "\n")
        return len(email_messages)
