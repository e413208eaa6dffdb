"""The budget of unknown verification codes, shared by the pages and the API."""

from sikejar.core.misses import MissBudget, client_ip

verification_misses = MissBudget("decree-verification")

__all__ = ["client_ip", "verification_misses"]
