package org.enrollnotifier.directory;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLSocketVerifier;
import javax.net.ssl.SSLSocket;

/**
 * Verifies that the server certificate names the host connected to, and remembers a refusal: the SDK
 * reports it as a bare local error, which would leave the operator guessing.
 */
final class HostNameCheck extends SSLSocketVerifier {

    private final HostNameSSLSocketVerifier verifier = new HostNameSSLSocketVerifier(true);
    private volatile boolean rejected;

    @Override
    public void verifySSLSocket(String host, int port, SSLSocket sslSocket) throws LDAPException {
        try {
            verifier.verifySSLSocket(host, port, sslSocket);
        } catch (LDAPException e) {
            rejected = true;
            throw e;
        }
    }

    boolean rejected() {
        return rejected;
    }
}
