/**
 * The survey a customer sees: templates (bundled en/fi plus a custom folder), the
 * rating links embedded in the ticket reply, and the rating page behind those links.
 *
 * <p>Nothing here records answers or signs tokens; callers pass in URLs, paths and
 * nonces they have already made, so this package only turns words into markup.
 */
package fi.palaute.common.survey;
