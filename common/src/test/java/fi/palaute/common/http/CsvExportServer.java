package fi.palaute.common.http;

import fi.palaute.common.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The admin API alone on a database, for {@link ResponsesCsvSmallHeapTest}, which runs it in its own
 * JVM with a small heap: {@code CsvExportServer <jdbc url> <admin token>}. Prints the port, then serves
 * until its standard input closes.
 */
public final class CsvExportServer {
    private CsvExportServer() {}

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(args[0], null, null)) {
            HttpService.Builder b = HttpService.builder().port(0).host("127.0.0.1");
            new AdminApi(db, Optional.of(args[1]), Clock.systemUTC(), Duration.ofHours(4)).register(b);
            HttpService http = b.build().start();
            System.out.println("port " + http.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the test closes our input
            }
            http.stop(0);
        }
    }
}
