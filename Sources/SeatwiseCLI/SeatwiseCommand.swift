// The `seatwise` command and its subcommands.

import ArgumentParser
import Seatwise

struct SeatwiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seatwise",
        abstract: "Choose the members of a multistakeholder body from nomination lists, exactly, and explain every decision.",
        version: "seatwise \(SeatwiseTool.version) (GLPK \(SeatwiseTool.glpkVersion))",
        subcommands: [SelectCommand.self, VacanciesCommand.self, ReplaceCommand.self, PlanCommand.self, LotteryCommand.self, CheckCommand.self, ExplainCommand.self, WhatIfCommand.self, AuditCommand.self, CompareCommand.self, StudyCommand.self, VerifyCommand.self, ImportCommand.self, ExportCommand.self, ExportLPCommand.self, GenerateCommand.self, ServeCommand.self]
    )
}
