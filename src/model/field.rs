//! The one definition of a submission's fields and of the columns of every
//! output.
//!
//! A programme configures its submission columns (`[[fields]]` in
//! `programme.toml`, each a `key` and a [`Kind`]); [`FieldKey`] is the table
//! of the keys kooste knows the role of, the ones a [`Measure`] has a place
//! for and the outputs show. Any other configured key is an extra, kept as
//! text. The outputs' columns ([`Column`]) are laid out once per output
//! ([`MEASURES_SHEET`], [`AREA_SPLIT_SHEET`], [`CSV_EXPORT`]): writers
//! compute column numbers, letters and formula ranges from these tables
//! ([`position`]) rather than spelling them.
//!
//! [`Measure`]: crate::model::Measure

use serde::Deserialize;

/// How a column's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Free text.
    Text,
    /// A department code or name.
    Department,
    /// A focus area code or name.
    FocusArea,
    /// One or more areas.
    Areas,
    /// A status.
    Status,
    /// A programme year.
    Year,
    /// Euros.
    Euro,
    /// A decimal number.
    Number,
    /// A whole number.
    Whole,
    /// Zero or more cross-cutting themes.
    Themes,
    /// An e-mail address.
    Email,
    /// A date.
    Date,
}

impl Kind {
    /// Whether the column holds figures: euros, a number, a whole number or
    /// a year (what a shifted CSV row's cells must not be read as).
    pub fn is_numeric(self) -> bool {
        matches!(self, Kind::Euro | Kind::Number | Kind::Whole | Kind::Year)
    }
}

/// A field whose role kooste knows: where its value goes in a
/// [`Measure`](crate::model::Measure) and which columns of the outputs show
/// it. Configured by its key ([`FieldKey::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldKey {
    /// `id`: the measure's identifier.
    Id,
    /// `department`: the department that carries it out.
    Department,
    /// `focus_area`: its focus area.
    FocusArea,
    /// `measure`: its name.
    Measure,
    /// `areas`: where it is carried out.
    Areas,
    /// `status`: its stage.
    Status,
    /// `year`: the year the row reports.
    Year,
    /// `budget_eur`: the year's budget.
    Budget,
    /// `spent_eur`: the year's actual spending.
    Spent,
    /// `fte`: staff in full-time equivalents.
    Fte,
    /// `themes`: cross-cutting themes.
    Themes,
    /// `schedule`: when it is carried out, as text.
    Schedule,
    /// `reached`: people reached.
    Reached,
    /// `impact_story`: a short narrative of results.
    ImpactStory,
    /// `contact`: a contact e-mail address.
    Contact,
}

impl FieldKey {
    /// Every known field, in the default submission's order.
    pub const ALL: [FieldKey; 15] = [
        FieldKey::Id,
        FieldKey::Department,
        FieldKey::FocusArea,
        FieldKey::Measure,
        FieldKey::Areas,
        FieldKey::Status,
        FieldKey::Year,
        FieldKey::Budget,
        FieldKey::Spent,
        FieldKey::Fte,
        FieldKey::Themes,
        FieldKey::Schedule,
        FieldKey::Reached,
        FieldKey::ImpactStory,
        FieldKey::Contact,
    ];

    /// The fields every configuration must define: without them a row is
    /// not a measure.
    pub const REQUIRED: [FieldKey; 3] = [FieldKey::Department, FieldKey::Measure, FieldKey::Budget];

