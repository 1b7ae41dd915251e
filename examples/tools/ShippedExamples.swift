// The shipped examples (this folder's siblings) as a resource bundle beside the binary: the workbench
// offers them as starting points from whatever folder `seatwise serve` is started in.

import Foundation

public enum ShippedExamples {
    /// The folder holding mag/, wgec/, icg/ … as shipped with the binary; nil when the bundle is missing.
    public static var folder: String? {
        Bundle.module.resourceURL.flatMap { FileManager.default.fileExists(atPath: $0.appendingPathComponent("mag/nominations.csv").path) ? $0.path : nil }
    }
}
