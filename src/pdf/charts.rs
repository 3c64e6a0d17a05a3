//! Bar charts drawn as vector graphics: horizontal or vertical, grouped or
//! stacked, with gridlines, axis labels, value labels and a legend, in a
//! palette that stays apart when printed in grey.

use super::layout::{Doc, INK, MARGIN_X, MUTED, Rgb3, Style};

/// Colours ordered so that neighbours differ in lightness too.
pub const PALETTE: [Rgb3; 6] = [
    (0.05, 0.27, 0.50),
    (0.95, 0.65, 0.25),
    (0.44, 0.62, 0.85),
    (0.23, 0.23, 0.23),
    (0.78, 0.84, 0.90),
    (0.61, 0.36, 0.07),
];

/// The fewest rows of a chart set at the foot of a page.
const MIN_ROWS: usize = 3;

/// Where a horizontal chart's parts go.
struct Horizontal {
    /// Bars per category.
    k: usize,
    bar: f32,
    row_h: f32,
    label_w: f32,
    plot_x: f32,
    plot_w: f32,
    step: f64,
    top_val: f64,
}

/// One series of values, one per category.
#[derive(Debug, Clone)]
pub struct Series {
    /// Legend name.
    pub name: String,
    /// Values.
    pub values: Vec<f64>,
}

/// Side by side or on top of each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stacking {
    /// Bars next to each other.
    Grouped,
    /// Bars on top of each other.
    Stacked,
}

/// A chart to draw.
pub struct Chart<'a> {
    /// Category labels.
    pub categories: &'a [String],
    /// Series.
    pub series: &'a [Series],
    /// Grouped or stacked.
    pub stacking: Stacking,
    /// Formats a value for labels and the axis.
    pub format: &'a dyn Fn(f64) -> String,
}

const LABEL: Style = Style {
    size: 7.5,
    bold: false,
    color: INK,
};
const AXIS: Style = Style {
    size: 7.0,
    bold: false,
    color: MUTED,
};
const GRID: Rgb3 = (0.85, 0.87, 0.90);

/// A round axis step: 1, 2 or 5 times a power of ten, about `max / 5`.
pub fn nice_step(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / 5.0;
    let pow = 10f64.powf(raw.log10().floor());
    let m = raw / pow;
    let k = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    k * pow
}

