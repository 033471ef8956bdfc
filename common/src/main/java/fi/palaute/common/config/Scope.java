package fi.palaute.common.config;

import java.util.EnumSet;
import java.util.Set;

/** Which services read a setting; also the section it is listed under in docs/settings.md. */
public enum Scope {
    ALL("All services", EnumSet.allOf(Service.class)),
    SURVEY("Survey connectors (Zendesk, Freshdesk)", EnumSet.of(Service.ZENDESK, Service.FRESHDESK)),
    ZENDESK("Zendesk connector", EnumSet.of(Service.ZENDESK)),
    FRESHDESK("Freshdesk connector", EnumSet.of(Service.FRESHDESK)),
    SLACK("Slack connector", EnumSet.of(Service.SLACK));

    private final String title;
    private final Set<Service> services;

    Scope(String title, Set<Service> services) {
        this.title = title;
        this.services = services;
    }

    public String title() { return title; }

    public boolean includes(Service service) { return services.contains(service); }
}
