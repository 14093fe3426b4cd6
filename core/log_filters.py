"""Private links never reach a log file.

The contributor's tracking token (``/contribuer/suivi/<jeton>/``) and a
registrant's token (``/formations/inscription/<jeton>/``) are in the path of
every request on their private pages: ``django.server``, ``django.request``
(a 404, a 500) and gunicorn's access log would keep them, readable by anyone
who reads the logs, for as long as the logs live. This filter rewrites each
record's message with the token replaced by ``[jeton]``.

It imports nothing from Django, so that gunicorn's ``logconfig_dict`` can use
it too.
"""

import logging
import re

MASK = "[jeton]"
# The segment after one of these path parts is a token, wherever the page sits
# in the tree (the call page's slug may change).
TOKEN_SEGMENT = re.compile(r"(/(?:suivi|inscription)/)(?!\[jeton\])[^/\s?#\"']+")


def mask_tokens(text):
    return TOKEN_SEGMENT.sub(rf"\g<1>{MASK}", text)


class MaskTokensFilter(logging.Filter):
    """Replace private tokens in the formatted message; never drops a record."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        masked = mask_tokens(message)
        if masked != message:
            record.msg = masked
            record.args = ()
        if record.exc_info and not record.exc_text:
            # A 404 or a 500 may name the path in its exception's message.
            record.exc_text = mask_tokens(
                logging.Formatter().formatException(record.exc_info)
            )
        return True
