package org.enrollnotifier.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.enrollnotifier.app.DeliveryJob;
import org.enrollnotifier.app.DeliveryReport;
import org.enrollnotifier.app.DirectoryImport;
import org.enrollnotifier.app.ImportListener;
import org.enrollnotifier.app.ImportResult;
import org.enrollnotifier.app.MailTransports;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.app.Recipients;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.app.UserPager;
import org.enrollnotifier.app.UserSources;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.mail.MailTransport;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.SmtpSecurity;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;

/**
 * Measures, in one run on a fresh data folder, what the issue tracker's speed targets are about:
 * import, paging at any depth, search, counts, queuing "Notify All Users", and sending. Every
 * figure is measured here, none is derived from another run.
 */
public final class Benchmark {

    private static final int PAGE = 50;
    private static final int REPEATS = 7;
    private static final int WARM_UP_ROUNDS = 3;
    private static final String STORE = "Benchmark";
    private static final String[] FIRST = {"Olivia", "Liam", "Zoë", "José", "Łukasz", "Søren", "Aarav", "Mia", "Noah",
        "Ingrid", "Yuki", "Fatima", "Kwame", "Chloé", "Dmitri", "Amara"};
    private static final String[] LAST = {"Smith", "Nguyễn", "Müller", "García", "Kowalski", "Ødegaard", "Patel",
        "Kim", "Okafor", "Dubois", "Tanaka", "Haddad", "Novák", "Johnson", "Brown", "Lee"};

    private final PrintWriter out;

