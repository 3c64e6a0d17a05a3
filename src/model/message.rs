//! A user-facing sentence as data: the id of a message in
//! `templates/messages/<lang>/*.ftl` and its arguments. Checks make
//! these; only the place that shows a sentence (terminal, JSON, workbook,
//! annotated copy, report) turns one into text, in its own language
//! (`crate::i18n::render`). So one run can be shown in Finnish to the
//! finance officer and in Swedish to a department.

use crate::model::parse::{Cents, Date};

/// A message id and its named arguments.
///
/// The id names a Fluent message (`missing-value`) or one of its attributes
/// (`missing-value.hint`). Arguments are filled in one pass by Fluent, so
/// a value that contains `{kind}` or `{{` is shown as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// The Fluent id, `message` or `message.attribute`.
    pub id: &'static str,
    /// The arguments by name, as the `.ftl` files use them (`$value`).
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of a [`Message`]. Numbers, amounts and dates are kept as
/// such and formatted in the output's language where the sentence is made.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text shown as it is: a cell's value, a file or sheet name, a header.
    Text(String),
    /// A whole number: shown with the language's digit grouping, and the
    /// number a plural form is chosen by (`1 tiedosto`, `2 tiedostoa`).
    Count(i64),
    /// A decimal number with this many decimals, in the language's style.
    Decimal(f64, u8),
    /// An amount in cents, shown as euros with cents where there are any.
    Euros(Cents),
    /// A date, in the language's style.
    Date(Date),
    /// A text that the programme's configuration gives in each language
    /// (a field's header, a list of departments), indexed by
    /// `Lang::index`: Finnish, Swedish, English.
    PerLang(Box<[String; 3]>),
    /// Another message, made in the same language: a kind's name, a
    /// list's name, a phrase shared by several sentences.
    Message(Box<Message>),
    /// Several arguments, each made and then joined with ", ".
    List(Vec<Arg>),
}

impl Message {
    /// A message with no arguments yet.
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// Adds a whole-number argument (a count: it also selects the plural form).
    pub fn count(self, name: &'static str, n: impl TryInto<i64>) -> Message {
        let n = n.try_into().unwrap_or(i64::MAX);
        self.arg(name, Arg::Count(n))
    }

    /// The argument of this name, if the message has one.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<Cents> for Arg {
    fn from(c: Cents) -> Arg {
        Arg::Euros(c)
    }
}

impl From<Date> for Arg {
    fn from(d: Date) -> Arg {
        Arg::Date(d)
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

impl From<[String; 3]> for Arg {
    fn from(t: [String; 3]) -> Arg {
        Arg::PerLang(Box::new(t))
    }
}
