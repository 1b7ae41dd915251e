// Inline SVG charts for the HTML reports: a quota's count against its band, the two modes against the
// same band, how far each group's ranking was followed, and the composition of a panel.

import Foundation

enum SVGChart {
    static let palette = ["#1f5fa8", "#d9822b", "#2e7d32", "#8e44ad", "#c62828", "#00838f", "#6d4c41", "#546e7a"]

    static func x(_ value: Int, _ scale: Int, width: Double) -> Double { scale == 0 ? 0 : Double(value) / Double(scale) * width }

    /// One quota row: the allowed band shaded, each count a bar (one per series), the scale 0…seats.
    static func band(row: QuotaRow, counts: [(count: Int, color: String, label: String)], width: Double = 300) -> String {
        let scale = max(row.seatsInScope, counts.map(\.count).max() ?? 0, 1)
        let lo = row.min ?? 0, hi = row.max ?? row.seatsInScope
        let barHeight = 10.0, height = 8 + Double(counts.count) * (barHeight + 3)
        let description = "\(row.label): " + counts.map { "\(term($0.label)) \($0.count)" }.joined(separator: ", ")
        var out = "<svg class=\"band\" role=\"img\" width=\"\(Int(width) + 40)\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width) + 40) \(Int(height))\"><title>\(HTML.escape(description))</title>"
        out += "<rect x=\"0\" y=\"2\" width=\"\(width)\" height=\"\(height - 4)\" fill=\"#f1f4f8\"/>"
        out += "<rect class=\"allowed\" x=\"\(x(lo, scale, width: width))\" y=\"2\" width=\"\(max(1.5, x(hi - lo, scale, width: width)))\" height=\"\(height - 4)\" fill=\"#dbe7f5\"/>"
        for (k, series) in counts.enumerated() {
            let y = 4 + Double(k) * (barHeight + 3)
            let ok = row.admits(series.count)
            out += "<rect class=\"count\" x=\"0\" y=\"\(y)\" width=\"\(max(1, x(series.count, scale, width: width)))\" height=\"\(barHeight)\" fill=\"\(series.color)\" opacity=\"0.9\"/>"
            out += "<text x=\"\(width + 4)\" y=\"\(y + 9)\" font-size=\"11\" fill=\"\(ok ? "#2e7d32" : "#c62828")\">\(series.count)\(ok ? "" : " ✗")</text>"
        }
        if let min = row.min { out += "<line x1=\"\(x(min, scale, width: width))\" x2=\"\(x(min, scale, width: width))\" y1=\"0\" y2=\"\(height)\" stroke=\"#1d2733\" stroke-width=\"1.5\"/>" }
        if let max = row.max, max < scale { out += "<line x1=\"\(x(max, scale, width: width))\" x2=\"\(x(max, scale, width: width))\" y1=\"0\" y2=\"\(height)\" stroke=\"#1d2733\" stroke-width=\"1.5\" stroke-dasharray=\"3,2\"/>" }
        return out + "</svg>"
    }

    /// Horizontal bars of "top choices seated out of seats" per group, one bar per series.
    static func ranking(groups: [(group: String, seats: Int, values: [Int?])], series: [(label: String, color: String)]) -> String {
        let labelWidth = 210.0, width = 360.0, rowHeight = 8.0 + Double(series.count) * 13
        let height = Double(groups.count) * rowHeight + 6
        var out = "<svg class=\"ranking\" role=\"img\" width=\"\(Int(labelWidth + width + 60))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(labelWidth + width + 60)) \(Int(height))\">"
        out += "<title>\(HTML.escape(term("How far each group's own ranking was followed: seated members among its top choices")))</title>"
        for (k, g) in groups.enumerated() {
            let y = Double(k) * rowHeight + 4
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + rowHeight / 2 + 2)\" font-size=\"12\" text-anchor=\"end\">\(HTML.escape(g.group))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" fill=\"#f1f4f8\"/>"
            for (s, value) in g.values.enumerated() {
                guard let value else { continue }
                let barY = y + 2 + Double(s) * 13
                out += "<rect class=\"followed\" x=\"\(labelWidth)\" y=\"\(barY)\" width=\"\(max(1, x(value, g.seats, width: width)))\" height=\"10\" fill=\"\(series[s].color)\"/>"
                out += "<text x=\"\(labelWidth + width + 4)\" y=\"\(barY + 9)\" font-size=\"11\">\(value)/\(g.seats)</text>"
            }
        }
        // The legend is HTML beside the chart, not SVG text: it wraps at any width and never clips.
        return out + "</svg>" + legend(series.map { (term($0.label), $0.color) })
    }

    /// One stacked bar: the shares of an attribute's values among the members.
    static func composition(attribute: String, parts: [(value: String, count: Int)]) -> String {
        let total = max(1, parts.reduce(0) { $0 + $1.count })
        let width = 560.0
        var out = "<svg class=\"composition\" role=\"img\" width=\"\(Int(width))\" height=\"22\" viewBox=\"0 0 \(Int(width)) 22\">"
        out += "<title>\(HTML.escape(Words.attribute(attribute))): " + HTML.escape(parts.map { "\($0.value) \($0.count)" }.joined(separator: ", ")) + "</title>"
        var offset = 0.0
        var items: [(String, String)] = []
        for (k, part) in parts.enumerated() {
            let w = Double(part.count) / Double(total) * width
            let color = palette[k % palette.count]
            out += "<rect x=\"\(offset)\" y=\"0\" width=\"\(w)\" height=\"20\" fill=\"\(color)\"/>"
            if w > 26 { out += "<text x=\"\(offset + 4)\" y=\"14\" font-size=\"11\" fill=\"white\">\(part.count)</text>" }
            offset += w
            items.append(("\(part.value) \(part.count) (\(Int((Double(part.count) / Double(total) * 100).rounded()))%)", color))
        }
        return out + "</svg>" + legend(items)
    }

    /// A chart's legend as HTML: swatches and labels that wrap with the page.
    static func legend(_ items: [(label: String, color: String)]) -> String {
        "<p class=\"legend\">" + items.map { "<span><i class=\"swatch\" style=\"background:\($0.color)\"></i>\(HTML.escape($0.label))</span>" }.joined() + "</p>"
    }

    /// The attribute values of `members`, largest first, for a composition bar.
    static func parts(_ members: [Nominee], _ attribute: String) -> [(value: String, count: Int)] {
        var counts: [String: Int] = [:]
        for m in members { counts[m.attributes[attribute].map { Words.value(attribute, $0) } ?? term("(none)"), default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