    public Benchmark(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param smtpHost null to start a sink on loopback
     * @param sendCount messages for the send figures
     */
    public void run(Path folder, int users, String smtpHost, int smtpPort, int sendCount, int parallel)
            throws Exception {
        Path csv = folder.resolve("users.csv");
        writeUsers(csv, users);
        try (Workspace workspace = Workspace.open(folder.resolve("data"));
             SmtpSink sink = smtpHost == null ? new SmtpSink() : null) {
            row("figure", "value", "note");
            ImportResult imported = importUsers(workspace, csv);
            settle(workspace, "import");
            UserDirectory directory = new UserDirectory(workspace);
            long storeId = imported.storeId();
            UserQuery store = UserQuery.EVERYONE.withStore(storeId);
            pages(directory, store);
            search(directory, store);
            double countMillis = median(() -> directory.pager(store.withFilter(EnrollmentFilter.NOT_ENROLLED), PAGE));
            row("status line counts", millis(countMillis), "median of " + REPEATS);
            long queued = queueAll(workspace, store);
            settle(workspace, "queuing");
            String host = smtpHost == null ? "127.0.0.1" : smtpHost;
            int port = smtpHost == null ? sink.port() : smtpPort;
            send(workspace, store, host, port, sendCount, parallel, sink != null);
            row("peak heap", peakHeapMegabytes() + " MB", "after " + queued + " recipients queued");
        }
    }

    private void pages(UserDirectory directory, UserQuery query) {
        int lastPage = directory.pager(query, PAGE).pageCount() - 1;
        double first = medianPage(directory, query, 0);
        double middle = medianPage(directory, query, lastPage / 2);
        double last = medianPage(directory, query, lastPage);
        row("page of 50, first", millis(first), "median of " + REPEATS + ", fresh pager each read");
        row("page of 50, middle", millis(middle), "page " + (lastPage / 2 + 1));
        row("page of 50, last", millis(last), "page " + (lastPage + 1));
        row("last / first", String.format("%.2f", last / first), "");
        middleOfAllStores(directory, UserQuery.EVERYONE, "page of 50, middle, all identity stores",
                "the window's first listing, from anchors found from each store's");
        middleOfAllStores(directory, UserQuery.EVERYONE.withFilter(EnrollmentFilter.notEnrolledWith(EnrollmentType.SMS))
                .withSort(new UserSort(UserSort.Field.USERNAME, true)), "page of 50, middle, all stores, filtered",
                "not enrolled with SMS, by username");
    }

    private void middleOfAllStores(UserDirectory directory, UserQuery listing, String figure, String note) {
        int lastPage = directory.pager(listing, PAGE).pageCount() - 1;
        row(figure, millis(medianPage(directory, listing, lastPage / 2)), "page " + (lastPage / 2 + 1) + "; " + note);
    }

    /** A fresh pager per read, so no page start is remembered between the reads compared. */
    private double medianPage(UserDirectory directory, UserQuery query, int page) {
        double[] samples = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            UserPager pager = directory.pager(query, PAGE);
            long start = System.nanoTime();
            pager.page(page);
            samples[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(samples);
    }

    /**
     * The window shows a search's first page as soon as it is read, and its counts when they
     * arrive; a search many users match is counted after its first page. Both waits are timed.
     * "Olivia", a first name, has its matches far into the display-name order: the slow case while a
     * page was found by walking that order.
     */
    private void search(UserDirectory directory, UserQuery store) {
        for (String text : List.of("Nguy", "ødeg", "guyễ", "Olivia", "@corp", "user1234")) {
            search(directory, store.withSearch(text), "search \"" + text + "\"");
        }
        search(directory, UserQuery.EVERYONE.withSearch("Nguy"), "search \"Nguy\", all identity stores");
    }

    private void search(UserDirectory directory, UserQuery query, String figure) {
        double[] firstPage = new double[REPEATS];
        double[] counted = new double[REPEATS];
        long matches = 0;
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            UserPager pager = directory.pager(query, PAGE);
            pager.page(0);
            long shown = System.nanoTime();
            matches = pager.counts().listed();
            firstPage[i] = (shown - start) / 1e6;
            counted[i] = (System.nanoTime() - start) / 1e6;
        }
        row(figure, millis(median(firstPage)), String.format(
                "first page, median of %d; all %,d matches counted at %.2f ms", REPEATS, matches, median(counted)));
    }

    /**
     * Lets the background copy of the write-ahead log finish before the next figures, which would
     * otherwise share the machine with it, and says how long it took.
     */
    private void settle(Workspace workspace, String after) {
        long start = System.nanoTime();
        workspace.database().awaitCheckpoint();
        row("log copied after " + after, String.format("%.2f s", (System.nanoTime() - start) / 1e9),
                "in the background, once the " + after + " was committed; waited for here");
    }

    /** Queues "Notify All Users" twice: for the store's unenrolled users, and for everyone in it. */
    private long queueAll(Workspace workspace, UserQuery store) {
        long unenrolled = queue(workspace, store.withFilter(EnrollmentFilter.NOT_ENROLLED), "unenrolled users");
        long everyone = queue(workspace, store, "every user");
        return unenrolled + everyone;
    }

    private long queue(Workspace workspace, UserQuery query, String whom) {
        Notifier notifier = new Notifier(workspace);
        long start = System.nanoTime();
        try (Recipients list = notifier.resolve(new RecipientSelection(query, Set.of()),
                EnumSet.allOf(EnrollmentType.class))) {
            double resolved = (System.nanoTime() - start) / 1e9;
            notifier.queue(draft(), list, MailSettings.DEFAULT);
            double seconds = (System.nanoTime() - start) / 1e9;
            row("resolve + queue, " + whom, String.format("%.2f s", seconds), String.format(
                    "%,d recipients (%,d left out); resolve %.2f s, queue %.2f s, one transaction",
                    list.counts().recipients(), list.counts().leftOutTotal(), resolved, seconds - resolved));
            return list.counts().recipients();
        }
    }

    /**
     * Sends the same messages twice: through the job's reused parallel connections, and a tenth of
     * them the naive way, one at a time with a new connection each; both through the same job, so
     * the bookkeeping is the same. Each way is first warmed up with {@link #WARM_UP_ROUNDS} times as
     * many messages as it is then measured on, so neither is measured while the JIT compiler still
     * works on its code: warmed up with as many, the reused rate came out at 11,601–13,316 messages a
     * second against 13,173–14,772 with three times as many (three alternated pairs against postfix's
     * sink); with a tenth, 20–30% below that of a run three times as long.
     */
    private void send(Workspace workspace, UserQuery store, String host, int port, int count, int parallel,
                      boolean sinkInThisProcess) throws Exception {
        MailSettings settings = new MailSettings(host, port, SmtpSecurity.NONE, "", "Helpdesk", "helpdesk@corp.example",
                Duration.ofSeconds(10), Duration.ofSeconds(30), parallel, "https://enroll.corp.example/");
        MailSettings oneAtATime = settings.withParallelConnections(1);
        MailTransport reusing = MailTransports.forSettings(workspace, settings, new char[0]);
        MailTransport naive = new ConnectionPerMessage(oneAtATime);
        List<Long> ids = new UserDirectory(workspace).pager(store.withSearch("@corp"), count).page(0).users().stream()
                .map(user -> user.id()).toList();
        List<Long> tenth = ids.subList(0, Math.max(1, ids.size() / 10));
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            deliver(workspace, store, reusing, settings, ids);
            deliver(workspace, store, naive, oneAtATime, tenth);
        }

        long cpuBefore = processCpuNanos();
        DeliveryReport reused = deliver(workspace, store, reusing, settings, ids);
        double cpuPerMessage = (processCpuNanos() - cpuBefore) / 1e6 / reused.counts().sent();
        double reusedRate = rate(reused);
        row("send, " + parallel + " reused connections", String.format("%.0f msg/s", reusedRate),
                String.format("%d messages to %s:%d, after %d times as many to warm up; %.3f ms of this process's"
                        + " CPU per message%s", reused.counts().sent(), host, port, WARM_UP_ROUNDS, cpuPerMessage,
                        sinkInThisProcess ? ", the sink's included" : ""));
        DeliveryReport oneByOne = deliver(workspace, store, naive, oneAtATime, tenth);
        double naiveRate = rate(oneByOne);
        row("send, naive (connection per message)", String.format("%.0f msg/s", naiveRate),
                oneByOne.counts().sent() + " of the same messages, one at a time, each by Transport.send, after "
                        + WARM_UP_ROUNDS + " times as many to warm up");
        row("reused / naive", String.format("%.1f×", reusedRate / naiveRate), "");
    }

