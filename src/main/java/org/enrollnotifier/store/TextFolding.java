package org.enrollnotifier.store;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case- and accent-insensitive keys, so "Émile" sorts and matches beside "emile". */
final class TextFolding {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    /** Search terms never hold whitespace, so no match can span two fields of a search key. */
    private static final char FIELD_SEPARATOR = '\n';

    private TextFolding() {
    }

    static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * The folded text a search looks in: a term matches a user when it occurs in this key, whether
     * the search index finds it or a row is checked directly, so both ways list the same users.
     * A field already contained in the key adds nothing a term could match (the first and last
     * names usually are, within the display name), so it is left out to keep the index small. The
     * email goes before the username because a username is often the address's local part ("jdoe",
     * "jdoe@corp.example"), which then leaves it out. Since a term matches exactly when it occurs in
     * one of the fields, whatever their order, keys folded in another order match the same terms.
     */
    static String searchKey(String displayName, String username, String email, String firstName, String lastName) {
        return searchKeyOfFolded(fold(displayName), fold(username), fold(email), fold(firstName), fold(lastName));
    }

    /** The {@link #searchKey} of fields folded already. */
    static String searchKeyOfFolded(String displayName, String username, String email, String firstName,
                                    String lastName) {
        StringBuilder key = new StringBuilder();
        for (String folded : new String[] {displayName, email, username, firstName, lastName}) {
            if (!folded.isEmpty() && key.indexOf(folded) < 0) {
                if (!key.isEmpty()) {
                    key.append(FIELD_SEPARATOR);
                }
                key.append(folded);
            }
        }
        return key.toString();
    }
}
