//! A FORMULA record's parsed tokens (MS-XLS 2.5.198 Rgce, 2.5.198.25 Ptg,
//! reverse Polish) turned back into the formula text that
//! [`crate::reading::formula`] evaluates, for the tokens of the formulas
//! submissions use: numbers, `+ - * / ^ %`, brackets, one-sheet cell and
//! range references, references to another sheet of the workbook
//! (`'Muut luvut'!B2`), `SUM`, `AVERAGE`, `MIN`, `MAX`, `ROUND`, `ABS`
//! ([`decode`]: formulas that give a number) and comparisons, texts, truth
//! values, `IF`, `AND`, `OR`, `NOT`, `VLOOKUP`, `HLOOKUP`, `INDEX`,
//! `MATCH`, `SUBTOTAL` ([`decode_evaluated`]). Anything else (another
//! function, a reference to another workbook, a defined name, an error
//! constant, `&`, a shared or array formula, `ptgExp`) is "not decodable":
//! `None`, and the cell keeps its stored result, as an xlsx formula kooste
//! does not evaluate.

use super::records::{f64_at, u16_at};
use crate::text::column_letters;

/// Binding strength of a piece of text, to bracket a child only where the
/// evaluator would otherwise read another tree than the tokens say.
const CMP: u8 = 0;
const ADD: u8 = 1;
const MUL: u8 = 2;
const POW: u8 = 3;
const PREFIX: u8 = 4;
const ATOM: u8 = 5;

/// How much of the tokens [`decode_with`] turns into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    /// Numbers, arithmetic, references and the numeric functions: a
    /// formula that never gives a text (so an empty text stored as its
    /// result is xlwt's placeholder).
    Arithmetic,
    /// Also what the evaluator reads besides: comparisons, texts, truth
    /// values, `IF`, `AND`, `OR`, `NOT`, the exact lookups and `SUBTOTAL`.
    Evaluated,
    /// Anything with a name, for a message.
    Described,
}

/// The text of formula tokens `rgce` (without a leading `=`) that never
/// gives a text; `None` where a token is not one of those or the tokens are
/// malformed.
pub(super) fn decode(rgce: &[u8], sheets: &[Option<String>]) -> Option<String> {
    decode_with(rgce, Level::Arithmetic, sheets, &[])
}

/// The text of formula tokens kooste evaluates ([`decode`]'s, and
/// comparisons, texts, truth values, `IF`, `AND`, `OR`, `NOT`, `VLOOKUP`,
/// `HLOOKUP`, `INDEX`, `MATCH`, `SUBTOTAL`, and `IFERROR` called by its
/// name), to check a stored result against; `None` for any other token.
/// `functions`: the function each NAME record names.
pub(super) fn decode_evaluated(
    rgce: &[u8],
    sheets: &[Option<String>],
    functions: &[Option<String>],
) -> Option<String> {
    decode_with(rgce, Level::Evaluated, sheets, functions)
}

/// The text of formula tokens kooste may not evaluate, for a message
/// only: [`decode_evaluated`]'s tokens and also `&`, error constants,
/// `CHOOSE` and the functions of [`function_name`]. Where even this fails
/// the text is `…`.
pub(super) fn describe(
    rgce: &[u8],
    sheets: &[Option<String>],
    functions: &[Option<String>],
) -> String {
    decode_with(rgce, Level::Described, sheets, functions).unwrap_or_else(|| "…".to_string())
}

