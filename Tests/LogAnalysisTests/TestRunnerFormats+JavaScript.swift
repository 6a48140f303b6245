extension TestRunnerFormatTests {
    /// JavaScript runners: jest, vitest, mocha, node:test, Playwright, Karma.
    static let javascript: [Format] = [
        Format(
            name: "jest", command: #"npm test"#,
            output: #"""
                > calc@1.0.0 test
                > jest

                PASS src/parse.test.js
                FAIL src/sum.test.js
                  ● sum › adds 1 + 2 to equal 3

                    expect(received).toBe(expected) // Object.is equality

                    Expected: 3
                    Received: 4

                      3 | test('adds 1 + 2 to equal 3', () => {
                    > 4 |   expect(sum(1, 2)).toBe(3);
                        |                     ^
                      5 | });

                      at Object.<anonymous> (src/sum.test.js:4:21)

                Test Suites: 1 failed, 1 passed, 2 total
                Tests:       1 failed, 5 passed, 6 total
                Snapshots:   0 total
                Time:        0.512 s
                Ran all test suites.
                """#,
            names: [#"  ● sum › adds 1 + 2 to equal 3"#]),
        Format(
            name: "karma", command: #"npm test"#,
            output: #"""
                > calc@1.0.0 test
                > karma start --single-run

                01 03 2024 10:00:05.123:INFO [karma-server]: Karma v6.4.2 server started at http://localhost:9876/
                01 03 2024 10:00:05.130:INFO [launcher]: Starting browser ChromeHeadless
                Chrome Headless 120.0.6099.71 (Linux x86_64) Calculator adds numbers FAILED
                	Expected 4 to be 5.
                	    at UserContext.<anonymous> (src/calc.spec.js:5:27)
                Chrome Headless 120.0.6099.71 (Linux x86_64): Executed 2 of 2 (1 FAILED) (0.012 secs / 0.004 secs)
                TOTAL: 1 FAILED, 1 SUCCESS
                """#,
            names: [#"Chrome Headless 120.0.6099.71 (Linux x86_64) Calculator adds numbers FAILED"#]),
        Format(
            name: "mocha", command: #"npm test"#,
            output: #"""
                > calc@1.0.0 test
                > mocha

                  Array
                    #indexOf()
                      ✔ should return the index when present
                      1) should return -1 when the value is not present


                  1 passing (9ms)
                  1 failing

                  1) Array
                       #indexOf()
                         should return -1 when the value is not present:

                      AssertionError [ERR_ASSERTION]: 0 == -1
                      + expected - actual

                      -0
                      +-1
                      
                      at Context.<anonymous> (test/test.js:5:14)
                      at process.processImmediate (node:internal/timers:476:21)
                """#,
            names: [#"      1) should return -1 when the value is not present"#, #"  1) Array"#]),
        Format(
            name: "node-test", command: #"node --test"#,
            output: #"""
                ✔ parses empty input (0.5ms)
                ✖ adds numbers (1.2ms)
                  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:

                  4 !== 5

                      at TestContext.<anonymous> (file:///home/runner/work/calc/calc/test/calc.test.js:6:10)
                      at Test.runInAsyncScope (node:async_hooks:206:9)
                  {
                    generatedMessage: true,
                    code: 'ERR_ASSERTION',
                    actual: 4,
                    expected: 5,
                    operator: 'strictEqual'
                  }

                ℹ tests 2
                ℹ suites 0
                ℹ pass 1
                ℹ fail 1
                ℹ cancelled 0
                ℹ skipped 0
                ℹ todo 0
                ℹ duration_ms 45.1

                ✖ failing tests:

                test at file:///home/runner/work/calc/calc/test/calc.test.js:4:1
                ✖ adds numbers (1.2ms)
                  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
                """#,
            names: [#"✖ adds numbers (1.2ms)"#, #"✖ adds numbers (1.2ms)"#]),
        Format(
            name: "playwright", command: #"npx playwright test"#,
            output: #"""
                Running 6 tests using 2 workers

                  ✓  1 [chromium] › tests/home.spec.ts:3:5 › shows the title (1.2s)
                  ✘  2 [chromium] › tests/cart.spec.ts:8:5 › adds an item (5.1s)
                  ✓  3 [firefox] › tests/home.spec.ts:3:5 › shows the title (1.5s)

                  1) [chromium] › tests/cart.spec.ts:8:5 › adds an item ────────────────────────────────────────

                    Error: Timed out 5000ms waiting for expect(locator).toHaveText(expected)

                    Locator: getByTestId('count')
                    Expected string: "1"
                    Received string: "0"

                       9 |   await page.getByRole('button', { name: 'Add' }).click();
                    > 10 |   await expect(page.getByTestId('count')).toHaveText('1');
                         |                                           ^
                      11 | });

                        at /home/runner/work/shop/shop/tests/cart.spec.ts:10:43

                  1 failed
                    [chromium] › tests/cart.spec.ts:8:5 › adds an item ─────────────────────────────────────────
                  5 passed (12.3s)
                """#,
            names: [
                #"  ✘  2 [chromium] › tests/cart.spec.ts:8:5 › adds an item (5.1s)"#,
                #"  1) [chromium] › tests/cart.spec.ts:8:5 › adds an item ────────────────────────────────────────"#,
            ]),
        Format(
            name: "vitest", command: #"npx vitest run"#,
            output: #"""
                 RUN  v1.2.0 /home/runner/work/calc/calc

                 ✓ src/parse.test.ts (3 tests) 2ms
                 ❯ src/sum.test.ts (2 tests | 1 failed) 5ms
                   × sum > adds numbers
                     → expected 4 to be 3

                ⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

                 FAIL  src/sum.test.ts > sum > adds numbers
                AssertionError: expected 4 to be 3 // Object.is equality

                - Expected
                + Received

                - 3
                + 4

                 ❯ src/sum.test.ts:5:22

                 Test Files  1 failed | 1 passed (2)
                      Tests  1 failed | 4 passed (5)
                """#,
            names: [#"   × sum > adds numbers"#, #" FAIL  src/sum.test.ts > sum > adds numbers"#]),
        Format(
            name: "jest-many", command: #"npm test -- --ci"#,
            output: #"""
                > store@1.0.0 test
                > jest --ci

                PASS src/components/Widget0.test.js
                PASS src/components/Widget1.test.js
                PASS src/components/Widget2.test.js
                PASS src/components/Widget3.test.js
                PASS src/components/Widget4.test.js
                PASS src/components/Widget5.test.js
                PASS src/components/Widget6.test.js
                PASS src/components/Widget7.test.js
                PASS src/components/Widget8.test.js
                PASS src/components/Widget9.test.js
                PASS src/components/Widget10.test.js
                PASS src/components/Widget11.test.js
                PASS src/components/Widget12.test.js
                PASS src/components/Widget13.test.js
                PASS src/components/Widget14.test.js
                PASS src/components/Widget15.test.js
                PASS src/components/Widget16.test.js
                PASS src/components/Widget17.test.js
                PASS src/components/Widget18.test.js
                PASS src/components/Widget19.test.js
                PASS src/components/Widget20.test.js
                PASS src/components/Widget21.test.js
                PASS src/components/Widget22.test.js
                PASS src/components/Widget23.test.js
                PASS src/components/Widget24.test.js
                  ● Console

                    console.error
                      Warning: An update to Cart inside a test was not wrapped in act(...).

                      at printWarning (node_modules/react-dom/cjs/react-dom.development.js:86:30)
                      at error (node_modules/react-dom/cjs/react-dom.development.js:60:7)

                FAIL src/cart/Cart.test.js
                  ● Cart › shows the total

                    expect(received).toHaveTextContent()

                    Expected element to have text content:
                      $10.00
                    Received:
                      $0.00

                      18 |     render(<Cart items={items} />);
                    > 19 |     expect(screen.getByTestId('total')).toHaveTextContent('$10.00');
                         |                                         ^

                      at Object.<anonymous> (src/cart/Cart.test.js:19:41)

                PASS src/pages/Page0.test.js
                PASS src/pages/Page1.test.js
                PASS src/pages/Page2.test.js
                PASS src/pages/Page3.test.js
                PASS src/pages/Page4.test.js
                PASS src/pages/Page5.test.js
                PASS src/pages/Page6.test.js
                PASS src/pages/Page7.test.js
                PASS src/pages/Page8.test.js
                PASS src/pages/Page9.test.js

                Test Suites: 1 failed, 35 passed, 36 total
                Tests:       1 failed, 140 passed, 141 total
                Snapshots:   3 passed, 3 total
                Time:        14.2 s
                Ran all test suites.
                """#,
            names: [#"● Cart › shows the total"#]),
        Format(
            name: "jest-suite-failed", command: #"npm test"#,
            output: #"""
                > store@1.0.0 test
                > jest

                PASS src/a.test.js
                FAIL src/b.test.js
                  ● Test suite failed to run

                    Cannot find module './missing' from 'src/b.test.js'

                      1 | import { thing } from './missing';
                        | ^

                      at Resolver._throwModNotFoundError (node_modules/jest-resolve/build/resolver.js:427:11)

                Test Suites: 1 failed, 1 passed, 2 total
                Tests:       3 passed, 3 total
                """#,
            names: [#"● Test suite failed to run"#]),
    ]
}
