"""Other radar tools' formats in and out: one module per format, shared snapshot-to-history logic."""
