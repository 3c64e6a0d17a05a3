//! Choosing a CSV file's character encoding from evidence over the whole
//! file, never by a guess: a byte order mark; UTF-16 by its NUL pattern;
//! UTF-8 when valid (or mostly valid, bad bytes noted); else the single-byte
//! encoding whose characters read most plausibly as Finnish or Swedish
//! office text, or a refusal when the best readings tie.

use encoding_rs::{Encoding, ISO_8859_15, MACINTOSH, WINDOWS_1252};

use super::{Damage, Unreadable};
use plausibility::plausibility;

mod plausibility;

/// A file's text and what decoding it noticed.
#[derive(Debug)]
pub(super) struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// The encoding read, as shown in findings (`UTF-8`, `Windows-1252`…).
    pub encoding: &'static str,
    /// Bytes the encoding could not decode, each replaced by U+FFFD in `text`.
    pub invalid: Vec<Invalid>,
}

/// A run of undecodable bytes.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Invalid {
    /// Byte offset in [`Decoded::text`] of the U+FFFD that replaced them.
    pub offset: usize,
    /// The bytes as hex, space separated (`0x9F`, `0xC3 0x28`).
    pub bytes: String,
}

/// The single-byte encodings Finnish offices save CSV in, with the names
/// findings show: Excel on Windows, older Unix tools, Excel for Mac.
const SINGLE_BYTE: [(&Encoding, &str); 3] = [
    (WINDOWS_1252, "Windows-1252"),
    (ISO_8859_15, "ISO-8859-15"),
    (MACINTOSH, "Mac Roman"),
];

/// Decodes a CSV file's bytes.
///
/// # Errors
/// [`Damage::Binary`] for binary data (many NUL bytes in a file that is
/// not UTF-16); [`Unreadable::UnknownEncoding`] when the most plausible
/// encodings (single-byte ones, or UTF-8 in a file with as many bad bytes
/// as UTF-8 sequences) are equally plausible and give different characters.
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, Unreadable> {
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => return Ok(utf8_lossy(rest)),
        [0xFF, 0xFE, rest @ ..] => return Ok(utf16(rest, false)),
        [0xFE, 0xFF, rest @ ..] => return Ok(utf16(rest, true)),
        _ => {}
    }
    if let Some(big_endian) = utf16_by_nuls(bytes) {
        return Ok(utf16(bytes, big_endian));
    }
    if is_binary(bytes) {
        return Err(Unreadable::corrupt(Damage::Binary, "binary data, not text"));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            invalid: Vec::new(),
        });
    }
    let (multibyte, invalid) = utf8_evidence(bytes);
    // A single-byte file rarely holds a valid UTF-8 sequence (an accented
    // capital followed by a symbol byte), so UTF-8 sequences outnumbering
    // the bad bytes mean a UTF-8 file with a few damaged bytes. Fewer, and
    // the readings' plausibility decides, UTF-8's included.
    if multibyte > invalid {
        return Ok(utf8_lossy(bytes));
    }
    scored_choice(bytes, multibyte)
}

/// UTF-16 without a byte order mark, told by where the NUL bytes are: the
/// high byte of every ASCII and Latin-1 character is 0, so over half of the
/// odd (LE) or even (BE) bytes are 0 and almost none of the others.
/// `Some(true)` for big-endian.
fn utf16_by_nuls(bytes: &[u8]) -> Option<bool> {
    let pairs = bytes.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let fits = |zeros: usize, others: usize| zeros * 2 > pairs && others * 20 <= zeros;
    if fits(odd, even) {
        Some(false)
    } else if fits(even, odd) {
        Some(true)
    } else {
        None
    }
}

/// Binary data rather than text with a stray NUL: more than 2 % of the
/// bytes, and more than two, are NUL.
fn is_binary(bytes: &[u8]) -> bool {
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    nuls > 2 && nuls * 50 > bytes.len()
}

