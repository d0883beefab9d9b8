package org.enrollnotifier.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A directory whose users the operator browses and notifies.
 *
 * @param source     where the users were read from (a domain, a file, a URL), for the operator's eyes
 * @param demo       generated demonstration data, safe to delete
 * @param lastImport when the users were last read from the source; null if never
 */
public record IdentityStore(long id, String name, StoreKind kind, String source, boolean demo, Instant lastImport) {
    public IdentityStore {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }
}