/// `sheets`: the sheet each XTI index of a 3-D reference names
/// ([`super::sheet::Globals::xti_sheets`]); `functions`: the function each
/// NAME names ([`super::sheet::Globals::function_names`]).
fn decode_with(
    rgce: &[u8],
    level: Level,
    sheets: &[Option<String>],
    functions: &[Option<String>],
) -> Option<String> {
    let lenient = level == Level::Described;
    let evaluated = level >= Level::Evaluated;
    // Each entry: the text and how strongly it binds.
    let mut stack: Vec<(String, u8)> = Vec::new();
    let mut i = 0;
    while i < rgce.len() {
        let ptg = rgce[i];
        i += 1;
        match ptg {
            // ptgAdd, ptgSub, ptgMul, ptgDiv, ptgPower.
            0x03..=0x07 => {
                let (op, level, left_min, right_min) = match ptg {
                    0x03 => ("+", ADD, ADD, MUL),
                    0x04 => ("-", ADD, ADD, MUL),
                    0x05 => ("*", MUL, MUL, POW),
                    0x06 => ("/", MUL, MUL, POW),
                    _ => ("^", POW, POW, PREFIX),
                };
                let b = stack.pop()?;
                let a = stack.pop()?;
                stack.push((
                    format!("{}{op}{}", bracket(a, left_min), bracket(b, right_min)),
                    level,
                ));
            }
            // ptgUplus, ptgUminus.
            0x12 | 0x13 => {
                let a = stack.pop()?;
                let op = if ptg == 0x12 { "+" } else { "-" };
                stack.push((format!("{op}{}", bracket(a, PREFIX)), PREFIX));
            }
            // ptgPercent: -5% is the same number read either way round.
            0x14 => {
                let a = stack.pop()?;
                stack.push((format!("{}%", bracket(a, PREFIX)), PREFIX));
            }
            // ptgParen: the brackets the person typed.
            0x15 => {
                let (a, _) = stack.pop()?;
                stack.push((format!("({a})"), ATOM));
            }
            // ptgMissArg: an argument left out (`ROUND(H2,)`).
            0x16 => stack.push((String::new(), ATOM)),
            // ptgAttr (2.5.198.33ff.): 4 bytes in all, except tAttrChoose.
            0x19 => {
                let grbit = *rgce.get(i)?;
                u16_at(rgce, i + 1)?;
                i += 3;
                match grbit {
                    // tAttrSemi (volatile), tAttrSpace, tAttrSpaceSemi.
                    0x01 | 0x40 | 0x41 => {}
                    // tAttrSum: SUM of the one argument on the stack.
                    0x10 => {
                        let (a, _) = stack.pop()?;
                        stack.push((format!("SUM({a})"), ATOM));
                    }
                    // tAttrIf, tAttrGoto: jumps of IF (and CHOOSE); the
                    // tokens in between are the branches, in order.
                    0x02 | 0x08 if evaluated => {}
                    // tAttrChoose: a count, then count + 1 offsets.
                    0x04 if lenient => {
                        let count = usize::from(u16_at(rgce, i - 2)?);
                        i += 2 * (count + 1);
                    }
                    // tAttrIf, tAttrChoose, tAttrGoto, tAttrBaxcel: IF,
                    // CHOOSE and macro sheets, not evaluated.
                    _ => return None,
                }
            }
            // ptgInt.
            0x1E => {
                stack.push((u16_at(rgce, i)?.to_string(), ATOM));
                i += 2;
            }
            // ptgNum.
            0x1F => {
                let n = f64_at(rgce, i)?;
                if !n.is_finite() {
                    return None;
                }
                stack.push((format!("{n}"), if n < 0.0 { PREFIX } else { ATOM }));
                i += 8;
            }
            // ptgFunc: a function of fixed arity.
            0x21 | 0x41 | 0x61 => {
                let (name, arity) = match u16_at(rgce, i)? {
                    24 => ("ABS", 1),
                    27 => ("ROUND", 2),
                    38 if evaluated => ("NOT", 1),
                    id if lenient => fixed_function(id)?,
                    _ => return None,
                };
                i += 2;
                call(&mut stack, name, arity)?;
            }
            // ptgFuncVar: argument count (bit 7 fPrompt), then the function
            // (bit 15 fCE: a macro command).
            0x22 | 0x42 | 0x62 => {
                let argc = usize::from(*rgce.get(i)? & 0x7F);
                let id = u16_at(rgce, i + 1)?;
                // 255: a function called by name, the first argument.
                if id == 0xFF {
                    i += 3;
                    by_name(&mut stack, argc)?;
                    continue;
                }
                let name = match id {
                    4 => "SUM",
                    5 => "AVERAGE",
                    6 => "MIN",
                    7 => "MAX",
                    24 => "ABS",
                    27 => "ROUND",
                    1 | 29 | 36 | 37 | 64 | 101 | 102 | 344 if evaluated => function_name(id)?,
                    id if lenient => function_name(id)?,
                    _ => return None,
                };
                i += 3;
                call(&mut stack, name, argc)?;
            }
            // ptgName (2.5.198.76): a NAME's 1-based index; only a
            // function's name, called by ptgFuncVar 255 after it.
            0x23 | 0x43 | 0x63 => {
                let index =
                    usize::try_from(u32::from_le_bytes(rgce.get(i..i + 4)?.try_into().ok()?))
                        .ok()?;
                let name = functions.get(index.checked_sub(1)?)?.as_ref()?;
                if !lenient && name != "IFERROR" {
                    return None;
                }
                stack.push((format!("{FUNCTION}{name}"), ATOM));
                i += 4;
            }
            // ptgRef (2.5.198.84): RgceLoc, row and column.
            0x24 | 0x44 | 0x64 => {
                let cell = cell_ref(u16_at(rgce, i)?, u16_at(rgce, i + 2)?);
                stack.push((cell, ATOM));
                i += 4;
            }
            // ptgArea (2.5.198.27): RgceArea, first and last rows, then
            // first and last columns.
            0x25 | 0x45 | 0x65 => {
                let (r1, r2) = (u16_at(rgce, i)?, u16_at(rgce, i + 2)?);
                let (c1, c2) = (u16_at(rgce, i + 4)?, u16_at(rgce, i + 6)?);
                stack.push((format!("{}:{}", cell_ref(r1, c1), cell_ref(r2, c2)), ATOM));
                i += 8;
            }
            // ptgRef3d (2.5.198.85), ptgArea3d (2.5.198.28): an XTI index,
            // then a RgceLoc or RgceArea, as `'Muut luvut'!B2`.
            0x3A | 0x5A | 0x7A | 0x3B | 0x5B | 0x7B => {
                let sheet = sheets.get(usize::from(u16_at(rgce, i)?))?.as_ref()?;
                let at = i + 2;
                let place = if ptg & 0x1F == 0x1A {
                    i += 6;
                    cell_ref(u16_at(rgce, at)?, u16_at(rgce, at + 2)?)
                } else {
                    i += 10;
                    let (r1, r2) = (u16_at(rgce, at)?, u16_at(rgce, at + 2)?);
                    let (c1, c2) = (u16_at(rgce, at + 4)?, u16_at(rgce, at + 6)?);
                    format!("{}:{}", cell_ref(r1, c1), cell_ref(r2, c2))
                };
                stack.push((format!("'{}'!{place}", sheet.replace('\'', "''")), ATOM));
            }
            // The comparisons (ptgLt … ptgNe), and ptgConcat only described.
            0x09..=0x0E if evaluated => {
                let op = ["<", "<=", "=", ">=", ">", "<>"][usize::from(ptg - 0x09)];
                let b = stack.pop()?;
                let a = stack.pop()?;
                stack.push((format!("{}{op}{}", bracket(a, ADD), bracket(b, ADD)), CMP));
            }
            0x08 if lenient => {
                let b = stack.pop()?;
                let a = stack.pop()?;
                stack.push((format!("{}&{}", bracket(a, ADD), bracket(b, ADD)), CMP));
            }
            // ptgStr: ShortXLUnicodeString (count, flags, characters).
            0x17 if evaluated => {
                let (count, high) = (usize::from(*rgce.get(i)?), rgce.get(i + 1)? & 1 != 0);
                i += 2;
                let text: String = if high {
                    let bytes = rgce.get(i..i + 2 * count)?;
                    i += 2 * count;
                    let units: Vec<u16> = bytes
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]]))
                        .collect();
                    String::from_utf16_lossy(&units)
                } else {
                    let bytes = rgce.get(i..i + count)?;
                    i += count;
                    bytes.iter().map(|&b| char::from(b)).collect()
                };
                stack.push((format!("\"{}\"", text.replace('"', "\"\"")), ATOM));
            }
            // ptgErr, ptgBool.
            0x1C if lenient => {
                stack.push((super::cells::error_text(*rgce.get(i)?), ATOM));
                i += 1;
            }
            0x1D if evaluated => {
                let b = *rgce.get(i)? != 0;
                stack.push((if b { "TRUE" } else { "FALSE" }.to_string(), ATOM));
                i += 1;
            }
            // Anything else: strings, comparisons, names, 3-D references,
            // shared and array formulas (ptgExp, ptgRefN, ptgAreaN), …
            _ => return None,
        }
    }
    match stack.as_slice() {
        [(text, _)] if !text.is_empty() && !text.contains(FUNCTION) => Some(text.clone()),
        _ => None,
    }
}

