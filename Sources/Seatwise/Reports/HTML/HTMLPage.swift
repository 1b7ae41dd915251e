// The frame of every HTML report: one self-contained file (inline CSS, no scripts, no fonts or images
// from the network), and the one escaping function all input text goes through.

package enum HTML {
    /// Escapes text for element content and quoted attribute values alike.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    package static let style = """
    :root { --ink:#1d2733; --muted:#5b6673; --line:#d8dee6; --band:#dbe7f5; --ok:#2e7d32; --bad:#c62828; --blue:#1f5fa8; --orange:#d9822b; }
    * { box-sizing: border-box; }
    body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; background: #f5f7fa; line-height: 1.45; }
    header { background: var(--blue); color: white; padding: 28px 40px 22px; }
    header h1 { margin: 0 0 4px; font-size: 26px; font-weight: 600; }
    header p { margin: 0; opacity: .9; } header p.made { font-size: 13px; margin-bottom: 6px; }
    main { max-width: 1180px; margin: 0 auto; padding: 24px 40px 48px; }
    section { background: white; border: 1px solid var(--line); border-radius: 6px; padding: 18px 22px; margin: 18px 0; }
    h2 { font-size: 19px; margin: 0 0 12px; color: var(--blue); }
    h3 { font-size: 15px; margin: 16px 0 8px; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; }
    .card { flex: 1 1 160px; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; background: white; }
    .card b { display: block; font-size: 22px; }
    .card span { color: var(--muted); font-size: 13px; }
    table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
    th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { background: #eef2f7; font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .ok { color: var(--ok); font-weight: 600; } .bad { color: var(--bad); font-weight: 600; }
    .muted { color: var(--muted); font-size: 13px; }
    .legend span { display: inline-block; margin-right: 14px; font-size: 13px; }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: middle; margin-right: 4px; }
    footer { color: var(--muted); font-size: 12px; margin-top: 24px; word-break: break-all; }
    svg { max-width: 100%; height: auto; }
    svg.band { width: 100%; max-width: 340px; }
    svg.composition, svg.ranking { width: 100%; }
    td { overflow-wrap: anywhere; }
    .wide { overflow-x: auto; }
    .wide table { width: auto; min-width: 100%; } .wide td { overflow-wrap: normal; } td.num { white-space: nowrap; }
    nav.contents { position: sticky; top: 0; z-index: 5; background: #f5f7fa; padding: 8px 0 6px; font-size: 13.5px; border-bottom: 1px solid var(--line);
      display: flex; flex-wrap: wrap; gap: 2px 14px; }
    nav.contents a { color: var(--blue); } section { scroll-margin-top: 44px; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; }
    .form-table table { table-layout: auto; } .form-table td input:not([type=checkbox]), .form-table td select { width: 100%; min-width: 2.2em; }
    dl.glossary dt { font-weight: 600; margin-top: 6px; } dl.glossary dd { margin: 0 0 0 18px; font-size: 13.5px; }
    @media (max-width: 760px) {
      header { padding: 16px 14px; } main { padding: 10px 8px 24px; } section { padding: 12px 10px; }
      table { font-size: 12.5px; } th, td { padding: 4px 4px; }
      nav.contents { position: static; }
    }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      body { background: white; font-size: 11pt; } main { max-width: none; padding: 0; }
      section { border: none; padding: 0; margin: 10mm 0 0; }
      header { -webkit-print-color-adjust: exact; print-color-adjust: exact; padding: 10px 0; }
      .swatch, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      thead { display: table-header-group; } tr, svg, .card, dl.glossary dd { break-inside: avoid; } h2, h3 { break-after: avoid; }
      .wide { overflow: visible; } nav.contents { display: none; }
    }
    """

    /// `madeAt`: a published version's date and time, shown first, above the headline (the provenance
    /// stays at the end).
    package static func page(title: String, subtitle: String, body: String, provenance: [(String, String)], madeAt: String? = nil) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(Catalogue.current.language)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        out += "<title>\(escape(title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        out += "<header>" + (madeAt.map { "<p class=\"made\">\(escape(phrase("Made {time}", ["time": .text($0)])))</p>" } ?? "") + "<h1>\(escape(title))</h1><p>\(escape(term(subtitle)))</p></header>\n<main>\n"
        out += contents(of: body + glossary) + body
        out += glossary
        out += "<footer>" + provenance.map { "<div><b>\(escape(term($0.0)))</b>: \(escape($0.1))</div>" }.joined() + "</footer>\n"
        return out + "</main>\n</body>\n</html>\n"
    }

    /// A long page's sections, one click away: a bar of links to every section's heading, kept at the
    /// top of the window as the page scrolls. Empty for a page of fewer than four sections.
    package static func contents(of html: String) -> String {
        var links: [(id: String, title: String)] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<section id=\""), let idEnd = rest[start.upperBound...].firstIndex(of: "\"") {
            let id = rest[start.upperBound..<idEnd]
            let after = rest[idEnd...]
            if after.hasPrefix("\"><h2>"), let close = after.range(of: "</h2>") {
                links.append((String(id), String(after[after.index(after.startIndex, offsetBy: 6)..<close.lowerBound])))
                rest = after[close.upperBound...]
            } else {
                rest = after.dropFirst()
            }
        }
        guard links.count >= 4 else { return "" }
        // Titles are already escaped (they come from `section`); ids are made here.
        // A heading's gloss in brackets stays in the heading, not in the bar.
        func short(_ title: String) -> String { title.range(of: " (").map { String(title[..<$0.lowerBound]) } ?? title }
        return "<nav class=\"contents\" id=\"contents\">" + links.map { "<a href=\"#\($0.id)\">\(short($0.title))</a>" }.joined() + "</nav>\n"
    }

    /// The page with its contents bar made again from its sections (after sections were added).
    package static func withContents(_ page: String) -> String {
        guard let start = page.range(of: "<nav class=\"contents\""), let end = page[start.lowerBound...].range(of: "</nav>\n") else {
            guard let main = page.range(of: "<main>\n") else { return page }
            return page.replacingCharacters(in: main, with: "<main>\n" + contents(of: page))
        }
        return page.replacingCharacters(in: start.lowerBound..<end.upperBound, with: contents(of: page))
    }

    /// The words a report uses that a reader may not know, defined where the report is read.
    package static var glossary: String {
        let n: [String: MessageValue] = ["n": .number(ExplanationOptions.defaultCloseCall)]
        let entries: [(String, String)] = [
            (term("rank"), term("the place a nominating group gave its nominee (1 = its first choice).")),
            (term("rank sum"), term("the ranks of the seated members added up; lower means the groups' own orders were followed more closely.")),
            (term("quota row"), term("one bound of a rule in one scope, e.g. \"at least 2 from each region in the body\".")),
            (term("at its limit"), term("a rule whose count sits exactly on its bound: it shaped the choice.")),
            (term("price"), term("how much better (in rank sum) the panel would be if a rule at its limit were moved by one seat.")),
            (term("close call"), phrase("a decision that another choice would have changed by only a few rank points (at most {n} unless the report was made with another --close-call).", n)),
            (term("p-value"), term("in an audit, how often a fair draw (from the nominees, or at a reference share) would give a count this far from what is expected: one-sided counts only the direction observed, two-sided both; Holm-adjusted values allow for the audit testing many shares at once. It is not the chance that the roster was chosen fairly.")),
            (term("seed"), term("the number that fixes the order used to break exact ties, so anyone who runs the selection again with the same files gets an identical result.")),
        ]
        let list = entries.map { "<dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd>" }.joined(separator: "\n")
        return section(term("Words used in this report"), "<dl class=\"glossary\">\n\(list)\n</dl>\n", id: "glossary")
    }

    package static func section(_ title: String, _ content: String, id: String) -> String {
        "<section id=\"\(id)\"><h2>\(escape(term(title)))</h2>\n\(content)</section>\n"
    }

    package static func cards(_ items: [(value: String, label: String)]) -> String {
        "<div class=\"cards\">" + items.map { "<div class=\"card\"><b>\(escape($0.value))</b><span>\(escape(term($0.label)))</span></div>" }.joined() + "</div>\n"
    }

    /// A table; cells are escaped unless marked as trusted markup (charts and verdict badges made here).
    /// A table of many columns (an audit's tests, a study's measures) scrolls inside its own box on a
    /// narrow screen, never the page.
    package static func table(_ header: [String], _ rows: [[Cell]], numeric: Set<Int> = [], id: String? = nil) -> String {
        let wide = header.count > 7
        var out = (wide ? "<div class=\"wide\">" : "") + "<table\(id.map { " id=\"\($0)\"" } ?? "")><thead><tr>"
        for (k, h) in header.enumerated() { out += "<th\(numeric.contains(k) ? " class=\"num\"" : "")>\(escape(term(h)))</th>" }
        out += "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr>"
            for (k, cell) in row.enumerated() {
                let content: String
                switch cell {
                case .text(let t): content = escape(t)
                case .markup(let m): content = m
                }
                out += "<td\(numeric.contains(k) ? " class=\"num\"" : "")>\(content)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table>" + (wide ? "</div>" : "") + "\n"
    }

    package enum Cell { case text(String), markup(String) }

    /// A bulleted list of plain texts.
    package static func list(_ items: [String]) -> String { "<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>" }

    /// A report model's table: a cell with a tone becomes a verdict badge.
    package static func table(_ t: ReportTable, id: String? = nil) -> String {
        table(t.headers, t.rows.map { row in row.map { c in
            if let link = c.link { return .markup("<a href=\"\(escape(link))\">\(escape(c.text))</a>") }
            return c.tone == .plain ? .text(c.text) : verdict(c.tone == .good, c.text)
        } }, numeric: t.numeric, id: id)
    }

    package static func verdict(_ ok: Bool, _ text: String) -> Cell { .markup("<span class=\"\(ok ? "ok" : "bad")\">\(escape(text))</span>") }
}
