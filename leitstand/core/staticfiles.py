"""Static files: which vendor files are served, and how they are stored."""

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


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed files; source-map comments are left alone (the maps are not shipped)."""

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
