package org.enrollnotifier.model;

/**
 * A record an import kept with a gap, or skipped.
 *
 * @param location where in the source: "line 12" for a file's record, the entry DN for LDIF and LDAP
 * @param field    the field concerned, or "" for the whole record
 * @param reason   a plain sentence fragment for the operator, e.g. "is missing; row skipped"
 */
public record ImportProblem(String location, String field, String reason) {
}
