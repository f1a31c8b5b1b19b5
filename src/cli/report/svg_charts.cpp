#include "report/svg_charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "report/html.hpp"

namespace anklog::cli {

namespace {

constexpr double chart_width = 680;
constexpr double left = 44;   // room for the y axis labels
constexpr double right = 12;
constexpr double top = 12;
constexpr double bottom = 28;  // room for the x axis labels
constexpr const char* ink = "#222";
constexpr const char* grid = "#bbb";

// A "round" step (1, 2 or 5 times a power of ten) for about `steps` grid
// lines up to `value`.
double round_step(double value, int steps) {
    const double raw = value > 0 ? value / steps : 1;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * power >= raw) return std::max(1.0, step * power);
    }
    return 10 * power;
}

std::string number(double value) { return fmt::format("{:.1f}", value); }

constexpr double axis_font = 10;  // px: svg text in the page's style
constexpr double label_gap = 6;   // between a y label and the plot

// How wide `text` is at `px`, in the widest font the page may use (DejaVu
// Sans; Liberation Sans and Arial are narrower): the y axis makes room for
// its labels, so that "150 min" is never cut to "50 min".
double text_width(std::string_view text, double px) {
    double em = 0;
    for (const char c : text) {
        switch (c) {
            case ' ': em += 0.318; break;
            case 'i': em += 0.278; break;
            case 'r': em += 0.411; break;
            case 's': em += 0.521; break;
            case 'm': em += 0.974; break;
            default: em += 0.7; break;  // digits (0.636), other letters
        }
    }
    return em * px;
}

// The labels of the y axis, from 0 to `top_value` in `steps`; the top one
// names the unit.
std::vector<std::string> y_labels(double top_value, int steps, std::string_view unit) {
    std::vector<std::string> out;
    for (int i = 0; i <= steps; ++i) {
        std::string label = fmt::format("{:g}", top_value * i / steps);
        if (i == steps && !unit.empty()) label += fmt::format(" {}", unit);
        out.push_back(std::move(label));
    }
    return out;
}

// Room left of the plot for the widest of `labels`, at least `left`.
double left_margin(const std::vector<std::string>& labels) {
    double widest = 0;
    for (const std::string& label : labels) widest = std::max(widest, text_width(label, axis_font));
    return std::max(left, std::ceil(widest + label_gap + 2));
}

// Horizontal grid lines from `plot_left` to `right_edge`, with `labels`
// from 0 up.
std::string y_axis(const std::vector<std::string>& labels, double height, double plot_left, double right_edge) {
    std::string out;
    const double plot_height = height - top - bottom;
    const int steps = static_cast<int>(labels.size()) - 1;
    for (int i = 0; i <= steps; ++i) {
        const double y = top + plot_height * (1 - static_cast<double>(i) / steps);
        out += fmt::format(R"svg(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="0.5" />)svg",
                           number(plot_left), number(y), number(right_edge), number(y), grid);
        out += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="end" class="axis">{}</text>)svg",
                           number(plot_left - label_gap), number(y + 4), labels[static_cast<std::size_t>(i)]);
    }
    return out;
}

// Every k-th label so that they do not overlap: about 12 at most.
std::size_t label_every(std::size_t count) { return std::max<std::size_t>(1, (count + 11) / 12); }

}  // namespace

std::string svg_volume_chart(const VolumeChart& chart) {
    constexpr double height = 108;
    int largest = 0;
    for (const VolumeBar& bar : chart.bars) largest = std::max({largest, bar.done, chart.with_planned ? bar.planned : 0});
    const double step = round_step(largest, 4);
    const int steps = std::max(1, static_cast<int>(std::ceil(largest / step)));
    const double top_value = step * steps;
    const std::vector<std::string> labels = y_labels(top_value, steps, html_text(chart.unit));
    const double plot_left = left_margin(labels);
    const double plot_width = chart_width - plot_left - right;
    const double plot_height = height - top - bottom;
    std::string out = fmt::format(
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" class="chart volume" data-family="{}" viewBox="0 0 {} {}" role="img" aria-label="weighted volume per period, {}">)svg",
        html_text(chart.id), chart_width, height, html_text(chart.unit));
    out += fmt::format(
        R"svg(<defs><pattern id="hatch-{}" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="5" stroke="{}" stroke-width="1.6" /></pattern></defs>)svg",
        html_text(chart.id), ink);
    out += y_axis(labels, height, plot_left, chart_width - right);
    const std::size_t count = chart.bars.size();
    const double slot = count > 0 ? plot_width / static_cast<double>(count) : plot_width;
    const double bar_width = chart.with_planned ? slot * 0.38 : slot * 0.7;
    const std::size_t every = label_every(count);
    for (std::size_t i = 0; i < count; ++i) {
        const VolumeBar& bar = chart.bars[i];
        const double x0 = plot_left + slot * static_cast<double>(i);
        const double done_x = chart.with_planned ? x0 + slot * 0.1 : x0 + slot * 0.15;
        const double done_height = plot_height * bar.done / top_value;
        out += fmt::format(
            R"svg(<rect class="bar done" data-period="{}" data-value="{}" x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} {} done</title></rect>)svg",
            html_text(bar.label), bar.done, number(done_x), number(top + plot_height - done_height), number(bar_width),
            number(done_height), ink, html_text(bar.label), bar.done, html_text(chart.unit));
        if (chart.with_planned) {
            const double planned_height = plot_height * bar.planned / top_value;
            out += fmt::format(
                R"svg(<rect class="bar planned" data-period="{}" data-value="{}" x="{}" y="{}" width="{}" height="{}" fill="url(#hatch-{})" stroke="{}" stroke-width="0.8"><title>{}: {} {} planned</title></rect>)svg",
                html_text(bar.label), bar.planned, number(done_x + bar_width), number(top + plot_height - planned_height),
                number(bar_width), number(planned_height), html_text(chart.id), ink, html_text(bar.label), bar.planned,
                html_text(chart.unit));
        }
        if (count <= 16 && bar.done > 0) {
            out += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="middle" class="value">{}</text>)svg",
                               number(done_x + bar_width / 2), number(top + plot_height - done_height - 3), bar.done);
        }
        if (i % every == 0) {
            out += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="middle" class="axis">{}</text>)svg",
                               number(x0 + slot / 2), number(height - bottom + 14),
                               html_text(bar.label.size() == 10 ? bar.label.substr(5) : bar.label));
        }
    }
    out += fmt::format(R"svg(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1" />)svg",
                       number(plot_left), number(top + plot_height), number(chart_width - right),
                       number(top + plot_height), ink);
    return out + "</svg>";
}