    /// The key as the configuration, the findings and the JSON export spell it.
    pub const fn as_str(self) -> &'static str {
        match self {
            FieldKey::Id => "id",
            FieldKey::Department => "department",
            FieldKey::FocusArea => "focus_area",
            FieldKey::Measure => "measure",
            FieldKey::Areas => "areas",
            FieldKey::Status => "status",
            FieldKey::Year => "year",
            FieldKey::Budget => "budget_eur",
            FieldKey::Spent => "spent_eur",
            FieldKey::Fte => "fte",
            FieldKey::Themes => "themes",
            FieldKey::Schedule => "schedule",
            FieldKey::Reached => "reached",
            FieldKey::ImpactStory => "impact_story",
            FieldKey::Contact => "contact",
        }
    }

    /// The known field a configured key names; `None` for an extra.
    pub fn from_key(key: &str) -> Option<FieldKey> {
        FieldKey::ALL.into_iter().find(|k| k.as_str() == key)
    }

    /// The kind the field must be read as, so the merge can rely on its value.
    pub const fn kind(self) -> Kind {
        match self {
            FieldKey::Id | FieldKey::Measure | FieldKey::Schedule | FieldKey::ImpactStory => {
                Kind::Text
            }
            FieldKey::Department => Kind::Department,
            FieldKey::FocusArea => Kind::FocusArea,
            FieldKey::Areas => Kind::Areas,
            FieldKey::Status => Kind::Status,
            FieldKey::Year => Kind::Year,
            FieldKey::Budget | FieldKey::Spent => Kind::Euro,
            FieldKey::Fte => Kind::Number,
            FieldKey::Reached => Kind::Whole,
            FieldKey::Themes => Kind::Themes,
            FieldKey::Contact => Kind::Email,
        }
    }

    /// Whether next year's template keeps last year's value (identity,
    /// names, areas; not the status, which the department gives for the new
    /// year, nor the euros and figures, which are the new year's to fill).
    pub const fn carried_forward(self) -> bool {
        matches!(
            self,
            FieldKey::Id
                | FieldKey::Department
                | FieldKey::FocusArea
                | FieldKey::Measure
                | FieldKey::Areas
                | FieldKey::Themes
                | FieldKey::Contact
        )
    }

    /// The English header an output shows when the configuration does not
    /// define the field.
    pub const fn fallback_header(self) -> &'static str {
        match self {
            FieldKey::Id => "ID",
            FieldKey::Department => "Department",
            FieldKey::FocusArea => "Focus area",
            FieldKey::Measure => "Measure",
            FieldKey::Areas => "Area",
            FieldKey::Status => "Status",
            FieldKey::Year => "Year",
            FieldKey::Budget => "Budget (EUR)",
            FieldKey::Spent => "Actual (EUR)",
            FieldKey::Fte => "FTE",
            FieldKey::Themes => "Themes",
            FieldKey::Schedule => "Schedule",
            FieldKey::Reached => "People reached",
            FieldKey::ImpactStory => "Impact story",
            FieldKey::Contact => "Contact",
        }
    }
}

impl std::str::FromStr for FieldKey {
    type Err = ();

    /// [`FieldKey::from_key`], for `str::parse`.
    fn from_str(s: &str) -> Result<FieldKey, ()> {
        FieldKey::from_key(s).ok_or(())
    }
}

impl AsRef<str> for FieldKey {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for FieldKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One column of an output: a field of the measure, or a figure or trace
/// the merge adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// A field's value (in the area split, `Areas` is the one area of the row
    /// and `Budget` and `Spent` are the area's share of them).
    Field(FieldKey),
    /// Actual spending as a share of the budget.
    Utilisation,
    /// The share of a measure's euros counted in an area.
    Share,
    /// The submission file the row came from.
    SourceFile,
    /// The sheet and cell of the row's measure name in that file.
    SourceCell,
}

impl Column {
    /// Whether two columns are the same (`==` for `const` contexts).
    pub const fn same(self, other: Column) -> bool {
        match (self, other) {
            (Column::Field(a), Column::Field(b)) => a as u8 == b as u8,
            (Column::Utilisation, Column::Utilisation)
            | (Column::Share, Column::Share)
            | (Column::SourceFile, Column::SourceFile)
            | (Column::SourceCell, Column::SourceCell) => true,
            _ => false,
        }
    }
}

use Column::{Field as F, SourceCell, SourceFile};

