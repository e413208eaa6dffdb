"""The open data API of decrees: read-only and public."""
