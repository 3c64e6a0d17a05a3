//! The translations: one set of Project Fluent files per language under
//! `templates/messages/<lang>/`, compiled into the binary, and the one
//! function that makes a [`Message`] into text.
//!
//! Fluent chooses plural forms by each language's CLDR rules and fills
//! arguments in one pass, so a value that contains `{kind}` or `{{` is
//! shown as typed. Bidirectional isolation marks are off: they would show
//! as stray characters in terminals, cells and the PDF. Numbers are
//! formatted here, in Rust, in each language's style (the formatter below).

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::concurrent::IntlLangMemoizer;

use crate::model::lang::Lang;
use crate::model::message::{Arg, Message};

/// The message files of each language, in load order. A translator adds
/// a language by copying one folder; see the README.
macro_rules! files {
    ($lang:literal) => {
        [
            (
                concat!($lang, "/codes.ftl"),
                include_str!(concat!("../../templates/messages/", $lang, "/codes.ftl")),
            ),
            (
                concat!($lang, "/reading.ftl"),
                include_str!(concat!("../../templates/messages/", $lang, "/reading.ftl")),
            ),
            (
                concat!($lang, "/checks.ftl"),
                include_str!(concat!("../../templates/messages/", $lang, "/checks.ftl")),
            ),
            (
                concat!($lang, "/outputs.ftl"),
                include_str!(concat!("../../templates/messages/", $lang, "/outputs.ftl")),
            ),
            (
                concat!($lang, "/cli.ftl"),
                include_str!(concat!("../../templates/messages/", $lang, "/cli.ftl")),
            ),
            (
                concat!($lang, "/report.ftl"),
                include_str!(concat!("../../templates/messages/", $lang, "/report.ftl")),
            ),
            (
                concat!($lang, "/web.ftl"),
                include_str!(concat!("../../templates/messages/", $lang, "/web.ftl")),
            ),
            (
                concat!($lang, "/history.ftl"),
                include_str!(concat!("../../templates/messages/", $lang, "/history.ftl")),
            ),
        ]
    };
}

/// Every message file: (language, name, text).
pub const FILES: [(Lang, [(&str, &str); 8]); 3] = [
    (Lang::Fi, files!("fi")),
    (Lang::Sv, files!("sv")),
    (Lang::En, files!("en")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 3] {
    static BUNDLES: OnceLock<[Bundle; 3]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(build))
}

fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::Fi => format_fi,
        Lang::Sv => format_sv,
        Lang::En => format_en,
    }));
    for (_, files) in FILES.iter().filter(|(l, _)| *l == lang) {
        for (_, text) in files {
            // The files are checked by a test (`tests/it/messages.rs`): a
            // syntax error there fails the build's tests, and what parsed
            // is still used rather than losing the whole file.
            let resource = match FluentResource::try_new(text.to_string()) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            // A message defined twice keeps its first definition.
            let _ = bundle.add_resource(resource);
        }
    }
    bundle
}

fn format_number(lang: Lang, v: &FluentValue) -> Option<String> {
    match v {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 9.0e15 => {
            Some(lang.integer(n.value as i64))
        }
        FluentValue::Number(n) => Some(lang.decimal(n.value, 2)),
        _ => None,
    }
}

fn format_fi(v: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    format_number(Lang::Fi, v)
}

fn format_sv(v: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    format_number(Lang::Sv, v)
}

fn format_en(v: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    format_number(Lang::En, v)
}

