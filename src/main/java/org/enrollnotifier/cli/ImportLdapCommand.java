package org.enrollnotifier.cli;

import org.enrollnotifier.app.UserSources;
import org.enrollnotifier.app.UserSources.LdapQuery;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.StoreKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code import ldap --url URL --bind-dn DN --base-dn DN [--filter F] --store NAME}. */
@Command(name = "ldap", description = "Import users from a live LDAP directory, page by page."
        + " The password comes from $" + ImportLdapCommand.PASSWORD_VARIABLE + " or a prompt.")
final class ImportLdapCommand extends ImportingCommand {

    static final String PASSWORD_VARIABLE = "ENROLL_NOTIFIER_LDAP_PASSWORD";

    @Option(names = "--url", required = true, paramLabel = "URL", description = "ldap://host[:port] or ldaps://host[:port].")
    private String url;

    @Option(names = "--bind-dn", required = true, paramLabel = "DN", description = "The DN to bind as.")
    private String bindDn;

    @Option(names = "--base-dn", required = true, paramLabel = "DN", description = "Where the search starts.")
    private String baseDn;

    @Option(names = "--filter", paramLabel = "FILTER", description = "LDAP filter. Default: (objectClass=person).")
    private String filter;

    @Option(names = "--start-tls", description = "Upgrade an ldap:// connection with StartTLS before binding.")
    private boolean startTls;

    @Override
    int run(Workspace workspace) {
        char[] password = Passwords.fromEnvironmentOrPrompt(PASSWORD_VARIABLE, System.getenv(), System.console(),
                "Password for %s: ", bindDn);
        if (password == null) {
            err().println("The directory needs a password: set " + PASSWORD_VARIABLE + " or run in a terminal to be asked.");
            return EnrollNotifierCommand.FAILED;
        }
        LdapQuery query = new LdapQuery(url, bindDn, password, baseDn, filter, startTls);
        return importInto(workspace, StoreKind.LDAP, query.toString(), UserSources.ldap(query));
    }
}
