package org.enrollnotifier.ui;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.LeftOutReason;
import org.enrollnotifier.model.LeftOutUser;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.NotificationDraft;
import org.enrollnotifier.model.Recipient;
import org.enrollnotifier.model.RecipientList;
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
    private final ReadOnlyObjectWrapper<RecipientList> recipientList =
            new ReadOnlyObjectWrapper<>(this, "recipientList", new RecipientList(List.of(), List.of()));
    private final ObservableList<Recipient> recipients = FXCollections.observableArrayList();
    private final ObservableList<LeftOutUser> leftOut = FXCollections.observableArrayList();
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
        subjectProblem = Bindings.createStringBinding(() -> String.join(" ", DraftCheck.subjectProblems(subject.get())),
                subject);
        messageProblem = Bindings.createStringBinding(() -> String.join(" ", DraftCheck.messageProblems(message.get())),
                message);
        typesProblem = Bindings.createStringBinding(() -> types.isEmpty() ? "Select at least one enrollment type." : "",
                types);
        recipientSummary = Bindings.createStringBinding(() -> resolving.get() ? "Finding recipients…"
                : CountText.of(recipients.size(), "recipient"), recipients, resolving);
        leftOutSummary = Bindings.createStringBinding(this::describeLeftOut, recipientList);
        previewText = Bindings.createStringBinding(() -> previewRecipient.get() == null ? ""
                : Notifier.preview(message.get(), previewRecipient.get(), selectedTypes(), settings),
                message, previewRecipient, types);
        canNotify = Bindings.createBooleanBinding(() -> !resolving.get() && !queuing.get() && !recipients.isEmpty()
                        && subjectProblem.get().isEmpty() && messageProblem.get().isEmpty() && typesProblem.get().isEmpty(),
                resolving, queuing, recipients, subjectProblem, messageProblem, typesProblem);
        types.addListener((SetChangeListener<EnrollmentType>) change -> resolve());
    }

    /** Resolves the recipients for the first time. */
    public void start() {
        resolve();
    }

    private void resolve() {
        if (types.isEmpty()) {
            showRecipients(new RecipientList(List.of(), List.of()));
            return;
        }
        Set<EnrollmentType> wanted = selectedTypes();
        long request = ++newestResolve;
        resolving.set(true);
        background.run(() -> notifier.resolve(selection, wanted), list -> {
            if (request == newestResolve) {
                showRecipients(list);
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

    private void showRecipients(RecipientList list) {
        Recipient previewed = previewRecipient.get();
        recipientList.set(list);
        recipients.setAll(list.recipients());
        leftOut.setAll(list.leftOut());
        previewRecipient.set(previewed != null && list.recipients().contains(previewed) ? previewed
                : list.recipients().isEmpty() ? null : list.recipients().get(0));
        resolving.set(false);
    }

    private String describeLeftOut() {
        List<LeftOutUser> left = recipientList.get().leftOut();
        if (left.isEmpty()) {
            return "No one left out.";
        }
        Map<LeftOutReason, Long> counts = recipientList.get().leftOutCounts();
        return CountText.number(left.size()) + " left out: " + counts.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> CountText.number(entry.getValue()) + " " + entry.getKey().label())
                .collect(Collectors.joining(", ")) + ".";
    }

    /** Saves the recipients and the left-out users as CSV; reports the outcome in words. */
    public void exportTo(Path file, Consumer<String> done) {
        RecipientList list = recipientList.get();
        background.run(() -> {
            RecipientExport.write(file, list);
            return file;
        }, saved -> done.accept("Saved " + CountText.of(list.recipients().size() + list.leftOut().size(), "row")
                + " to " + saved + "."), e -> {
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
        RecipientList list = recipientList.get();
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

    public ObservableList<Recipient> recipients() {
        return recipients;
    }

    public ObservableList<LeftOutUser> leftOut() {
        return leftOut;
    }

    public ReadOnlyObjectProperty<RecipientList> recipientListProperty() {
        return recipientList.getReadOnlyProperty();
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
