package org.enrollnotifier.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code import}: fills an identity store from a source; each subcommand creates the store or re-imports it. */
@Command(name = "import", description = "Create or re-import an identity store from a source.",
        subcommands = {ImportCsvCommand.class, ImportLdifCommand.class, ImportLdapCommand.class,
            ImportEnrollmentCommand.class})
final class ImportCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name the source: import csv, ldif, ldap or enrollment.");
    }
}
