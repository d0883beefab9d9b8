package org.enrollnotifier.directory;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldif.TrailingSpaceBehavior;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.enrollnotifier.model.ImportProblem;

/** Users from an LDIF export (ldapsearch, ldifde): person entries only, everything else passed over. */
public final class LdifUserSource {

    private static final String DN_LINE = "dn:";

    private final Path file;
    private final FieldMapping mapping;

    public LdifUserSource(Path file, FieldMapping mapping) {
        this.file = Objects.requireNonNull(file, "file");
        this.mapping = Objects.requireNonNullElseGet(mapping, FieldMapping::ldapDefault);
    }

    public void read(ImportSink sink) throws ImportFailure {
        UserImport run = new UserImport(file.toString(), sink);
        try (LDIFReader reader = new LDIFReader(Files.newInputStream(file))) {
            reader.setTrailingSpaceBehavior(TrailingSpaceBehavior.STRIP);
            while (true) {
                run.checkCancelled();
                Entry entry;
                try {
                    entry = reader.readEntry();
                } catch (LDIFException malformed) {
                    if (!malformed.mayContinueReading()) {
                        throw new ImportFailure("The file " + file + " is not valid LDIF near line "
                                + malformed.getLineNumber() + ".", malformed);
                    }
                    run.problem(new ImportProblem(locationOf(malformed), "", "is not a valid LDIF entry ("
                            + withoutFinalStop(malformed.getMessage()) + "); skipped"));
                    run.recordRead();
                    continue;
                }
                if (entry == null) {
                    break;
                }
                if (EntryValues.isPerson(entry)) {
                    run.row(entry.getDN(), EntryValues.of(entry, mapping));
                } else {
                    run.recordRead();
                }
            }
        } catch (IOException e) {
            throw ImportFailure.cannotRead(file, e);
        }
        run.finish();
    }

    /** The reader's reason, which names the line, read inside the report's sentence. */
    private static String withoutFinalStop(String reason) {
        return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    }

    /** The entry's DN when its dn line is readable, else the line the reader stopped at. */
    private static String locationOf(LDIFException malformed) {
        if (malformed.getDataLines() != null) {
            for (String line : malformed.getDataLines()) {
                boolean plainDn = line.regionMatches(true, 0, DN_LINE, 0, DN_LINE.length())
                        && !line.startsWith(":", DN_LINE.length());
                if (plainDn) {
                    return line.substring(DN_LINE.length()).strip();
                }
            }
        }
        return "line " + malformed.getLineNumber();
    }
}
