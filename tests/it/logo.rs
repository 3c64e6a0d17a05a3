//! Issue 22 point 4: the organisation logo of the configuration on the
//! report's cover, tagged as a Figure with its alternative text, and a
//! logo that cannot be used refused as a configuration error (exit 2).

use std::path::{Path, PathBuf};

use lopdf::{Document, Object};

use crate::common::{kooste, root, stderr, stdout};

/// A copy of the built-in programme in `dir` whose `[programme]` ends
/// with `lines`, and the logo fixtures beside it (`logo/…`).
fn config_with(dir: &Path, lines: &str) -> PathBuf {
    let text = std::fs::read_to_string(root().join("templates/programme.toml")).unwrap();
    let text = text.replacen("\n[submission]", &format!("\n{lines}\n\n[submission]"), 1);
    let logos = dir.join("logo");
    std::fs::create_dir_all(&logos).unwrap();
    for name in [
        "logo.png",
        "logo_gray.png",
        "logo.jpg",
        "logo_cmyk.jpg",
        "logo_exif6.jpg",
        "logo_truncated.jpg",
        "logo_arith.jpg",
        "logo_sof3.jpg",
        "not_an_image.png",
    ] {
        std::fs::copy(
            root().join("tests/fixtures/logo").join(name),
            logos.join(name),
        )
        .unwrap();
    }
    let path = dir.join("city.toml");
    std::fs::write(&path, text).unwrap();
    path
}

const ALT: &str = r#"logo_alt = { fi = "Vantaan kaupungin logo", sv = "Vanda stads logotyp", en = "City of Vantaa logo" }"#;

fn report(dir: &Path, config: &Path, lang: &str) -> (Option<i32>, String, PathBuf) {
    let pdf = dir.join(format!("{lang}.pdf"));
    let o = kooste(&[
        "report",
        "-q",
        "samples/2021",
        "--config",
        config.to_str().unwrap(),
        "--date",
        "2022-02-15",
        "--year",
        "2021",
        "--lang",
        lang,
        "-o",
        pdf.to_str().unwrap(),
    ]);
    (
        o.status.code(),
        format!("{}{}", stdout(&o), stderr(&o)),
        pdf,
    )
}

/// The cover's image: its XObject's dictionary, and the structure's first
/// Figure's alternative text.
fn cover_image(pdf: &Path) -> (lopdf::Dictionary, String) {
    let doc = Document::load(pdf).unwrap();
    let cover = *doc.get_pages().get(&1).unwrap();
    let (resources, ids) = doc.get_page_resources(cover).unwrap();
    let resources = match (resources, ids.first()) {
        (Some(r), _) => r.clone(),
        (None, Some(id)) => doc.get_dictionary(*id).unwrap().clone(),
        _ => panic!("no resources"),
    };
    let xobjects = match resources.get(b"XObject").unwrap() {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap().clone(),
        Object::Dictionary(d) => d.clone(),
        o => panic!("{o:?}"),
    };
    let image = xobjects.get(b"Im1").unwrap().as_reference().unwrap();
    let image = doc
        .get_object(image)
        .unwrap()
        .as_stream()
        .unwrap()
        .dict
        .clone();
    let content = String::from_utf8_lossy(&doc.get_page_content(cover)).into_owned();
    assert!(content.contains("/Im1 Do"), "{content}");
    // The first Figure in reading order.
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .unwrap()
        .clone();
    let mut stack = vec![root];
    while let Some(obj) = stack.pop() {
        let obj = match obj {
            Object::Reference(id) => doc.get_object(id).unwrap().clone(),
            o => o,
        };
        let Object::Dictionary(d) = obj else { continue };
        if d.get(b"S").ok().and_then(|s| s.as_name().ok()) == Some(b"Figure") {
            let alt = lopdf::decode_text_string(d.get(b"Alt").unwrap()).unwrap();
            return (image, alt);
        }
        match d.get(b"K") {
            Ok(Object::Array(a)) => stack.extend(a.iter().rev().cloned()),
            Ok(o @ Object::Reference(_)) => stack.push(o.clone()),
            _ => {}
        }
    }
    panic!("no Figure");
}

#[test]
fn the_logo_is_on_the_cover_as_a_figure_with_its_alternative_text() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_with(dir.path(), &format!("logo = \"logo/logo.png\"\n{ALT}"));
    for (lang, alt) in [
        ("fi", "Vantaan kaupungin logo"),
        ("en", "City of Vantaa logo"),
    ] {
        let (code, out, pdf) = report(dir.path(), &config, lang);
        assert_eq!(code, Some(0), "{out}");
        let (image, figure_alt) = cover_image(&pdf);
        assert_eq!(figure_alt, alt);
        let int = |k: &[u8]| image.get(k).unwrap().as_i64().unwrap();
        assert_eq!((int(b"Width"), int(b"Height")), (120, 40));
        assert_eq!(
            image.get(b"ColorSpace").unwrap().as_name().unwrap(),
            b"DeviceRGB"
        );
        // Transparency flattened onto white: no soft mask.
        assert!(!image.has(b"SMask"), "{image:?}");
    }
}

