extension TestRunnerFormatTests {
    /// Python runners: pytest (failures, setup errors, under tox) and unittest.
    static let python: [Format] = [
        Format(
            name: "pytest-plain", command: #"pytest"#,
            output: #"""
                ============================= test session starts ==============================
                platform linux -- Python 3.12.1, pytest-8.0.0
                collected 12 items

                tests/test_calc.py ..F.........                                          [100%]

                =================================== FAILURES ===================================
                ___________________________________ test_add ___________________________________

                    def test_add():
                >       assert add(2, 3) == 5
                E       assert -1 == 5
                E        +  where -1 = add(2, 3)

                tests/test_calc.py:6: AssertionError
                =========================== short test summary info ============================
                FAILED tests/test_calc.py::test_add - assert -1 == 5
                ========================= 1 failed, 11 passed in 0.05s =========================
                """#,
            names: [
                #"___________________________________ test_add ___________________________________"#, #"FAILED tests/test_calc.py::test_add - assert -1 == 5"#,
            ]),
        Format(
            name: "unittest", command: #"python -m unittest -v"#,
            output: #"""
                test_add (tests.test_calc.CalcTest.test_add) ... FAIL
                test_parse (tests.test_calc.CalcTest.test_parse) ... ok

                ======================================================================
                FAIL: test_add (tests.test_calc.CalcTest.test_add)
                ----------------------------------------------------------------------
                Traceback (most recent call last):
                  File "/home/runner/work/calc/calc/tests/test_calc.py", line 6, in test_add
                    self.assertEqual(add(2, 3), 5)
                AssertionError: 4 != 5

                ----------------------------------------------------------------------
                Ran 2 tests in 0.001s

                FAILED (failures=1)
                """#,
            names: [#"test_add (tests.test_calc.CalcTest.test_add) ... FAIL"#, #"FAIL: test_add (tests.test_calc.CalcTest.test_add)"#]),
        Format(
            name: "pytest-error-setup", command: #"pytest"#,
            output: #"""
                ============================= test session starts ==============================
                platform linux -- Python 3.11.7, pytest-7.4.4, pluggy-1.3.0
                rootdir: /home/runner/work/store/store
                plugins: cov-4.1.0
                collected 48 items

                tests/test_api.py ....................                                   [ 41%]
                tests/test_db.py E.......                                                [ 58%]
                tests/test_models.py ....................                                [100%]

                ==================================== ERRORS ====================================
                _____________________ ERROR at setup of test_connects ______________________

                    @pytest.fixture
                    def db():
                >       return connect(os.environ["DATABASE_URL"])
                E       KeyError: 'DATABASE_URL'

                tests/conftest.py:9: KeyError
                =============================== warnings summary ===============================
                tests/test_api.py::test_list
                  /home/runner/work/store/store/store/api.py:12: DeprecationWarning: datetime.utcnow() is deprecated
                    return datetime.utcnow()

                -- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html
                =========================== short test summary info ============================
                ERROR tests/test_db.py::test_connects - KeyError: 'DATABASE_URL'
                =================== 47 passed, 1 warning, 1 error in 2.31s ====================
                """#,
            names: [
                #"_____________________ ERROR at setup of test_connects ______________________"#,
                #"ERROR tests/test_db.py::test_connects - KeyError: 'DATABASE_URL'"#,
            ]),
        Format(
            name: "tox-pytest", command: #"tox -e py311"#,
            output: #"""
                py311: install_deps> python -I -m pip install pytest
                py311: commands[0]> pytest -q
                ........F..                                                              [100%]
                =================================== FAILURES ===================================
                __________________________________ test_total __________________________________

                    def test_total():
                >       assert total([1, 2]) == 3
                E       assert 4 == 3
                E        +  where 4 = total([1, 2])

                tests/test_cart.py:5: AssertionError
                =========================== short test summary info ============================
                FAILED tests/test_cart.py::test_total - assert 4 == 3
                1 failed, 10 passed in 0.12s
                py311: exit 1 (0.50 seconds) /home/runner/work/store/store> pytest -q pid=2345
                  py311: FAIL code 1 (5.10=setup[4.60]+cmd[0.50] seconds)
                  evaluation failed :( (5.20 seconds)
                """#,
            names: [
                #"__________________________________ test_total __________________________________"#, #"FAILED tests/test_cart.py::test_total - assert 4 == 3"#,
            ]),
    ]
}