/// The name of a function of a variable number of arguments (MS-XLS
/// 2.5.198.17 Ftab), for describing formulas kooste does not evaluate.
fn function_name(id: u16) -> Option<&'static str> {
    Some(match id {
        0 => "COUNT",
        1 => "IF",
        4 => "SUM",
        5 => "AVERAGE",
        6 => "MIN",
        7 => "MAX",
        28 => "LOOKUP",
        29 => "INDEX",
        36 => "AND",
        37 => "OR",
        48 => "TEXT",
        64 => "MATCH",
        101 => "HLOOKUP",
        102 => "VLOOKUP",
        115 => "LEFT",
        116 => "RIGHT",
        169 => "COUNTA",
        336 => "CONCATENATE",
        344 => "SUBTOTAL",
        345 => "SUMIF",
        346 => "COUNTIF",
        _ => return None,
    })
}

/// The name and arity of a function of a fixed number of arguments
/// (MS-XLS 2.5.198.17 Ftab), for describing formulas.
fn fixed_function(id: u16) -> Option<(&'static str, usize)> {
    Some(match id {
        2 => ("ISNA", 1),
        3 => ("ISERROR", 1),
        10 => ("NA", 0),
        25 => ("INT", 1),
        31 => ("MID", 3),
        32 => ("LEN", 1),
        33 => ("VALUE", 1),
        38 => ("NOT", 1),
        39 => ("MOD", 2),
        65 => ("DATE", 3),
        74 => ("NOW", 0),
        112 => ("LOWER", 1),
        113 => ("UPPER", 1),
        118 => ("TRIM", 1),
        221 => ("TODAY", 0),
        _ => return None,
    })
}

