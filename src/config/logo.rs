//! The organisation logo of the report's cover (`programme.logo`): a PNG
//! or JPEG file beside the configuration, read and checked when the
//! configuration is loaded, so that a missing, unreadable or oversized
//! logo stops the run before any input is read (exit 2).
//!
//! A PNG is decoded to 8-bit RGB pixels, any transparency flattened onto
//! the white page: the cover then holds no soft mask or transparency
//! group, which PDF/A-2 (ISO 19005-2 §6.2.10) would otherwise constrain.
//! A JPEG is decoded whole (zune-jpeg, strictly) to check it, then kept as
//! it is and embedded with its own DCT compression, or turned as its EXIF
//! orientation says and embedded as RGB pixels; CMYK and other colour
//! spaces are refused (the report's output intent is sRGB).

use std::path::{Path, PathBuf};

/// The largest logo file, in bytes (8 MiB).
pub const MAX_BYTES: u64 = 8 << 20;

/// The most pixels a logo may have (width × height): 4 megapixels,
/// 12 MB decoded, far more than a cover's few centimetres need.
pub const MAX_PIXELS: u64 = 4_000_000;

/// A logo read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The image data as the PDF embeds it.
    pub data: LogoData,
}

/// A logo's image data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogoData {
    /// 8-bit RGB samples, row by row from the top (a decoded PNG).
    Rgb(Vec<u8>),
    /// A JPEG file as it is, of 1 (grey) or 3 (colour) components.
    Jpeg {
        /// The file's bytes.
        bytes: Vec<u8>,
        /// Colour components: 1 or 3.
        components: u8,
    },
}

/// Why a logo cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LogoProblem {
    /// The file could not be read (missing, a folder, no permission).
    #[error("cannot read the logo: {0}")]
    Io(#[source] std::io::Error),
    /// Larger than [`MAX_BYTES`] or [`MAX_PIXELS`].
    #[error("the logo is too large ({width} × {height} pixels, {bytes} bytes)")]
    TooLarge {
        /// Width in pixels, 0 where not yet known.
        width: u32,
        /// Height in pixels, 0 where not yet known.
        height: u32,
        /// The file's size.
        bytes: u64,
    },
    /// Neither PNG nor JPEG, or broken, or a JPEG in CMYK.
    #[error("the logo is not a PNG or an RGB or greyscale JPEG image: {0}")]
    Format(String),
}

/// Reads the logo at `path` (the configuration's `programme.logo`
/// resolved against the configuration file's folder).
///
/// # Errors
/// [`LogoProblem`] for a file that is unreadable, too large or not an image
/// this supports.
pub fn read(path: &Path) -> Result<Logo, LogoProblem> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(LogoProblem::Io)?;
    let size = file.metadata().map_err(LogoProblem::Io)?.len();
    if size > MAX_BYTES {
        return Err(LogoProblem::TooLarge {
            width: 0,
            height: 0,
            bytes: size,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(LogoProblem::Io)?;
    let logo = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(&bytes, size)?
    } else if bytes.starts_with(&[0xff, 0xd8]) {
        jpeg(bytes, size)?
    } else {
        return Err(LogoProblem::Format("neither PNG nor JPEG".into()));
    };
    Ok(logo)
}

fn too_large(width: u32, height: u32, bytes: u64) -> Result<(), LogoProblem> {
    if u64::from(width) * u64::from(height) > MAX_PIXELS || width == 0 || height == 0 {
        return Err(LogoProblem::TooLarge {
            width,
            height,
            bytes,
        });
    }
    Ok(())
}

/// A PNG decoded to RGB, transparency flattened onto white.
fn png(bytes: &[u8], size: u64) -> Result<Logo, LogoProblem> {
    let format = |e: png::DecodingError| LogoProblem::Format(e.to_string());
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(format)?;
    let (width, height) = (reader.info().width, reader.info().height);
    // Checked before the pixels are allocated.
    too_large(width, height, size)?;
    let len = reader
        .output_buffer_size()
        .ok_or_else(|| LogoProblem::Format("image too large".into()))?;
    let mut buf = vec![0; len];
    let frame = reader.next_frame(&mut buf).map_err(format)?;
    buf.truncate(frame.buffer_size());
    // White under a pixel of coverage `a`: v·a + 255·(1 − a), rounded.
    let over_white = |v: u8, a: u8| {
        let (v, a) = (u32::from(v), u32::from(a));
        ((v * a + 255 * (255 - a) + 127) / 255) as u8
    };
    let rgb: Vec<u8> = match frame.color_type {
        png::ColorType::Rgb => buf,
        png::ColorType::Rgba => buf
            .chunks_exact(4)
            .flat_map(|p| [0, 1, 2].map(|c| over_white(p[c], p[3])))
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|&g| [g, g, g]).collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [over_white(p[0], p[1]); 3])
            .collect(),
        png::ColorType::Indexed => {
            return Err(LogoProblem::Format("indexed colours not expanded".into()));
        }
    };
    Ok(Logo {
        width,
        height,
        data: LogoData::Rgb(rgb),
    })
}

