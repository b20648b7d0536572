//! The reports as a user gets them from `resdiff compare`: snapshots of every
//! format for the shipped CSTO pair and a real Security Council pair, the
//! Markdown summary read back by a Markdown parser, hostile text in every
//! format, output files and colour choices.

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::common::{assert_success, resdiff, shared_corpus};

/// What the hostile paragraph says, character for character. It replaces
/// the words "to continue" in OP 7 of the shipped 77 draft: HTML that would
/// run script (and leave a mark on the page if it did), Markdown syntax of
/// every kind, and table pipes.
pub const HOSTILE: &str = "<script>document.title='pwned'</script> \
    <img src=x onerror=\"document.body.dataset.pwned='yes'\"> \
    & * | `tick` **bold** [link](javascript:alert(1)) # hash to continue";

/// The words of [`HOSTILE`] that only a literal rendering shows intact.
pub const HOSTILE_SCRIPT: &str = "<script>document.title='pwned'</script>";

/// Runs `resdiff compare` with `args`, expecting success; its standard output.
fn compare(args: &[&str]) -> String {
    let out = resdiff()
        .arg("compare")
        .args(args)
        .output()
        .expect("resdiff runs");
    assert!(
        out.status.success(),
        "resdiff compare {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("reports are UTF-8")
}

// ------------------------------------------------------------ shipped corpus

#[test]
fn csto_75_77_html() {
    let page = compare(&["75", "77", "--format", "html"]);
    insta::assert_snapshot!(drop_stylesheet(&page));
}

/// The snapshots leave the stylesheet out, so their review reads like the
/// report; here it is checked once: inline, whole, and with nothing that
/// fetches from the network.
#[test]
fn the_page_carries_its_stylesheet_whole() {
    let page = compare(&["75", "77", "--format", "html"]);
    let css =
        std::fs::read_to_string(crate::common::project_root().join("templates/html/style.css"))
            .unwrap();
    assert!(
        page.contains(&format!("<style>\n{}", css.trim_end())),
        "the stylesheet is inline and whole"
    );
    assert_eq!(page.matches("<style>").count(), 1);
    for fetch in ["@import", "url(", "http:", "https:"] {
        assert!(
            !css.contains(fetch),
            "the stylesheet fetches nothing: {fetch}"
        );
    }
}

#[test]
fn csto_75_77_markdown() {
    insta::assert_snapshot!(compare(&["75", "77", "--format", "md"]));
}

#[test]
fn csto_75_77_text() {
    insta::assert_snapshot!(compare(&[
        "75", "77", "--format", "text", "--color", "never"
    ]));
}

#[test]
fn markdown_summary_table_counts_75_77() {
    let md = compare(&["75", "77", "--format", "md"]);
    let tables = markdown_tables(&md);
    let counts = tables
        .iter()
        .find(|t| t[0][0] == "Paragraphs")
        .expect("a table of paragraph counts");
    assert_eq!(
        counts[0],
        ["Paragraphs", "Preamble", "Operative", "Total"],
        "header"
    );
    let row = |status: &str| -> Vec<String> {
        counts
            .iter()
            .find(|r| r[0] == status)
            .unwrap_or_else(|| panic!("no {status} row in {counts:?}"))[1..]
            .to_vec()
    };
    assert_eq!(row("modified"), ["0", "2", "2"]);
    assert_eq!(row("unchanged"), ["15", "7", "22"]);
    for status in ["added", "removed", "split", "merged"] {
        assert_eq!(row(status), ["0", "0", "0"], "{status}");
    }
    // The statuses add up to every paragraph; none moved or renumbered, so
    // those rows are left out.
    assert_eq!(row("total"), ["15", "9", "24"]);
    assert!(
        counts.iter().all(|r| !r[0].starts_with("of which")),
        "{counts:?}"
    );
    let figures = tables
        .iter()
        .find(|t| t[0][0] == "Figure")
        .expect("a table of figures");
    let figure = |name: &str| {
        figures
            .iter()
            .find(|r| r[0] == name)
            .unwrap_or_else(|| panic!("no {name} row"))[1]
            .clone()
    };
    assert_eq!(figure("Routine updates"), "2");
    assert_eq!(figure("Words inserted"), "2");
    assert_eq!(figure("Words deleted"), "2");
}

// ------------------------------------------------- a real Security Council pair

/// South Sudan sanctions renewals, S/2017/444 → S/2019/441, imported from the
/// raw texts on the fly. Corpus text must not be copied into the repository,
/// so the snapshots keep the report's structure and every changed fragment
/// (`<ins>`/`<del>`, `{+…+}`/`[-…-]`) but abbreviate each run of unchanged
/// text longer than ten words to its first and last three words around
/// "…". That keeps what a regression would change (statuses, numbering,
/// badges, markup, which words were marked) while an unchanged sentence is
/// no longer readable. The HTML keeps its markup whole so anchors, classes
/// and escaping stay under test; its stylesheet is the same as in the CSTO
/// snapshot and is left out.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn south_sudan_2017_2019_all_formats() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let old = corpus.join("sc/S_2017_444.txt");
    let new = corpus.join("sc/S_2019_441.txt");
    let (old, new) = (relative(&old), relative(&new));
    let run = |extra: &[&str]| {
        let mut args = vec![old.as_str(), new.as_str()];
        args.extend_from_slice(extra);
        compare(&args)
    };

    let html = run(&["--format", "html"]);
    insta::assert_snapshot!(
        "south_sudan_2017_2019_html",
        abbreviate_marked(&drop_stylesheet(&html), Markup::Tags)
    );
    let md = run(&["--format", "md"]);
    insta::assert_snapshot!(
        "south_sudan_2017_2019_markdown",
        abbreviate_marked(&md, Markup::Tags)
    );
    let text = run(&["--format", "text", "--color", "never"]);
    insta::assert_snapshot!(
        "south_sudan_2017_2019_text",
        abbreviate_marked(&text, Markup::Brackets)
    );
}

