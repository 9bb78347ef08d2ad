"""The graphs of a project as backend-neutral scenes (see ``wizard.scene``).

- ``phase_map``: the contract map — phases on a time axis, dependencies, critical path,
  break clauses, review points and steering-group coverage.
- ``risk_matrix``: the 5×5 likelihood × impact matrix with every risk as a marker.
- ``partner_load``: the risk score each partner carries, for the whole contract and per phase.
"""

from wizard.graphs.partner_load import partner_load
from wizard.graphs.phase_map import STAGE_OF_KIND, phase_map
from wizard.graphs.risk_matrix import risk_matrix

__all__ = ["STAGE_OF_KIND", "partner_load", "phase_map", "risk_matrix"]