/// `text` bracketed when it binds less strongly than `min`.
fn bracket((text, level): (String, u8), min: u8) -> String {
    if level < min {
        format!("({text})")
    } else {
        text
    }
}

/// Marks a function's name on the stack (ptgName), for [`by_name`].
const FUNCTION: char = '\u{0}';

/// ptgFuncVar 255: the top `argc` texts of the stack, the first a
/// function's name ([`FUNCTION`]), become `name(a,b,…)`.
fn by_name(stack: &mut Vec<(String, u8)>, argc: usize) -> Option<()> {
    let at = stack.len().checked_sub(argc)?;
    let (first, _) = stack.get(at)?;
    let name = first.strip_prefix(FUNCTION)?.to_string();
    stack.remove(at);
    call(stack, &name, argc - 1)
}

/// Replaces the top `argc` texts of the stack with `name(a,b,…)`.
fn call(stack: &mut Vec<(String, u8)>, name: &str, argc: usize) -> Option<()> {
    let args = stack.split_off(stack.len().checked_sub(argc)?);
    let args: Vec<String> = args.into_iter().map(|(a, _)| a).collect();
    stack.push((format!("{name}({})", args.join(",")), ATOM));
    Some(())
}

/// A cell of a RgceLoc (2.5.198.107): the row, and the column whose bits 14
/// and 15 say the column and the row are relative (no `$`).
fn cell_ref(row: u16, col: u16) -> String {
    let c = u32::from(col & 0x3FFF);
    let col_abs = if col & 0x4000 == 0 { "$" } else { "" };
    let row_abs = if col & 0x8000 == 0 { "$" } else { "" };
    format!(
        "{col_abs}{}{row_abs}{}",
        column_letters(c),
        u32::from(row) + 1
    )
}

