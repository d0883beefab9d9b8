package org.enrollnotifier.ui;

import java.util.List;
import java.util.stream.Stream;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.controlsfx.control.textfield.TextFields;
import org.enrollnotifier.model.EnrollmentFilter;

/** The helpdesk window's layout: stores, search and filter on top, the user table, paging and status below. */
public final class MainView {

    static final Duration SEARCH_DEBOUNCE = Duration.millis(250);

    private final MainViewModel model;
    private final Services services;
    private final BorderPane root = new BorderPane();
    private final TextField search = TextFields.createClearableTextField();
    private final UserTable table;

    public MainView(MainViewModel model, Services services) {
        this.model = model;
        this.services = services;
        this.table = new UserTable(model);
        root.setTop(toolbar());
        root.setCenter(tableWithLoadingIndicator());
        root.setBottom(footer());
    }

    public Scene createScene() {
        Scene scene = ScreenFit.scene(root, 1360, 780, null);
        scene.getStylesheets().add(MainView.class.getResource("main.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            search.requestFocus();
            search.selectAll();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::showAbout);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::changePageOnPageKeys);
        return scene;
    }

    Parent root() {
        return root;
    }

    private WrappingToolbar toolbar() {
        ComboBox<StoreChoice> stores = new ComboBox<>(model.storeChoices());
        stores.setId("storeChoice");
        stores.setPrefWidth(300);
        stores.setMinWidth(220);
        stores.valueProperty().bindBidirectional(model.selectedStoreProperty());

        search.setId("search");
        search.setPromptText("Search name, username, email");
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(420);
        search.setPrefWidth(240);
        search.setTooltip(new Tooltip("First name, last name, display name, username or email (Ctrl+F)"));
        PauseTransition debounce = new PauseTransition(SEARCH_DEBOUNCE);
        debounce.setOnFinished(e -> model.searchTextProperty().set(search.getText()));
        search.textProperty().addListener((obs, old, now) -> debounce.playFromStart());
        search.setOnAction(e -> {
            debounce.stop();
            model.searchTextProperty().set(search.getText());
        });

        ComboBox<EnrollmentFilter> filter = new ComboBox<>();
        filter.setId("enrollmentFilter");
        filter.getItems().setAll(EnrollmentFilter.choices());
        filter.valueProperty().bindBidirectional(model.filterProperty());
        filter.setVisibleRowCount(17);
        filter.setPrefWidth(240);
        filter.setMinWidth(180);

        Button notify = new Button("Notify All Users");
        notify.setId("notifyAllUsers");
        notify.getStyleClass().add("notify-button");
        notify.disableProperty().bind(model.canNotifyProperty().not());
        notify.setOnAction(e -> new NotifyFlow(root.getScene().getWindow(), services)
                .compose(model.recipientSelection(), model.audience()));

        Button storesButton = new Button("Stores…");
        storesButton.setTooltip(new Tooltip("Identity stores: import from CSV, LDIF or LDAP, re-import, rename, delete"));
        storesButton.setId("openStores");
        storesButton.setOnAction(e -> new StoresView(root.getScene().getWindow(), new StoresViewModel(services.directory(),
                services.directoryImport(), services.storeAdmin(), services.queries(), services.imports(),
                model::refresh)).show());

        Button history = new Button("Sent…");
        history.setId("openHistory");
        history.setTooltip(new Tooltip("Sent notifications: every recipient's outcome, retry the failed"));
        history.setOnAction(e -> new HistoryView(root.getScene().getWindow(),
                new HistoryViewModel(services.history(), services.queries()),
                new NotifyFlow(root.getScene().getWindow(), services)::send).show());

        Button settings = new Button("Settings…");
        settings.setId("openSettings");
        settings.setOnAction(e -> new SettingsView(root.getScene().getWindow(), new SettingsViewModel(
                services.workspace(), services.mailSettings(), services.password(), services.queries())).show());

        Button about = new Button("?");
        about.setId("openAbout");
        about.setTooltip(new Tooltip("About Enroll Notifier: version, data folder and log file (F1)"));
        about.setOnAction(e -> showAbout());

        List<Node> choices = List.of(new Label("Identity store"), stores, search, new Label("Show"), filter);
        List<Node> actions = List.of(storesButton, history, settings, notify, about);
        // the search box gives way when the window narrows; labels and buttons keep their words
        Stream.concat(choices.stream(), actions.stream()).filter(node -> node instanceof Labeled)
                .forEach(node -> ((Labeled) node).setMinWidth(Region.USE_PREF_SIZE));
        search.setMinWidth(140);
        WrappingToolbar toolbar = new WrappingToolbar(choices, actions);
        toolbar.getStyleClass().add("toolbar");
        return toolbar;
    }

    private void showAbout() {
        new AboutView(root.getScene().getWindow(), services.workspace().folder()).show();
    }

    private StackPane tableWithLoadingIndicator() {
        ProgressIndicator indicator = new ProgressIndicator();
        indicator.setId("loadingIndicator");
        indicator.setMaxSize(42, 42);
        indicator.visibleProperty().bind(model.loadingProperty());
        indicator.setMouseTransparent(true);
        StackPane stack = new StackPane(table.node(), indicator);
        StackPane.setAlignment(indicator, Pos.CENTER);
        return stack;
    }

    private HBox footer() {
        Button clear = new Button("Clear checks");
        clear.setId("clearChecks");
        clear.setOnAction(e -> model.clearChecks());
        clear.disableProperty().bind(Bindings.isEmpty(model.checkedIds()));
        clear.setMinWidth(Region.USE_PREF_SIZE);

        Label status = new Label();
        status.setId("statusLine");
        status.getStyleClass().add("status-line");
        status.textProperty().bind(model.statusTextProperty());

        Label problem = new Label();
        problem.setId("problem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problemProperty());

        HBox footer = new HBox(clear, status, problem, spacer(), new PageNavigator(model).node());
        footer.getStyleClass().add("footer");
        return footer;
    }

    private void changePageOnPageKeys(KeyEvent event) {
        if (event.getCode() == KeyCode.PAGE_DOWN) {
            model.nextPage();
            event.consume();
        } else if (event.getCode() == KeyCode.PAGE_UP) {
            model.previousPage();
            event.consume();
        }
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
