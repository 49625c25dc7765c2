"""Data reconciliation of measured flows on a network of process units (docs/mass-balance.md).

    network = Network.from_dict({...})           # streams, nodes with their in/out streams, measurements, sigmas
    result = reconcile(network, confidence=0.95)  # weighted least squares under the balance constraints
    result.reconciled, result.adjustments, result.global_test, result.measurement_tests, result.suspect

`balance_check()` is the simpler question for one factory: how far mass in and mass out are apart.
"""

from ecotown.factories.reconcile.balance import BalanceCheck, balance_check
from ecotown.factories.reconcile.network import Network, NetworkError
from ecotown.factories.reconcile.solver import GlobalTest, Reconciliation, reconcile

__all__ = ["BalanceCheck", "GlobalTest", "Network", "NetworkError", "Reconciliation", "balance_check", "reconcile"]