#[cfg(test)]
mod tests {
    use super::decode;

    /// Tokens from hex, as a dump of the record shows them.
    fn hex(s: &str) -> Vec<u8> {
        let s: String = s.split_whitespace().collect();
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    fn text(s: &str) -> Option<String> {
        decode(&hex(s), &[])
    }

    #[test]
    fn the_formulas_xlwt_and_libreoffice_write() {
        // The rgce of xlwt_formulas_without_results.xls, cell by cell.
        assert_eq!(text("1ed8d6 1ed8d6 03").unwrap(), "55000+55000");
        assert_eq!(text("1e0200 1f000000000000e03f 05").unwrap(), "2*0.5");
        assert_eq!(
            text("44 0200 07c0 1f9a9999999999d93f 05 1e0000 41 1b00").unwrap(),
            "ROUND(H3*0.4,0)"
        );
        assert_eq!(text("44 0200 07c0").unwrap(), "H3");
        assert_eq!(text("1ec409 13 41 1800").unwrap(), "ABS(-2500)");
        assert_eq!(text("1e0100 1e0200 03 15 1e0400 06").unwrap(), "(1+2)/4");
        assert_eq!(
            text("44 0200 0700 1e0400 06 1e0500 14 1e6400 05 04").unwrap(),
            "$H$3/4-5%*100"
        );
        assert_eq!(text("1eb80b 13 15 13").unwrap(), "-(-3000)");
        assert_eq!(text("1e0200 1e0100 13 07").unwrap(), "2^-1");
        assert_eq!(
            text("44 0500 08c0 1ee803 42 02 0700 25 0400 0500 08c0 08c0 42 01 0600 03").unwrap(),
            "MAX(I6,1000)+MIN(I5:I6)"
        );
        // SUM of one range: tAttrSum.
        assert_eq!(
            text("25 0500 0600 07c0 07c0 19 10 0000").unwrap(),
            "SUM(H6:H7)"
        );
        assert_eq!(
            text("25 0500 0600 08c0 08c0 42 01 0500 1e0200 05").unwrap(),
            "AVERAGE(I6:I7)*2"
        );
        // ptgRef in the reference class (0x24), as LibreOffice writes it.
        assert_eq!(
            text("24 0500 08c0 1ee803 42 02 0700").unwrap(),
            "MAX(I6,1000)"
        );
    }

    #[test]
    fn brackets_where_the_tokens_need_them() {
        // (1+2)*3 written without ptgParen: the tree needs the brackets.
        assert_eq!(text("1e0100 1e0200 03 1e0300 05").unwrap(), "(1+2)*3");
        // 1-(2-3) and 2^(3^2): right operands of the same strength.
        assert_eq!(text("1e0100 1e0200 1e0300 04 04").unwrap(), "1-(2-3)");
        assert_eq!(text("1e0200 1e0300 1e0200 07 07").unwrap(), "2^(3^2)");
        // -(2^2): Excel's -2^2 is (-2)^2.
        assert_eq!(text("1e0200 1e0200 07 13").unwrap(), "-(2^2)");
        assert_eq!(text("1e0200 13 1e0200 07").unwrap(), "-2^2");
        // Unary plus, a missing argument, spaces and volatile marks skipped.
        assert_eq!(
            text("19 40 0001 44 0100 07c0 12 16 42 02 1b00 19 01 0000").unwrap(),
            "ROUND(+H2,)"
        );
        // ptgFunc ROUND(H2,2) and an absolute range.
        assert_eq!(text("44 0100 07c0 1e0200 21 1b00").unwrap(), "ROUND(H2,2)");
        assert_eq!(
            text("25 0100 0800 0700 0700 42 01 0400").unwrap(),
            "SUM($H$2:$H$9)"
        );
        // Mixed: $H2 (column absolute, row relative), H$2.
        assert_eq!(text("44 0100 0780").unwrap(), "$H2");
        assert_eq!(text("44 0100 0740").unwrap(), "H$2");
    }

    #[test]
    fn comparisons_if_and_lookups_decode_for_evaluation() {
        let e = |s: &str| super::decode_evaluated(&hex(s), &[], &[]);
        assert_eq!(
            e("1e0100 25 0000 0100 19c0 19c0 1e0100 1e0000 42 04 6600").unwrap(),
            "VLOOKUP(1,Z1:Z2,1,0)"
        );
        assert_eq!(
            e("44 0100 07c0 1e0100 0d 19 02 0500 1e0200 19 08 0300 17 00 00 19 08 0300 42 03 0100")
                .unwrap(),
            "IF(H2>1,2,\"\")"
        );
        assert_eq!(e("1e0100 1e0200 0e").unwrap(), "1<>2");
        assert_eq!(e("1d 01 21 2600").unwrap(), "NOT(TRUE)");
        // IFERROR as LibreOffice writes it: a NAME `_xlfn.IFERROR` called
        // through ptgFuncVar 255.
        let rgce = hex(
            "23 01000000 44 0400 03c0 3b 0000 0100 0400 0000 0200 1e0200 1d00 42 04 6600 \
             1e0000 42 03 ff00",
        );
        let sheets = [Some("Hinnat".to_string())];
        let functions = [Some("IFERROR".to_string())];
        assert_eq!(
            super::decode_evaluated(&rgce, &sheets, &functions).unwrap(),
            "IFERROR(VLOOKUP(D5,'Hinnat'!$A$2:$C$5,2,FALSE),0)"
        );
        assert_eq!(super::decode_evaluated(&rgce, &sheets, &[None]), None);
        // `&`, an error constant, a defined name: not evaluated.
        assert_eq!(e("17 02 00 5131 17 03 00 2d5132 08"), None);
        assert_eq!(e("1c 07"), None);
        assert_eq!(e("23 01000000"), None);
    }

    #[test]
    fn what_is_not_evaluated_is_described() {
        let d = |s: &str| super::describe(&hex(s), &[], &[]);
        assert_eq!(
            d("1e0100 25 0000 0100 19c0 19c0 1e0100 1e0000 42 04 6600"),
            "VLOOKUP(1,Z1:Z2,1,0)"
        );
        assert_eq!(d("17 02 00 5131 17 03 00 2d5132 08"), "\"Q1\"&\"-Q2\"");
        assert_eq!(
            d("44 0100 07c0 1e0100 0d 19 02 0500 1e0200 19 08 0300 17 00 00 19 08 0300 42 03 0100"),
            "IF(H2>1,2,\"\")"
        );
        assert_eq!(d("23 01000000"), "…");
        assert_eq!(d("1c 07"), "#DIV/0!");
    }

    #[test]
    fn what_is_not_decoded() {
        for (what, rgce) in [
            (
                "VLOOKUP",
                "1e0100 25 0000 0100 19c0 19c0 1e0100 1e0000 42 04 6600",
            ),
            ("IF", "1e0100 19 02 0500 1e0200 19 08 0300 41 0100"),
            ("a string", "17 03 00 616263"),
            ("an error", "1c 07"),
            ("a truth value", "1d 01"),
            ("a comparison", "1e0100 1e0200 09"),
            ("a defined name", "23 01000000"),
            ("a 3-D reference", "3a 0000 0100 0700"),
            ("a shared formula", "01 0100 0700"),
            ("a relative reference of a shared formula", "4c 0000 0000"),
            ("a union", "44 0100 07c0 44 0200 07c0 10"),
            ("ptgFuncVar SUM marked fCE", "1e0100 42 01 0480"),
            ("cut short", "1ed8"),
            ("two values left", "1e0100 1e0200"),
            ("an operator without operands", "03"),
            ("too few arguments", "1e0100 42 02 0400"),
            ("nothing", ""),
            ("infinity", "1f000000000000f07f"),
        ] {
            assert_eq!(text(rgce), None, "{what}");
        }
    }
}
