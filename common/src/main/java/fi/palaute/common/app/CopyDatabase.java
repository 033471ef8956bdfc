package fi.palaute.common.app;

import fi.palaute.common.store.Database;
import fi.palaute.common.store.DatabaseCopy;
import java.util.Map;

/**
 * {@code java -cp connector-zendesk.jar fi.palaute.common.app.CopyDatabase FROM_URL TO_URL}: moves a
 * deployment from its SQLite file to PostgreSQL (stop the services first). Credentials for the target
 * come from PALAUTE_DB_USER and PALAUTE_DB_PASSWORD or the URL.
 */
public final class CopyDatabase {
    private CopyDatabase() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp connector-zendesk.jar fi.palaute.common.app.CopyDatabase "
                    + "jdbc:sqlite:palaute.db jdbc:postgresql://host/palaute");
            System.exit(2);
        }
        Map<String, String> env = System.getenv();
        try (Database from = Database.open(args[0], null, null);
             Database to = Database.open(args[1], env.get("PALAUTE_DB_USER"), env.get("PALAUTE_DB_PASSWORD"))) {
            DatabaseCopy.copy(from, to).forEach((table, rows) -> System.out.printf("%-16s %d rows%n", table, rows));
            System.out.println("copied " + from.displayUrl() + " -> " + to.displayUrl());
        } catch (RuntimeException e) {
            System.err.println("palaute: copy failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
