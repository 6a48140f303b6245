import Testing

@testable import Pipeline

/// The code a failing test exercises: the names its lines call, and the source lines that define them.
@Suite("called definitions")
struct CalledDefinitionsTests {
    @Test func calledNames_areTheCallsOfTheTestInOrder_withoutAssertionsAndKeywords() {
        let python = ["    def test_median_even(self):", "        self.assertEqual(median([4, 1, 3, 2]), 2.5)", "        if len(xs): print(xs)"]
        #expect(CalledDefinitions.calledNames(python) == ["test_median_even", "median", "len"])
        let javascript = ["test('pages', () => {", "  const page = paginate(items, { page: 3 });", "  assert.deepStrictEqual(page.items, []);"]
        #expect(CalledDefinitions.calledNames(javascript) == ["paginate", "deepStrictEqual"])
        let rust = ["    let mut w = Window::new(3);", "    w.push(12.0);", "    assert_eq!(w.samples(), vec![30.0]);"]
        #expect(CalledDefinitions.calledNames(rust) == ["push", "samples", "vec"], "`new` is a keyword in the C family, so Rust constructors are not followed")
        let java = ["        assertEquals(new BigDecimal(\"1.25\"), policy.feeFor(loan, DUE.plusDays(5)));"]
        #expect(CalledDefinitions.calledNames(java) == ["BigDecimal", "feeFor", "plusDays"])
    }

    @Test(arguments: [
        ("def median(values):", "median"), ("    async def fetch_rates(self, day):", "fetch_rates"), ("class Invoice:", "Invoice"),
        ("export function totalPages(count, size) {", "totalPages"), ("export const formatCents = (cents, { currency }) => {", "formatCents"),
        ("  feeFor(loan, returned) {", "feeFor"), ("pub fn push(&mut self, sample: f64) {", "push"), ("fn parse_mass(text: &str) -> Mass {", "parse_mass"),
        ("func (w *Window) Push(v float64) {", "Push"), ("public func page(_ number: Int) -> Page? {", "page"), ("  def self.load(path)", "load"),
        ("    public BigDecimal feeFor(Loan loan, LocalDate returned) {", "feeFor"), ("int slugify(const char *in, char *out, size_t out_len)", "slugify"),
        ("static long long total_bytes(const struct usage *u) {", "total_bytes"),
    ])
    func defines_recognisesDefinitionsAcrossEcosystems(_ line: String, _ name: String) {
        #expect(CalledDefinitions.defines(line, name), "\(line)")
    }

    @Test(arguments: [
        ("        self.assertEqual(median([4, 1, 3, 2]), 2.5)", "median"), ("    total = median(values)", "median"),
        ("int slugify(const char *in, char *out, size_t out_len);", "slugify"), ("  return feeFor(loan, day);", "feeFor"),
        ("    w.push(12.0);", "push"), ("def geometric_median(values):", "median"), ("if (slugify(a, b, 3) != 0) {", "slugify"),
        ("    median([1, 2])", "median"),
    ])
    func defines_rejectsCallsDeclarationsAndLongerNames(_ line: String, _ name: String) {
        #expect(!CalledDefinitions.defines(line, name), "\(line)")
    }

    @Test func namesAnErrorMessagePointsAt_callsAndQuotedIdentifiers() {
        #expect(CalledDefinitions.namedInMessage("NameError: name 'subtotal' is not defined") == ["subtotal"])
        #expect(CalledDefinitions.namedInMessage("TypeError: add() takes 2 positional arguments but 3 were given") == ["add"])
        #expect(CalledDefinitions.namedInMessage("NoMethodError: undefined method `apply_tax' for nil") == ["apply_tax"])
        #expect(CalledDefinitions.namedInMessage("expected 'ok' but got \"no\"").isEmpty, "short words are not names")
    }
}
