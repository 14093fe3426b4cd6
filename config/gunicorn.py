"""gunicorn's settings: ``gunicorn -c config/gunicorn.py config.wsgi``.

gunicorn's own logs (``gunicorn.error`` names the path of a request that
failed; ``gunicorn.access``, off unless ``--access-logfile`` is given, logs
every request line and referer) pass through the filter that masks private
tokens, as Django's logs do (core.log_filters).
"""

import logging

from core.log_filters import MaskTokensFilter

for _name in ("gunicorn.error", "gunicorn.access"):
    logging.getLogger(_name).addFilter(MaskTokensFilter())
