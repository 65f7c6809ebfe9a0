"""No data lives here any more: the demo assessments are files in demo/data/assessments/, read
by demo.loader. Kept only because tests/e2e/test_journeys.py imports ATTITUDE from this module;
once that import reads `load_assessments().attitude` from demo.loader, delete this file."""

from .loader import load_assessments

ATTITUDE = load_assessments().attitude
