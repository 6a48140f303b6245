import Testing

@testable import QueuePostgres

@Suite struct SQLScriptTests {
    @Test func statements_splitAtSemicolonsOutsideQuotesDollarBodiesAndComments() {
        let script = """
            -- a comment; not a statement
            CREATE TABLE a (x TEXT DEFAULT ';');
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO a VALUES ('x;y');
                RETURN NULL;
            END $$;
            SELECT "odd;name" FROM a
            """
        let statements = SQLScript.statements(script)
        #expect(statements.count == 3)
        #expect(statements[1].hasPrefix("CREATE FUNCTION") && statements[1].hasSuffix("END $$"))
        #expect(statements[2] == #"SELECT "odd;name" FROM a"#)
    }

    @Test func everyShippedMigration_splitsIntoStatementsThatEachStartWithAKeyword() {
        for migration in PostgresMigrations.all {
            for statement in SQLScript.statements(migration.sql) {
                #expect(["CREATE", "INSERT", "ALTER", "DROP", "UPDATE"].contains { statement.hasPrefix($0) }, "\(migration.id): \(statement.prefix(60))")
            }
        }
    }
}
