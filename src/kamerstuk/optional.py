"""Optional dependencies (pandas, pyarrow, dask, networkx), imported on first use with a hint naming the extra."""

from __future__ import annotations

import importlib


def require(module: str, extra: str) -> None:
    """Import `module` (the caller then imports it typed), or raise ImportError naming the extra that provides it."""
    try:
        importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"{module} is needed for this; install it with: pip install 'kamerstuk[{extra}]'") from exc
