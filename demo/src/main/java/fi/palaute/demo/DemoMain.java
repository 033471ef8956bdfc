package fi.palaute.demo;

import java.io.PrintStream;

/**
 * {@code java -jar demo/target/palaute-demo.jar [--once]}: the whole Palaute loop on a local SQLite file
 * against stand-ins of Zendesk, Freshdesk and Slack. Without {@code --once} it keeps serving until
 * Ctrl-C, so a rating page can be tried in a browser.
 */
public final class DemoMain {
    private DemoMain() {}

    public static void main(String[] args) throws Exception {
        boolean once = java.util.Arrays.asList(args).contains("--once");
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println("usage: java -jar palaute-demo.jar [--once]   (--once: run the loop, print, and exit)");
            return;
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The stand-ins' web server talks about its own tuning; not what the demo is about.
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "error");
        PrintStream out = System.out;
        Demo demo = new Demo(out);
        if (once) {
            try (demo) {
                demo.run();
            }
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            out.println("Stopping: services, stand-ins and the demo database are going away.");
            demo.close();
        }, "palaute-demo-stop"));
        out.println("(The services keep running after the loop, until Ctrl-C, so the pages can be tried in a browser.)");
        demo.run();
        Thread.currentThread().join();
    }
}
