package org.enrollnotifier.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.enrollnotifier.model.DirectoryUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StartTLS and LDAPS against a directory whose certificate was made by the test, trusted only when told to. */
class LdapTlsTest {

    private static final String BASE_DN = "dc=south,dc=test";
    private static final String READER_DN = "cn=reader,dc=south,dc=test";
    private static final String READER_PASSWORD = "Tls-Only-Pa55";
    private static final char[] KEY_STORE_PIN = "changeit-test".toCharArray();
    private static final String ALIAS = "server-cert";

    @TempDir
    Path folder;

    private Path keyStore;
    private InMemoryDirectoryServer server;

    @BeforeEach
    void startDirectoryWithSelfSignedCertificate() throws Exception {
        keyStore = folder.resolve("server.p12");
        generateCertificateFor127001(keyStore);
        SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), KEY_STORE_PIN, "PKCS12", ALIAS),
                trustingTheTestCertificate());
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
        return new TrustStoreTrustManager(keyStore.toFile(), KEY_STORE_PIN, "PKCS12", true);
    }

    /** Only the loopback address in the certificate, so a connection by host name must fail verification. */
    private static void generateCertificateFor127001(Path keyStore) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(null, output, output,
                "generate-self-signed-certificate",
                "--keystore", keyStore.toString(),
                "--keystore-password", new String(KEY_STORE_PIN),
                "--keystore-type", "PKCS12",
                "--alias", ALIAS,
                "--subject-dn", "CN=127.0.0.1,O=Enroll Notifier Test",
                "--subject-alternative-name-ip-address", "127.0.0.1",
                "--days-valid", "2",
                "--key-algorithm", "RSA",
                "--key-size-bits", "2048",
                "--signature-algorithm", "SHA256withRSA",
                "--extended-key-usage", "server-auth");
        assertEquals(ResultCode.SUCCESS, result, output::toString);
    }
}