/// The consolidated workbook's measures sheet (and each department's sheet).
pub const MEASURES_SHEET: [Column; 18] = [
    F(FieldKey::Id),
    F(FieldKey::Department),
    F(FieldKey::FocusArea),
    F(FieldKey::Measure),
    F(FieldKey::Areas),
    F(FieldKey::Status),
    F(FieldKey::Year),
    F(FieldKey::Budget),
    F(FieldKey::Spent),
    Column::Utilisation,
    F(FieldKey::Fte),
    F(FieldKey::Themes),
    F(FieldKey::Schedule),
    F(FieldKey::Reached),
    F(FieldKey::ImpactStory),
    F(FieldKey::Contact),
    SourceFile,
    SourceCell,
];

/// The consolidated workbook's area split sheet: one row per measure and area.
pub const AREA_SPLIT_SHEET: [Column; 7] = [
    F(FieldKey::Id),
    F(FieldKey::Department),
    F(FieldKey::Measure),
    F(FieldKey::Areas),
    Column::Share,
    F(FieldKey::Budget),
    F(FieldKey::Spent),
];

/// The CSV export (and the header row that tells an export among the inputs).
pub const CSV_EXPORT: [Column; 17] = [
    F(FieldKey::Id),
    F(FieldKey::Department),
    F(FieldKey::FocusArea),
    F(FieldKey::Measure),
    F(FieldKey::Areas),
    F(FieldKey::Status),
    F(FieldKey::Year),
    F(FieldKey::Budget),
    F(FieldKey::Spent),
    F(FieldKey::Fte),
    F(FieldKey::Themes),
    F(FieldKey::Schedule),
    F(FieldKey::Reached),
    F(FieldKey::ImpactStory),
    F(FieldKey::Contact),
    SourceFile,
    SourceCell,
];

/// The annual report's table of the measures of a focus area (the name
/// column also shows the FTE, the department column its code): what was
/// spent and how much of the budget that is beside the budget.
pub const REPORT_MEASURES: [Column; 7] = [
    F(FieldKey::Measure),
    F(FieldKey::Department),
    F(FieldKey::Areas),
    F(FieldKey::Status),
    F(FieldKey::Budget),
    F(FieldKey::Spent),
    Column::Utilisation,
];

/// The 0-based position of `column` in `layout`. Used in `const` items, so a
/// column a layout lacks fails the build.
pub const fn position(layout: &[Column], column: Column) -> u16 {
    let mut i = 0;
    while i < layout.len() {
        if layout[i].same(column) {
            return i as u16;
        }
        i += 1;
    }
    panic!("the column is not in the layout")
}

/// The budget of a template's example row, in whole euros: the template
/// writes it, and the reader tells an untouched example row by it.
pub const EXAMPLE_BUDGET_EUROS: i64 = 10_000;

/// The measure name of a template's example row in each language, by
/// `Lang::index` (Finnish, Swedish, English): the template writes it, and
/// the reader tells an untouched example row by it in any of the three, so
/// last year's templates are recognised whatever the translations say now.
pub const EXAMPLE_MEASURE: [&str; 3] = [
    "Esimerkki: kesäkerho",
    "Exempel: sommarklubb",
    "Example: summer club",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for k in FieldKey::ALL {
            assert_eq!(FieldKey::from_key(k.as_str()), Some(k));
            assert_eq!(k.as_str().parse::<FieldKey>(), Ok(k));
        }
        assert_eq!(FieldKey::from_key("budget"), None);
    }

    #[test]
    fn positions_follow_the_layouts() {
        const BUDGET: u16 = position(&MEASURES_SHEET, Column::Field(FieldKey::Budget));
        assert_eq!(BUDGET, 7);
        assert_eq!(position(&AREA_SPLIT_SHEET, Column::Share), 4);
        assert_eq!(position(&CSV_EXPORT, SourceCell), 16);
        for layout in [&MEASURES_SHEET[..], &AREA_SPLIT_SHEET, &CSV_EXPORT] {
            for (i, c) in layout.iter().enumerate() {
                assert_eq!(usize::from(position(layout, *c)), i, "{c:?} twice");
            }
        }
    }
}