/// The text of `message` in `lang`.
///
/// An id that no file defines gives the id itself (a test keeps every id
/// defined in every language), so a missing translation shows as a code
/// rather than as nothing.
pub fn render(lang: Lang, message: &Message) -> String {
    let bundle = &bundles()[lang.index()];
    let (name, attribute) = match message.id.split_once('.') {
        Some((n, a)) => (n, Some(a)),
        None => (message.id, None),
    };
    let Some(found) = bundle.get_message(name) else {
        return message.id.to_string();
    };
    let pattern = match attribute {
        Some(a) => found.get_attribute(a).map(|a| a.value()),
        None => found.value(),
    };
    let Some(pattern) = pattern else {
        return message.id.to_string();
    };
    let mut args = FluentArgs::with_capacity(message.args.len());
    for (name, value) in &message.args {
        args.set(*name, value_of(lang, value));
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}

/// The text of a message that takes no arguments.
pub fn text(lang: Lang, id: &'static str) -> String {
    render(lang, &Message::new(id))
}

fn value_of(lang: Lang, arg: &Arg) -> FluentValue<'static> {
    match arg {
        Arg::Text(s) => FluentValue::String(Cow::Owned(s.clone())),
        Arg::Count(n) => FluentValue::from(*n),
        Arg::Decimal(v, places) => lang.decimal(*v, usize::from(*places)).into(),
        Arg::Euros(c) => lang.euros_exact(*c).into(),
        Arg::Date(d) => lang.date(*d).into(),
        Arg::PerLang(texts) => texts[lang.index()].clone().into(),
        Arg::Message(m) => render(lang, m).into(),
        Arg::List(items) => items
            .iter()
            .map(|a| match value_of(lang, a) {
                FluentValue::String(s) => s.into_owned(),
                FluentValue::Number(n) => {
                    format_number(lang, &FluentValue::Number(n)).unwrap_or_default()
                }
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join(", ")
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

    use super::*;

    /// Message id (`id` or `id.attribute`) → the variables it uses.
    type Ids = BTreeMap<String, BTreeSet<String>>;

    fn inline_vars(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline_vars(a, out);
                }
                for a in &arguments.named {
                    inline_vars(&a.value, out);
                }
            }
            InlineExpression::Placeable { expression } => expr_vars(expression, out),
            _ => {}
        }
    }

    fn expr_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline_vars(i, out),
            Expression::Select { selector, variants } => {
                inline_vars(selector, out);
                for v in variants {
                    pattern_vars(&v.value, out);
                }
            }
        }
    }

    fn pattern_vars(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                expr_vars(expression, out);
            }
        }
    }

    fn ids(lang: Lang) -> Ids {
        let mut ids = Ids::new();
        let files = &FILES[lang.index()].1;
        for (name, text) in files {
            let resource = fluent_syntax::parser::parse(*text)
                .unwrap_or_else(|(_, errors)| panic!("{name}: {errors:?}"));
            for entry in resource.body {
                match entry {
                    Entry::Message(m) => {
                        let mut vars = BTreeSet::new();
                        if let Some(v) = &m.value {
                            pattern_vars(v, &mut vars);
                        }
                        let id = m.id.name.to_string();
                        assert!(
                            ids.insert(id.clone(), vars).is_none(),
                            "{name}: {id} defined twice"
                        );
                        for a in &m.attributes {
                            let mut vars = BTreeSet::new();
                            pattern_vars(&a.value, &mut vars);
                            ids.insert(format!("{id}.{}", a.id.name), vars);
                        }
                    }
                    Entry::Junk { content } => panic!("{name}: cannot parse {content:?}"),
                    _ => {}
                }
            }
        }
        ids
    }

    #[test]
    fn files_are_in_step() {
        for (i, (lang, _)) in FILES.iter().enumerate() {
            assert_eq!(lang.index(), i, "FILES in Lang::ALL order");
        }
    }

    #[test]
    fn every_language_has_the_same_ids_and_variables() {
        let fi = ids(Lang::Fi);
        assert!(!fi.is_empty());
        for lang in [Lang::Sv, Lang::En] {
            let other = ids(lang);
            let missing: Vec<_> = fi.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !fi.contains_key(*k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in fi {extra:?}",
                lang.code()
            );
            for (id, vars) in &fi {
                assert_eq!(vars, &other[id], "{}: variables of {id}", lang.code());
            }
        }
    }

    #[test]
    fn no_bidirectional_marks() {
        for (lang, files) in &FILES {
            for (name, text) in files {
                assert!(
                    !text.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']),
                    "{}: {name}",
                    lang.code()
                );
            }
        }
    }

    /// Every `Message::new("…")` and `text(…, "…")` id in the sources is
    /// defined (in Finnish; the test above keeps the others in step).
    #[test]
    fn every_id_in_the_code_is_defined() {
        let fi = ids(Lang::Fi);
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        let mut undefined = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let code = std::fs::read_to_string(&path).unwrap();
                for marker in ["Message::new(\"", "text(lang, \"", "text(self.lang, \""] {
                    for part in code.split(marker).skip(1) {
                        let id = part.split('"').next().unwrap_or("");
                        // `…` is this doc comment's own example.
                        if !id.is_empty() && id != "…" && !fi.contains_key(id) {
                            undefined.push(format!("{}: {id}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(undefined.is_empty(), "undefined: {undefined:?}");
    }

    #[test]
    fn arguments_are_filled_once() {
        let m = Message::new("code-title").arg("code", "{kind} {{ $code }}");
        assert_eq!(render(Lang::Fi, &m), "{kind} {{ $code }}");
        let m = Message::new("code-title").arg("code", "missing-value");
        assert_eq!(render(Lang::Sv, &m), "Obligatoriskt värde saknas");
    }
}
