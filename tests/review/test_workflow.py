""".github/workflows/pr-effect.yml's own shell steps, run as GitHub runs them on a pull request: in a
checkout of the pull request merged into its base branch (refs/pull/N/merge), with the `${{ }}`
expressions GitHub fills in given their values."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import REPOSITORY
from tests.review.conftest import LibraryRepository, new_library_repository
from webhook.review.render import MARKER

WORKFLOW = REPOSITORY / ".github" / "workflows" / "pr-effect.yml"
COMPARE, KEEP = "Compare the base and the head", "Keep the report as the comment"
PULL_REQUEST = "42"
#: What GitHub refuses in one comment.
COMMENT_LIMIT = 65_536


def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def step_script(name: str) -> str:
    """The step's `run:` script with GitHub's expressions filled in as for pull request 42."""
    [step] = [s for s in workflow()["jobs"]["diff"]["steps"] if s.get("name") == name]
    values = {"github.event.pull_request.number": PULL_REQUEST}
    script = re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: values[m.group(1)], step["run"])
    assert "${{" not in script
    return str(script)


def run_steps(checkout: Path, *names: str) -> dict[str, str]:
    """Run the steps in `checkout` as the job does; what they wrote to $GITHUB_OUTPUT, as name: value."""
    (checkout / ".venv").symlink_to(REPOSITORY / ".venv")  # the "Install" step's virtualenv
    output = checkout.parent / "github_output"
    summary = checkout.parent / "github_step_summary"
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(checkout.parent),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
        **{key: str(value) for key, value in workflow()["env"].items()},
    }
    for name in names:
        # GitHub runs a `run:` step with `bash -e {0}`.
        subprocess.run(["bash", "-e", "-c", step_script(name)], cwd=checkout, env=env, check=True)
    lines = output.read_text(encoding="utf-8").splitlines() if output.exists() else []
    return dict(line.split("=", 1) for line in lines)


def merged_pull_request(repo: LibraryRepository) -> None:
    """A pull request branched from `base`, behind main (main changed Welsh wording since), with its
    merge into main checked out, as actions/checkout leaves a pull_request run."""
    repo.git("switch", "-q", "-c", "slip", "base")
    repo.blank_oxford_contact()
    repo.commit("oxford: contact wording")
    repo.git("switch", "-q", "main")
    repo.edit_yaml(
        "intents/system/thanks_goodbye.yaml",
        lambda data: data["languages"]["cy"]["responses"]["text"].append("Hwyl fawr am y tro!"),
    )
    repo.commit("another Welsh goodbye, merged while the pull request waited")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge pull request #42", "slip")


def test_the_workflow_reports_the_pull_request_alone_and_fails_on_an_empty_answer(
    repo: LibraryRepository,
) -> None:
    merged_pull_request(repo)

    outputs = run_steps(repo.root, COMPARE, KEEP)

    assert outputs["status"] == "1"  # the last step fails the check
    comment = (repo.root / "pr-effect" / "comment.md").read_text(encoding="utf-8")
    assert comment.startswith(MARKER + "\n")  # how the next push finds this comment to update it
    assert "council.contact now answers with nothing" in comment
    assert "<strong>oxford</strong>" in comment
    # main's own newer change is in both revisions compared, so it is not shown as this one undoing it
    assert "thanks_goodbye" not in comment and "Welsh" not in comment
    assert "1 of 4 councils affected" in comment
    assert (repo.root / "pr-effect" / "number").read_text(encoding="utf-8").strip() == PULL_REQUEST
    summary = (repo.root.parent / "github_step_summary").read_text(encoding="utf-8")
    assert summary == (repo.root / "pr-effect.md").read_text(encoding="utf-8")


def test_a_report_too_long_for_one_comment_is_cut_between_councils(tmp_path: Path) -> None:
    checkout = new_library_repository(tmp_path).root
    folds = [
        f"<details><summary><strong>council{n}</strong>: en: 1 intent</summary>\n\n"
        + "- before: a long answer\n" * 400
        + "</details>"
        for n in range(10)
    ]
    report = "\n".join([MARKER, "## What this change does for each council's residents", "", *folds]) + "\n"
    assert len(report) > COMMENT_LIMIT
    (checkout / "pr-effect.md").write_text(report, encoding="utf-8")

    run_steps(checkout, KEEP)

    comment = (checkout / "pr-effect" / "comment.md").read_text(encoding="utf-8")
    assert len(comment) < COMMENT_LIMIT
    assert comment.startswith(MARKER)
    assert comment.count("<details>") == comment.count("</details>") > 0
    assert "every council's fold is in the job summary" in comment
