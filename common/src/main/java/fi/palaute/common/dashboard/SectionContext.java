package fi.palaute.common.dashboard;

import fi.palaute.common.http.Request;
import gg.jte.Content;

/** What a {@link DashboardSection} gets for one request: the filter, the language, the session, the templates. */
public record SectionContext(Request request, ViewFilter filter, Messages text, DashboardAuth.Session session,
                             DashboardAuth auth, Templates templates) {

    /** A template of {@code src/main/jte} with its one parameter, as content for the page. */
    public Content template(String name, Object param) {
        return templates.content(name, param);
    }

    /** True when a POSTed form's {@code csrf} field belongs to this session. */
    public boolean csrfValid() {
        return auth.csrfValid(session, request.form().get("csrf"));
    }
}