/// Decodes UTF-16 code units; each unpaired surrogate (and an odd last
/// byte) is an [`Invalid`].
fn utf16(bytes: &[u8], big_endian: bool) -> Decoded {
    let units = bytes.chunks_exact(2).map(|p| {
        let pair = [p[0], p[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut invalid = Vec::new();
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => text.push(c),
            Err(e) => {
                let [a, b] = if big_endian {
                    e.unpaired_surrogate().to_be_bytes()
                } else {
                    e.unpaired_surrogate().to_le_bytes()
                };
                push_invalid(&mut text, &mut invalid, &[a, b], false);
            }
        }
    }
    if let [.., last] = bytes
        && bytes.len() % 2 == 1
    {
        push_invalid(&mut text, &mut invalid, &[*last], false);
    }
    let encoding = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
    Decoded {
        text,
        encoding,
        invalid,
    }
}

/// Decodes UTF-8, replacing each maximal invalid sequence by U+FFFD as the
/// standard library does; adjacent invalid sequences are one [`Invalid`].
fn utf8_lossy(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid = Vec::new();
    let mut run = false;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        run &= chunk.valid().is_empty();
        if !chunk.invalid().is_empty() {
            push_invalid(&mut text, &mut invalid, chunk.invalid(), run);
            run = true;
        }
    }
    Decoded {
        text,
        encoding: "UTF-8",
        invalid,
    }
}

/// Adds U+FFFD for `bad`, or with `extend` adds `bad` to the last run.
fn push_invalid(text: &mut String, invalid: &mut Vec<Invalid>, bad: &[u8], extend: bool) {
    let hex = bad
        .iter()
        .map(|b| format!("0x{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ");
    match invalid.last_mut() {
        Some(last) if extend => {
            last.bytes.push(' ');
            last.bytes.push_str(&hex);
        }
        _ => invalid.push(Invalid {
            offset: text.len(),
            bytes: hex,
        }),
    }
    text.push('\u{FFFD}');
}

/// Valid multi-byte UTF-8 sequences and invalid bytes in `bytes`.
fn utf8_evidence(bytes: &[u8]) -> (usize, usize) {
    let (mut multibyte, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        invalid += chunk.invalid().len();
    }
    (multibyte, invalid)
}

/// Decodes with the candidate whose characters are the most plausible:
/// the single-byte encodings, and UTF-8 (bad bytes replaced) when the file
/// holds `multibyte` valid UTF-8 sequences. Each such sequence counts
/// against a single-byte reading (it reads as a pair such as `Ã¤`, which
/// no one types, and a single-byte file seldom holds one), as much as a
/// Finnish letter counts for one twice. Refuses when the best tie with
/// different characters, or when even the best is implausible (its score
/// below zero).
fn scored_choice(bytes: &[u8], multibyte: usize) -> Result<Decoded, Unreadable> {
    let utf8 = (multibyte > 0).then(|| utf8_lossy(bytes));
    let against = 4 * i64::try_from(multibyte).unwrap_or(i64::MAX / 8);
    let mut scored: Vec<(i64, Decoded)> = utf8
        .into_iter()
        .chain(SINGLE_BYTE.iter().map(|&(enc, name)| Decoded {
            text: enc.decode_without_bom_handling(bytes).0.into_owned(),
            encoding: name,
            invalid: Vec::new(),
        }))
        .filter_map(|d| {
            let single_byte = d.encoding != "UTF-8";
            plausibility(&d.text).map(|score| (score - if single_byte { against } else { 0 }, d))
        })
        .collect();
    // Stable: among equal scores the order above stays (Windows-1252 before
    // ISO-8859-15 where they read the same).
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    let Some((best, first)) = scored.first() else {
        return Err(Unreadable::corrupt(Damage::Binary, "no encoding fits"));
    };
    // The best reading must be plausible, not only the least implausible:
    // when the evidence against it outweighs the evidence for, the file
    // is in an encoding not offered (a DOS code page such as cp850), and
    // every reading is named.
    let implausible = *best < 0;
    let mut tied: Vec<&Decoded> = vec![first];
    tied.extend(
        scored
            .iter()
            .skip(1)
            .filter(|(score, d)| (implausible || score == best) && d.text != first.text)
            .map(|(_, d)| d),
    );
    if tied.len() > 1 {
        let names: Vec<&'static str> = tied.iter().map(|d| d.encoding).collect();
        return Err(Unreadable::UnknownEncoding {
            example: differing_byte(bytes, &names),
            candidates: names,
        });
    }
    Ok(scored.swap_remove(0).1)
}

/// The first byte the named encodings read differently, with the readings:
/// `0xA4: ¤ / €`. UTF-8 reads a byte that is not part of a valid sequence
/// as `�`.
fn differing_byte(bytes: &[u8], names: &[&str]) -> String {
    let bad_in_utf8: Vec<usize> = if names.contains(&"UTF-8") {
        invalid_utf8_offsets(bytes)
    } else {
        (0..bytes.len()).filter(|&i| bytes[i] >= 0x80).collect()
    };
    for i in bad_in_utf8 {
        let b = bytes[i];
        let readings: Vec<String> = names
            .iter()
            .map(|&name| match SINGLE_BYTE.iter().find(|(_, n)| *n == name) {
                Some((enc, _)) => enc.decode_without_bom_handling(&[b]).0.into_owned(),
                None => "\u{FFFD}".to_string(),
            })
            .collect();
        if readings.iter().any(|r| *r != readings[0]) {
            return format!("0x{b:02X}: {}", readings.join(" / "));
        }
    }
    String::new()
}

/// Offsets of the bytes that are not part of a valid UTF-8 sequence.
fn invalid_utf8_offsets(bytes: &[u8]) -> Vec<usize> {
    let mut offsets = Vec::new();
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        at += chunk.valid().len();
        offsets.extend(at..at + chunk.invalid().len());
        at += chunk.invalid().len();
    }
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn bom_decides() {
        let d = decode("\u{feff}Åtgärd".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Åtgärd", "UTF-8"));
        let mut le = vec![0xFF, 0xFE];
        le.extend(utf16le("Vähä €"));
        assert_eq!(decode(&le).unwrap().text, "Vähä €");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Vähä".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn utf16_without_bom_by_nuls() {
        let d = decode(&utf16le("Tunnus\tToimiala\nT-1\tKYMP\n")).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Tunnus\tToimiala\nT-1\tKYMP\n", "UTF-16LE")
        );
        let be: Vec<u8> = "Kesä;2021\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Kesä;2021\n");
    }

    #[test]
    fn unpaired_surrogate_and_odd_byte_are_invalid() {
        let mut b = utf16le("a");
        b.extend([0x00, 0xD8, b'b', 0, b'c']);
        let d = utf16(&b, false);
        assert_eq!(d.text, "a\u{FFFD}b\u{FFFD}");
        assert_eq!(
            d.invalid[0],
            Invalid {
                offset: 1,
                bytes: "0x00 0xD8".into()
            }
        );
        assert_eq!(d.invalid[1].bytes, "0x63");
    }

    #[test]
    fn mostly_utf8_keeps_utf8_and_notes_each_run() {
        let d = decode(b"P\xc3\xa4\xc3\xa4 \x9f\x80 \xc3\xb6\xc3\xb6 \xff").unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "Pää \u{FFFD}\u{FFFD} öö \u{FFFD}");
        let bytes: Vec<&str> = d.invalid.iter().map(|i| i.bytes.as_str()).collect();
        assert_eq!(bytes, ["0x9F 0x80", "0xFF"]);
        assert_eq!(d.invalid[0].offset, "Pää ".len());
    }

    #[test]
    fn as_many_bad_bytes_as_utf8_sequences_is_decided_by_plausibility() {
        let d = decode(b"Kes\xc3\xa4 \x9f;2021").unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Kesä \u{FFFD};2021", "UTF-8")
        );
        assert_eq!(d.invalid[0].bytes, "0x9F");
    }

    #[test]
    fn windows_1252_when_euro_is_a_c1_byte() {
        let d = decode(b"Budjetti (\x80);P\xe4\xe4").unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Budjetti (€);Pää", "Windows-1252")
        );
        assert_eq!(decode(b"12500 \x80").unwrap().text, "12500 €");
    }

    #[test]
    fn iso_8859_15_when_a4_is_euro() {
        let d = decode(b"L\xe4nsim\xe4ki;12500 \xa4").unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Länsimäki;12500 €", "ISO-8859-15")
        );
    }

    #[test]
    fn identical_readings_are_no_difference() {
        let d = decode(b"L\xe4nsim\xe4ki;K\xf6\xf6").unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Länsimäki;Köö", "Windows-1252")
        );
    }

    #[test]
    fn mac_roman_letters() {
        let d = decode(b"Kes\x8atoimi;\x80iti;K\x9a\x9a;\x8cbo;100 \xdb").unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("Kesätoimi;Äiti;Köö;åbo;100 €", "Mac Roman")
        );
    }

    #[test]
    fn tied_readings_are_refused() {
        // The same word in Mac Roman and in Windows-1252: evidence cancels.
        let Err(Unreadable::UnknownEncoding {
            candidates,
            example,
        }) = decode(b"P\x8a\x8ak;P\xe4\xe4k")
        else {
            panic!("not refused");
        };
        assert_eq!(candidates, ["Windows-1252", "Mac Roman"]);
        assert_eq!(example, "0x8A: Š / ä");
    }

    #[test]
    fn letters_that_are_wrong_in_every_reading_are_refused() {
        let Err(Unreadable::UnknownEncoding {
            candidates,
            example,
        }) = decode(b"K\xa4ytt\xa4j\xa4t")
        else {
            panic!("not refused");
        };
        assert_eq!(candidates, ["Windows-1252", "ISO-8859-15", "Mac Roman"]);
        assert_eq!(example, "0xA4: ¤ / € / §");
    }

    #[test]
    fn a_code_page_not_offered_is_refused() {
        // cp850 (DOS, old ERP exports): ä 0x84, ö 0x94, å 0x86. Windows-1252
        // reads „ ” †, Mac Roman Ñ î Ü: letters no Finnish word holds.
        let cp850 = b"Alakoulujen erityisnuorisoty\x94ntekij\x84t;Yl\x84koulujen ty\x94pajat;\
                      Tempo-orkesteri \x82\x84nek\x84s";
        let Err(Unreadable::UnknownEncoding { candidates, .. }) = decode(cp850) else {
            panic!("read on a guess");
        };
        assert_eq!(candidates, ["Mac Roman", "Windows-1252"]);
        // One name with a letter of another language among Finnish words
        // is still read.
        let d = decode(b"M\xfcller;P\xe4\xe4kaupunki;S\xf8ren;L\xe4nsim\xe4ki").unwrap();
        assert_eq!(d.encoding, "Windows-1252");
    }

    #[test]
    fn binary_is_refused_but_a_stray_nul_is_text() {
        assert!(matches!(
            decode(&[0x89, b'P', 0, 0, 0, 7, 0, 0, 0, 1, 2]),
            Err(Unreadable::Corrupt {
                what: Damage::Binary,
                ..
            })
        ));
        assert_eq!(decode(b"a;b\0;c\n").unwrap().text, "a;b\0;c\n");
    }
}