    /** CPU time of every thread of this process so far: a figure the machine's other load barely moves. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Queues the users' messages and sends them all. */
    private static DeliveryReport deliver(Workspace workspace, UserQuery store, MailTransport transport,
                                          MailSettings settings, List<Long> ids) {
        DeliveryReport report = DeliveryJob.through(workspace, transport, settings, progress -> { })
                .run(queueFor(workspace, store, ids, settings));
        if (report.outcome() != DeliveryReport.Outcome.FINISHED || report.counts().sent() != report.counts().total()) {
            throw new IllegalStateException("The benchmark's messages were not all sent through "
                    + transport.describe() + ": " + report.problem());
        }
        return report;
    }

    private static double rate(DeliveryReport report) {
        return report.counts().sent() / (report.elapsed().toNanos() / 1e9);
    }

    private static long queueFor(Workspace workspace, UserQuery store, List<Long> ids, MailSettings settings) {
        Notifier notifier = new Notifier(workspace);
        try (Recipients some = notifier.resolve(new RecipientSelection(store, Set.copyOf(ids)),
                EnumSet.allOf(EnrollmentType.class))) {
            return notifier.queue(draft(), some, settings);
        }
    }

    private static NotificationDraft draft() {
        return new NotificationDraft("Please enroll, {firstName}", "Hello {displayName}, enroll at {enrollmentUrl}.",
                EnumSet.allOf(EnrollmentType.class), "benchmark");
    }

    private ImportResult importUsers(Workspace workspace, Path csv) throws Exception {
        long start = System.nanoTime();
        ImportResult imported = new DirectoryImport(workspace).importUsers(STORE, StoreKind.CSV, csv.toString(),
                UserSources.csv(csv, Map.of()), ImportListener.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        row("import", String.format("%,.0f users/s", imported.added() / seconds),
                String.format("%,d users in %.1f s", imported.added(), seconds));
        return imported;
    }

    private static double median(Callable<?> work) {
        double[] samples = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            try {
                work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            samples[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(samples);
    }

    private static double median(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String millis(double ms) {
        return String.format("%.2f ms", ms);
    }

    private static long peakHeapMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private void row(String figure, String value, String note) {
        out.printf("%-40s %16s   %s%n", figure, value, note);
        out.flush();
    }

    /** Deterministic users: international names, about 40% not enrolled, a few without email. */
    static void writeUsers(Path csv, int count) throws IOException {
        Random random = new Random(42);
        EnrollmentType[] types = EnrollmentType.values();
        try (BufferedWriter writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            writer.write("username,firstName,lastName,email,enrolledTypes\n");
            for (int i = 0; i < count; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                String email = random.nextInt(20) == 0 ? "" : "user" + i + "@corp.example";
                List<String> enrolled = new ArrayList<>();
                if (random.nextInt(10) >= 4) {
                    enrolled.add(types[random.nextInt(types.length)].name());
                }
                writer.write("user" + i + "," + first + "," + last + "," + email + "," + String.join(";", enrolled)
                        + "\n");
            }
        }
    }
}
