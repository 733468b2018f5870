"""Settings gunicorn reads from the project folder (`make demo` starts it there).

When a worker has loaded the application, it removes the uploaded files of imports that never
finished (leitstand/imports/cleanup.py). Deployments that start gunicorn elsewhere run
`leitstand cleanup_imports` in their start script instead.
"""


def post_worker_init(worker) -> None:
    from leitstand.imports.cleanup import on_start

    on_start()