std::string svg_pain_chart(Date from, Date to, const std::vector<PainPoint>& points, PainLines lines) {
    constexpr double height = 104;
    // The reference lines are named in a margin on the right, clear of the
    // points, as wide as their names ("10/10 watch" when the rules say so).
    const int limit = std::clamp(lines.limit, 0, 10);
    const int watch = std::clamp(lines.watch, 0, 10);
    const std::string watch_words = fmt::format("{}/10 watch", watch);
    const std::string limit_words = fmt::format("{}/10 limit", limit);
    const double labels = std::max(
        64.0, std::ceil(std::max(text_width(watch_words, axis_font), text_width(limit_words, axis_font)) + 4 + 2));
    const double plot_right = chart_width - labels;
    const double plot_width = plot_right - left;
    const double plot_height = height - top - bottom;
    const int days = std::max(1, days_between(from, to));
    const auto x_of = [&](Date date) { return left + plot_width * days_between(from, date) / days; };
    const auto y_of = [&](double pain) { return top + plot_height * (1 - pain / 10); };
    std::string out = fmt::format(
        R"svg(<svg xmlns="http://www.w3.org/2000/svg" class="chart pain" viewBox="0 0 {} {}" role="img" aria-label="pain over time, 0 to 10">)svg",
        chart_width, height);
    // Above the limit: stop and rest (shaded, and said in words beside it).
    out += fmt::format(
        R"svg(<rect class="above-limit" data-pain="{}" x="{}" y="{}" width="{}" height="{}" fill="#e8e8e8" />)svg", limit,
        number(left), number(y_of(10)), number(plot_width), number(y_of(limit) - y_of(10)));
    out += y_axis(y_labels(10, 5, ""), height, left, plot_right);
    for (const auto& [level, dash, words] : {std::tuple{watch, "3 3", watch_words}, std::tuple{limit, "8 3", limit_words}}) {
        out += fmt::format(
            R"svg(<line class="reference" data-pain="{}" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.4" stroke-dasharray="{}" />)svg",
            level, number(left), number(y_of(level)), number(plot_right), number(y_of(level)), ink, dash);
        out += fmt::format(R"svg(<text x="{}" y="{}" class="label">{}</text>)svg", number(plot_right + 4),
                           number(y_of(level) + 3), words);
    }
    std::string path;
    for (const PainPoint& p : points) {
        path += fmt::format("{}{},{}", path.empty() ? "" : " ", number(x_of(p.date)), number(y_of(p.pain)));
    }
    if (points.size() > 1) {
        out += fmt::format(R"svg(<polyline points="{}" fill="none" stroke="{}" stroke-width="1.5" />)svg", path, ink);
    }
    for (const PainPoint& p : points) {
        out += fmt::format(
            R"svg(<circle class="point{}" data-date="{}" data-pain="{}" cx="{}" cy="{}" r="3" fill="{}"{}><title>{}: {} {}/10</title></circle>)svg",
            p.check ? " check" : "", to_string(p.date), p.pain, number(x_of(p.date)), number(y_of(p.pain)),
            p.check ? "#ffffff" : ink, p.check ? fmt::format(R"svg( stroke="{}" stroke-width="1.5")svg", ink) : "",
            to_string(p.date), p.check ? "pain check" : "pain", p.pain);
    }
    // Date labels: the first of each month in the period, or its ends.
    std::vector<Date> ticks{from};
    for (Date d = from; d <= to; d = add_days(d, 1)) {
        if (static_cast<unsigned>(d.day()) == 1 && d != from) ticks.push_back(d);
    }
    if (ticks.size() < 3) ticks = {from, to};
    for (const Date d : ticks) {
        // Labels at the ends of the axis stay inside the chart.
        const double x = x_of(d);
        const char* anchor = x < left + 35 ? "start" : x > plot_right - 35 ? "end" : "middle";
        out += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="{}" class="axis">{}</text>)svg", number(x),
                           number(height - bottom + 14), anchor, to_string(d));
    }
    out += fmt::format(R"svg(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1" />)svg", number(left),
                       number(y_of(0)), number(plot_right), number(y_of(0)), ink);
    return out + "</svg>";
}

}  // namespace anklog::cli
