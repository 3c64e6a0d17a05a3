//! Matching a file's unknown columns to the programme's fields (issue 23
//! point 3): each header the reader did not know is shown beside the
//! fields it might be, closest first, the person picks, and the choice is
//! kept in the register for the department's next files. A choice is an
//! extra header spelling passed to the reader
//! ([`crate::reading::Adjustments::headers`]); the file is not touched.
//!
//! The closeness is the edit distance (`text::levenshtein`, the one the
//! reader's "did you mean" hints use) between the normalised header and
//! each spelling of a field: its headers in fi, sv and en and its
//! aliases, each also without its unit, relative to the longer of the two.

use axum::extract::{Extension, Form, Path};
use axum::response::Response;
use rusqlite::params;

use super::WebError;
use super::corrections::{access, refused_csrf};
use super::register::Register;
use super::routes::{Ctx, State, csrf_ok};
use super::security;
use crate::Config;
use crate::text::{levenshtein, normalise, strip_unit};

/// The fields of `config` by closeness to `header`, closest first: each
/// field's index and its distance relative to the spelling's length (0 is
/// a spelling of the field; ties keep the configured order).
pub fn ranked(config: &Config, header: &str) -> Vec<(usize, f64)> {
    let h = normalise(&strip_unit(header));
    let h = if h.is_empty() { normalise(header) } else { h };
    let mut out: Vec<(usize, f64)> = config
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let best = f
                .header
                .all()
                .into_iter()
                .chain(f.aliases.iter().map(String::as_str))
                .chain(std::iter::once(f.key.get_ref().as_str()))
                .flat_map(|s| [normalise(s), normalise(&strip_unit(s))])
                .filter(|s| !s.is_empty())
                .map(|s| {
                    let longer = s.chars().count().max(h.chars().count()).max(1);
                    levenshtein(&h, &s) as f64 / longer as f64
                })
                .fold(f64::INFINITY, f64::min);
            (i, best)
        })
        .collect();
    out.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    out
}

/// The field preselected for `header`: the closest, when it is close
/// enough to be a likely misspelling (at most 40 % of it differs).
pub fn suggested(config: &Config, header: &str) -> Option<usize> {
    ranked(config, header)
        .first()
        .filter(|(_, d)| *d <= 0.4)
        .map(|(i, _)| *i)
}

/// The form's (header, field) pairs: each `header` followed by its
/// `field`, the field one of the programme's own keys or `""`.
fn choices(config: &Config, form: &[(String, String)]) -> Vec<(String, String)> {
    let mut header: Option<&str> = None;
    let mut chosen = Vec::new();
    for (k, v) in form {
        match k.as_str() {
            "header" => header = Some(v),
            "field" => {
                // Only the programme's own keys, for a header sent with it.
                let known = v.is_empty() || config.fields.iter().any(|f| f.key.get_ref() == v);
                if let Some(h) = header
                    .take()
                    .filter(|h| !h.trim().is_empty() && h.len() <= 1000)
                    && known
                {
                    chosen.push((h.to_string(), v.clone()));
                }
            }
            _ => {}
        }
    }
    chosen
}

/// The key of the field `header` is a spelling of (in any language, an
/// alias or the key itself, with or without its unit), if any.
pub fn standard_field<'a>(config: &'a Config, header: &str) -> Option<&'a str> {
    ranked(config, header)
        .first()
        .filter(|(_, d)| *d == 0.0)
        .and_then(|(i, _)| config.fields.get(*i))
        .map(|f| f.key.get_ref().as_str())
}

impl Register {
    /// Records that `header` in `department`'s files is field `field`
    /// (`""`: no field, which forgets an earlier choice). The newest
    /// choice of a header counts; the older ones stay as history.
    pub fn add_match(
        &self,
        department: &str,
        header: &str,
        field: &str,
        submission: i64,
        by: &str,
    ) -> Result<(), WebError> {
        self.conn()
            .execute(
                "INSERT INTO column_matches (department, header, field, submission, chosen_at, chosen_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![department, header, field, submission, security::now(), by],
            )
            .map(|_| ())
            .map_err(WebError::db)
    }

