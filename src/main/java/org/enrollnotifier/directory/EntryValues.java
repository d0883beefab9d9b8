package org.enrollnotifier.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads the mapped fields of a directory entry, for the LDIF and LDAP sources alike. */
final class EntryValues {

    private static final Set<String> PERSON_CLASSES = Set.of("person", "inetorgperson", "user", "organizationalperson");
    private static final String OBJECT_GUID = "objectGUID";
    private static final int GUID_LENGTH = 16;

    private EntryValues() {
    }

    static boolean isPerson(Entry entry) {
        String[] classes = entry.getObjectClassValues();
        if (classes == null) {
            return false;
        }
        for (String objectClass : classes) {
            if (PERSON_CLASSES.contains(objectClass.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** For each field, the value of the first candidate attribute the entry has. */
    static Map<UserField, String> of(Entry entry, FieldMapping mapping) {
        Map<UserField, String> values = new EnumMap<>(UserField.class);
        for (UserField field : UserField.values()) {
            for (String name : mapping.candidates(field)) {
                String value = value(entry, field, name);
                if (value != null) {
                    values.put(field, value);
                    break;
                }
            }
        }
        return values;
    }

    /** The attributes to ask a server for; operational ones such as entryUUID come only when named. */
    static String[] requested(FieldMapping mapping) {
        Set<String> names = new LinkedHashSet<>();
        for (UserField field : UserField.values()) {
            mapping.candidates(field).stream().filter(name -> !isEntryDn(name)).forEach(names::add);
        }
        return names.toArray(String[]::new);
    }

    private static String value(Entry entry, UserField field, String name) {
        if (isEntryDn(name)) {
            return entry.getDN();
        }
        Attribute attribute = entry.getAttribute(name);
        if (attribute == null || !attribute.hasValue()) {
            return null;
        }
        if (field == UserField.ENROLLED_TYPES) {
            return String.join(";", attribute.getValues());
        }
        if (name.equalsIgnoreCase(OBJECT_GUID) && attribute.getValueByteArray().length == GUID_LENGTH) {
            return activeDirectoryGuid(attribute.getValueByteArray());
        }
        return attribute.getValue();
    }

    private static boolean isEntryDn(String name) {
        return name.equalsIgnoreCase(FieldMapping.ENTRY_DN);
    }

    /** Active Directory stores the first three GUID groups little-endian; this gives the form its tools show. */
    private static String activeDirectoryGuid(byte[] bytes) {
        byte[] reordered = {
            bytes[3], bytes[2], bytes[1], bytes[0], bytes[5], bytes[4], bytes[7], bytes[6],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        };
        ByteBuffer buffer = ByteBuffer.wrap(reordered);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
}
