"""The organisation's landscape for the method: the snapshot the analysis reads, loaded from
the records each app registers (`parts`), and the analysis kept per landscape (`cache`).

Below every page and above the apps' records: pages ask `cache.request_analysis(request)`;
apps register their snapshot loaders in `AppConfig.ready()` (see docs/ARCHITECTURE.md).
"""