/// `path` as the user would type it from the project root, so the report's
/// "imported from …" line does not depend on where the checkout lives.
fn relative(path: &Path) -> String {
    let root = crate::common::project_root();
    match path.strip_prefix(root.join("..")) {
        Ok(rest) => format!("../{}", rest.display()),
        Err(_) => path.display().to_string(),
    }
}

#[derive(Clone, Copy)]
enum Markup {
    /// HTML and Markdown: `<ins>`/`<del>` elements, other tags kept verbatim.
    Tags,
    /// The terminal view: `{+…+}` and `[-…-]`.
    Brackets,
}

/// Abbreviates unchanged text line by line, keeping changed fragments and
/// markup whole (see [`south_sudan_2017_2019_all_formats`]).
fn abbreviate_marked(report: &str, markup: Markup) -> String {
    let mut out = String::with_capacity(report.len());
    for line in report.split_inclusive('\n') {
        match markup {
            Markup::Tags => abbreviate_tagged_line(line, &mut out),
            Markup::Brackets => abbreviate_bracketed_line(line, &mut out),
        }
    }
    out
}

fn abbreviate_tagged_line(line: &str, out: &mut String) {
    let mut changed_depth = 0usize;
    let mut rest = line;
    while !rest.is_empty() {
        let text_end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..text_end];
        if changed_depth > 0 {
            out.push_str(text);
        } else {
            out.push_str(&abbreviate_run(text));
        }
        rest = &rest[text_end..];
        if rest.is_empty() {
            break;
        }
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..tag_end];
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if name == "ins" || name == "del" {
            if tag.starts_with("</") {
                changed_depth = changed_depth.saturating_sub(1);
            } else {
                changed_depth += 1;
            }
        }
        out.push_str(tag);
        rest = &rest[tag_end..];
    }
}

fn abbreviate_bracketed_line(line: &str, out: &mut String) {
    let mut rest = line;
    loop {
        let open = ["{+", "[-"]
            .iter()
            .filter_map(|m| rest.find(m).map(|at| (at, *m)))
            .min();
        let Some((at, marker)) = open else {
            out.push_str(&abbreviate_run(rest));
            return;
        };
        out.push_str(&abbreviate_run(&rest[..at]));
        let close = if marker == "{+" { "+}" } else { "-]" };
        let end = rest[at + 2..]
            .find(close)
            .map_or(rest.len(), |e| at + 2 + e + 2);
        out.push_str(&rest[at..end]);
        rest = &rest[end..];
    }
}

