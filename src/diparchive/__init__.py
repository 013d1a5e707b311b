"""diparchive: a bilingual static archive of diplomatic news."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diparchive")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
