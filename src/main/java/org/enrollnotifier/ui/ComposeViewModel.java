package org.enrollnotifier.ui;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.enrollnotifier.app.DraftCheck;
import org.enrollnotifier.app.Notifier;
import org.enrollnotifier.app.RecipientExport;
import org.enrollnotifier.app.Recipients;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.LeftOutUser;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.Recipient;
import org.enrollnotifier.model.RecipientCounts;
import org.enrollnotifier.model.RecipientSelection;

/**
 * State of the Compose Email dialog: the read-only recipients (resolved again whenever the
 * enrollment types change, since "already enrolled" depends on them), the subject, the types,
 * the message and its preview, and whether Notify may be pressed.
 */
public final class ComposeViewModel {

    private static final Logger LOG = Logger.getLogger(ComposeViewModel.class.getName());

    private final Notifier notifier;
    private final MailSettings settings;
    private final RecipientSelection selection;
    private final String audience;
    private final Background background;

    private final ObservableSet<EnrollmentType> types = FXCollections.observableSet(EnumSet.allOf(EnrollmentType.class));
    private final StringProperty subject = new SimpleStringProperty(this, "subject", Notifier.defaultSubject());
    private final StringProperty message = new SimpleStringProperty(this, "message", Notifier.defaultMessage());
    private final ReadOnlyObjectWrapper<RecipientCounts> counts =
            new ReadOnlyObjectWrapper<>(this, "counts", RecipientCounts.NONE);
    private final CursorPages<Recipient> recipientPages;
    private final CursorPages<LeftOutUser> leftOutPages;
    /** The resolved recipients shown; null while there are none. */
    private Recipients resolved;
    private final ReadOnlyBooleanWrapper resolving = new ReadOnlyBooleanWrapper(this, "resolving", false);
    private final ReadOnlyBooleanWrapper queuing = new ReadOnlyBooleanWrapper(this, "queuing", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObjectProperty<Recipient> previewRecipient = new SimpleObjectProperty<>(this, "previewRecipient");

    private final StringBinding subjectProblem;
    private final StringBinding messageProblem;
    private final StringBinding typesProblem;
    private final StringBinding recipientSummary;
    private final StringBinding leftOutSummary;
    private final StringBinding previewText;
    private final BooleanBinding canNotify;

    private long newestResolve;

    /** @param audience whom the selection addresses, in words, kept with the notification's history */
    public ComposeViewModel(Notifier notifier, MailSettings settings, RecipientSelection selection, String audience,
                            Background background) {
        this.notifier = notifier;
        this.settings = settings;
        this.selection = selection;
        this.audience = audience;
        this.background = background;
        Consumer<Exception> readFailed = e -> fail("Could not read the recipients.", e);
        recipientPages = new CursorPages<>(background, readFailed);
        leftOutPages = new CursorPages<>(background, readFailed);
        subjectProblem = Bindings.createStringBinding(() -> String.join(" ", DraftCheck.subjectProblems(subject.get())),
                subject);
        messageProblem = Bindings.createStringBinding(() -> String.join(" ", DraftCheck.messageProblems(message.get())),
                message);
        typesProblem = Bindings.createStringBinding(() -> types.isEmpty() ? "Select at least one enrollment type." : "",
                types);
        recipientSummary = Bindings.createStringBinding(() -> resolving.get() ? "Finding recipients…"
                : CountText.of(counts.get().recipients(), "recipient"), counts, resolving);
        leftOutSummary = Bindings.createStringBinding(this::describeLeftOut, counts);
        previewText = Bindings.createStringBinding(() -> previewRecipient.get() == null ? ""
                : Notifier.preview(message.get(), previewRecipient.get(), selectedTypes(), settings),
                message, previewRecipient, types);
        canNotify = Bindings.createBooleanBinding(() -> !resolving.get() && !queuing.get()
                        && counts.get().recipients() > 0 && subjectProblem.get().isEmpty()
                        && messageProblem.get().isEmpty() && typesProblem.get().isEmpty(),
                resolving, queuing, counts, subjectProblem, messageProblem, typesProblem);
        types.addListener((SetChangeListener<EnrollmentType>) change -> resolve());
        recipientPages.setOnPageShown(this::keepPreviewOnPage);
    }

    /** Resolves the recipients for the first time. */
    public void start() {
        resolve();
    }

    private void resolve() {
        if (types.isEmpty()) {
            newestResolve++;
            showRecipients(null);
            return;
        }
        Set<EnrollmentType> wanted = selectedTypes();
        long request = ++newestResolve;
        resolving.set(true);
        background.run(() -> notifier.resolve(selection, wanted), list -> {
            if (request == newestResolve) {
                showRecipients(list);
            } else {
                release(list);
            }
        }, e -> {
            if (request == newestResolve) {
                fail("Could not find the recipients.", e);
                resolving.set(false);
            }
        });
    }

    /** In declaration order, as the message lists them. */
    private Set<EnrollmentType> selectedTypes() {
        Set<EnrollmentType> selected = EnumSet.noneOf(EnrollmentType.class);
        selected.addAll(types);
        return selected;
    }

    private void showRecipients(Recipients list) {
        release(resolved);
        resolved = list;
        if (list == null) {
            counts.set(RecipientCounts.NONE);
            recipientPages.clear();
            leftOutPages.clear();
        } else {
            counts.set(list.counts());
            recipientPages.show(list::recipients, list.counts().recipients());
            leftOutPages.show(list::leftOut, list.counts().leftOutTotal());
        }
        resolving.set(false);
    }

    /** The previewed recipient stays while on the page shown; otherwise the page's first is previewed. */
    private void keepPreviewOnPage() {
        List<Recipient> page = recipientPages.items();
        if (!page.contains(previewRecipient.get())) {
            previewRecipient.set(page.isEmpty() ? null : page.get(0));
        }
    }

    private void release(Recipients list) {
        if (list != null) {
            background.run(() -> {
                list.close();
                return list;
            }, closed -> { }, e -> LOG.log(Level.WARNING, "Could not free a recipient list", e));
        }
    }

    /** Frees the recipients' scratch space; call when the dialog closes. */
    public void close() {
        newestResolve++;
        release(resolved);
        resolved = null;
    }

    private String describeLeftOut() {
        RecipientCounts current = counts.get();
        if (current.leftOutTotal() == 0) {
            return "No one left out.";
        }
        return CountText.number(current.leftOutTotal()) + " left out: " + current.leftOut().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> CountText.number(entry.getValue()) + " " + entry.getKey().label())
                .collect(Collectors.joining(", ")) + ".";
    }

