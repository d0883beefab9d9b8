package org.enrollnotifier.ui;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;

/**
 * Styles and lays out, once, a control of each kind Compose uses and the main window does not, in
 * a scene that is never shown, soon after the window's first page. The first control of a kind
 * JavaFX styles loads its skin's classes and links its code, which made the first Compose open
 * late: seven alternated pairs under Xvfb, the first Compose open late by 140 ms in the median
 * against 198 ms (under 100 ms once, ahead in 6 of the 7 pairs); the first page of the window as
 * late as before. One control per turn of the JavaFX thread, so the operator's input goes between them:
 * the slowest, a text area, took 45–96 ms. Warming them on a thread of their own failed: JavaFX's
 * text layout is shared between threads.
 */
final class DialogWarmUp {

    /** Long enough for the first page's table to have been laid out, which is late enough already. */
    private static final Duration AFTER_FIRST_PAGE = Duration.seconds(1);

    private final Consumer<Runnable> uiThread;
    private final Queue<Supplier<Control>> kinds;

    DialogWarmUp(Consumer<Runnable> uiThread, List<Supplier<Control>> kinds) {
        this.uiThread = uiThread;
        this.kinds = new ArrayDeque<>(kinds);
    }

    /** Warms Compose's controls a second after {@code loading} first turns false. */
    static void afterFirstPage(ObservableValue<Boolean> loading) {
        loading.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean was, Boolean now) {
                if (!now) {
                    observable.removeListener(this);
                    PauseTransition pause = new PauseTransition(AFTER_FIRST_PAGE);
                    pause.setOnFinished(finished -> ofCompose().start());
                    pause.play();
                }
            }
        });
    }

    private static DialogWarmUp ofCompose() {
        return new DialogWarmUp(Platform::runLater, List.of(
                () -> new TextArea("Hello,\nplease enroll."),
                () -> new ListView<>(FXCollections.observableArrayList("Ann Lee <ann@example.org>")),
                () -> new TitledPane("Left out", new StackPane()),
                () -> new CheckComboBox<>(FXCollections.observableArrayList("All", "SMS"))));
    }

    void start() {
        uiThread.accept(this::warmNext);
    }

    private void warmNext() {
        Supplier<Control> kind = kinds.poll();
        if (kind == null) {
            return;
        }
        Parent root = new StackPane(kind.get());
        new Scene(root, 400, 300).getStylesheets().add(DialogWarmUp.class.getResource("main.css").toExternalForm());
        root.applyCss();
        root.layout();
        uiThread.accept(this::warmNext);
    }
}
