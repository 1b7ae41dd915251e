// The process entry point: runs a subcommand and turns every error into the exit codes of docs/reference.md, "Exit codes"
// (2 bad input or usage, 3 no usable answer from the solver), rendered once, on standard error.

import ArgumentParser
import Foundation
import Seatwise

@main
enum Entry {
    /// At most `InputDiagnostic.maximumPerFile` problems per file are printed, then their count (one
    /// more is let through: the nominations reader's own count of what it did not keep).
    static func listed(_ diagnostics: [InputDiagnostic]) -> [InputDiagnostic] {
        let limit = InputDiagnostic.maximumPerFile + 1
        var perFile: [String: Int] = [:]
        var listed: [InputDiagnostic] = []
        for d in diagnostics {
            perFile[d.file, default: 0] += 1
            if perFile[d.file]! <= limit { listed.append(d) }
        }
        for (file, count) in perFile.sorted(by: { $0.key < $1.key }) where count > limit {
            listed.append(InputDiagnostic(file: file, message: "\(count - limit) more problems not listed (the first \(limit) are)"))
        }
        return listed
    }

    /// The language `--language` names (read before parsing, so that everything said, errors included,
    /// is in it); nil when none or an unknown one is given (the parser then refuses it, listing ours).
    static func language(in arguments: [String]) -> Language? {
        for (k, argument) in arguments.enumerated() {
            if argument == "--language", k + 1 < arguments.count { return Language(rawValue: arguments[k + 1]) }
            if argument.hasPrefix("--language=") { return Language(rawValue: String(argument.dropFirst("--language=".count))) }
        }
        return nil
    }

    static func main() {
        Catalogue.$current.withValue((language(in: CommandLine.arguments) ?? .en).catalogue) { run() }
    }

    static func run() -> Never {
        do {
            var command = try SeatwiseCommand.parseAsRoot()
            try command.run()
        } catch let error as InputError {
            // Each problem on one line, whatever the echoed value holds.
            Console.error(Self.listed(error.diagnostics).map { "error: " + VisibleText.escaped($0.description) }.joined(separator: "\n"))
            exit(2)
        } catch let error as OutputFile.Refused {
            Console.error("error: " + VisibleText.escaped(error.description))
            exit(2)
        } catch let error as SolverError {
            Console.error("error: \(error.description)")
            exit(3)
        } catch let error as ReportError {
            Console.error("error: \(error.description)")
            exit(3)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = SeatwiseCommand.exitCode(for: error)
            if code == .validationFailure {
                Console.error(SeatwiseCommand.fullMessage(for: error))
                exit(2)
            }
            SeatwiseCommand.exit(withError: error)
        }
        exit(0)
    }
}

/// Messages may quote input text, so control characters in them are shown escaped (`\u{1B}`).
enum Console {
    static func error(_ text: String) {
        let safe = VisibleText.escaped(text, keeping: ["\n"])
        FileHandle.standardError.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
    }

    /// Reports are made safe by `OutputOptions.emit` for their format; this prints them as they are.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// A line of plain text on standard output (not a report).
    static func line(_ text: String) {
        out(VisibleText.escaped(text) + "\n")
    }
}
