"""`kamerstuk.dask`: the Dask bridge under its documented path; the code lives in archive/dask.py.

Needs the extra `kamerstuk[dask]`.
"""

from .archive.dask import FILES_PER_PARTITION, read_documents, read_results, to_dataframes, to_parquet

__all__ = ["FILES_PER_PARTITION", "read_documents", "read_results", "to_dataframes", "to_parquet"]
