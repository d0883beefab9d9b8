package org.enrollnotifier.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.testkit.LoopbackCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StartTLS and LDAPS against a directory whose certificate was made by the test, trusted only when told to. */
class LdapTlsTest {

    private static final String BASE_DN = "dc=south,dc=test";
    private static final String READER_DN = "cn=reader,dc=south,dc=test";
    private static final String READER_PASSWORD = "Tls-Only-Pa55";

    @TempDir
    Path folder;

    private LoopbackCertificate certificate;
    private InMemoryDirectoryServer server;

    @BeforeEach
    void startDirectoryWithSelfSignedCertificate() throws Exception {
        certificate = LoopbackCertificate.createIn(folder);
        SSLUtil serverTls = certificate.serverTls();
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig(
                        "ldap", InetAddress.getLoopbackAddress(), 0, serverTls.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                        serverTls.createSSLServerSocketFactory(), serverTls.createSSLSocketFactory()));
        config.addAdditionalBindCredentials(READER_DN, READER_PASSWORD);
        server = new InMemoryDirectoryServer(config);
        server.add(new Entry("dn: " + BASE_DN, "objectClass: domain", "dc: south"));
        server.add(new Entry("dn: uid=ann," + BASE_DN, "objectClass: inetOrgPerson", "uid: ann", "cn: Ann Lee",
                "sn: Lee", "mail: ann.lee@south.test"));
        server.startListening();
    }

    @AfterEach
    void stopDirectory() {
        server.shutDown(true);
    }

    @Test
    void startTlsWorksWithTheCertificateTrustedExplicitly() throws Exception {
        RecordingSink sink = new RecordingSink();

        new LdapSource(settings("127.0.0.1"), trustingTheTestCertificate()).read(sink);

        assertEquals(List.of("ann"), sink.users.stream().map(DirectoryUser::username).toList());
    }

    @Test
    void ldapsWorksWithTheCertificateTrustedExplicitly() throws Exception {
        LdapSettings settings = new LdapSettings("ldaps://127.0.0.1:" + server.getListenPort("ldaps"), READER_DN,
                READER_PASSWORD.toCharArray(), BASE_DN, null, null, null, null, false);
        RecordingSink sink = new RecordingSink();

        new LdapSource(settings, trustingTheTestCertificate()).read(sink);

        assertEquals(List.of("ann"), sink.users.stream().map(DirectoryUser::username).toList());
    }

    @Test
    void defaultTrustStoreRejectsTheSelfSignedCertificate() {
        ImportFailure failure = assertThrows(ImportFailure.class,
                () -> new LdapSource(settings("127.0.0.1")).read(new RecordingSink()));

        assertEquals("Cannot connect securely to ldap://127.0.0.1:" + server.getListenPort("ldap")
                + ": its certificate is not trusted by this computer.", failure.getMessage());
    }

    @Test
    void trustedCertificateForAnotherNameIsRejected() {
        ImportFailure failure = assertThrows(ImportFailure.class,
                () -> new LdapSource(settings("localhost"), trustingTheTestCertificate()).read(new RecordingSink()));

        assertEquals("Cannot connect securely to ldap://localhost:" + server.getListenPort("ldap")
                + ": its certificate is not issued for the host name in the URL.",
                failure.getMessage());
    }

    private LdapSettings settings(String host) {
        return new LdapSettings("ldap://" + host + ":" + server.getListenPort("ldap"), READER_DN,
                READER_PASSWORD.toCharArray(), BASE_DN, null, null, Duration.ofSeconds(5), Duration.ofSeconds(10), true);
    }

    private TrustStoreTrustManager trustingTheTestCertificate() {
        return certificate.trustedByClient();
    }
}