/// A run of more than ten words becomes its first and last three around
/// "…"; the whitespace at either end is kept so markup stays where it was.
/// Words are tokens with a letter or digit, so table pipes do not count.
fn abbreviate_run(text: &str) -> String {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let words = tokens
        .iter()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .count();
    if words <= 10 || tokens.len() <= 6 {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!(
        "{lead}{} … {}{trail}",
        tokens[..3].join(" "),
        tokens[tokens.len() - 3..].join(" ")
    )
}

fn drop_stylesheet(html: &str) -> String {
    match (html.find("<style>"), html.find("</style>")) {
        (Some(start), Some(end)) => format!(
            "{}<style>/* templates/html/style.css, tested once */{}",
            &html[..start],
            &html[end..]
        ),
        _ => panic!("the report has no stylesheet"),
    }
}

#[test]
fn abbreviation_keeps_changes_and_shortens_long_equal_runs() {
    let mut out = String::new();
    abbreviate_tagged_line(
        "<p>one two three four five six seven eight nine ten eleven <del>a b c d e f g h i j k l</del>end</p>\n",
        &mut out,
    );
    assert_eq!(
        out,
        "<p>one two three … nine ten eleven <del>a b c d e f g h i j k l</del>end</p>\n"
    );
    let mut out = String::new();
    abbreviate_bracketed_line(
        "  x {+a b c d e f g h i j k+} one two three four five six seven eight nine ten eleven\n",
        &mut out,
    );
    assert_eq!(
        out,
        "  x {+a b c d e f g h i j k+} one two three … nine ten eleven\n"
    );
    assert_eq!(
        abbreviate_run("| a | b | c | d | e |"),
        "| a | b | c | d | e |"
    );
}

// ------------------------------------------------------------- hostile text

/// A copy of the shipped 77 draft in `dir` whose OP 7 carries [`HOSTILE`],
/// written with the canonical format's escapes so the parsed paragraph
/// holds the characters literally.
pub fn hostile_77(dir: &Path) -> PathBuf {
    let source = crate::common::project_root().join("resolutions/csto/77.md");
    let text = std::fs::read_to_string(&source).expect("the shipped 77 draft");
    let anchor = "7. _Encourages_ both organizations to continue";
    assert!(
        text.contains(anchor),
        "OP 7 of 77.md changed; update the test"
    );
    let edited = text.replacen(
        anchor,
        &format!("7. _Encourages_ both organizations {}", escape(HOSTILE)),
        1,
    );
    let path = dir.join("77-hostile.md");
    std::fs::write(&path, edited).expect("temp file");
    path
}

/// The canonical format's inline escapes: a backslash before every
/// character Markdown could read as markup.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\`*_[]<>&~!|$#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[test]
fn hostile_text_is_literal_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = hostile_77(dir.path());
    let hostile = hostile.to_str().unwrap();

    // HTML: every character escaped, no element from the text.
    let html = compare(&["75", hostile, "--format", "html"]);
    let body = &html[html.find("</style>").expect("stylesheet")..];
    assert!(!body.contains("<script"), "a script element in the report");
    assert!(!body.contains("<img"), "an img element in the report");
    assert!(!body.contains("<b>") && !body.contains("<strong>"));
    assert!(!body.contains("<code>") && !body.contains("<a href=\"javascript"));
    assert!(body.contains("&#60;script&#62;document.title=&#39;pwned&#39;&#60;/script&#62;"));
    assert!(body.contains(
        "&#60;img src=x onerror=&#34;document.body.dataset.pwned=&#39;yes&#39;&#34;&#62;"
    ));
    assert!(body.contains("&#38; * | `tick` **bold** [link](javascript:alert(1)) # hash"));
    assert_no_controls(&html);

    // Markdown: a Markdown reader gets the characters back as text, and
    // nothing else: no HTML, code, links, emphasis or headings.
    let md = compare(&["75", hostile, "--format", "md"]);
    assert_no_controls(&md);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut text = String::new();
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                let tag = h.trim_start_matches(['<', '/']);
                assert!(
                    ["ins", "del", "details", "summary"]
                        .iter()
                        .any(|ok| tag.starts_with(ok)),
                    "raw HTML from the text: {h:?}"
                );
            }
            Event::Code(code) => panic!("text became code: {code:?}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("text became a link: {dest_url}"),
            Event::Text(t) => text.push_str(&t),
            _ => {}
        }
    }
    // Emphasis or a heading would have eaten the `**` or `#`.
    assert!(text.contains(HOSTILE), "the literal text in {text:?}");

    // The terminal view prints the text as it is, with no escape sequences.
    for color in ["never", "always"] {
        let plain = compare(&["75", hostile, "--format", "text", "--color", color]);
        assert!(plain.contains(HOSTILE_SCRIPT), "--color {color}");
        assert!(plain.contains("[link](javascript:alert(1)) # hash"));
        assert_no_controls(&strip_sgr(&plain));
    }

    // JSON keeps the text verbatim.
    let json: serde_json::Value =
        serde_json::from_str(&compare(&["75", hostile, "--format", "json"])).unwrap();
    assert!(
        strings(&json).iter().any(|s| s.contains(HOSTILE)),
        "the literal text in the JSON"
    );
}

