"""Structure checks for Kamerstukken: a catalogue of rules with stable codes, and `validate`."""

from .config import Config, ConfigError, find_config, load_config
from .rules import RULES, RULES_BY_CODE, Finding, Rule
from .selection import SelectionError
from .validator import validate

__all__ = [
    "RULES",
    "RULES_BY_CODE",
    "Config",
    "ConfigError",
    "Finding",
    "Rule",
    "SelectionError",
    "find_config",
    "load_config",
    "validate",
]
