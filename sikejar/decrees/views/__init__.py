"""Public pages of decrees: verification by code or by file, and the register."""