/// Every string in a JSON value.
fn strings(value: &serde_json::Value) -> Vec<&str> {
    match value {
        serde_json::Value::String(s) => vec![s.as_str()],
        serde_json::Value::Array(items) => items.iter().flat_map(strings).collect(),
        serde_json::Value::Object(map) => map.values().flat_map(strings).collect(),
        _ => Vec::new(),
    }
}

/// Control characters other than the newline; a terminal would act on them.
fn assert_no_controls(out: &str) {
    if let Some(c) = out.chars().find(|&c| c.is_control() && c != '\n') {
        panic!("control character {c:?} in the report");
    }
}

/// `text` without SGR colour sequences (`ESC [ digits ; … m`).
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let params = &rest[at + 2..];
        let len = params
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .filter(|&end| params[end..].starts_with('m'))
            .expect("only SGR sequences");
        rest = &params[len + 1..];
    }
    out.push_str(rest);
    out
}

// ------------------------------------------------------------ output, colour

#[test]
fn an_unwritable_report_path_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/dir/report.html");
    let out = resdiff()
        .args(["compare", "75", "77", "--format", "html", "-o"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("report.html: cannot write: directory")
            && stderr.contains("does not exist"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "no report on stdout either");
    assert!(!dir.path().join("no").exists());

    // A directory in the way: the rename fails, and no temporary file stays.
    let taken = dir.path().join("taken");
    std::fs::create_dir(&taken).unwrap();
    let out = resdiff()
        .args(["compare", "75", "77", "-o"])
        .arg(&taken)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("taken: cannot write"));
    let entries: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(entries, ["taken"], "nothing left beside the target");
    assert_eq!(std::fs::read_dir(&taken).unwrap().count(), 0);
}

#[test]
fn a_written_report_is_the_one_printed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.md");
    let out = resdiff()
        .args(["compare", "75", "77", "--format", "md", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        compare(&["75", "77", "--format", "md"])
    );
}

