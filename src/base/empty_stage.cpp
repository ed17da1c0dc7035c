// Stands in for a stage that has no source files yet.