    /** Saves the recipients and the left-out users as CSV; reports the outcome in words. */
    public void exportTo(Path file, Consumer<String> done) {
        Recipients list = resolved;
        if (list == null) {
            return;
        }
        background.run(() -> RecipientExport.write(file, list),
                rows -> done.accept("Saved " + CountText.of(rows, "row") + " to " + file + "."), e -> {
                    LOG.log(Level.WARNING, "Export to " + file + " failed", e);
                    done.accept("Could not save " + file + ": " + ProblemText.of(e));
                });
    }

    /** Queues the notification (one transaction) and hands its id on; nothing is sent yet. */
    public void notifyRecipients(LongConsumer onQueued) {
        if (!canNotify.get()) {
            return;
        }
        NotificationDraft draft = new NotificationDraft(subject.get().strip(), message.get(), selectedTypes(),
                audience);
        Recipients list = resolved;
        queuing.set(true);
        background.run(() -> notifier.queue(draft, list, settings), id -> {
            queuing.set(false);
            onQueued.accept(id);
        }, e -> {
            queuing.set(false);
            fail("Could not queue the notification; nothing was sent.", e);
        });
    }

    private void fail(String what, Exception e) {
        LOG.log(Level.WARNING, what, e);
        problem.set(what + " " + ProblemText.of(e));
    }

    public ObservableSet<EnrollmentType> types() {
        return types;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The page of recipients shown. */
    public ObservableList<Recipient> recipients() {
        return recipientPages.items();
    }

    /** The page of left-out users shown. */
    public ObservableList<LeftOutUser> leftOut() {
        return leftOutPages.items();
    }

    CursorPages<Recipient> recipientPages() {
        return recipientPages;
    }

    CursorPages<LeftOutUser> leftOutPages() {
        return leftOutPages;
    }

    public ReadOnlyObjectProperty<RecipientCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resolvingProperty() {
        return resolving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObjectProperty<Recipient> previewRecipientProperty() {
        return previewRecipient;
    }

    public StringBinding subjectProblemProperty() {
        return subjectProblem;
    }

    public StringBinding messageProblemProperty() {
        return messageProblem;
    }

    public StringBinding typesProblemProperty() {
        return typesProblem;
    }

    public StringBinding recipientSummaryProperty() {
        return recipientSummary;
    }

    public StringBinding leftOutSummaryProperty() {
        return leftOutSummary;
    }

    public StringBinding previewTextProperty() {
        return previewText;
    }

    public BooleanBinding canNotifyProperty() {
        return canNotify;
    }
}
