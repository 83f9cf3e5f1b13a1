"""Archives in, tables out: sources (files, folders, zip, tar), parallel parsing, record tables, writers, Dask."""
