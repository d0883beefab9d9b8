package org.enrollnotifier.directory;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to read users from an LDAP directory.
 *
 * @param url             ldap://host[:port] or ldaps://host[:port]
 * @param bindDn          null or blank for an anonymous search
 * @param password        the bind password; the caller may clear the array once the import is done
 * @param baseDn          where the subtree search starts
 * @param filter          null or blank for {@value #DEFAULT_FILTER}
 * @param mapping         null for {@link FieldMapping#ldapDefault()}
 * @param connectTimeout  null for {@link #DEFAULT_CONNECT_TIMEOUT}
 * @param responseTimeout null for {@link #DEFAULT_RESPONSE_TIMEOUT}; applies to each request, not the whole import
 * @param startTls        upgrade an ldap:// connection with StartTLS before binding
 */
public record LdapSettings(
        String url,
        String bindDn,
        char[] password,
        String baseDn,
        String filter,
        FieldMapping mapping,
        Duration connectTimeout,
        Duration responseTimeout,
        boolean startTls) {

    public static final String DEFAULT_FILTER = "(objectClass=person)";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    public LdapSettings {
        Objects.requireNonNull(url, "url");
        bindDn = bindDn == null ? "" : bindDn.strip();
        password = password == null ? new char[0] : password;
        baseDn = baseDn == null ? "" : baseDn.strip();
        filter = filter == null || filter.isBlank() ? DEFAULT_FILTER : filter.strip();
        mapping = Objects.requireNonNullElseGet(mapping, FieldMapping::ldapDefault);
        connectTimeout = Objects.requireNonNullElse(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        responseTimeout = Objects.requireNonNullElse(responseTimeout, DEFAULT_RESPONSE_TIMEOUT);
    }

    /** Everything but the password, so the settings can be logged. */
    @Override
    public String toString() {
        return "LdapSettings[url=" + url + ", bindDn=" + bindDn + ", baseDn=" + baseDn + ", filter=" + filter
                + ", startTls=" + startTls + "]";
    }
}