/// A JPEG's first frame header (ITU-T T.81 §B.2.2).
struct Frame {
    /// SOF0–SOF15 but DHT, JPG and DAC.
    marker: u8,
    /// Bits per sample.
    precision: u8,
    width: u32,
    height: u32,
    components: u8,
}

fn frame_header(bytes: &[u8]) -> Option<Frame> {
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xff {
            return None;
        }
        let marker = bytes[at + 1];
        if marker == 0xff {
            at += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        let is_frame = (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker);
        if is_frame {
            let h = bytes.get(at + 4..at + 10)?;
            return Some(Frame {
                marker,
                precision: h[0],
                height: u32::from(u16::from_be_bytes([h[1], h[2]])),
                width: u32::from(u16::from_be_bytes([h[3], h[4]])),
                components: h[5],
            });
        }
        at += 2 + len;
    }
    None
}

/// A JPEG, checked by decoding it whole: kept as it is (the PDF shows it
/// with its own DCT compression), or, where its EXIF orientation turns it,
/// as the turned RGB pixels a viewer shows.
///
/// Refused: a frame PDF's DCTDecode filter does not read (ISO 32000-1
/// §7.4.8 reads baseline and progressive 8-bit JPEGs: SOF0–SOF2; lossless,
/// arithmetic-coded and 12-bit ones showed blank or garbled on the cover),
/// CMYK and other colour spaces (the report's output intent is sRGB), and
/// a file that does not decode whole (a truncated download).
fn jpeg(bytes: Vec<u8>, size: u64) -> Result<Logo, LogoProblem> {
    let format = |s: &str| LogoProblem::Format(s.to_string());
    let frame = frame_header(&bytes).ok_or_else(|| format("no JPEG frame header"))?;
    too_large(frame.width, frame.height, size)?;
    if !matches!(frame.marker, 0xc0..=0xc2) || frame.precision != 8 {
        return Err(format("a lossless, arithmetic-coded or 12-bit JPEG"));
    }
    let components = frame.components;
    if components != 1 && components != 3 {
        return Err(LogoProblem::Format(format!(
            "a JPEG of {components} colour components (CMYK?)"
        )));
    }
    let options = zune_core::options::DecoderOptions::default()
        .set_strict_mode(true)
        .jpeg_set_out_colorspace(zune_core::colorspace::ColorSpace::RGB);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(
        zune_core::bytestream::ZCursor::new(&bytes),
        options,
    );
    let rgb = decoder
        .decode()
        .map_err(|e| LogoProblem::Format(e.to_string()))?;
    let (width, height) = (frame.width, frame.height);
    if rgb.len() != width as usize * height as usize * 3 {
        return Err(format("a JPEG whose pixels do not match its size"));
    }
    let data = match orientation(&bytes) {
        1 => LogoData::Jpeg { bytes, components },
        turn => {
            let (width, height, rgb) = oriented(&rgb, width, height, turn);
            return Ok(Logo {
                width,
                height,
                data: LogoData::Rgb(rgb),
            });
        }
    };
    Ok(Logo {
        width,
        height,
        data,
    })
}

/// The EXIF orientation of a JPEG (1–8, CIPA DC-008 §4.6.4 A, tag 0x0112),
/// 1 (as stored) without one or with one out of range.
fn orientation(bytes: &[u8]) -> u32 {
    let exif = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(bytes));
    exif.ok()
        .and_then(|e| {
            let field = e.get_field(exif::Tag::Orientation, exif::In::PRIMARY)?;
            field.value.get_uint(0)
        })
        .filter(|o| (1..=8).contains(o))
        .unwrap_or(1)
}

