import Foundation

/// A text with what hides a secret taken out — zero-width characters, `%xx` and JSON escapes decoded,
/// optionally all whitespace (line wraps) — that remembers where each character came from, so a match
/// found here is redacted in the original.
struct NormalizedText {
    let original: [Unicode.Scalar]
    private(set) var scalars: [Unicode.Scalar] = []
    /// For each normalised scalar, the original range it came from.
    private(set) var origins: [Range<Int>] = []
    private(set) var isIdentity = true

    init(_ text: String, dropWhitespace: Bool) {
        original = Array(text.unicodeScalars)
        scalars.reserveCapacity(original.count)
        origins.reserveCapacity(original.count)
        var index = 0
        while index < original.count {
            let scalar = original[index]
            if Self.isInvisible(scalar) || dropWhitespace && Self.isWhitespace(scalar) {
                index += 1
                isIdentity = false
                continue
            }
            if scalar == "%", let value = hex(index + 1, digits: 2), value < 0x80, let decoded = Unicode.Scalar(value) {
                append(decoded, index..<(index + 3))
                index += 3
                continue
            }
            if scalar == "\\", index + 1 < original.count {
                let next = original[index + 1]
                if next == "u", let value = hex(index + 2, digits: 4), let decoded = Unicode.Scalar(value) {
                    if !Self.isInvisible(decoded) { append(decoded, index..<(index + 6)) } else { isIdentity = false }
                    index += 6
                    continue
                }
                if next == "/" || next == "\"" || next == "\\" {
                    append(next, index..<(index + 2))
                    index += 2
                    continue
                }
                if dropWhitespace, next == "n" || next == "r" || next == "t" {
                    index += 2
                    isIdentity = false
                    continue
                }
            }
            scalars.append(scalar)
            origins.append(index..<(index + 1))
            index += 1
        }
    }

    private mutating func append(_ scalar: Unicode.Scalar, _ origin: Range<Int>) {
        scalars.append(scalar)
        origins.append(origin)
        isIdentity = false
    }

    private func hex(_ start: Int, digits: Int) -> UInt32? {
        guard start + digits <= original.count else { return nil }
        var value: UInt32 = 0
        for scalar in original[start..<(start + digits)] {
            guard let digit = Int(String(scalar), radix: 16) else { return nil }
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x00AD, 0x180E, 0x034F: true
        default: false
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t"
    }

    /// Original ranges of each match of `regex` in the normalised text.
    func originalSpans(of regex: NSRegularExpression) -> [Range<Int>] {
        guard !scalars.isEmpty else { return [] }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let string = String(view)
        // UTF-16 offset → scalar index (regex ranges are UTF-16).
        var scalarAt: [Int] = []
        scalarAt.reserveCapacity(string.utf16.count + 1)
        for (index, scalar) in scalars.enumerated() {
            scalarAt.append(index)
            if scalar.value > 0xFFFF { scalarAt.append(index) }
        }
        scalarAt.append(scalars.count)
        return regex.matches(in: string, range: NSRange(location: 0, length: string.utf16.count)).compactMap { match in
            let start = scalarAt[match.range.location]
            let end = scalarAt[match.range.location + match.range.length]
            guard end > start else { return nil }
            return origins[start].lowerBound..<origins[end - 1].upperBound
        }
    }

    /// Original ranges of each occurrence of `needle` in the normalised text.
    func originalSpans(of needle: [Unicode.Scalar]) -> [Range<Int>] {
        guard let first = needle.first, needle.count <= scalars.count else { return [] }
        var spans: [Range<Int>] = []
        var index = 0
        while index <= scalars.count - needle.count {
            if scalars[index] == first, scalars[index..<(index + needle.count)].elementsEqual(needle) {
                spans.append(origins[index].lowerBound..<origins[index + needle.count - 1].upperBound)
                index += needle.count
            } else {
                index += 1
            }
        }
        return spans
    }

    /// The original text with each span (merged where they overlap) replaced by `replacement`.
    func replacing(_ spans: [Range<Int>], with replacement: String) -> String {
        var merged: [Range<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        var view = String.UnicodeScalarView()
        var position = 0
        for span in merged {
            view.append(contentsOf: original[position..<span.lowerBound])
            view.append(contentsOf: replacement.unicodeScalars)
            position = span.upperBound
        }
        view.append(contentsOf: original[position...])
        return String(view)
    }
}
