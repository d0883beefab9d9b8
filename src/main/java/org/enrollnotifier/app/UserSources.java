package org.enrollnotifier.app;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.enrollnotifier.app.DirectoryImport.UserSource;
import org.enrollnotifier.directory.CsvUserSource;
import org.enrollnotifier.directory.FieldMapping;
import org.enrollnotifier.directory.LdapSettings;
import org.enrollnotifier.directory.LdapSource;
import org.enrollnotifier.directory.LdifUserSource;
import org.enrollnotifier.directory.UserField;

/** The sources users can be imported from, for the window and the command line. */
public final class UserSources {

    /**
     * A live directory to read users from.
     *
     * @param password used for this import only, never stored
     */
    public record LdapQuery(String url, String bindDn, char[] password, String baseDn, String filter,
                            boolean startTls) {
        @Override
        public String toString() {
            return url + " (" + baseDn + ")";
        }
    }

    private UserSources() {
    }

    /**
     * A CSV export, its columns matched automatically, except the given fields.
     *
     * @param columns field name (e.g. {@code email}, {@code firstName}) → column header
     * @throws IllegalArgumentException naming an unknown field
     */
    public static UserSource csv(Path file, Map<String, String> columns) {
        Map<UserField, String> overrides = new EnumMap<>(UserField.class);
        columns.forEach((field, column) -> overrides.put(FieldMapping.parseField(field), column));
        FieldMapping mapping = overrides.isEmpty() ? null : FieldMapping.csvDefault().withOverrides(overrides);
        return new CsvUserSource(file, mapping)::read;
    }

    public static UserSource ldif(Path file) {
        return new LdifUserSource(file, FieldMapping.ldapDefault())::read;
    }

    public static UserSource ldap(LdapQuery query) {
        return new LdapSource(new LdapSettings(query.url(), query.bindDn(), query.password(), query.baseDn(),
                query.filter(), null, null, null, query.startTls()))::read;
    }
}
