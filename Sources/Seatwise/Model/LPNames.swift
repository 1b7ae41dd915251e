// Row and column names for LP files: the characters every LP reader accepts, unique within a program.

/// Names that every LP reader accepts: ASCII letters, digits and `_`, starting with a letter, unique.
struct LPNames {
    private var used: Set<String> = []

    mutating func make(_ prefix: String, _ parts: [String]) -> String {
        var base = prefix
        for part in parts {
            // Bytes, not Characters: this runs once per nominee. Runs of anything else become one "_".
            var clean: [UInt8] = []
            clean.reserveCapacity(min(part.utf8.count, 40))
            for byte in part.utf8 {
                let keep = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                if keep { clean.append(byte) } else if clean.last != 0x5F && !clean.isEmpty { clean.append(0x5F) }
                if clean.count >= 40 { break }
            }
            while clean.last == 0x5F { clean.removeLast() }
            if !clean.isEmpty { base += "_" + String(decoding: clean, as: UTF8.self) }
        }
        var name = base
        var k = 2
        while used.contains(name) { name = "\(base)_\(k)"; k += 1 }
        used.insert(name)
        return name
    }
}
