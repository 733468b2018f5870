"""The findings, one small function per kind; each reads the facts and returns findings.

Later capabilities (assessment, processes, resilience) add a module here and their functions
to RULES.
"""

from collections.abc import Callable

from leitstand.analysis.facts import Facts
from leitstand.analysis.findings import Finding
from leitstand.analysis.rules.continuity import (
    outage_without_recovery_plan_findings,
    rpo_gap_findings,
    rto_gap_findings,
)
from leitstand.analysis.rules.flows import (
    manual_only_data_findings,
    manual_transfer_findings,
    multi_master_findings,
)
from leitstand.analysis.rules.landscape import (
    dependency_hub_findings,
    isolated_systems_findings,
    overlap_findings,
    shadow_it_personal_data_findings,
    similar_name_findings,
)
from leitstand.analysis.rules.processes import (
    automation_candidate_findings,
    unneeded_step_findings,
)
from leitstand.analysis.rules.regulation import REGULATION_RULES
from leitstand.analysis.rules.resilience import RESILIENCE_RULES

RULES: tuple[Callable[[Facts], list[Finding]], ...] = (
    manual_transfer_findings,
    overlap_findings,
    similar_name_findings,
    multi_master_findings,
    manual_only_data_findings,
    shadow_it_personal_data_findings,
    dependency_hub_findings,
    isolated_systems_findings,
    unneeded_step_findings,
    automation_candidate_findings,
    rto_gap_findings,
    rpo_gap_findings,
    outage_without_recovery_plan_findings,
    *RESILIENCE_RULES,
    *REGULATION_RULES,
)
