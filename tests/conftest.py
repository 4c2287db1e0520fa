import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sitebuilder import Project  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path):
    """A factory: project(files) -> Project with the minimal valid base plus `files`."""
    def make(files=None):
        return Project(tmp_path / "manual", files)
    return make
