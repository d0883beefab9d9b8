package org.enrollnotifier.directory;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.net.SocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Users from an LDAP directory (OpenLDAP, Active Directory, …), read with simple paged results so that
 * a directory of any size streams through a page at a time.
 */
public final class LdapSource {

    /** Below Active Directory's MaxPageSize of 1000, so one page never hits the server's own limit. */
    public static final int PAGE_SIZE = 500;

    private static final String LDAPS = "ldaps";

    private final LdapSettings settings;
    private final X509TrustManager trustManager;

    /** Trusts the certificates the JVM's default trust store trusts. */
    public LdapSource(LdapSettings settings) {
        this(settings, JVMDefaultTrustManager.getInstance());
    }

    /** @param trustManager decides which server certificates to trust, e.g. an organisation's own CA */
    public LdapSource(LdapSettings settings, X509TrustManager trustManager) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
    }

    public void read(ImportSink sink) throws ImportFailure {
        LDAPURL url = parseUrl();
        String location = url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
        HostNameCheck hostNameCheck = new HostNameCheck();
        LdapErrors errors = new LdapErrors(location, settings, hostNameCheck);
        Filter filter = parseFilter();
        UserImport run = new UserImport(location, sink);
        SSLUtil ssl = new SSLUtil(trustManager);
        try (LDAPConnection connection = connect(url, ssl, hostNameCheck, errors)) {
            bind(connection, errors);
            search(connection, filter, run, errors);
        }
        run.finish();
    }

    private LDAPURL parseUrl() throws ImportFailure {
        LDAPURL url;
        try {
            url = new LDAPURL(settings.url().strip());
        } catch (LDAPException e) {
            throw new ImportFailure("\"" + settings.url() + "\" is not an LDAP URL such as ldap://host:389 or "
                    + "ldaps://host:636.", e);
        }
        if (!url.hostProvided()) {
            throw new ImportFailure("The LDAP URL \"" + settings.url() + "\" names no host.");
        }
        if (settings.startTls() && url.getScheme().equals(LDAPS)) {
            throw new ImportFailure("StartTLS applies to ldap:// URLs; \"" + settings.url()
                    + "\" is already encrypted.");
        }
        return url;
    }

    private Filter parseFilter() throws ImportFailure {
        try {
            return Filter.create(settings.filter());
        } catch (LDAPException e) {
            throw new ImportFailure("The search filter \"" + settings.filter() + "\" is not a valid LDAP filter.", e);
        }
    }

    private LDAPConnection connect(LDAPURL url, SSLUtil ssl, HostNameCheck hostNameCheck, LdapErrors errors)
            throws ImportFailure {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(Math.toIntExact(settings.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setSSLSocketVerifier(hostNameCheck);
        options.setFollowReferrals(false);
        LDAPConnection connection;
        try {
            SocketFactory sockets = url.getScheme().equals(LDAPS) ? ssl.createSSLSocketFactory() : null;
            connection = new LDAPConnection(sockets, options, url.getHost(), url.getPort());
        } catch (GeneralSecurityException e) {
            throw errors.tls(e);
        } catch (LDAPException e) {
            throw errors.connect(e);
        }
        if (settings.startTls()) {
            startTls(connection, ssl, errors);
        }
        return connection;
    }

    private static void startTls(LDAPConnection connection, SSLUtil ssl, LdapErrors errors) throws ImportFailure {
        try {
            ExtendedResult result = connection.processExtendedOperation(
                    new StartTLSExtendedRequest(ssl.createSSLContext()));
            if (result.getResultCode() != ResultCode.SUCCESS) {
                connection.close();
                throw errors.startTlsRefused(result.getResultCode());
            }
        } catch (GeneralSecurityException e) {
            connection.close();
            throw errors.tls(e);
        } catch (LDAPException e) {
            connection.close();
            throw errors.connect(e);
        }
    }

    private void bind(LDAPConnection connection, LdapErrors errors) throws ImportFailure {
        if (settings.bindDn().isEmpty()) {
            return;
        }
        if (settings.password().length == 0) {
            throw new ImportFailure("No password was given for the bind DN \"" + settings.bindDn() + "\".");
        }
        byte[] password = utf8(settings.password());
        try {
            connection.bind(new SimpleBindRequest(settings.bindDn(), password));
        } catch (LDAPException e) {
            throw errors.bind(e);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private void search(LDAPConnection connection, Filter filter, UserImport run, LdapErrors errors)
            throws ImportFailure {
        String[] attributes = EntryValues.requested(settings.mapping());
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB, filter, attributes);
            request.addControl(new SimplePagedResultsControl(PAGE_SIZE, cookie));
            SearchResult page;
            try {
                page = connection.search(request);
            } catch (LDAPException e) {
                throw errors.search(e);
            }
            for (SearchResultEntry entry : page.getSearchEntries()) {
                run.checkCancelled();
                run.row(entry.getDN(), EntryValues.of(entry, settings.mapping()));
            }
            cookie = nextCookie(page, errors);
        } while (cookie != null);
    }

    /** Null when the server sent the last page, or does not page at all. */
    private static ASN1OctetString nextCookie(SearchResult page, LdapErrors errors) throws ImportFailure {
        try {
            SimplePagedResultsControl response = SimplePagedResultsControl.get(page);
            return response != null && response.moreResultsToReturn() ? response.getCookie() : null;
        } catch (LDAPException e) {
            throw errors.search(e);
        }
    }

    /** Encoded without a String, so the password lingers nowhere the caller cannot clear. */
    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
