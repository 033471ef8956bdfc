package fi.palaute.common.client;

import fi.palaute.common.job.PermanentFailureException;

/**
 * A vendor's answer pointed somewhere other than the configured account (a "next page" link, a URL in a
 * body): it is not followed, so the account's credentials never reach another host. Permanent: the
 * same answer would point there again.
 */
public final class ForeignUrlException extends PermanentFailureException {
    public ForeignUrlException(String vendor, String url, String base) {
        super(vendor + " sent a link to " + url + ", outside the configured " + base
                + " (scheme, host and port must match); not followed, no credentials sent");
    }
}
