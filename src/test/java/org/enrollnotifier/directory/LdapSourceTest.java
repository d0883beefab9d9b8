package org.enrollnotifier.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LdapSourceTest {

    private static final String BASE_DN = "dc=north,dc=test";
    private static final String READER_DN = "cn=reader,dc=north,dc=test";
    private static final String READER_PASSWORD = "Corr3ct-Horse";
    private static final int USERS = 10_000;
    private static final int SERVER_SIZE_LIMIT = 1000;

    private static InMemoryDirectoryServer server;
    private static final AtomicInteger pagedSearches = new AtomicInteger();

    @BeforeAll
    static void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig(
                "ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.addAdditionalBindCredentials(READER_DN, READER_PASSWORD);
        config.setMaxSizeLimit(SERVER_SIZE_LIMIT);
        // enrolledTypes is this tool's own attribute, unknown to the standard schema. Without a schema
        // the server does not know superclasses, so entries list their whole class chain, as AD stores it.
        config.setSchema(null);
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                if (request.getRequest().hasControl(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                    pagedSearches.incrementAndGet();
                }
            }
        });
        server = new InMemoryDirectoryServer(config);
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("dn: " + BASE_DN, "objectClass: domain", "dc: north"));
        entries.add(new Entry("dn: ou=People," + BASE_DN, "objectClass: organizationalUnit", "ou: People"));
        for (int i = 0; i < USERS; i++) {
            entries.add(person("uid=user" + i, "uid: user" + i, "givenName: Given" + i, "sn: Family" + i,
                    "cn: Given" + i + " Family" + i, "mail: user" + i + "@north.test"));
        }
        entries.add(person("uid=zoe", "uid: zoe",
                "givenName: Zoë", "sn: Ødegaard", "cn: Zoë Ødegaard", "departmentNumber: Research",
                "enrolledTypes: SMS", "enrolledTypes: YubiKey"));
        server.addEntries(entries);
        server.startListening();
    }

    private static Entry person(String rdn, String... attributes) throws LDIFException {
        List<String> lines = new ArrayList<>(List.of("dn: " + rdn + ",ou=People," + BASE_DN,
                "objectClass: person", "objectClass: organizationalPerson", "objectClass: inetOrgPerson"));
        lines.addAll(List.of(attributes));
        return new Entry(lines.toArray(String[]::new));
    }

    @AfterAll
    static void stopDirectory() {
        server.shutDown(true);
    }

    @Test
    void serverRefusesOneUnpagedSearchForAllUsers() throws Exception {
        try (LDAPConnection connection = server.getConnection()) {
            LDAPSearchException refused = assertThrows(LDAPSearchException.class,
                    () -> connection.search(BASE_DN, SearchScope.SUB, LdapSettings.DEFAULT_FILTER));
            assertEquals(ResultCode.SIZE_LIMIT_EXCEEDED, refused.getResultCode());
        }
    }

    @Test
    void importsAllUsersPageByPage() throws Exception {
        int searchesBefore = pagedSearches.get();
        RecordingSink sink = new RecordingSink();

        new LdapSource(settings(READER_DN, READER_PASSWORD)).read(sink);

        assertEquals(List.of(), sink.problems);
        assertEquals(USERS + 1, sink.users.size());
        assertEquals(USERS + 1, new HashSet<>(sink.users.stream().map(DirectoryUser::externalId).toList()).size());
        assertTrue(pagedSearches.get() - searchesBefore >= USERS / LdapSource.PAGE_SIZE,
                "paged searches: " + (pagedSearches.get() - searchesBefore));
        assertEquals(USERS + 1L, sink.progress.get(sink.progress.size() - 1));
        DirectoryUser user = sink.user("user42");
        assertEquals("Given42", user.firstName());
        assertEquals("Family42", user.lastName());
        assertEquals("Given42 Family42", user.displayName());
        assertEquals("user42@north.test", user.email());
    }

    @Test
    void readsEntryUuidAndMultiValuedEnrollment() throws Exception {
        RecordingSink sink = new RecordingSink();

        new LdapSource(settings(READER_DN, READER_PASSWORD, "(uid=zoe)"))
                .read(sink);

        DirectoryUser zoe = sink.user("zoe");
        String entryUuid = server.getEntry("uid=zoe,ou=People," + BASE_DN, "entryUUID").getAttributeValue("entryUUID");
        assertEquals(entryUuid, zoe.externalId());
        assertEquals("Zoë Ødegaard", zoe.displayName());
        assertEquals("Research", zoe.department());
        assertEquals(EnumSet.of(EnrollmentType.SMS, EnrollmentType.YUBIKEY), zoe.enrolledTypes());
    }

    @Test
    void wrongPasswordFailsWithAPlainMessageWithoutThePassword() {
        String wrong = "Wr0ng-Guess-42";

        ImportFailure failure = assertThrows(ImportFailure.class,
                () -> new LdapSource(settings(READER_DN, wrong)).read(new RecordingSink()));

        assertEquals("The directory at " + url() + " refused the bind DN or password.", failure.getMessage());
        assertFalse(failure.getMessage().contains(wrong));
    }

    @Test
    void missingBaseDnIsNamed() {
        LdapSettings settings = new LdapSettings(url(), READER_DN, READER_PASSWORD.toCharArray(),
                "ou=Nowhere," + BASE_DN, null, null, null, null, false);

        ImportFailure failure = assertThrows(ImportFailure.class,
                () -> new LdapSource(settings).read(new RecordingSink()));

        assertEquals("The base DN \"ou=Nowhere," + BASE_DN + "\" does not exist in " + url() + ".",
                failure.getMessage());
    }

    @Test
    void closedPortFailsWithinTheConnectTimeout() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "ldap://127.0.0.1:" + closedPort;
        Duration connectTimeout = Duration.ofSeconds(2);
        LdapSettings settings = new LdapSettings(url, "", null, BASE_DN, null, null, connectTimeout, null, false);

        ImportFailure failure = assertTimeoutPreemptively(connectTimeout.plusSeconds(1), () -> assertThrows(
                ImportFailure.class, () -> new LdapSource(settings).read(new RecordingSink())));

        assertEquals("Cannot connect to " + url + ": connection refused.", failure.getMessage());
    }

    @Test
    void silentServerFailsWithinTheResponseTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "ldap://127.0.0.1:" + silent.getLocalPort();
            Duration responseTimeout = Duration.ofMillis(500);
            LdapSettings settings = new LdapSettings(url, READER_DN, READER_PASSWORD.toCharArray(), BASE_DN, null,
                    null, null, responseTimeout, false);

            ImportFailure failure = assertTimeoutPreemptively(responseTimeout.plusSeconds(2), () -> assertThrows(
                    ImportFailure.class, () -> new LdapSource(settings).read(new RecordingSink())));

            assertEquals("The directory at " + url + " did not answer within 1 second.", failure.getMessage());
        }
    }

    @Test
    void malformedUrlAndFilterAreRejectedBeforeConnecting() {
        LdapSettings badUrl = new LdapSettings("directory.north.test", "", null, BASE_DN, null, null, null, null, false);
        LdapSettings badFilter = new LdapSettings(url(), "", null, BASE_DN, "(uid=", null, null, null, false);

        assertTrue(assertThrows(ImportFailure.class, () -> new LdapSource(badUrl).read(new RecordingSink()))
                .getMessage().contains("is not an LDAP URL"));
        assertEquals("The search filter \"(uid=\" is not a valid LDAP filter.",
                assertThrows(ImportFailure.class, () -> new LdapSource(badFilter).read(new RecordingSink()))
                        .getMessage());
    }

    @Test
    void cancellingStopsTheSearch() {
        RecordingSink sink = new RecordingSink(1200);

        assertThrows(ImportCancelled.class, () -> new LdapSource(settings(READER_DN, READER_PASSWORD)).read(sink));

        assertEquals(1200, sink.users.size());
    }

    private static LdapSettings settings(String bindDn, String password) {
        return settings(bindDn, password, null);
    }

    private static LdapSettings settings(String bindDn, String password, String filter) {
        return new LdapSettings(url(), bindDn, password.toCharArray(), BASE_DN, filter, null,
                Duration.ofSeconds(5), Duration.ofSeconds(30), false);
    }

    private static String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }
}
