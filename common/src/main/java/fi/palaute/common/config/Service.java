package fi.palaute.common.config;

import java.util.Locale;

/** The three service jars. Each reads the settings declared for it in {@link Setting}. */
public enum Service {
    ZENDESK("connector-zendesk", 8081),
    FRESHDESK("connector-freshdesk", 8082),
    SLACK("connector-slack", 8083);

    private final String jar;
    private final int defaultPort;

    Service(String jar, int defaultPort) {
        this.jar = jar;
        this.defaultPort = defaultPort;
    }

    /** The artifact name: {@code connector-zendesk} for {@code connector-zendesk.jar}. */
    public String jar() { return jar; }

    public int defaultPort() { return defaultPort; }

    /** {@code zendesk}, as in metrics labels and the source column. */
    public String id() { return name().toLowerCase(Locale.ROOT); }
}