    /// `department`'s matched columns: each header's newest choice of a
    /// field, as (header, field key), by header.
    pub fn matches(&self, department: &str) -> Result<Vec<(String, String)>, WebError> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT header, field FROM column_matches AS m
                 WHERE department = ?1 AND field <> '' AND id = (
                     SELECT max(id) FROM column_matches
                     WHERE department = m.department AND header = m.header)
                 ORDER BY header",
            )
            .map_err(WebError::db)?;
        let rows = stmt
            .query_map([department], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(WebError::db)?;
        rows.collect::<Result<_, _>>().map_err(WebError::db)
    }
}

/// `POST …/submissions/{id}/columns`: `csrf`, then `header` and `field`
/// pairs (the header as the file has it, the chosen field key or `""`).
pub async fn save(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<i64>,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    save_as(state, ctx, None, id, form).await
}

/// `POST /d/{token}/submissions/{id}/columns`: the same through a
/// department's link, for its own files only.
pub async fn save_by_link(
    axum::extract::State(state): axum::extract::State<State>,
    Extension(ctx): Extension<Ctx>,
    Path((token, id)): Path<(String, i64)>,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    save_as(state, ctx, Some(token), id, form).await
}

async fn save_as(
    state: State,
    ctx: Ctx,
    token: Option<String>,
    id: i64,
    form: Vec<(String, String)>,
) -> Response {
    let (row, who) = match access(&state, &ctx, token.as_deref(), id).await {
        Ok(a) => a,
        Err(r) => return super::corrections::answer_to_form(r, token.as_deref(), id),
    };
    let csrf = form
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str());
    if !csrf_ok(&state, &ctx, csrf, "columns") {
        return refused_csrf(&ctx);
    }
    let mut chosen = choices(&state.config, &form);
    // A standard header already means its field: a department may not
    // make it mean another (nor forget it); naming its own field is moot.
    if let Some((h, _)) = chosen
        .iter()
        .find(|(h, f)| standard_field(&state.config, h).is_some_and(|k| k != f))
    {
        state.refuse("standard-header", h);
        return super::fix_page::refused(&who, &row, "web-fix-refused-standard-header");
    }
    chosen.retain(|(h, _)| standard_field(&state.config, h).is_none());
    // Nothing the form names is a choice (a field that is not one, no
    // header): said so, not "saved".
    if choices(&state.config, &form).is_empty() {
        state.refuse("bad-form", "columns");
        return super::fix_page::refused(&who, &row, "web-fix-refused-no-choice");
    }
    let by = who.name();
    let saved = state.reg(|r| {
        for (h, f) in &chosen {
            r.add_match(&row.department, h, f, row.id, &by)?;
        }
        Ok(())
    });
    if let Err(e) = saved {
        return super::routes::failed(&state, &ctx, &e);
    }
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if let Some(moved) = super::assign::after_fix(&state, &row, &by).await {
        return moved;
    }
    let at = field("sheet").zip(field("row"));
    // Forgetting a choice (its own form) is said as such, not as a
    // choice saved.
    let what = if field("forget").is_some() {
        "forgotten"
    } else {
        "columns"
    };
    super::fix_page::saved_at(&who, &row, what, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(config: &Config, i: usize) -> &str {
        config.fields[i].key.get_ref()
    }

    #[test]
    fn a_misspelt_header_in_any_language_suggests_its_field() {
        let config = Config::builtin();
        for (header, want) in [
            ("Budjeti", "budget_eur"),
            ("Budget (EUR)", "budget_eur"),
            ("Toteumaa (€)", "spent_eur"),
            ("Åtgärdd", "measure"),
        ] {
            let got = suggested(&config, header).map(|i| key(&config, i).to_string());
            assert_eq!(got.as_deref(), Some(want), "{header}");
        }
        // Something no field resembles is offered every field, none chosen.
        assert_eq!(suggested(&config, "Kommentti XYZ"), None);
        assert_eq!(ranked(&config, "Kommentti XYZ").len(), config.fields.len());
    }
}
