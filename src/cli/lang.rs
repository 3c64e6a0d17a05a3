//! Which language the command line speaks: `--lang`, else the environment
//! (`KOOSTE_LANG`, then the POSIX locale), else Finnish. Decided also
//! before the arguments are parsed, so that the help and clap's own
//! errors are in the user's language.

use std::ffi::OsString;

use kooste::i18n::Lang;

/// What the raw arguments say before clap parses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Early {
    /// `--lang`'s language if it names one, else the environment's.
    pub lang: Lang,
    /// Whether `--verbose` is among the options.
    pub verbose: bool,
}

/// Scans `args` (the program's name first) for `--lang X`, `--lang=X`
/// and `--verbose`, up to a `--`; an unknown `--lang` value leaves the
/// language to `env` (clap then reports the value in that language).
pub fn scan(args: &[OsString], env: impl Fn(&str) -> Option<OsString>) -> Early {
    let mut lang = None;
    let mut verbose = false;
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = rest.next() {
        match arg.as_ref() {
            "--" => break,
            "--verbose" => verbose = true,
            "--lang" => {
                if let Some(value) = rest.next() {
                    lang = lang.or(Lang::parse(&value));
                }
            }
            other => {
                if let Some(value) = other.strip_prefix("--lang=") {
                    lang = lang.or(Lang::parse(value));
                }
            }
        }
    }
    Early {
        lang: lang.unwrap_or_else(|| from_env(env)),
        verbose,
    }
}

/// The language the environment asks for: `KOOSTE_LANG` if it names one
/// of kooste's languages (`sv`, or a locale such as `sv_FI.UTF-8`), else
/// the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not
/// empty, as POSIX orders them; a locale of another language (`de_DE`,
/// `C`, `POSIX`) or none gives Finnish.
pub fn from_env(env: impl Fn(&str) -> Option<OsString>) -> Lang {
    let value = |name: &str| {
        env(name)
            .map(|v| v.to_string_lossy().into_owned())
            .filter(|v| !v.is_empty())
    };
    if let Some(lang) = value("KOOSTE_LANG").as_deref().and_then(from_locale) {
        return lang;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| value(name))
        .as_deref()
        .and_then(from_locale)
        .unwrap_or_default()
}

/// The language of a locale name: `sv_FI.UTF-8` → Swedish, `en_GB` →
/// English, `fi` → Finnish; `None` for another language, `C` or `POSIX`.
pub fn from_locale(locale: &str) -> Option<Lang> {
    let language = locale
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default();
    Lang::parse(language)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("kooste")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn locales_name_their_language() {
        assert_eq!(from_locale("sv_FI.UTF-8"), Some(Lang::Sv));
        assert_eq!(from_locale("en_GB"), Some(Lang::En));
        assert_eq!(from_locale("fi_FI"), Some(Lang::Fi));
        assert_eq!(from_locale("en"), Some(Lang::En));
        assert_eq!(from_locale("sv-SE"), Some(Lang::Sv));
        assert_eq!(from_locale("fi_FI@euro"), Some(Lang::Fi));
        assert_eq!(from_locale("C"), None);
        assert_eq!(from_locale("C.UTF-8"), None);
        assert_eq!(from_locale("POSIX"), None);
        assert_eq!(from_locale("de_DE.UTF-8"), None);
    }

    #[test]
    fn the_environment_in_posix_order() {
        assert_eq!(from_env(env(&[])), Lang::Fi);
        assert_eq!(from_env(env(&[("LANG", "sv_FI.UTF-8")])), Lang::Sv);
        assert_eq!(
            from_env(env(&[("LANG", "sv_FI.UTF-8"), ("LC_MESSAGES", "en_GB")])),
            Lang::En
        );
        assert_eq!(
            from_env(env(&[
                ("LANG", "sv_FI.UTF-8"),
                ("LC_MESSAGES", "en_GB"),
                ("LC_ALL", "fi_FI.UTF-8")
            ])),
            Lang::Fi
        );
        // Empty counts as unset; the first set one decides, also for
        // another language.
        assert_eq!(
            from_env(env(&[("LC_ALL", ""), ("LANG", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            from_env(env(&[("LC_ALL", "de_DE.UTF-8"), ("LANG", "sv_FI")])),
            Lang::Fi
        );
        assert_eq!(
            from_env(env(&[("LC_ALL", "C"), ("LANG", "sv_FI")])),
            Lang::Fi
        );
    }

    #[test]
    fn kooste_lang_comes_before_the_locale() {
        assert_eq!(
            from_env(env(&[("KOOSTE_LANG", "sv"), ("LC_ALL", "en_GB.UTF-8")])),
            Lang::Sv
        );
        assert_eq!(from_env(env(&[("KOOSTE_LANG", "en_GB.UTF-8")])), Lang::En);
        // Not one of kooste's languages: the locale decides.
        assert_eq!(
            from_env(env(&[("KOOSTE_LANG", "de"), ("LANG", "sv_FI.UTF-8")])),
            Lang::Sv
        );
    }

    #[test]
    fn lang_on_the_command_line_comes_first() {
        let vars = [("KOOSTE_LANG", "sv")];
        let scan = |list: &[&str]| scan(&args(list), env(&vars));
        assert_eq!(scan(&["validate", "x"]).lang, Lang::Sv);
        assert_eq!(scan(&["validate", "--lang", "en", "x"]).lang, Lang::En);
        assert_eq!(scan(&["--lang=fi", "validate"]).lang, Lang::Fi);
        // An unknown value is clap's to report, in the environment's language.
        assert_eq!(scan(&["validate", "--lang", "de"]).lang, Lang::Sv);
        // After `--` everything is an input.
        assert_eq!(scan(&["validate", "--", "--lang", "en"]).lang, Lang::Sv);
        assert!(!scan(&["validate", "x"]).verbose);
        assert!(scan(&["validate", "x", "--verbose"]).verbose);
    }
}
