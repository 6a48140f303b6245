extension TestRunnerFormatTests {
    /// JVM runners: Maven Surefire (JUnit 4 and 5, errors, multi-module), Gradle, the JUnit console, sbt with scalatest.
    static let jvm: [Format] = [
        Format(
            name: "gradle", command: #"./gradlew test"#,
            output: #"""
                > Task :compileJava
                > Task :compileTestJava
                > Task :test

                CalculatorTest > addsNumbers() FAILED
                    org.opentest4j.AssertionFailedError at CalculatorTest.java:12

                ParserTest > parsesEmpty() PASSED

                3 tests completed, 1 failed

                > Task :test FAILED

                FAILURE: Build failed with an exception.

                * What went wrong:
                Execution failed for task ':test'.
                > There were failing tests. See the report at: file:///home/runner/work/calc/calc/build/reports/tests/test/index.html

                * Try:
                > Run with --scan to get full insights.

                BUILD FAILED in 12s
                4 actionable tasks: 4 executed
                """#,
            names: [#"CalculatorTest > addsNumbers() FAILED"#]),
        Format(
            name: "maven-junit4", command: #"mvn -B test"#,
            output: #"""
                [INFO] Scanning for projects...
                [INFO] Building calc 1.0-SNAPSHOT
                [INFO] --- maven-surefire-plugin:2.22.2:test (default-test) @ calc ---
                [INFO] 
                [INFO] -------------------------------------------------------
                [INFO]  T E S T S
                [INFO] -------------------------------------------------------
                [INFO] Running com.example.ParserTest
                [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.012 s - in com.example.ParserTest
                [INFO] Running com.example.CalculatorTest
                [ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.045 s <<< FAILURE! - in com.example.CalculatorTest
                [ERROR] testAdd(com.example.CalculatorTest)  Time elapsed: 0.005 s  <<< FAILURE!
                java.lang.AssertionError: expected:<5> but was:<4>
                	at org.junit.Assert.fail(Assert.java:89)
                	at org.junit.Assert.failNotEquals(Assert.java:835)
                	at com.example.CalculatorTest.testAdd(CalculatorTest.java:15)

                [INFO] 
                [INFO] Results:
                [INFO] 
                [ERROR] Failures: 
                [ERROR]   CalculatorTest.testAdd:15 expected:<5> but was:<4>
                [INFO] 
                [ERROR] Tests run: 7, Failures: 1, Errors: 0, Skipped: 0
                [INFO] 
                [INFO] ------------------------------------------------------------------------
                [INFO] BUILD FAILURE
                [INFO] ------------------------------------------------------------------------
                [INFO] Total time:  2.345 s
                [INFO] Finished at: 2024-03-01T10:00:08Z
                [INFO] ------------------------------------------------------------------------
                [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test (default-test) on project calc: There are test failures.
                [ERROR] 
                [ERROR] Please refer to /home/runner/work/calc/calc/target/surefire-reports for the individual test results.
                [ERROR] Please refer to dump files (if any exist) [date].dump, [date]-jvmRun[N].dump and [date].dumpstream.
                [ERROR] -> [Help 1]
                [ERROR] 
                [ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
                [ERROR] Re-run Maven using the -X switch to enable full debug logging.
                [ERROR] 
                [ERROR] For more information about the errors and possible solutions, please read the following articles:
                [ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException
                """#,
            names: [
                #"[ERROR] testAdd(com.example.CalculatorTest)  Time elapsed: 0.005 s  <<< FAILURE!"#,
                #"[ERROR]   CalculatorTest.testAdd:15 expected:<5> but was:<4>"#,
            ]),
        Format(
            name: "maven-junit5", command: #"mvn -B verify"#,
            output: #"""
                [INFO] Running com.example.CalculatorTest
                [ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.031 s <<< FAILURE! -- in com.example.CalculatorTest
                [ERROR] com.example.CalculatorTest.addsNumbers -- Time elapsed: 0.010 s <<< FAILURE!
                org.opentest4j.AssertionFailedError: expected: <5> but was: <4>
                	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
                	at com.example.CalculatorTest.addsNumbers(CalculatorTest.java:12)

                [INFO] 
                [INFO] Results:
                [INFO] 
                [ERROR] Failures: 
                [ERROR]   CalculatorTest.addsNumbers:12 expected: <5> but was: <4>
                [INFO] 
                [ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0
                [INFO] 
                [INFO] BUILD FAILURE
                [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project calc: There are test failures.
                """#,
            names: [
                #"[ERROR] com.example.CalculatorTest.addsNumbers -- Time elapsed: 0.010 s <<< FAILURE!"#,
                #"[ERROR]   CalculatorTest.addsNumbers:12 expected: <5> but was: <4>"#,
            ]),
        Format(
            name: "sbt-scalatest", command: #"sbt test"#,
            output: #"""
                [info] CalculatorSpec:
                [info] add
                [info] - should add two numbers *** FAILED ***
                [info]   4 did not equal 5 (CalculatorSpec.scala:8)
                [info] - should parse empty input
                [info] Run completed in 312 milliseconds.
                [info] Total number of tests run: 2
                [info] Suites: completed 1, aborted 0
                [info] Tests: succeeded 1, failed 1, canceled 0, ignored 0, pending 0
                [info] *** 1 TEST FAILED ***
                [error] Failed tests:
                [error] 	calc.CalculatorSpec
                [error] (Test / test) sbt.TestsFailedException: Tests unsuccessful
                [error] Total time: 5 s, completed Mar 1, 2024, 10:00:09 AM
                """#,
            names: [#"[info] - should add two numbers *** FAILED ***"#]),
        Format(
            name: "gradle-multi", command: #"./gradlew build"#,
            output: #"""
                > Task :core:compileJava
                > Task :core:processResources
                > Task :core:classes
                > Task :core:compileTestJava
                > Task :core:test
                > Task :api:compileJava
                > Task :api:processResources
                > Task :api:classes
                > Task :api:compileTestJava
                > Task :api:test
                > Task :web:compileJava
                Note: Some input files use unchecked or unsafe operations.
                Note: Recompile with -Xlint:unchecked for details.
                > Task :web:test

                com.example.web.ControllerTest > returnsNotFound() FAILED
                    java.lang.AssertionError at ControllerTest.java:40

                com.example.web.ControllerTest > handlesError() FAILED
                    org.opentest4j.AssertionFailedError at ControllerTest.java:55

                42 tests completed, 2 failed, 1 skipped

                > Task :web:test FAILED

                Deprecated Gradle features were used in this build, making it incompatible with Gradle 9.0.

                You can use '--warning-mode all' to show the individual deprecation warnings and determine if they come from your own scripts or plugins.

                FAILURE: Build failed with an exception.

                * What went wrong:
                Execution failed for task ':web:test'.
                > There were failing tests. See the report at: file:///home/runner/work/store/store/web/build/reports/tests/test/index.html

                * Try:
                > Run with --stacktrace option to get the stack trace.
                > Run with --info or --debug option to get more log output.
                > Run with --scan to get full insights.

                * Get more help at https://help.gradle.org

                BUILD FAILED in 45s
                25 actionable tasks: 25 executed
                """#,
            names: [#"com.example.web.ControllerTest > returnsNotFound() FAILED"#, #"com.example.web.ControllerTest > handlesError() FAILED"#]),
        Format(
            name: "junit5-console", command: #"java -jar junit-platform-console-standalone.jar -cp build --scan-classpath"#,
            output: #"""
                ╷
                ├─ JUnit Jupiter ✔
                │  └─ CalculatorTest ✔
                │     ├─ addsNumbers() ✘ expected: <5> but was: <4>
                │     └─ parsesEmpty() ✔
                └─ JUnit Vintage ✔

                Failures (1):
                  JUnit Jupiter:CalculatorTest:addsNumbers()
                    MethodSource [className = 'com.example.CalculatorTest', methodName = 'addsNumbers', methodParameterTypes = '']
                    => org.opentest4j.AssertionFailedError: expected: <5> but was: <4>
                       com.example.CalculatorTest.addsNumbers(CalculatorTest.java:12)

                Test run finished after 120 ms
                [         3 containers found      ]
                [         2 tests successful      ]
                [         1 tests failed          ]
                """#,
            names: [#"│     ├─ addsNumbers() ✘ expected: <5> but was: <4>"#, #"JUnit Jupiter:CalculatorTest:addsNumbers()"#]),
        Format(
            name: "maven-errors", command: #"mvn -B test"#,
            output: #"""
                [INFO] Running com.example.Util0Test
                [INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.00 s - in com.example.Util0Test
                [INFO] Running com.example.Util1Test
                [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.01 s - in com.example.Util1Test
                [INFO] Running com.example.Util2Test
                [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.02 s - in com.example.Util2Test
                [INFO] Running com.example.Util3Test
                [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.03 s - in com.example.Util3Test
                [INFO] Running com.example.Util4Test
                [INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.04 s - in com.example.Util4Test
                [INFO] Running com.example.Util5Test
                [INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.05 s - in com.example.Util5Test
                [INFO] Running com.example.Util6Test
                [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.06 s - in com.example.Util6Test
                [INFO] Running com.example.Util7Test
                [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.07 s - in com.example.Util7Test
                [INFO] Running com.example.Util8Test
                [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.08 s - in com.example.Util8Test
                [INFO] Running com.example.Util9Test
                [INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.00 s - in com.example.Util9Test
                [INFO] Running com.example.Util10Test
                [INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.01 s - in com.example.Util10Test
                [INFO] Running com.example.Util11Test
                [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.02 s - in com.example.Util11Test
                [INFO] Running com.example.Util12Test
                [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.03 s - in com.example.Util12Test
                [INFO] Running com.example.Util13Test
                [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.04 s - in com.example.Util13Test
                [INFO] Running com.example.Util14Test
                [INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.05 s - in com.example.Util14Test
                [INFO] Running com.example.Util15Test
                [INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.06 s - in com.example.Util15Test
                [INFO] Running com.example.Util16Test
                [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.07 s - in com.example.Util16Test
                [INFO] Running com.example.Util17Test
                [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.08 s - in com.example.Util17Test
                [INFO] Running com.example.Util18Test
                [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.00 s - in com.example.Util18Test
                [INFO] Running com.example.Util19Test
                [INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.01 s - in com.example.Util19Test
                10:00:05.123 [main] ERROR com.example.RetryClient - request failed, retrying
                java.net.ConnectException: Connection refused
                	at java.base/sun.nio.ch.Net.connect0(Native Method)
                	at com.example.RetryClient.send(RetryClient.java:44)
                	at com.example.RetryClientTest.retriesOnce(RetryClientTest.java:21)
                [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.2 s - in com.example.RetryClientTest
                [INFO] Running com.example.StoreTest
                [ERROR] Tests run: 4, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 0.05 s <<< FAILURE! - in com.example.StoreTest
                [ERROR] savesItem(com.example.StoreTest)  Time elapsed: 0.01 s  <<< ERROR!
                java.lang.NullPointerException: Cannot invoke "com.example.Item.id()" because "item" is null
                	at com.example.Store.save(Store.java:31)
                	at com.example.StoreTest.savesItem(StoreTest.java:18)
                [INFO] Running com.example.Model0Test
                [INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.00 s - in com.example.Model0Test
                [INFO] Running com.example.Model1Test
                [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.01 s - in com.example.Model1Test
                [INFO] Running com.example.Model2Test
                [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.02 s - in com.example.Model2Test
                [INFO] Running com.example.Model3Test
                [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.03 s - in com.example.Model3Test
                [INFO] Running com.example.Model4Test
                [INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.04 s - in com.example.Model4Test
                [INFO] Running com.example.Model5Test
                [INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.05 s - in com.example.Model5Test
                [INFO] Running com.example.Model6Test
                [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.06 s - in com.example.Model6Test
                [INFO] Running com.example.Model7Test
                [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.07 s - in com.example.Model7Test
                [INFO] Running com.example.Model8Test
                [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.08 s - in com.example.Model8Test
                [INFO] Running com.example.Model9Test
                [INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.00 s - in com.example.Model9Test
                [INFO] Running com.example.Model10Test
                [INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.01 s - in com.example.Model10Test
                [INFO] Running com.example.Model11Test
                [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.02 s - in com.example.Model11Test
                [INFO] Running com.example.Model12Test
                [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.03 s - in com.example.Model12Test
                [INFO] Running com.example.Model13Test
                [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.04 s - in com.example.Model13Test
                [INFO] Running com.example.Model14Test
                [INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.05 s - in com.example.Model14Test
                [INFO] 
                [INFO] Results:
                [INFO] 
                [ERROR] Errors: 
                [ERROR]   StoreTest.savesItem:18 » NullPointer Cannot invoke "com.example.Item.id()" because "item" is null
                [INFO] 
                [ERROR] Tests run: 120, Failures: 0, Errors: 1, Skipped: 2
                [INFO] 
                [INFO] ------------------------------------------------------------------------
                [INFO] BUILD FAILURE
                [INFO] ------------------------------------------------------------------------
                [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.2:test (default-test) on project store: There are test failures.
                [ERROR] -> [Help 1]
                """#,
            names: [
                #"[ERROR] savesItem(com.example.StoreTest)  Time elapsed: 0.01 s  <<< ERROR!"#,
                #"[ERROR]   StoreTest.savesItem:18 » NullPointer Cannot invoke "com.example.Item.id()" because "item" is null"#,
            ]),
        Format(
            name: "maven-multimodule", command: #"mvn -B install"#,
            output: #"""
                [INFO] Reactor Build Order:
                [INFO] 
                [INFO] store-parent                                                       [pom]
                [INFO] store-core                                                         [jar]
                [INFO] store-web                                                          [jar]
                [INFO] --- maven-surefire-plugin:3.0.0:test (default-test) @ store-core ---
                [INFO] Running com.example.Core0Test
                [INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.00 s - in com.example.Core0Test
                [INFO] Running com.example.Core1Test
                [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.01 s - in com.example.Core1Test
                [INFO] Running com.example.Core2Test
                [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.02 s - in com.example.Core2Test
                [INFO] Running com.example.Core3Test
                [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.03 s - in com.example.Core3Test
                [INFO] Running com.example.Core4Test
                [INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.04 s - in com.example.Core4Test
                [INFO] Running com.example.Core5Test
                [INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.05 s - in com.example.Core5Test
                [INFO] Running com.example.Core6Test
                [INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.06 s - in com.example.Core6Test
                [INFO] Running com.example.Core7Test
                [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.07 s - in com.example.Core7Test
                [INFO] Running com.example.Core8Test
                [INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.08 s - in com.example.Core8Test
                [INFO] Running com.example.Core9Test
                [INFO] Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.00 s - in com.example.Core9Test
                [INFO] Running com.example.web.ControllerTest
                [ERROR] Tests run: 5, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 1.2 s <<< FAILURE! - in com.example.web.ControllerTest
                [ERROR] com.example.web.ControllerTest.returnsNotFound  Time elapsed: 0.3 s  <<< FAILURE!
                java.lang.AssertionError: Status expected:<404> but was:<200>
                	at org.springframework.test.util.AssertionErrors.fail(AssertionErrors.java:59)
                	at com.example.web.ControllerTest.returnsNotFound(ControllerTest.java:40)
                [INFO] 
                [INFO] Results:
                [INFO] 
                [ERROR] Failures: 
                [ERROR]   ControllerTest.returnsNotFound:40 Status expected:<404> but was:<200>
                [INFO] 
                [ERROR] Tests run: 5, Failures: 1, Errors: 0, Skipped: 0
                [INFO] 
                [INFO] ------------------------------------------------------------------------
                [INFO] Reactor Summary for store-parent 1.0.0-SNAPSHOT:
                [INFO] 
                [INFO] store-parent ....................................... SUCCESS [  0.512 s]
                [INFO] store-core ......................................... SUCCESS [  3.210 s]
                [INFO] store-web .......................................... FAILURE [  5.120 s]
                [INFO] ------------------------------------------------------------------------
                [INFO] BUILD FAILURE
                [INFO] ------------------------------------------------------------------------
                [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.0.0:test (default-test) on project store-web: There are test failures.
                [ERROR] 
                [ERROR] Please refer to /home/runner/work/store/store/store-web/target/surefire-reports for the individual test results.
                [ERROR] -> [Help 1]
                [ERROR] 
                [ERROR] After correcting the problems, you can resume the build with the command
                [ERROR]   mvn <args> -rf :store-web
                """#,
            names: [
                #"[ERROR] com.example.web.ControllerTest.returnsNotFound  Time elapsed: 0.3 s  <<< FAILURE!"#,
                #"[ERROR]   ControllerTest.returnsNotFound:40 Status expected:<404> but was:<200>"#,
            ]),
        // Ant's `junit` task with the plain formatter: every task line under `[junit]` in Ant's twelve-column
        // prefix; each test case on a `Testcase:` line, a failing one followed by a bare `FAILED` or `Caused an ERROR`.
        Format(
            name: "ant-junit-plain", command: #"ant test"#,
            output: #"""
                Buildfile: /home/runner/work/ledger/ledger/build.xml

                compile:
                    [javac] Compiling 42 source files to /home/runner/work/ledger/ledger/build/classes

                test:
                    [junit] Testsuite: org.ledger.BalanceTest
                    [junit] Tests run: 3, Failures: 1, Errors: 1, Skipped: 0, Time elapsed: 0.412 sec
                    [junit] ------------- Standard Output ---------------
                    [junit] opening ledger in memory
                    [junit] ------------- ---------------- ---------------
                    [junit] 
                    [junit] Testcase: sumsEntries took 0.012 sec
                    [junit] Testcase: roundsToCents took 0.004 sec
                    [junit] \#tFAILED
                    [junit] expected:<10.01> but was:<10.0>
                    [junit] junit.framework.AssertionFailedError: expected:<10.01> but was:<10.0>
                    [junit] \#tat org.ledger.BalanceTest.roundsToCents(BalanceTest.java:31)
                    [junit] 
                    [junit] Testcase: readsEmptyFile took 0.021 sec
                    [junit] \#tCaused an ERROR
                    [junit] null
                    [junit] java.lang.NullPointerException
                    [junit] \#tat org.ledger.Reader.read(Reader.java:18)
                    [junit] \#tat org.ledger.BalanceTest.readsEmptyFile(BalanceTest.java:44)
                    [junit] 
                    [junit] Test org.ledger.BalanceTest FAILED

                BUILD FAILED
                /home/runner/work/ledger/ledger/build.xml:61: Test org.ledger.BalanceTest failed

                Total time: 3 seconds
                """#,
            names: [#"    [junit] Testcase: roundsToCents took 0.004 sec"#, #"    [junit] Testcase: readsEmptyFile took 0.021 sec"#]),
        // The JUnit Platform console launcher run by Ant (`[java]`, `[junitlauncher]`): its `Failures (N):` summary
        // lists each failing test as `Engine:Class:method()`, above `Test run finished after`.
        Format(
            name: "ant-junit-platform-console", command: #"ant -Dtest.details=summary test"#,
            output: #"""
                test:
                    [mkdir] Created dir: /home/runner/work/atlas/atlas/build/test-results
                     [java] atlas test setup: tiles cache in /tmp/atlas-cache
                     [java] 
                     [java] Failures (2):
                     [java]   JUnit Jupiter:TileCacheTest:evictsOldest()
                     [java]     MethodSource [className = 'org.atlas.TileCacheTest', methodName = 'evictsOldest', methodParameterTypes = '']
                     [java]     => org.opentest4j.AssertionFailedError: expected: <3> but was: <4>
                     [java]        org.atlas.TileCacheTest.evictsOldest(TileCacheTest.java:57)
                     [java]        [...]
                     [java]   JUnit Jupiter:ProjectionTest:wrapsLongitude()
                     [java]     MethodSource [className = 'org.atlas.ProjectionTest', methodName = 'wrapsLongitude', methodParameterTypes = '']
                     [java]     => java.lang.IllegalArgumentException: longitude 181.0
                     [java]        org.atlas.Projection.wrap(Projection.java:22)
                     [java]        [...]
                     [java] 
                     [java] Test run finished after 2310 ms
                     [java] [        12 containers found      ]
                     [java] [       140 tests successful      ]
                     [java] [         2 tests failed          ]
                     [java] 

                BUILD FAILED
                /home/runner/work/atlas/atlas/build.xml:88: Java returned: 1

                Total time: 9 seconds
                """#,
            names: [#"     [java]   JUnit Jupiter:TileCacheTest:evictsOldest()"#, #"     [java]   JUnit Jupiter:ProjectionTest:wrapsLongitude()"#]),
    ]
}
