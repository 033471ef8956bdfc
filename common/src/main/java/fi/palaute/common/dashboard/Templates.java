package fi.palaute.common.dashboard;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.Content;
import gg.jte.output.StringOutput;

/**
 * The dashboard's jte templates, compiled to classes at build time (jte-maven-plugin, package
 * {@value #PACKAGE}): the running service loads them like any class, with no compiler and no writable
 * directory. Html mode escapes every value by its context (text, attribute, URL).
 */
public final class Templates {
    static final String PACKAGE = "fi.palaute.common.dashboard.jte";
    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

    public String render(String name, Object param) {
        StringOutput out = new StringOutput(8192);
        engine.render(name, param, out);
        return out.toString();
    }

    public Content content(String name, Object param) {
        return output -> engine.render(name, param, output);
    }
}
