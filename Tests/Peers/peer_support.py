"""Shared by the peer scripts in this folder (run as scripts, so this folder is on sys.path)."""
import sys


def need(module):
    """Imports `module`, or exits with status 3 and "missing: MODULE" on stderr when it is not installed."""
    try:
        return __import__(module)
    except ImportError:
        sys.stderr.write(f"missing: {module}\n")
        sys.exit(3)
