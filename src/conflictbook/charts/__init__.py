"""Charts of conflictbook tables (matplotlib): one module per chart."""
