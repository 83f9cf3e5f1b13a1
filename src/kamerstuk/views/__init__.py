"""Ways to look at a parse: a short summary, the terminal screen (`show`) and the annotated HTML page."""

from ..models import set_notebook_view
from .annotate import annotate, annotate_references, notebook_html
from .summary import short_repr

set_notebook_view(notebook_html)

__all__ = ["annotate", "annotate_references", "notebook_html", "short_repr"]
