//! BIFF record framing (MS-XLS 2.1.4): each record is a 2-byte type, a
//! 2-byte length and that many bytes; data longer than 8 224 bytes goes on
//! in CONTINUE records (MS-XLS 2.4.58) that follow it. Every read here is
//! checked: a short record is an error, never a panic.

use crate::reading::{Damage, Unreadable};

/// CONTINUE (MS-XLS 2.4.58).
const CONTINUE: u16 = 0x003C;

/// A malformed-file error with the reason.
pub(super) fn corrupt(reason: impl std::fmt::Display) -> Unreadable {
    Unreadable::corrupt(Damage::Xls, format!("malformed .xls: {reason}"))
}

/// Little-endian u16 at byte `at`, if the slice holds it.
pub(super) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes(s.try_into().ok()?))
}

/// Little-endian u32 at byte `at`, if the slice holds it.
pub(super) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(s.try_into().ok()?))
}

/// Little-endian IEEE double at byte `at`, if the slice holds it.
pub(super) fn f64_at(b: &[u8], at: usize) -> Option<f64> {
    let s = b.get(at..at.checked_add(8)?)?;
    Some(f64::from_le_bytes(s.try_into().ok()?))
}

/// One record with the data of the CONTINUE records that follow it.
#[derive(Debug)]
pub(super) struct Record<'a> {
    /// Record type.
    pub typ: u16,
    /// The record's own data.
    pub data: &'a [u8],
    /// The data of each CONTINUE record after it, in order.
    pub cont: Vec<&'a [u8]>,
}

/// The records of a stream from a byte offset on. After an error it yields
/// nothing more.
pub(super) struct Records<'a> {
    stream: &'a [u8],
    pos: usize,
}

impl<'a> Records<'a> {
    /// Records starting at byte `pos` of `stream`.
    pub fn new(stream: &'a [u8], pos: usize) -> Records<'a> {
        Records { stream, pos }
    }

    /// The record at `pos` without its CONTINUEs: (type, data, next offset).
    fn one(&self, pos: usize) -> Result<(u16, &'a [u8], usize), Unreadable> {
        let (Some(typ), Some(len)) = (u16_at(self.stream, pos), u16_at(self.stream, pos + 2))
        else {
            return Err(corrupt(format!("record header cut short at byte {pos}")));
        };
        let end = pos + 4 + usize::from(len);
        let data = self.stream.get(pos + 4..end).ok_or_else(|| {
            corrupt(format!(
                "record 0x{typ:04X} at byte {pos} runs past the end of the stream"
            ))
        })?;
        Ok((typ, data, end))
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>, Unreadable>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.stream.len() {
            return None;
        }
        let mut read = || {
            let (typ, data, mut next) = self.one(self.pos)?;
            let mut cont = Vec::new();
            while u16_at(self.stream, next) == Some(CONTINUE) {
                let (_, more, after) = self.one(next)?;
                cont.push(more);
                next = after;
            }
            self.pos = next;
            Ok(Record { typ, data, cont })
        };
        let record = read();
        if record.is_err() {
            self.pos = self.stream.len();
        }
        Some(record)
    }
}

/// A reader over a record's data and its CONTINUEs, for the structures that
/// may span them: the shared strings and long formula results.
pub(super) struct Frags<'r, 'a> {
    cur: &'a [u8],
    rest: std::slice::Iter<'r, &'a [u8]>,
}

impl<'r, 'a> Frags<'r, 'a> {
    /// The record's data from byte `skip` on (its fixed fields read apart).
    pub fn new(record: &'r Record<'a>, skip: usize) -> Frags<'r, 'a> {
        Frags {
            cur: record.data.get(skip..).unwrap_or(&[]),
            rest: record.cont.iter(),
        }
    }

    /// Whether no byte is left in this record or its CONTINUEs.
    pub fn is_empty(&self) -> bool {
        self.cur.is_empty() && self.rest.as_slice().iter().all(|f| f.is_empty())
    }

    /// Moves to the next CONTINUE; false if there is none.
    fn advance(&mut self) -> bool {
        match self.rest.next() {
            Some(next) => {
                self.cur = next;
                true
            }
            None => false,
        }
    }

    /// The next `N` bytes, read on across CONTINUE boundaries (fixed fields,
    /// formatting runs and phonetic data carry no flag byte there).
    pub fn bytes<const N: usize>(&mut self) -> Result<[u8; N], Unreadable> {
        let mut out = [0u8; N];
        for slot in &mut out {
            while self.cur.is_empty() {
                if !self.advance() {
                    return Err(corrupt("a record's data ends early"));
                }
            }
            if let Some((first, rest)) = self.cur.split_first() {
                *slot = *first;
                self.cur = rest;
            }
        }
        Ok(out)
    }

    /// Skips `n` bytes across CONTINUE boundaries.
    pub fn skip(&mut self, mut n: usize) -> Result<(), Unreadable> {
        while n > 0 {
            if self.cur.is_empty() && !self.advance() {
                return Err(corrupt("a record's data ends early"));
            }
            let step = n.min(self.cur.len());
            self.cur = self.cur.get(step..).unwrap_or(&[]);
            n -= step;
        }
        Ok(())
    }

    /// `cch` characters, 1 byte each (compressed: the high byte is zero) or
    /// 2 (UTF-16LE) as `high` says, appended as UTF-16 units. Where the
    /// characters run on into a CONTINUE, its first byte repeats the
    /// compression flag, which may change there (MS-XLS 2.4.58).
    pub fn chars(
        &mut self,
        cch: usize,
        mut high: bool,
        out: &mut Vec<u16>,
    ) -> Result<(), Unreadable> {
        let mut left = cch;
        while left > 0 {
            if self.cur.is_empty() {
                if !self.advance() {
                    return Err(corrupt("a string ends early"));
                }
                let Some((flag, rest)) = self.cur.split_first() else {
                    return Err(corrupt("an empty CONTINUE inside a string"));
                };
                high = flag & 1 != 0;
                self.cur = rest;
                continue;
            }
            let width = if high { 2 } else { 1 };
            let n = left.min(self.cur.len() / width);
            if n == 0 {
                return Err(corrupt("half a character at a CONTINUE boundary"));
            }
            let (taken, rest) = self.cur.split_at(n * width);
            if high {
                out.extend(
                    taken
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]])),
                );
            } else {
                out.extend(taken.iter().map(|&b| u16::from(b)));
            }
            self.cur = rest;
            left -= n;
        }
        Ok(())
    }
}
