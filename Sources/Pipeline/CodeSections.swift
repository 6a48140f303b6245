/// The code sections a prompt will show, in rank order: ranges of one file that overlap or nearly touch
/// are merged into one section (a file named by four frames is shown once, not four times), and what the
/// budget cannot hold is listed by name so the model knows it exists.
struct CodeSections {
    struct Section {
        var path: String
        var lines: [String]
        var range: ClosedRange<Int>
    }

    private(set) var sections: [Section] = []

    /// Adds 0-based `range` of `path`'s `lines`, merged into an earlier section of the file it overlaps or
    /// comes within `gap` lines of.
    mutating func add(path: String, lines: [String], range: ClosedRange<Int>, gap: Int = 2) {
        if let index = sections.firstIndex(where: {
            $0.path == path && range.lowerBound <= $0.range.upperBound + gap + 1 && $0.range.lowerBound <= range.upperBound + gap + 1
        }) {
            let merged = min(sections[index].range.lowerBound, range.lowerBound)...max(sections[index].range.upperBound, range.upperBound)
            sections[index].range = merged
            // A merge can bring two earlier sections of the file together.
            let absorbed = sections.indices.filter { $0 != index && sections[$0].path == path && sections[$0].range.overlaps(merged) }
            for other in absorbed {
                sections[index].range =
                    min(
                        sections[index].range.lowerBound, sections[other].range.lowerBound)...max(
                        sections[index].range.upperBound, sections[other].range.upperBound)
            }
            for other in absorbed.sorted(by: >) { sections.remove(at: other) }
        } else {
            sections.append(Section(path: path, lines: lines, range: range))
        }
    }

    /// The sections, numbered, fenced and in rank order, that fit `budget` characters; then the ones left out.
    func render(budget: Int, fence: (String) -> String, attribute: (String) -> String) -> (shown: [String], files: [String], left: Int, omitted: [String]) {
        var left = budget
        var shown: [String] = []
        var files: [String] = []
        var omitted: [String] = []
        for section in sections {
            let body = section.range.map { index in
                let number = String(index + 1)
                return String(repeating: " ", count: max(0, 5 - number.count)) + number + "  " + section.lines[index]
            }.joined(separator: "\n")
            let text = "<code path=\"\(attribute(section.path))\">\n\(fence(body))\n</code>"
            guard text.count <= left else {
                omitted.append("\(section.path):\(section.range.lowerBound + 1)-\(section.range.upperBound + 1)")
                continue
            }
            left -= text.count
            shown.append(text)
            if !files.contains(section.path) { files.append(section.path) }
        }
        return (shown, files, left, omitted)
    }
}
