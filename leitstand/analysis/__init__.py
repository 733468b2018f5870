"""The method (DOMAIN.md) as pure Python: a snapshot of one organisation in, an analysis out.

No Django here: `leitstand.landscape.snapshot.landscape_snapshot` loads the snapshot, and the
pages, the JSON and the command line render the same `Analysis`.
"""

from leitstand.analysis.engine import Analysis, analyze
from leitstand.analysis.snapshot import Snapshot

__all__ = ["Analysis", "Snapshot", "analyze"]
