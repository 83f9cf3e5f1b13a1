"""Extractors that every reader and the assembler share: dates, people, kinds, markers, dossiers, references."""