#[test]
fn color_always_never_and_no_color() {
    let always = compare(&["75", "77", "--color", "always"]);
    assert!(always.contains("\x1b["), "--color always colours");
    let never = compare(&["75", "77", "--color", "never"]);
    assert!(!never.contains('\x1b'), "--color never");
    // Colour stands in for the {+ +} and [- -] markers, and that is all.
    let unmarked = ["{+", "+}", "[-", "-]"]
        .iter()
        .fold(never, |text, marker| text.replace(marker, ""));
    assert_eq!(strip_sgr(&always), unmarked);

    // CLICOLOR_FORCE asks for colour through a pipe; NO_COLOR still wins.
    let piped = |vars: &[(&str, &str)]| {
        let mut cmd = crate::common::resdiff();
        cmd.args(["compare", "75", "77", "--color", "auto"]);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(piped(&[("CLICOLOR_FORCE", "1")]).contains("\x1b["));
    assert!(!piped(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains("\x1b["));
    assert!(!piped(&[]).contains("\x1b["));

    // Auto decides on a terminal, so give it one (util-linux `script`).
    let Some(on_tty) = on_a_terminal(None) else {
        eprintln!("skipped: `script` not found, auto colour untested on a terminal");
        return;
    };
    assert!(on_tty.contains("\x1b["), "auto colours a terminal");
    let no_color = on_a_terminal(Some("1")).unwrap();
    assert!(no_color.contains("OP 8"), "the report ran: {no_color:?}");
    assert!(
        !no_color.contains("\x1b["),
        "NO_COLOR=1 turns auto colour off"
    );
}

/// `resdiff compare 75 77` with auto colour and its stdout on a pseudo
/// terminal; `None` when util-linux `script` is not installed.
fn on_a_terminal(no_color: Option<&str>) -> Option<String> {
    let bin = assert_cmd::cargo::cargo_bin("resdiff");
    let command = format!("'{}' compare 75 77 --color auto", bin.display());
    let mut script = std::process::Command::new("script");
    script
        .args(["-qec", &command, "/dev/null"])
        .current_dir(crate::common::project_root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        // A terminal that says it has colours, wherever the tests run.
        .env("TERM", "xterm-256color")
        .stdin(std::process::Stdio::null());
    if let Some(v) = no_color {
        script.env("NO_COLOR", v);
    }
    let out = script.output().ok()?;
    assert_success(&out);
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

// ---------------------------------------------------------------- helpers

/// The cells of every table in `md`, header row first.
fn markdown_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => table = Vec::new(),
            Event::End(TagEnd::Table) => tables.push(std::mem::take(&mut table)),
            Event::Start(Tag::TableHead | Tag::TableRow) => row = Vec::new(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                table.push(std::mem::take(&mut row))
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap_or_default()),
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    tables
}

// ------------------------------------------------------------------ --hide

/// `--hide` in every format: the records it names are left out (HTML keeps
/// them and starts with its toggles on), the report says so, and the
/// figures still count everything.
#[test]
fn hide_leaves_out_routine_and_unchanged_paragraphs_in_every_format() {
    let json: serde_json::Value = serde_json::from_str(&compare(&[
        "75",
        "77",
        "--format",
        "json",
        "--hide",
        "unchanged",
    ]))
    .expect("json");
    let statuses: Vec<&str> = json["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .map(|p| p["status"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(statuses, ["modified", "modified"]);
    assert_eq!(json["summary"]["preamble"]["unchanged"], 15);
    assert_eq!(json["concordance"].as_array().map(Vec::len), Some(24));

    let json: serde_json::Value = serde_json::from_str(&compare(&[
        "75",
        "77",
        "--format",
        "json",
        "--hide",
        "routine,unchanged",
    ]))
    .expect("json");
    assert_eq!(json["paragraphs"].as_array().map(Vec::len), Some(0));

    let md = compare(&["75", "77", "--format", "md", "--hide", "routine"]);
    assert!(md.contains("*Hidden (--hide): 2 routine updates.*"), "{md}");
    assert!(!md.contains("### OP 8"), "{md}");
    let text = compare(&[
        "75",
        "77",
        "--format",
        "text",
        "--color",
        "never",
        "--hide",
        "routine,unchanged",
    ]);
    assert!(
        text.contains("Hidden (--hide): 2 routine updates, 22 unchanged paragraphs."),
        "{text}"
    );
    assert!(!text.contains("OP 8 modified"), "{text}");
    assert!(!text.contains("unchanged paragraphs not shown"), "{text}");

    let html = compare(&["75", "77", "--format", "html", "--hide", "routine"]);
    assert!(html.contains(r#"<input type="checkbox" id="hide-routine" class="toggle" checked>"#));
    assert!(html.contains(r#"<input type="checkbox" id="hide-unchanged" class="toggle">"#));
    assert!(
        html.contains(r#"id="op-8""#),
        "HTML keeps the record for its toggle"
    );
}

/// The 80th-session Cuba text prints non-breaking hyphens where the 73rd's
/// has plain ones: HTML marks them as typography (the old form in the
/// title), `--hide typography` drops the marks and, in JSON, the runs.
#[test]
fn hide_typography_drops_the_marks_and_the_runs() {
    let html = compare(&["73", "80", "--series", "cuba-embargo", "--format", "html"]);
    assert!(
        html.contains(r#"<span class="typeset" title="typography only; the old version prints: "#),
        "typography marked"
    );
    let html = compare(&[
        "73",
        "80",
        "--series",
        "cuba-embargo",
        "--format",
        "html",
        "--hide",
        "typography",
    ]);
    assert!(!html.contains(r#"class="typeset""#));
    let json = compare(&[
        "73",
        "80",
        "--series",
        "cuba-embargo",
        "--format",
        "json",
        "--hide",
        "typography",
    ]);
    assert!(!json.contains("\"typography\": true"));
    let json = compare(&["73", "80", "--series", "cuba-embargo", "--format", "json"]);
    assert!(json.contains("\"typography\": true"));
}

/// What reading a version was unsure of reaches the JSON, with the file
/// and line, not only standard error.
#[cfg_attr(corpus_missing, ignore = "needs ../shared/corpus")]
#[test]
fn the_readers_warnings_are_in_the_json() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let raw = corpus.join("csto/A_75_L.78.txt");
    let json: serde_json::Value =
        serde_json::from_str(&compare(&[raw.to_str().unwrap(), "77", "--format", "json"]))
            .expect("json");
    let warnings: Vec<&str> = json["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter_map(|w| w.as_str())
        .collect();
    assert!(
        warnings.iter().any(|w| w.ends_with(
            "A_75_L.78.txt:3: [footnote-markers] footnote 1 is marked in the text but its footnote text is missing"
        )),
        "{warnings:?}"
    );
}

// ------------------------------------------- what a delegate briefs from (21)

/// The text of the record `id` in an HTML report: from its `<article>` to
/// the next one.
fn article<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no record {id}"));
    let rest = &page[start..];
    let end = rest.find("</article>").unwrap_or(rest.len());
    &rest[..end]
}

/// README's example: footnote 1 of 73/8 names A/73/85, the report the
/// resolution takes note of; 80/4's names A/80/83. Every readable report
/// says so at the paragraph that calls it and in its list of footnotes.
#[test]
fn footnote_changes_show_in_html_markdown_and_text() {
    let args = ["73", "80", "--series", "cuba-embargo", "--format"];
    let html = compare(&[&args[..], &["html"]].concat());
    let op1 = article(&html, "op-1");
    assert!(op1.contains("Footnote 1"), "{op1}");
    assert!(
        op1.contains("<del><span class=\"vh\">[deleted: </span>A/73/85<span class=\"vh\">]</span></del><ins><span class=\"vh\">[inserted: </span>A/80/83"),
        "{op1}"
    );
    assert!(html.contains("id=\"footnotes\""), "a list of footnotes");
    assert!(html.contains("called in <a href=\"#op-1\">OP 1</a>"));

    let md = compare(&[&args[..], &["md"]].concat());
    let op1 = &md[md.find("### OP 1").expect("OP 1 shown")..];
    let op1 = &op1[..op1[4..].find("### ").map_or(op1.len(), |e| e + 4)];
    assert!(
        op1.contains("- **Footnote 1** (modified): <del>A/73/85</del><ins>A/80/83</ins>."),
        "{op1}"
    );
    assert!(md.contains("| Footnotes changed | 1 |"));

    let text = compare(&[&args[..], &["text", "--color", "never"]].concat());
    let op1 = &text[text.find("OP 1 modified").expect("OP 1 shown")..];
    let op1 = &op1[..op1.find("\n\n").unwrap_or(op1.len())];
    assert!(op1.contains("footnote changed"), "{op1}");
    assert!(
        op1.contains("Footnote 1 modified: [-A/73/85-]{+A/80/83+}."),
        "{op1}"
    );
}

/// PP 6 of 80/4 adds seven resolutions and a decision to 73/8's list, each
/// with its date: seven references, each once, in the order the paragraph
/// cites them, not fourteen strings sorted apart from their dates.
#[test]
fn references_are_listed_once_with_their_dates_in_document_order() {
    let json = compare(&["73", "80", "--series", "cuba-embargo", "--format", "json"]);
    let c: serde_json::Value = serde_json::from_str(&json).unwrap();
    let pp6 = c["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["part"] == "preamble" && p["new"]["index"] == 6)
        .expect("PP 6");
    assert_eq!(
        pp6["references"]["added"],
        serde_json::json!([
            "73/8 of 1 November 2018",
            "74/7 of 7 November 2019",
            "75/289 of 23 June 2021",
            "77/7 of 3 November 2022",
            "78/7 of 2 November 2023",
            "79/7 of 30 October 2024",
            "76/563 of 11 May 2022",
        ])
    );
    let text = compare(&["73", "80", "--series", "cuba-embargo", "--color", "never"]);
    assert!(!text.contains("reference added: 1 November 2018"), "{text}");
    assert!(text.contains(
        "reference added: 73/8 of 1 November 2018\n    reference added: 74/7 of 7 November 2019\n"
    ));
}

/// Two versions given by absolute paths from a directory of the reader's:
/// no report (HTML, Markdown, text, JSON) names that directory; the
/// warnings name the files (before, the HTML and Markdown warnings gave
/// each file's whole path).
#[test]
fn reports_name_files_never_their_directories() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // The folder a file is in names its series (`default_meta`); the
    // folders above it are the reader's own.
    let hidden = dir.path().join("private-drafts").join("disarmament");
    std::fs::create_dir_all(&hidden).unwrap();
    for name in ["A_RES_80_24.txt", "A_RES_80_25.txt"] {
        std::fs::copy(corpus.join("ga").join(name), hidden.join(name)).unwrap();
    }
    let old = hidden.join("A_RES_80_24.txt");
    let new = hidden.join("A_RES_80_25.txt");
    for format in ["html", "md", "text", "json"] {
        let out = compare(&[
            old.to_str().unwrap(),
            new.to_str().unwrap(),
            "--format",
            format,
        ]);
        let named = out
            .find("private-drafts")
            .map(|at| &out[at.saturating_sub(200)..(at + 100).min(out.len())]);
        assert_eq!(named, None, "{format} names the directory");
        // Markdown escapes the underscores.
        assert!(
            out.replace('\\', "").contains("A_RES_80_24.txt:"),
            "{format} names the file"
        );
    }
}

/// A/RES/80/20 as extracted ends a preambular paragraph "… in 2014, 3",
/// 3 being its footnote marker: no "text may be missing" for it. Its
/// real warnings stand out; the readers' notes (a hyphen joined, an
/// unknown lead) are folded away below them.
#[test]
fn a_footnote_marker_is_no_missing_text_and_notes_fold_away() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let ga = corpus.join("ga");
    let page = compare(&[
        ga.join("A_RES_80_20.txt").to_str().unwrap(),
        ga.join("A_RES_80_21.txt").to_str().unwrap(),
        "--format",
        "html",
    ]);
    assert!(!page.contains("2014, 3"), "a false alarm");
    assert!(!page.contains("text may be missing"), "a false alarm");
    let head = &page[..page.find("</header>").unwrap()];
    let notes_at = head
        .find("<details class=\"reading-notes\">")
        .expect("notes folded away");
    assert!(
        head.contains("<p class=\"warning\" role=\"note\"><strong>Warning:</strong> A_RES_80_20.txt:43: [footnote-markers]"),
        "real warnings stand out"
    );
    for (at, _) in head.match_indices("class=\"warning\"") {
        assert!(at < notes_at, "warnings before notes");
    }
    assert!(
        !head[..notes_at].contains("[clean-line]") && head[notes_at..].contains("[clean-line]"),
        "a repair is a note"
    );
}

/// Two long French Council texts of different years compared as files:
/// over 60,000 characters of Markdown with their reading warnings. The
/// report stays under the limit and shows every changed paragraph, the
/// warnings cut after them.
#[test]
fn the_markdown_cap_counts_warnings_and_keeps_the_changes() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let fr = corpus.join("fr");
    let (old, new) = (
        fr.join("S_RES_1644_2005-fr.txt"),
        fr.join("S_RES_1868_2009-fr.txt"),
    );
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let md = compare(&[old, new, "--format", "md"]);
    assert!(
        md.chars().count() <= 60_000,
        "{} characters",
        md.chars().count()
    );
    let json = compare(&[old, new, "--format", "json"]);
    let c: serde_json::Value = serde_json::from_str(&json).unwrap();
    let changed = c["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["status"] != "unchanged" || p["moved"] == true)
        .count();
    assert!(changed > 20, "{changed}");
    let shown = md
        .lines()
        .filter(|l| l.starts_with("### ") && !l.starts_with("### Notes modifiées"))
        .count();
    assert_eq!(shown, changed, "every change shown");
    assert!(!md.contains("Ce rapport montre les"), "no change left out");
    assert!(md.contains("avertissements omis pour rester sous 60000"));
}
