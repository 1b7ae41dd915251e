// A lottery as a workbook: Chances (every nominee's chance as a number, the per-group lottery's beside it,
// the standing), Rules (each rule over the lottery's panels and on the drawn panel), Panels (each panel
// with its probability and tickets), Levels (LEXIMIN) and Provenance (the header, the draw, the notes).

import Foundation

extension ReportWorkbook {
    public init(lottery: DrawnLottery) {
        let result = lottery.result, draw = lottery.draw
        let nominees = result.input.nominees
        var lines = LotteryReport.header(result).map { ($0.key, $0.value) }
        guard result.status != .infeasible else {
            for conflict in lottery.conflictWords { lines.append(("Conflict", conflict)) }
            self.init([Sheet("Provenance", lines: lines)])
            return
        }
        var chances = Sheet("Chances", headers: ["Group", "ID", "Name", "Chance", "Per-group lottery", "Standing"])
        let naive = result.perGroupLottery
        for i in LotteryReport.order(result) {
            let n = nominees[i]
            chances.add([.text(n.group), .text(n.id), .text(n.name), .number(result.probabilities[i]), .number(naive[i]), .text(LotteryReport.standing(result, i))])
        }
        var sheets = [chances]
        if let rules = LotteryReport.quotaTable(result, draw) { sheets.append(Sheet("Rules", table: rules)) }
        var panels = Sheet("Panels", headers: ["Panel", "Probability", "Members"])
        for (k, d) in result.distribution.enumerated() {
            panels.add([.int(k + 1), .number(d.probability), .text(d.panel.map { nominees[$0].id }.joined(separator: " "))])
        }
        sheets.append(panels)
        // The tickets drawn from: each range and the panel it seats (the distribution rounded to tickets).
        if let draw {
            var tickets = Sheet("Tickets", headers: ["First ticket", "Tickets", "Members"])
            for e in draw.lottery { tickets.add([.int(e.first), .int(e.tickets), .text(e.panel.map { nominees[$0].id }.joined(separator: " "))]) }
            sheets.append(tickets)
        }
        if result.method == .leximin {
            var levels = Sheet("Levels", headers: ["Level", "Chance", "Nominees"])
            for (k, l) in result.levels.enumerated() { levels.add([.int(k + 1), .number(l.probability), .int(l.nominees)]) }
            sheets.append(levels)
        }
        lines.append(("Smallest chance", LotteryReport.percent(result.minimum)))
        lines.append(("No lottery gives more than", LotteryReport.percent(result.upperBound)))
        lines.append(("Gini", String(format: "%.3f", result.gini)))
        if let draw, let key = draw.key, let ticket = draw.ticket, let panel = draw.panel {
            lines += [("Draw key", key), ("Ticket drawn", phrase("{count} of {seats}", ["count": .number(ticket), "seats": .number(draw.tickets)])), ("Panel drawn", panel.map { nominees[$0].id }.joined(separator: " "))]
        }
        for note in (result.notes + result.context.adjustments).map(\.description) + result.context.noteWords { lines.append(("Note", note)) }
        sheets.append(Sheet("Provenance", lines: lines))
        self.init(sheets)
    }
}
