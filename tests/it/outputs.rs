//! Outputs safe to write and safe to open (issue 18): what sits at an
//! output path (devices, FIFOs, symlinks, modes, `-`), the workbook and the
//! report as one result, concurrent runs, signals and stale temporary files.

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::Stdio;

use crate::common::*;

/// Every name in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Whether `dir` holds one of kooste's temporary files.
fn has_temp(dir: &Path) -> bool {
    names(dir).iter().any(|n| n.starts_with(".kooste_"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A character device to write to: a copy of /dev/full's node in `dir`
/// where the process may make one (root, as in CI), else /dev/full itself.
/// A copy, because kooste before this change replaced the node it was
/// given with a regular file, which the test must not do to the system's.
fn device(dir: &Path) -> std::path::PathBuf {
    let node = dir.join("full");
    let c = std::ffi::CString::new(s(&node)).unwrap();
    // SAFETY: a valid NUL-terminated path; makedev(1, 7) is /dev/full.
    let made = unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 7)) };
    if made == 0 {
        node
    } else {
        // Without the right to make a node there is none to replace /dev/full either.
        "/dev/full".into()
    }
}

fn is_char_device(p: &Path) -> bool {
    std::fs::symlink_metadata(p)
        .unwrap()
        .file_type()
        .is_char_device()
}