/// A missing, broken or undescribed logo stops the run with exit 2 and a
/// sentence in the user's language naming the file or the key.
#[test]
fn a_logo_that_cannot_be_used_is_a_configuration_error() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            format!("logo = \"logo/missing.png\"\n{ALT}"),
            "Logotiedostoa",
            "missing.png",
        ),
        (
            format!("logo = \"logo/not_an_image.png\"\n{ALT}"),
            "ei ole PNG- eikä",
            "not_an_image.png",
        ),
        (
            format!("logo = \"logo/logo_cmyk.jpg\"\n{ALT}"),
            "ei ole PNG- eikä",
            "logo_cmyk.jpg",
        ),
        // A broken download, and frames PDF's DCTDecode does not read: they
        // were embedded and showed blank or garbled on the cover.
        (
            format!("logo = \"logo/logo_truncated.jpg\"\n{ALT}"),
            "ei ole PNG- eikä",
            "logo_truncated.jpg",
        ),
        (
            format!("logo = \"logo/logo_arith.jpg\"\n{ALT}"),
            "ei ole PNG- eikä",
            "logo_arith.jpg",
        ),
        (
            format!("logo = \"logo/logo_sof3.jpg\"\n{ALT}"),
            "ei ole PNG- eikä",
            "logo_sof3.jpg",
        ),
        (
            "logo = \"logo/logo.png\"".to_string(),
            "vaihtoehtoista tekstiä",
            "programme.logo_alt",
        ),
    ];
    for (lines, says, names) in cases {
        let config = config_with(dir.path(), &lines);
        let (code, out, pdf) = report(dir.path(), &config, "fi");
        assert_eq!(code, Some(2), "{lines}: {out}");
        assert!(out.contains(says) && out.contains(names), "{lines}: {out}");
        assert!(!pdf.exists());
    }
}

/// A JPEG is embedded as it is, its own compression kept.
#[test]
fn a_jpeg_logo_is_embedded_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_with(dir.path(), &format!("logo = \"logo/logo.jpg\"\n{ALT}"));
    let (code, out, pdf) = report(dir.path(), &config, "sv");
    assert_eq!(code, Some(0), "{out}");
    let (image, alt) = cover_image(&pdf);
    assert_eq!(alt, "Vanda stads logotyp");
    assert_eq!(
        image.get(b"Filter").unwrap().as_name().unwrap(),
        b"DCTDecode"
    );
    let doc = Document::load(&pdf).unwrap();
    let jpeg = std::fs::read(root().join("tests/fixtures/logo/logo.jpg")).unwrap();
    let embedded = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .any(|s| s.content == jpeg);
    assert!(embedded);
}

/// A JPEG whose EXIF orientation turns it is on the cover as a viewer
/// shows it: turned, so as tall as the stored image is wide.
#[test]
fn a_jpeg_logo_is_turned_as_its_exif_orientation_says() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_with(
        dir.path(),
        &format!("logo = \"logo/logo_exif6.jpg\"\n{ALT}"),
    );
    let (code, out, pdf) = report(dir.path(), &config, "fi");
    assert_eq!(code, Some(0), "{out}");
    let (image, _) = cover_image(&pdf);
    let size = |k: &[u8]| image.get(k).unwrap().as_i64().unwrap();
    assert_eq!((size(b"Width"), size(b"Height")), (30, 90));
}

/// The report with a colour, a greyscale, a JPEG and a turned JPEG logo
/// passes the PDF/A-2a and PDF/UA-1 validators.
#[test]
#[ignore = "needs python3 with page-validation, pdfua and pikepdf, qpdf and poppler: run by .ci/run"]
fn a_report_with_a_logo_passes_the_validators() {
    let dir = tempfile::tempdir().unwrap();
    let mut pdfs = Vec::new();
    let logos = ["logo.png", "logo_gray.png", "logo.jpg", "logo_exif6.jpg"];
    for (i, logo) in logos.iter().enumerate() {
        let sub = dir.path().join(i.to_string());
        let config = config_with(&sub, &format!("logo = \"logo/{logo}\"\n{ALT}"));
        let (code, out, pdf) = report(&sub, &config, "sv");
        assert_eq!(code, Some(0), "{out}");
        pdfs.push(pdf);
    }
    crate::accessible::pdf_check(&pdfs);
}
