package org.enrollnotifier.directory;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which source column or attribute fills each {@link UserField}. A field may list several candidate
 * names in order of preference; the first one the source has is used. Names match case-insensitively.
 * Immutable.
 */
public final class FieldMapping {

    /** The LDAP pseudo-attribute that stands for the entry's distinguished name. */
    static final String ENTRY_DN = "dn";

    private static final Map<UserField, List<String>> EXPORT_HEADERS = new EnumMap<>(Map.of(
            UserField.EXTERNAL_ID, List.of("externalId", "objectGUID", "Object ID", "objectId", "id",
                    "distinguishedName", "DN", "entryUUID"),
            UserField.USERNAME, List.of("sAMAccountName", "userPrincipalName", "uid", "username", "User name",
                    "User principal name"),
            UserField.FIRST_NAME, List.of("givenName", "firstName", "First name", "Given name"),
            UserField.LAST_NAME, List.of("sn", "surname", "lastName", "Last name"),
            UserField.DISPLAY_NAME, List.of("displayName", "cn", "name", "Display name"),
            UserField.EMAIL, List.of("mail", "email", "emailAddress", "E-mail"),
            UserField.DEPARTMENT, List.of("department"),
            UserField.ENROLLED_TYPES, List.of("enrolledTypes", "Enrolled types", "enrollment"),
            UserField.ENROLLED_AT, List.of("enrolledAt", "Enrolled at")));

    private static final Map<UserField, List<String>> LDAP_ATTRIBUTES = new EnumMap<>(Map.of(
            UserField.EXTERNAL_ID, List.of("entryUUID", "objectGUID", ENTRY_DN),
            UserField.USERNAME, List.of("uid", "sAMAccountName"),
            UserField.FIRST_NAME, List.of("givenName"),
            UserField.LAST_NAME, List.of("sn"),
            UserField.DISPLAY_NAME, List.of("displayName", "cn"),
            UserField.EMAIL, List.of("mail"),
            UserField.DEPARTMENT, List.of("department", "departmentNumber", "ou"),
            UserField.ENROLLED_TYPES, List.of("enrolledTypes"),
            UserField.ENROLLED_AT, List.of("enrolledAt")));

    private final Map<UserField, List<String>> candidates;
    private final Set<UserField> overridden;

    private FieldMapping(Map<UserField, List<String>> candidates, Set<UserField> overridden) {
        this.candidates = Collections.unmodifiableMap(new EnumMap<>(candidates));
        this.overridden = Collections.unmodifiableSet(overridden.isEmpty()
                ? EnumSet.noneOf(UserField.class) : EnumSet.copyOf(overridden));
    }

    /**
     * The common header names of Active Directory exports (PowerShell, csvde), Entra ID's "Download
     * users" and plain lists, to be matched against a file's header by the CSV source.
     */
    public static FieldMapping csvDefault() {
        return new FieldMapping(EXPORT_HEADERS, Set.of());
    }

    /** The usual attributes of inetOrgPerson and Active Directory user entries; "dn" means the entry DN. */
    public static FieldMapping ldapDefault() {
        return new FieldMapping(LDAP_ATTRIBUTES, Set.of());
    }

    /** This mapping with each given field read from exactly the given column or attribute. */
    public FieldMapping withOverrides(Map<UserField, String> overrides) {
        Map<UserField, List<String>> changed = new EnumMap<>(UserField.class);
        changed.putAll(candidates);
        Set<UserField> fields = EnumSet.noneOf(UserField.class);
        fields.addAll(overridden);
        overrides.forEach((field, name) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("The column for " + field.camelCaseName() + " is empty.");
            }
            changed.put(field, List.of(name.trim()));
            fields.add(field);
        });
        return new FieldMapping(changed, fields);
    }

    /**
     * Reads a field name as an operator writes it: the enum name or camelCase, in any case
     * ({@code EMAIL}, {@code email}, {@code firstName}, {@code first_name}).
     */
    public static UserField parseField(String name) {
        String wanted = comparable(name == null ? "" : name);
        for (UserField field : UserField.values()) {
            if (comparable(field.name()).equals(wanted)) {
                return field;
            }
        }
        String valid = Arrays.stream(UserField.values()).map(UserField::camelCaseName)
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Unknown field '" + name + "'; the fields are " + valid + ".");
    }

    /** The names tried for {@code field}, most preferred first; empty when the field is not mapped. */
    public List<String> candidates(UserField field) {
        return candidates.getOrDefault(field, List.of());
    }

    /** The preferred name for {@code field}, e.g. the matched header of an automatic mapping. */
    public Optional<String> source(UserField field) {
        return candidates(field).stream().findFirst();
    }

    /** Fields set by {@link #withOverrides}: the source must have their column. */
    Set<UserField> overriddenFields() {
        return overridden;
    }

    /** For each field, the first candidate {@code names} has, in its spelling there; unmatched fields dropped. */
    FieldMapping resolvedAgainst(List<String> names) {
        Map<UserField, List<String>> resolved = new EnumMap<>(UserField.class);
        candidates.forEach((field, wanted) -> firstPresent(wanted, names)
                .ifPresent(name -> resolved.put(field, List.of(name))));
        return new FieldMapping(resolved, overridden);
    }

    /** Index in {@code headers} of each field's column; fields without a column are absent. */
    Map<UserField, Integer> columnsIn(List<String> headers) {
        Map<UserField, Integer> columns = new EnumMap<>(UserField.class);
        resolvedAgainst(headers).candidates.forEach((field, name) -> columns.put(field, headers.indexOf(name.get(0))));
        return columns;
    }

    private static Optional<String> firstPresent(List<String> wanted, List<String> names) {
        for (String candidate : wanted) {
            for (String name : names) {
                if (name.equalsIgnoreCase(candidate)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static String comparable(String name) {
        return name.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }
}