#[test]
fn a_device_is_refused_and_stays_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let dev = device(dir.path());
    let o = kooste(&["merge", "samples/2021", "-o", s(&dev), "-q"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let expected = format!("{}: tämä on laite", dev.display());
    assert!(stderr(&o).contains(&expected), "{}", stderr(&o));
    assert!(is_char_device(&dev));
    // Checked before anything is written: the workbook is not made either.
    let out = tempfile::tempdir().unwrap();
    let xlsx = out.path().join("k.xlsx");
    let o = kooste(&["merge", "samples/2021", "-o", s(&xlsx), "--csv", s(&dev)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(names(out.path()).is_empty());
    assert!(is_char_device(&dev));
}

#[test]
fn a_fifo_is_refused_and_stays_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("report.pdf");
    let c = std::ffi::CString::new(s(&fifo)).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let o = kooste(&["report", "samples/2021", "-o", s(&fifo), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(s(&fifo)) && err.contains("named pipe (FIFO)"),
        "{err}"
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert_eq!(names(dir.path()), ["report.pdf"]);
}

#[test]
fn a_symlink_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let (links, real) = (dir.path().join("links"), dir.path().join("real"));
    std::fs::create_dir_all(&links).unwrap();
    std::fs::create_dir_all(&real).unwrap();
    let target = real.join("kooste.xlsx");
    std::fs::write(&target, b"old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = links.join("kooste.xlsx");
    std::os::unix::fs::symlink("../real/kooste.xlsx", &link).unwrap();
    let o = kooste(&["merge", "samples/2021", "-o", s(&link), "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_symlink(), "the link is still a link");
    let bytes = std::fs::read(&target).unwrap();
    assert!(bytes.starts_with(b"PK"), "the workbook is written through");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o640);
    assert_eq!(names(&links), ["kooste.xlsx"]);
    assert_eq!(names(&real), ["kooste.xlsx"]);
}

#[test]
fn a_private_output_stays_private() {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, csv) = (dir.path().join("k.xlsx"), dir.path().join("k.csv"));
    for p in [&xlsx, &csv] {
        std::fs::write(p, b"old").unwrap();
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let o = kooste(&["merge", "samples/2021", "-o", s(&xlsx), "--csv", s(&csv)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for p in [&xlsx, &csv] {
        let mode = std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o600, "{}", p.display());
        assert_ne!(std::fs::read(p).unwrap(), b"old");
    }
}

#[test]
fn csv_and_json_to_stdout_are_all_that_stdout_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, csv) = (dir.path().join("k.xlsx"), dir.path().join("k.csv"));
    let date = ["--date", "2022-02-15"];
    let o = kooste(
        &[
            &["merge", "samples/2021", "-o", s(&xlsx), "--csv", s(&csv)][..],
            &date,
        ]
        .concat(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = kooste(
        &[
            &["merge", "samples/2021", "-o", s(&xlsx), "--csv", "-"][..],
            &date,
        ]
        .concat(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Not assert_eq!: on failure it would print both files as bytes.
    assert!(
        o.stdout == std::fs::read(&csv).unwrap(),
        "the CSV and nothing else: {}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("24 toimenpidettä"),
        "the summary goes to stderr"
    );
    assert!(!names(dir.path()).iter().any(|n| n == "-"));

    let o = kooste(&["merge", "samples/2021", "-o", s(&xlsx), "--json", "-"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("only JSON on stdout");
    assert_eq!(v.as_array().unwrap().len(), 24);

    let o = kooste(&["merge", "samples/2021", "-o", "-", "--csv", "-"]);
    assert_eq!(o.status.code(), Some(2), "one stream only: {}", stderr(&o));
    assert!(o.stdout.is_empty());
}

/// The date a build's workbook and report carry, as `YYYYMMDD`.
fn dates(dir: &Path) -> (String, String) {
    let xlsx = std::fs::File::open(dir.join("kooste_2021.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(xlsx).unwrap();
    let mut core = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("docProps/core.xml").unwrap(), &mut core)
        .unwrap();
    let at = core.find("W3CDTF\">").unwrap() + 8;
    let workbook = core[at..at + 10].replace('-', "");
    let pdf = std::fs::read(dir.join("vuosiraportti_2021.pdf")).unwrap();
    let pdf = String::from_utf8_lossy(&pdf);
    let at = pdf.find("CreationDate(D:").unwrap() + 15;
    (workbook, pdf[at..at + 8].to_string())
}

#[test]
fn two_concurrent_builds_leave_a_consistent_pair() {
    let dir = tempfile::tempdir().unwrap();
    // Small runs: what races is the commit of the pair, not the writing.
    let input = many_measures(dir.path(), 300);
    let out = dir.path().join("out");
    for round in 0..8 {
        let start = |date: &str| {
            kooste_command()
                .args(["build", s(&input), "--out", s(&out), "-q", "--date", date])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        };
        let (mut a, mut b) = (start("2022-01-01"), start("2022-02-02"));
        assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
        let (workbook, report) = dates(&out);
        assert_eq!(workbook, report, "round {round}: one run's pair");
        assert!(["20220101", "20220202"].contains(&workbook.as_str()));
        assert!(!has_temp(&out));
    }
}

/// Starts a merge of 20 000 generated measures whose CSV export goes to a
/// pipe, and sends `signal` while the merge is held in the middle of its
/// commit; checks what it leaves. The commit writes standard output first,
/// after every file is written to its temporary file and before any is
/// renamed: once the first byte of the CSV arrives, the workbook's
/// temporary file is complete, and the process then waits for the pipe
/// (the CSV is many times the pipe's buffer), which is not read again
/// until after the signal. No timing: the run cannot end before it.
fn stopped_by(signal: i32, status: i32) {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let input = many_measures(dir.path(), 20_000);
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let xlsx = out.join("k.xlsx");
    let mut child = kooste_command()
        .args(["merge", s(&input), "-o", s(&xlsx), "--csv", "-", "-q"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut csv = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    csv.read_exact(&mut first)
        .expect("the CSV starts before the run ends");
    assert!(
        has_temp(&out),
        "the workbook's temporary file: {:?}",
        names(&out)
    );
    // SAFETY: kill(2) on our own child's pid, not yet waited for.
    assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
    // The pipe is read again only once the process has ended.
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(status), "{}", stderr(&o));
    let mut rest = Vec::new();
    csv.read_to_end(&mut rest).unwrap();
    // Over 150 bytes a measure, the whole CSV is over 3 MB: the signal
    // came while it was written.
    assert!(
        rest.len() < 2_000_000,
        "the CSV not cut short: {} bytes",
        rest.len()
    );
    assert_eq!(
        names(&out),
        Vec::<String>::new(),
        "no temporary or partial output"
    );
}

#[test]
fn sigint_removes_the_temporary_files_and_exits_130() {
    stopped_by(libc::SIGINT, 130);
}

#[test]
fn sigterm_removes_the_temporary_files_and_exits_143() {
    stopped_by(libc::SIGTERM, 143);
}

#[test]
fn the_next_run_clears_stale_temporary_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let stale = [
        ".kooste_kooste_2021.xlsx.4242.tmp",
        ".kooste_vuosiraportti_2021.pdf.4242.tmp",
    ];
    let kept = [".kooste_notes.tmp", "notes.txt", ".other.4242.tmp"];
    for n in stale.iter().chain(&kept) {
        std::fs::write(out.join(n), b"x").unwrap();
    }
    let o = kooste(&["build", "samples/2021", "--out", s(&out), "-q"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut expected: Vec<String> = kept.iter().map(|n| n.to_string()).collect();
    expected.extend(["kooste_2021.xlsx".into(), "vuosiraportti_2021.pdf".into()]);
    expected.sort();
    assert_eq!(names(&out), expected);
}

/// Every kind of output goes the same way: templates, annotated copies.
#[test]
fn templates_and_annotated_copies_are_one_result_and_keep_their_mode() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("sote_2022.xlsx");
    let c = std::ffi::CString::new(s(&fifo)).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let o = kooste(&[
        "template",
        "--all",
        "--year",
        "2022",
        "--out",
        s(dir.path()),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(names(dir.path()), ["sote_2022.xlsx"], "no other template");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );

    let back = tempfile::tempdir().unwrap();
    let copy = back.path().join("bad_values_tarkistettu.xlsx");
    std::fs::write(&copy, b"old").unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o600)).unwrap();
    let bad = fixture("bad_values.xlsx");
    let o = kooste(&["validate", s(&bad), "--annotate", s(back.path())]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(std::fs::read(&copy).unwrap().starts_with(b"PK"));
    let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o600);
    assert_eq!(names(back.path()), ["bad_values_tarkistettu.xlsx"]);
}

/// Runs kooste with `args` where no file may grow beyond `limit` bytes
/// (RLIMIT_FSIZE, with SIGXFSZ ignored so that the write fails with EFBIG
/// as it would on a full disk, instead of the signal ending the process).
fn with_file_size_limit(args: &[&str], limit: u64) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = kooste_command();
    cmd.args(args).current_dir(root());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().expect("kooste runs")
}

/// A save that fails midway (the file may grow no further, as on a full
/// disk) ends the run with exit code 2 and a message naming the file, and
/// leaves the earlier outputs whole and no partial or temporary file:
/// whichever output fails, the workbook (written through rust_xlsxwriter
/// and the package writer) or the report.
#[test]
fn a_failed_save_exits_2_and_leaves_no_partial_output() {
    let samples = root().join("samples/2021");
    // The sample year's workbook is about 35 kB and its report about 54 kB.
    for (limit, failing) in [
        (45_000, "vuosiraportti_2021.pdf"),
        (20_000, "kooste_2021.xlsx"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(&out).unwrap();
        for name in ["kooste_2021.xlsx", "vuosiraportti_2021.pdf"] {
            std::fs::write(out.join(name), b"last run").unwrap();
        }
        let args = [
            "build",
            s(&samples),
            "--out",
            s(&out),
            "--date",
            "2022-02-15",
        ];
        let o = with_file_size_limit(&args, limit);
        assert_eq!(o.status.code(), Some(2), "{failing}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!("{failing}: kirjoittaminen ei onnistu:")),
            "{failing}: {err}"
        );
        assert_eq!(
            names(&out),
            ["kooste_2021.xlsx", "vuosiraportti_2021.pdf"],
            "{failing}: no partial or temporary file"
        );
        for name in ["kooste_2021.xlsx", "vuosiraportti_2021.pdf"] {
            assert_eq!(
                std::fs::read(out.join(name)).unwrap(),
                b"last run",
                "{name}"
            );
        }
        // The findings are said, but no output as written.
        assert!(
            !stdout(&o).contains("vuosiraportti_2021.pdf"),
            "{}",
            stdout(&o)
        );
    }

    // The report alone, and the exports beside a workbook.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("r.pdf");
    let o = with_file_size_limit(
        &["report", s(&samples), "-o", s(&pdf), "--date", "2022-02-15"],
        20_000,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("r.pdf: kirjoittaminen ei onnistu:"),
        "{}",
        stderr(&o)
    );
    assert_eq!(names(dir.path()), Vec::<String>::new());
    let xlsx = dir.path().join("m.xlsx");
    let json = dir.path().join("m.json");
    let o = with_file_size_limit(
        &[
            "merge",
            s(&samples),
            "-o",
            s(&xlsx),
            "--json",
            s(&json),
            "--date",
            "2022-02-15",
        ],
        10_000,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("m.xlsx: kirjoittaminen ei onnistu:"),
        "{}",
        stderr(&o)
    );
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

/// The annotated copy carries the run's date (`--date`), not the clock's,
/// so the same inputs and options give the same bytes, as every output.
#[test]
fn the_annotated_copy_is_dated_by_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("takaisin");
    let input = fixture("messy_many_problems.xlsx");
    let o = kooste(&[
        "validate",
        input.to_str().unwrap(),
        "--annotate",
        out.to_str().unwrap(),
        "--date",
        "2022-02-15",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let copy = out.join("messy_many_problems_tarkistettu.xlsx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&copy).unwrap()).unwrap();
    let mut core = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("docProps/core.xml").unwrap(), &mut core)
        .unwrap();
    assert!(
        core.contains("W3CDTF\">2022-02-15T00:00:00Z</dcterms:created>"),
        "{core}"
    );
}

/// Two outputs of one run that name one file (`-o keep.xlsx --csv
/// ./keep.xlsx`) are refused before anything is written: the file that
/// was there stays as it was, and the sentence names both.
#[test]
fn two_outputs_on_one_file_are_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let keep = dir.path().join("keep.xlsx");
    std::fs::write(&keep, "OLD").unwrap();
    let csv = format!("{}/./keep.xlsx", s(dir.path()));
    for (lang, words) in [
        ("fi", "sama tiedosto kuin tuloste"),
        ("sv", "samma fil som utdata"),
        ("en", "the same file as the output"),
    ] {
        let o = kooste(&[
            "merge",
            "samples/2021",
            "-o",
            s(&keep),
            "--csv",
            &csv,
            "--lang",
            lang,
        ]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains(words) && err.contains("keep.xlsx"), "{err}");
        assert_eq!(std::fs::read_to_string(&keep).unwrap(), "OLD");
        assert_eq!(names(dir.path()), ["keep.xlsx"]);
    }
    // The JSON export and the workbook likewise.
    let o = kooste(&["merge", "samples/2021", "-o", s(&keep), "--json", s(&keep)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&keep).unwrap(), "OLD");
}
