"""Information extraction for international S&T cooperation texts."""

# Bump whenever extraction behaviour changes: incremental runs reprocess
# every document whose rows were made by another version.
__version__ = "0.1.0"