/// RGB pixels of `width` × `height` turned as EXIF `orientation` says a
/// viewer shows them: (width, height, pixels) after turning.
fn oriented(rgb: &[u8], width: u32, height: u32, orientation: u32) -> (u32, u32, Vec<u8>) {
    let (w, h) = (width as usize, height as usize);
    let (ow, oh) = if orientation >= 5 { (h, w) } else { (w, h) };
    let mut out = Vec::with_capacity(rgb.len());
    for y in 0..oh {
        for x in 0..ow {
            // The stored pixel shown at (x, y).
            let (sx, sy) = match orientation {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (y, h - 1 - x),
                7 => (w - 1 - y, h - 1 - x),
                8 => (w - 1 - y, x),
                _ => (x, y),
            };
            let at = (sy * w + sx) * 3;
            out.extend_from_slice(&rgb[at..at + 3]);
        }
    }
    (ow as u32, oh as u32, out)
}

/// `logo` of a configuration read from `origin` (a file path, or
/// [`super::BUILTIN_ORIGIN`]): relative to the file's folder.
pub fn resolve(origin: &str, logo: &str) -> PathBuf {
    let base = Path::new(origin).parent().unwrap_or(Path::new(""));
    if origin == super::BUILTIN_ORIGIN {
        return PathBuf::from(logo);
    }
    base.join(logo)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2 × 1 PNG of one opaque red and one half-transparent black pixel.
    fn png_bytes() -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, 2, 1);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().unwrap();
        w.write_image_data(&[255, 0, 0, 255, 0, 0, 0, 128]).unwrap();
        w.finish().unwrap();
        out
    }

    #[test]
    fn a_png_is_flattened_onto_white() {
        let logo = png(&png_bytes(), 100).unwrap();
        assert_eq!((logo.width, logo.height), (2, 1));
        assert_eq!(logo.data, LogoData::Rgb(vec![255, 0, 0, 127, 127, 127]));
    }

    fn fixture(name: &str) -> Vec<u8> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/logo/");
        std::fs::read(format!("{dir}{name}")).unwrap()
    }

    #[test]
    fn a_jpeg_is_decoded_to_check_it_and_kept_as_it_is() {
        let b = fixture("logo.jpg");
        let logo = jpeg(b.clone(), 100).unwrap();
        assert_eq!((logo.width, logo.height), (90, 30));
        let kept = LogoData::Jpeg {
            bytes: b,
            components: 3,
        };
        assert_eq!(logo.data, kept);
        // CMYK; cut short; arithmetic-coded (SOF9); lossless (SOF3).
        for name in [
            "logo_cmyk.jpg",
            "logo_truncated.jpg",
            "logo_arith.jpg",
            "logo_sof3.jpg",
        ] {
            let refused = jpeg(fixture(name), 100);
            assert!(matches!(refused, Err(LogoProblem::Format(_))), "{name}");
        }
    }

    #[test]
    fn a_jpeg_turned_by_its_exif_orientation_is_turned_on_the_cover() {
        let logo = jpeg(fixture("logo_exif6.jpg"), 100).unwrap();
        assert_eq!((logo.width, logo.height), (30, 90));
        let LogoData::Rgb(rgb) = logo.data else {
            panic!("turned pixels")
        };
        // The stored image's right third is yellow, blue the rest: a
        // quarter clockwise, yellow is at the bottom.
        let pixel = |x: usize, y: usize| &rgb[(y * 30 + x) * 3..(y * 30 + x) * 3 + 3];
        let yellow = |p: &[u8]| p[0] > 200 && p[1] > 160 && p[2] < 100;
        assert!(yellow(pixel(15, 80)), "{:?}", pixel(15, 80));
        assert!(!yellow(pixel(15, 10)), "{:?}", pixel(15, 10));
    }

    #[test]
    fn each_exif_orientation_shows_the_stored_pixels_as_a_viewer_does() {
        // 2 × 1 stored: pixel a, pixel b.
        let (a, b) = ([1, 1, 1], [2, 2, 2]);
        let rgb = [a, b].concat();
        let shown = |o| oriented(&rgb, 2, 1, o);
        assert_eq!(shown(1), (2, 1, [a, b].concat()));
        assert_eq!(shown(2), (2, 1, [b, a].concat()));
        assert_eq!(shown(3), (2, 1, [b, a].concat()));
        assert_eq!(shown(4), (2, 1, [a, b].concat()));
        assert_eq!(shown(5), (1, 2, [a, b].concat()));
        assert_eq!(shown(6), (1, 2, [a, b].concat()));
        assert_eq!(shown(7), (1, 2, [b, a].concat()));
        assert_eq!(shown(8), (1, 2, [b, a].concat()));
    }

    #[test]
    fn a_huge_image_is_refused_before_decoding() {
        let mut b = vec![
            0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 8, 0x27, 0x10, 0x27, 0x10, 3,
        ];
        b.extend([0; 9]);
        assert!(matches!(jpeg(b, 100), Err(LogoProblem::TooLarge { .. })));
    }
}
