package org.enrollnotifier.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldMappingTest {

    @Test
    void automaticPrefersTheEarlierAliasWhateverTheColumnOrder() {
        FieldMapping mapping = FieldMapping.csvDefault().resolvedAgainst(List.of(
                "DistinguishedName", "UserPrincipalName", "ObjectGUID", "SamAccountName", "Name", "DisplayName"));

        assertEquals(Optional.of("SamAccountName"), mapping.source(UserField.USERNAME));
        assertEquals(Optional.of("ObjectGUID"), mapping.source(UserField.EXTERNAL_ID));
        assertEquals(Optional.of("DisplayName"), mapping.source(UserField.DISPLAY_NAME));
    }

    @Test
    void theFieldsOwnNameIsAColumnToo() {
        FieldMapping mapping = FieldMapping.csvDefault().resolvedAgainst(List.of("externalId", "username", "id"));

        assertEquals(Optional.of("externalId"), mapping.source(UserField.EXTERNAL_ID));
    }

    @Test
    void automaticLeavesFieldsWithoutAColumnUnmapped() {
        FieldMapping mapping = FieldMapping.csvDefault().resolvedAgainst(List.of("User principal name", "Display name", "Object ID"));

        assertEquals(Optional.of("User principal name"), mapping.source(UserField.USERNAME));
        assertEquals(Optional.of("Object ID"), mapping.source(UserField.EXTERNAL_ID));
        assertEquals(Optional.empty(), mapping.source(UserField.EMAIL));
    }

    @Test
    void overrideReplacesOnlyTheNamedField() {
        FieldMapping mapping = FieldMapping.ldapDefault().withOverrides(Map.of(UserField.ENROLLED_TYPES, "ssprMethods"));

        assertEquals(List.of("ssprMethods"), mapping.candidates(UserField.ENROLLED_TYPES));
        assertEquals(FieldMapping.ldapDefault().candidates(UserField.USERNAME), mapping.candidates(UserField.USERNAME));
    }

    @ParameterizedTest
    @CsvSource({"email,EMAIL", "EMAIL,EMAIL", "firstName,FIRST_NAME", "first_name,FIRST_NAME",
        "externalId,EXTERNAL_ID", "ENROLLED_AT,ENROLLED_AT", "enrolledTypes,ENROLLED_TYPES"})
    void parseFieldAcceptsEnumAndCamelCaseNames(String name, UserField expected) {
        assertEquals(expected, FieldMapping.parseField(name));
    }

    @Test
    void parseFieldRejectsUnknownNamesListingTheValidOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FieldMapping.parseField("phone"));

        assertTrue(error.getMessage().contains("'phone'"), error.getMessage());
        for (UserField field : UserField.values()) {
            assertTrue(error.getMessage().contains(field.camelCaseName()), error.getMessage());
        }
    }
}
