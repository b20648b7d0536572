//! The GitHub Action (`action.yml`): its review step is
//! `scripts/pr-review`, run here as the action runs it, on a temporary git
//! repository, with the GitHub variables set and a stand-in `gh` that
//! records what would be posted.

use std::path::Path;
use std::process::Command;

use crate::common::project_root;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=test", "-c", "user.email=test@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

struct Run {
    code: Option<i32>,
    summary: String,
    output: String,
    posted: String,
}

fn review(repo: &Path, policies: &str) -> Run {
    let temp = repo.join("runner-temp");
    std::fs::create_dir_all(&temp).unwrap();
    let summary = temp.join("summary.md");
    let output = temp.join("output.txt");
    let posted = temp.join("gh.log");
    // `gh` finds no earlier comment, then records the comment it posts.
    let bin = temp.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let gh = bin.join("gh");
    std::fs::write(
        &gh,
        format!(
            "#!/bin/sh\necho \"$@\" >> {log}\nfor a in \"$@\"; do case \"$a\" in body=@*) cat \"${{a#body=@}}\" >> {log};; esac; done\n",
            log = posted.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&gh, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new(project_root().join("scripts/pr-review"))
        .args(["HEAD", policies])
        .current_dir(repo)
        .env("PATH", path)
        .env("RESDIFF", assert_cmd::cargo::cargo_bin("resdiff"))
        .env("RESDIFF_OUT", &temp)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_OUTPUT", &output)
        .env("GH_TOKEN", "token")
        .env("GITHUB_REPOSITORY", "un/resolutions")
        .env("PR_NUMBER", "7")
        .output()
        .unwrap();
    assert!(
        temp.join("resdiff.html").exists() || out.status.code() == Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    let run = Run {
        code: out.status.code(),
        summary: read(&summary),
        output: read(&output),
        posted: read(&posted),
    };
    for file in [summary, output, posted] {
        let _ = std::fs::remove_file(file);
    }
    run
}

#[cfg(unix)]
#[test]
fn the_review_step_reports_posts_and_gates() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let series = repo.join("resolutions/csto");
    std::fs::create_dir_all(&series).unwrap();
    let base = std::fs::read_to_string(project_root().join("resolutions/csto/75.md")).unwrap();
    std::fs::write(series.join("75.md"), &base).unwrap();
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "75"]);

    // A new version with its routine updates only: reported, nothing matched.
    let drafted = std::fs::read_to_string(project_root().join("resolutions/csto/77.md")).unwrap();
    std::fs::write(series.join("77.md"), &drafted).unwrap();
    let run = review(repo, "removed,weakened");
    assert_eq!(run.code, Some(0));
    assert!(run.summary.starts_with("# "), "{}", run.summary);
    assert!(
        run.summary.contains("seventy-ninth"),
        "the redline is in the job summary"
    );
    assert_eq!(run.output, "status=0\n");
    assert!(
        run.posted
            .contains("POST repos/un/resolutions/issues/7/comments"),
        "{}",
        run.posted
    );
    assert!(run.posted.contains("<!-- resdiff review -->"));

    // An edit that drops the last operative paragraph trips `removed`.
    let cut: String = base
        .lines()
        .filter(|l| !l.starts_with("9. "))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(series.join("75.md"), cut).unwrap();
    std::fs::remove_file(series.join("77.md")).unwrap();
    let run = review(repo, "removed");
    assert_eq!(run.code, Some(1));
    assert_eq!(run.output, "status=1\n");

    // A file that does not parse: exit 2, nothing posted.
    std::fs::write(series.join("75.md"), "not a resolution").unwrap();
    let run = review(repo, "removed");
    assert_eq!(run.code, Some(2));
    assert!(run.posted.is_empty());
}

#[test]
fn the_action_runs_the_script_and_passes_inputs_as_variables() {
    let action = std::fs::read_to_string(project_root().join("action.yml")).unwrap();
    assert!(action.contains("using: composite"));
    assert!(action.contains("scripts/pr-review\" \"$BASE\" \"$FAIL_ON\""));
    // No input is spliced into a script, where it could run as code.
    for line in action
        .lines()
        .filter(|l| l.trim_start().starts_with("\"$GITHUB_ACTION_PATH"))
    {
        assert!(!line.contains("${{"), "{line}");
    }
    let docs = std::fs::read_to_string(project_root().join("docs/ci.md")).unwrap();
    assert!(
        docs.contains("uses: ./"),
        "docs/ci.md shows the action in use"
    );
}
