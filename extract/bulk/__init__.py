"""Bulk import: inputs from folders and archives, worker processes, the batch run, the Dask engine."""
