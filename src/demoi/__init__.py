"""demoi: linked open data for Greek local government (OTA)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("demoi")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
