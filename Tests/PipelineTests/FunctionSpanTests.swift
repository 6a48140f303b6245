import Testing

@testable import Pipeline

/// A section shows the whole function a frame is in: where each syntax's definition ends.
@Suite("function span")
struct FunctionSpanTests {
    func end(_ source: String, start: Int) -> Int? {
        FunctionSpan.end(source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), start: start)
    }

    @Test func python_theIndentedBlock_throughBlankLinesAndAMultiLineSignature() {
        let source = """
            def total(items,
                      tax):
                subtotal = sum(items)

                return subtotal * (1 + tax)


            def other():
                pass
            """
        #expect(end(source, start: 0) == 4)
        #expect(end(source, start: 7) == 8, "the file's last definition ends at the file's end")
    }

    @Test func braces_ofTheCFamily_ignoringBracesInStringsAndComments() {
        let source = """
            public int parse(String s) {
                if (s.isEmpty()) { return 0; }   // a } in a comment
                String t = "{not a block";
                return Integer.parseInt(t);
            }
            int next() { return 1; }
            """
        #expect(end(source, start: 0) == 4)
        #expect(end(source, start: 5) == 5, "one line")
    }

    @Test func go_rust_swift_andJavaScript_openTheirBlockOnTheSignature() {
        #expect(end("func (t *Table) Get(k string) string {\n\treturn t.m[k]\n}\n", start: 0) == 2)
        #expect(end("pub fn port(s: &str) -> u16 {\n    s.parse().unwrap()\n}", start: 0) == 2)
        #expect(end("export function slug(text) {\n  return text.trim();\n}", start: 0) == 2)
    }

    @Test func ruby_theEndAtTheDefinitionsIndentation() {
        let source = "  def total\n    if paid\n      0\n    end\n  end\n  def other; end"
        #expect(end(source, start: 0) == 4)
    }

    @Test func anUnclosedOrHugeDefinition_hasNoEnd() {
        #expect(end("int f() {\n  return 1;\n", start: 0) == nil)
        let huge = "void f() {\n" + String(repeating: "  x++;\n", count: 300) + "}"
        #expect(end(huge, start: 0) == nil)
    }
}
