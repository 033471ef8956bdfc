package fi.palaute.common.dashboard;

import gg.jte.Content;

/**
 * The seam through which another part of Palaute fills a dashboard page (follow-ups, experiments): it
 * renders its content for one request, and the dashboard puts it inside its layout, signed in, with the
 * navigation. Until one is registered the page says plainly that there is nothing of that kind yet.
 *
 * <p>A section writes its own jte template (in {@code src/main/jte}, compiled at build time) and renders it
 * with {@link SectionContext#template}; a form that changes something carries
 * {@code context.session().csrf()} as the field {@code csrf}, which {@link SectionContext#csrfValid} checks.
 */
@FunctionalInterface
public interface DashboardSection {
    Content render(SectionContext context) throws Exception;
}
