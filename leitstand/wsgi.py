import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leitstand.settings")
application = get_wsgi_application()

# Everything loaded so far lives as long as the worker: keep it out of the garbage collector's
# full passes, which otherwise rescan it every few requests (p95 latency of the API).
gc.freeze()
