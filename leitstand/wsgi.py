import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leitstand.settings")
application = get_wsgi_application()

from leitstand.imports.cleanup import on_start  # noqa: E402 (needs the application loaded)

on_start()  # uploads of imports that never finished (see imports/cleanup.py)

# Everything loaded so far lives as long as the worker: keep it out of the garbage collector's
# full passes, which otherwise rescan it every few requests (p95 latency of the API).
gc.freeze()
