package org.enrollnotifier.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * A self-signed certificate made by a test for the loopback address only (so a connection by host
 * name must fail verification), and the TLS a test server and a client trusting it explicitly use.
 */
public final class LoopbackCertificate {

    private static final char[] KEY_STORE_PIN = "changeit-test".toCharArray();
    private static final String ALIAS = "server-cert";
    private static final String TYPE = "PKCS12";

    private final Path keyStore;

    private LoopbackCertificate(Path keyStore) {
        this.keyStore = keyStore;
    }

    /** Generates the certificate and its key into a key store in the folder. */
    public static LoopbackCertificate createIn(Path folder) {
        Path keyStore = folder.resolve("server.p12");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(null, output, output,
                "generate-self-signed-certificate",
                "--keystore", keyStore.toString(),
                "--keystore-password", new String(KEY_STORE_PIN),
                "--keystore-type", TYPE,
                "--alias", ALIAS,
                "--subject-dn", "CN=127.0.0.1,O=Enroll Notifier Test",
                "--subject-alternative-name-ip-address", "127.0.0.1",
                "--days-valid", "2",
                "--key-algorithm", "RSA",
                "--key-size-bits", "2048",
                "--signature-algorithm", "SHA256withRSA",
                "--extended-key-usage", "server-auth");
        assertEquals(ResultCode.SUCCESS, result, output::toString);
        return new LoopbackCertificate(keyStore);
    }

    /** TLS for the server: it presents this certificate. */
    public SSLUtil serverTls() throws GeneralSecurityException {
        return new SSLUtil(new KeyStoreKeyManager(keyStore.toFile(), KEY_STORE_PIN, TYPE, ALIAS), trustedByClient());
    }

    /** What a client that was told to trust this certificate checks servers with. */
    public TrustStoreTrustManager trustedByClient() {
        return new TrustStoreTrustManager(keyStore.toFile(), KEY_STORE_PIN, TYPE, true);
    }
}
