package org.enrollnotifier.directory;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns what the LDAP SDK throws into one plain sentence for the operator. The SDK's own messages are
 * left out: they are long, technical, and may quote the request.
 */
final class LdapErrors {

    private final String url;
    private final LdapSettings settings;
    private final HostNameCheck hostNameCheck;

    LdapErrors(String url, LdapSettings settings, HostNameCheck hostNameCheck) {
        this.url = url;
        this.settings = settings;
        this.hostNameCheck = hostNameCheck;
    }

    ImportFailure connect(LDAPException e) {
        if (hostNameCheck.rejected() || hasCause(e, SSLException.class) || hasCause(e, CertificateException.class)) {
            return tls(e);
        }
        if (e.getResultCode() == ResultCode.TIMEOUT || hasCause(e, SocketTimeoutException.class)) {
            return new ImportFailure("Cannot connect to " + url + ": no answer within "
                    + seconds(settings.connectTimeout()) + ".", e);
        }
        return new ImportFailure("Cannot connect to " + url + ": " + connectReason(e) + ".", e);
    }

    ImportFailure tls(Exception e) {
        String reason;
        if (hostNameCheck.rejected()) {
            reason = "its certificate is not issued for the host name in the URL";
        } else if (hasCause(e, CertificateException.class)) {
            reason = "its certificate is not trusted by this computer";
        } else {
            reason = "TLS negotiation failed";
        }
        return new ImportFailure("Cannot connect securely to " + url + ": " + reason + ".", e);
    }

    ImportFailure startTlsRefused(ResultCode code) {
        return new ImportFailure("The directory at " + url + " refused StartTLS (" + code.getName() + ").");
    }

    ImportFailure bind(LDAPException e) {
        ResultCode code = e.getResultCode();
        if (code == ResultCode.INVALID_CREDENTIALS) {
            return new ImportFailure("The directory at " + url + " refused the bind DN or password.", e);
        }
        if (code == ResultCode.INVALID_DN_SYNTAX) {
            return new ImportFailure("The bind DN \"" + settings.bindDn() + "\" is not a valid DN.", e);
        }
        if (code == ResultCode.CONFIDENTIALITY_REQUIRED || code == ResultCode.STRONG_AUTH_REQUIRED) {
            return new ImportFailure("The directory at " + url
                    + " accepts passwords only over TLS; use ldaps:// or StartTLS.", e);
        }
        return other("refused the bind", e);
    }

    ImportFailure search(LDAPException e) {
        ResultCode code = e.getResultCode();
        if (code == ResultCode.NO_SUCH_OBJECT || code == ResultCode.INVALID_DN_SYNTAX) {
            return new ImportFailure("The base DN \"" + settings.baseDn() + "\" does not exist in " + url + ".", e);
        }
        if (code == ResultCode.INSUFFICIENT_ACCESS_RIGHTS) {
            return new ImportFailure("The directory at " + url + " does not let this bind DN search \""
                    + settings.baseDn() + "\".", e);
        }
        if (code == ResultCode.SIZE_LIMIT_EXCEEDED) {
            return new ImportFailure("The directory at " + url
                    + " stopped the search at its size limit; it may not support paged results.", e);
        }
        return other("failed the search", e);
    }

    private ImportFailure other(String what, LDAPException e) {
        ResultCode code = e.getResultCode();
        if (code == ResultCode.TIMEOUT || code == ResultCode.TIME_LIMIT_EXCEEDED) {
            return new ImportFailure("The directory at " + url + " did not answer within "
                    + seconds(settings.responseTimeout()) + ".", e);
        }
        if (code == ResultCode.SERVER_DOWN || code == ResultCode.CONNECT_ERROR) {
            return new ImportFailure("The directory at " + url + " closed the connection.", e);
        }
        return new ImportFailure("The directory at " + url + " " + what + " (" + code.getName() + ").", e);
    }

    private static String connectReason(LDAPException e) {
        if (hasCause(e, ConnectException.class)) {
            return "connection refused";
        }
        if (hasCause(e, UnknownHostException.class)) {
            return "unknown host";
        }
        if (hasCause(e, NoRouteToHostException.class)) {
            return "no route to host";
        }
        return e.getResultCode().getName();
    }

    private static String seconds(Duration timeout) {
        long seconds = Math.max(1, timeout.toSeconds());
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
