package org.enrollnotifier.app.demo;

import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.StoreKind;

/**
 * Generated identity stores that make the window worth looking at on a fresh machine: realistic
 * and international names, about 40% not enrolled, some partly enrolled, about 5% without an email
 * address and a few shared addresses. The same seed always gives the same users.
 */
public final class DemoDirectory {

    /** One generated store and its users. */
    public record DemoStore(String name, StoreKind kind, String source, List<DirectoryUser> users) {
    }

    static final double NOT_ENROLLED_SHARE = 0.40;
    static final double NO_EMAIL_SHARE = 0.05;
    static final double SHARED_ADDRESS_SHARE = 0.01;

    private static final long SEED = 20_261_128L;
    private static final Instant EPOCH = Instant.parse("2026-11-01T09:00:00Z");

    private static final String[] FIRST_NAMES = {
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas", "Mia", "Mason",
        "Charlotte", "Ethan", "Amelia", "Logan", "Harper", "Aiden", "Evelyn", "Jackson", "Abigail", "Sebastian",
        "Emily", "Mateo", "Ella", "Henry", "Grace", "Owen", "Chloe", "Daniel", "Zoë", "José", "Łukasz", "Søren",
        "François", "Björn", "Chloé", "Renée", "Ömer", "Ayşe", "Jürgen", "Małgorzata", "Dvořák", "Inès", "Joël",
        "Anaïs", "Mónica", "Sebastián", "Þóra", "Ægir", "Nguyễn", "Thảo", "Ngozi", "Oluwaseun", "Aarav", "Priya",
        "Ananya", "Rohan", "Hiroshi", "Yuki", "Sakura", "Min-jun", "Seo-yeon", "Wei", "Xiu", "Fatima", "Omar",
        "Layla", "Yusuf", "Amara", "Kwame", "Ingrid", "Sigrún", "Václav", "Žofie", "Dmitri", "Анна", "Иван",
        "Σοφία", "Νίκος", "陈", "李", "María José", "Jean-Luc", "Anne-Marie", "O'Brien"
    };

    private static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Young", "Allen", "Müller",
        "Schröder", "Łowicka", "Nowak", "Kowalski", "Søndergaard", "Ødegaard", "Ångström", "Núñez", "Peña",
        "Gómez", "Çelik", "Şahin", "Yılmaz", "Dubois", "Lefèvre", "Beaulieu", "Nguyễn", "Trần", "Phạm", "Okafor",
        "Adeyemi", "Mensah", "Patel", "Sharma", "Iyer", "Tanaka", "Suzuki", "Kim", "Park", "Wang", "Zhang",
        "Al-Farsi", "Haddad", "Novák", "Dvořáková", "Ivanova", "Иванов", "Παπαδόπουλος", "王", "O'Connor",
        "van der Berg", "de la Cruz", "MacLeod", "St. John"
    };

    private static final String[] DEPARTMENTS = {
        "Finance", "Human Resources", "IT", "Sales", "Marketing", "Operations", "Legal", "Research",
        "Customer Support", "Facilities", "Procurement", "Engineering"
    };

    private final Random random;

    public DemoDirectory() {
        this(SEED);
    }

    DemoDirectory(long seed) {
        this.random = new Random(seed);
    }

    public List<DemoStore> stores() {
        return List.of(
                store("Demo · Contoso (Active Directory)", StoreKind.ACTIVE_DIRECTORY,
                        "contoso.local (generated demo data)", "contoso.com", 2_400),
                store("Demo · Fabrikam (Entra ID)", StoreKind.ENTRA_ID,
                        "fabrikam.onmicrosoft.com (generated demo data)", "fabrikam.com", 1_800),
                store("Demo · Northwind (LDAP)", StoreKind.LDAP,
                        "ldap://ldap.northwind.example (generated demo data)", "northwind.example", 1_200));
    }

    private DemoStore store(String name, StoreKind kind, String source, String mailDomain, int userCount) {
        List<DirectoryUser> users = new ArrayList<>(userCount);
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < userCount; i++) {
            String first = pick(FIRST_NAMES);
            String last = pick(LAST_NAMES);
            String username = uniqueUsername(usernames, first, last);
            String email = email(users, username, mailDomain);
            Set<EnrollmentType> enrolled = enrollment();
            Instant enrolledAt = enrolled.isEmpty() ? null : EPOCH.minus(random.nextInt(700), ChronoUnit.DAYS);
            String externalId = new UUID(random.nextLong(), random.nextLong()).toString();
            users.add(new DirectoryUser(0, 0, name, externalId, username, first, last, first + " " + last, email,
                    pick(DEPARTMENTS), enrolled, enrolledAt));
        }
        return new DemoStore(name, kind, source, users);
    }

    private String email(List<DirectoryUser> earlier, String username, String domain) {
        double roll = random.nextDouble();
        if (roll < NO_EMAIL_SHARE) {
            return null;
        }
        if (roll < NO_EMAIL_SHARE + SHARED_ADDRESS_SHARE && !earlier.isEmpty()) {
            // shared mailboxes and copy-paste mistakes: the same address on two accounts
            DirectoryUser other = earlier.get(random.nextInt(earlier.size()));
            if (other.email() != null) {
                return other.email().toUpperCase(Locale.ROOT);
            }
        }
        return username + "@" + domain;
    }

    private Set<EnrollmentType> enrollment() {
        Set<EnrollmentType> types = EnumSet.noneOf(EnrollmentType.class);
        if (random.nextDouble() < NOT_ENROLLED_SHARE) {
            return types;
        }
        EnrollmentType[] all = EnrollmentType.values();
        int count = 1 + (int) Math.floor(Math.abs(random.nextGaussian()) * 1.5);
        while (types.size() < Math.min(count, all.length)) {
            types.add(all[random.nextInt(all.length)]);
        }
        return types;
    }

    private String uniqueUsername(Set<String> taken, String first, String last) {
        String base = ascii(first).charAt(0) + ascii(last);
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    /** Usernames stay ASCII, as directories require; names without Latin letters get a transliterated stand-in. */
    private static String ascii(String name) {
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
                .replace("æ", "ae").replace("Æ", "Ae").replace("þ", "th").replace("Þ", "Th")
                .replace("ı", "i")
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
        return stripped.isEmpty() ? "u" + Integer.toHexString(name.hashCode() & 0xffff) : stripped;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
