"""Static files: which vendor files are served, and how they are stored."""

import re

from django.contrib.staticfiles.apps import StaticFilesConfig
from whitenoise.storage import CompressedManifestStaticFilesStorage


class LeitstandStaticFilesConfig(StaticFilesConfig):
    """Leave out what the vendor packages ship for developers (sources, maps, demos, tests)."""

    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,
        "*.map",
        "*.scss",
        "*.ts",
        "*.md",
        "*.json",
        "*.cff",
        "layout-schema.png",
        "src",
        "demo",
        "test",
        "nbproject",
        "chunks",
        "controllers",
        "core",
        "elements",
        "helpers",
        "platform",
        "plugins",
        "scales",
        "types",
        "*.esm.*",
        "*.cjs",
        "*.mjs",
        "*.rtl.*",
        "webpack.config.js",
        "index.js",
        "bootstrap-grid*",
        "bootstrap-reboot*",
        "bootstrap-utilities*",
        "bootstrap.js",
        "bootstrap.css",
        "bootstrap.bundle.js",
        "bootstrap.min.js",
        "bootstrap.esm*",
    ]


#: Not compressed at collectstatic: the API documentation's assets (9 MB, opened rarely).
UNCOMPRESSED_PREFIXES = ("drf_spectacular_sidecar/",)
_HASHED = re.compile(r"\.[0-9a-f]{12}\.[^./]+$")


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed files; source-map comments are left alone (the maps are not shipped).

    Compressed only where it pays: the hashed names that pages link to (the copies under the
    original names are served as they are), not the API documentation's assets. That halves
    the work of `collectstatic`, which took minutes with gzip and brotli for every file.
    """

    def compress_files(self, paths):
        worth_it = [
            path
            for path in paths
            if _HASHED.search(path) and not path.startswith(UNCOMPRESSED_PREFIXES)
        ]
        return super().compress_files(worth_it)

    patterns = (
        (
            "*.css",
            (
                r"""(?P<matched>url\((?P<quote>['"]{0,1})\s*(?P<url>.*?)(?P=quote)\))""",
                (
                    r"""(?P<matched>@import\s*["']\s*(?P<url>.*?)["'])""",
                    """@import url("%(url)s")""",
                ),
            ),
        ),
    )