impl Chart<'_> {
    fn max(&self) -> f64 {
        let n = self.categories.len();
        (0..n)
            .map(|i| match self.stacking {
                Stacking::Grouped => self
                    .series
                    .iter()
                    .map(|s| s.values.get(i).copied().unwrap_or(0.0))
                    .fold(0.0, f64::max),
                Stacking::Stacked => self
                    .series
                    .iter()
                    .map(|s| s.values.get(i).copied().unwrap_or(0.0).max(0.0))
                    .sum(),
            })
            .fold(0.0, f64::max)
    }

    /// Every how many ticks an axis label is set along a horizontal axis
    /// `plot_w` wide so that none runs into the next (1: each).
    fn label_every(&self, doc: &mut Doc, top_val: f64, ticks: usize, plot_w: f32) -> usize {
        let widest = doc.measure(&(self.format)(top_val), AXIS) + 6.0;
        let gap = plot_w / ticks.max(1) as f32;
        let every = (widest / gap).ceil().max(1.0) as usize;
        // A divisor of the count of ticks, so the last is labelled too.
        (every..=ticks.max(1))
            .find(|k| ticks.is_multiple_of(*k))
            .unwrap_or(1)
    }

    fn legend(&self, doc: &mut Doc) {
        if self.series.len() < 2 {
            return;
        }
        doc.ensure(14.0);
        let y = doc.y() + 10.0;
        let mut x = MARGIN_X;
        for (i, s) in self.series.iter().enumerate() {
            doc.rect(x, y - 7.0, 8.0, 8.0, PALETTE[i % PALETTE.len()]);
            doc.text_at(x + 11.0, y, &s.name, LABEL);
            x += 11.0 + doc.measure(&s.name, LABEL) + 14.0;
        }
        doc.space(16.0);
    }

    /// The layout of a horizontal chart's rows.
    fn horizontal(&self, doc: &mut Doc) -> Horizontal {
        let k = if self.stacking == Stacking::Grouped {
            self.series.len().max(1)
        } else {
            1
        };
        let bar = if k > 1 { 8.0 } else { 11.0 };
        let width = doc.text_width();
        let label_w = (width * 0.34).min(
            self.categories
                .iter()
                .map(|c| doc.measure(c, LABEL))
                .fold(0.0, f32::max)
                + 6.0,
        );
        let max = self.max();
        let step = nice_step(max);
        let top_val = (max / step).ceil().max(1.0) * step;
        // Room for the value labels right of the longest bar.
        let value_room = (doc.measure(&(self.format)(max), AXIS) + 8.0).max(62.0);
        Horizontal {
            k,
            bar,
            row_h: bar * k as f32 + 8.0,
            label_w,
            plot_x: MARGIN_X + label_w,
            plot_w: width - label_w - value_room,
            step,
            top_val,
        }
    }

    fn legend_height(&self) -> f32 {
        if self.series.len() >= 2 { 16.0 } else { 0.0 }
    }

    /// The height a horizontal chart's title keeps below it: the whole
    /// chart where it fits on a page, else its first few rows.
    pub fn horizontal_keep(&self, doc: &mut Doc) -> f32 {
        let g = self.horizontal(doc);
        let n = self.categories.len();
        let whole = g.row_h * n as f32 + 22.0 + 16.0;
        if whole + self.legend_height() <= doc.page_room() {
            whole
        } else {
            self.legend_height() + g.row_h * n.min(MIN_ROWS) as f32 + 22.0
        }
    }

    /// Horizontal bars: categories down the left, values to the right.
    /// A chart taller than a page goes on over the next pages, under its
    /// title marked as continued, each part with its axis.
    pub fn draw_horizontal(&self, doc: &mut Doc) {
        let g = self.horizontal(doc);
        let n = self.categories.len();
        let height = g.row_h * n as f32 + 22.0;
        if height + 16.0 + self.legend_height() <= doc.page_room() {
            doc.ensure(height + 16.0);
        } else {
            doc.ensure(self.legend_height() + g.row_h * n.min(MIN_ROWS) as f32 + 22.0);
        }
        self.legend(doc);
        let mut start = 0;
        while start < n {
            let room = doc.bottom() - doc.y() - 22.0;
            let fit = ((room / g.row_h).floor().max(1.0) as usize).min(n - start);
            self.horizontal_rows(doc, &g, start..start + fit);
            start += fit;
            if start < n {
                doc.continued_page();
            }
        }
    }

    /// The rows `rows` of a horizontal chart, with gridlines and axis.
    fn horizontal_rows(&self, doc: &mut Doc, g: &Horizontal, rows: std::ops::Range<usize>) {
        let top = doc.y();
        let plot_h = g.row_h * rows.len() as f32;
        let (plot_x, plot_w, top_val, step) = (g.plot_x, g.plot_w, g.top_val, g.step);
        // Gridlines and axis labels.
        let ticks = (top_val / step).round() as usize;
        let every = self.label_every(doc, top_val, ticks, plot_w);
        for t in 0..=ticks {
            let v = step * t as f64;
            let x = plot_x + (v / top_val) as f32 * plot_w;
            doc.rect(x, top, 0.5, plot_h, GRID);
            if !t.is_multiple_of(every) {
                continue;
            }
            let label = (self.format)(v);
            let lw = doc.measure(&label, AXIS);
            doc.text_at(x - lw / 2.0, top + plot_h + 10.0, &label, AXIS);
        }
        for (row, i) in rows.enumerate() {
            self.horizontal_row(doc, g, i, top + g.row_h * row as f32 + 4.0);
        }
        doc.rect(plot_x, top, 0.8, plot_h, MUTED);
        doc.set_y(top + plot_h + 22.0);
    }

    /// Category `i`'s label and bars, from `row_top` down.
    fn horizontal_row(&self, doc: &mut Doc, g: &Horizontal, i: usize, row_top: f32) {
        let (bar, k, plot_x, plot_w) = (g.bar, g.k, g.plot_x, g.plot_w);
        let lines = doc.wrap_at_most(&self.categories[i], g.label_w - 6.0, LABEL, 2);
        let lh = Doc::line_height(LABEL);
        let text_top = row_top + (bar * k as f32 - lh * lines.len().min(2) as f32) / 2.0;
        for (j, line) in lines.iter().take(2).enumerate() {
            doc.text_at(MARGIN_X, text_top + lh * (j as f32 + 0.8), line, LABEL);
        }
        let mut x0 = plot_x;
        for (s_i, s) in self.series.iter().enumerate() {
            let v = s.values.get(i).copied().unwrap_or(0.0).max(0.0);
            let w = (v / g.top_val) as f32 * plot_w;
            let (bx, by) = match self.stacking {
                Stacking::Grouped => (plot_x, row_top + bar * s_i as f32),
                Stacking::Stacked => (x0, row_top),
            };
            doc.rect(bx, by, w, bar - 1.0, PALETTE[s_i % PALETTE.len()]);
            if self.stacking == Stacking::Grouped {
                doc.text_at(bx + w + 3.0, by + bar - 2.5, &(self.format)(v), AXIS);
            }
            x0 += w;
        }
        if self.stacking == Stacking::Stacked {
            let total: f64 = self
                .series
                .iter()
                .map(|s| s.values.get(i).copied().unwrap_or(0.0).max(0.0))
                .sum();
            doc.text_at(x0 + 3.0, row_top + bar - 2.5, &(self.format)(total), AXIS);
        }
    }

    /// Vertical bars: categories along the bottom, values up.
    pub fn draw_vertical(&self, doc: &mut Doc, plot_h: f32) {
        let n = self.categories.len().max(1);
        let k = if self.stacking == Stacking::Grouped {
            self.series.len().max(1)
        } else {
            1
        };
        let width = doc.text_width();
        let max = self.max();
        let step = nice_step(max);
        let top_val = (max / step).ceil().max(1.0) * step;
        // The axis labels right-aligned left of the plot.
        let axis_w = (doc.measure(&(self.format)(top_val), AXIS) + 6.0).max(58.0);
        let plot_x = MARGIN_X + axis_w;
        let plot_w = width - axis_w;
        let slot = plot_w / n as f32;
        let bar = ((slot * 0.7) / k as f32).min(40.0);
        let label_lines = self
            .categories
            .iter()
            .map(|c| doc.wrap(c, slot - 4.0, LABEL).len().min(3))
            .max()
            .unwrap_or(1) as f32;
        doc.ensure(plot_h + 20.0 + label_lines * 10.0 + 16.0);
        self.legend(doc);
        let top = doc.y() + 8.0;
        let base = top + plot_h;
        let ticks = (top_val / step).round() as usize;
        for t in 0..=ticks {
            let v = step * t as f64;
            let y = base - (v / top_val) as f32 * plot_h;
            doc.rect(plot_x, y, plot_w, 0.5, GRID);
            let label = (self.format)(v);
            let lw = doc.measure(&label, AXIS);
            doc.text_at(plot_x - lw - 4.0, y + 2.5, &label, AXIS);
        }
        for (i, cat) in self.categories.iter().enumerate() {
            let slot_x = plot_x + slot * i as f32;
            let group_w = bar * k as f32;
            let mut x = slot_x + (slot - group_w) / 2.0;
            let mut stack_top = base;
            for (s_i, s) in self.series.iter().enumerate() {
                let v = s.values.get(i).copied().unwrap_or(0.0).max(0.0);
                let h = (v / top_val) as f32 * plot_h;
                match self.stacking {
                    Stacking::Grouped => {
                        doc.rect(x, base - h, bar - 1.0, h, PALETTE[s_i % PALETTE.len()]);
                        let label = (self.format)(v);
                        let lw = doc.measure(&label, AXIS);
                        doc.text_at(x + (bar - lw) / 2.0, base - h - 3.0, &label, AXIS);
                        x += bar;
                    }
                    Stacking::Stacked => {
                        doc.rect(x, stack_top - h, bar - 1.0, h, PALETTE[s_i % PALETTE.len()]);
                        stack_top -= h;
                    }
                }
            }
            if self.stacking == Stacking::Stacked {
                let total: f64 = self
                    .series
                    .iter()
                    .map(|s| s.values.get(i).copied().unwrap_or(0.0).max(0.0))
                    .sum();
                let label = (self.format)(total);
                let lw = doc.measure(&label, AXIS);
                doc.text_at(x + (bar - lw) / 2.0, stack_top - 3.0, &label, AXIS);
            }
            for (j, line) in doc
                .wrap_at_most(cat, slot - 4.0, LABEL, 3)
                .iter()
                .enumerate()
            {
                let lw = doc.measure(line, LABEL);
                doc.text_at(
                    slot_x + (slot - lw) / 2.0,
                    base + 11.0 + 9.5 * j as f32,
                    line,
                    LABEL,
                );
            }
        }
        doc.rect(plot_x, base, plot_w, 0.8, MUTED);
        doc.set_y(base + 14.0 + label_lines * 9.5 + 8.0);
    }
}

#[cfg(test)]
mod tests {
    use super::nice_step;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(1_973_000.0), 500_000.0);
        assert_eq!(nice_step(24.0), 5.0);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(9.0), 2.0);
    }
}
