// The process entry point: runs a subcommand and turns every error into the exit codes of SPEC §10
// (2 bad input or usage, 3 no usable answer from the solver), rendered once, on standard error.

import ArgumentParser
import Foundation
import Seatwise

@main
enum Entry {
    static func main() {
        do {
            var command = try SeatwiseCommand.parseAsRoot()
            try command.run()
        } catch let error as InputError {
            Console.error(error.diagnostics.map { "error: \($0.description)" }.joined(separator: "\n"))
            exit(2)
        } catch let error as OutputFile.Refused {
            Console.error("error: \(error.description)")
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
    }
}

enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
