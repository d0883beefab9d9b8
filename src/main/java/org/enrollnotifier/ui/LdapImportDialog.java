package org.enrollnotifier.ui;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.enrollnotifier.app.UserSources.LdapQuery;

/** Asks where to read users from a live directory. The password is used for this import only. */
final class LdapImportDialog {

    /** What the operator entered. */
    record Request(String storeName, LdapQuery query) {
    }

    private final Dialog<Request> dialog = new Dialog<>();
    private final TextField storeName = field("ldapStoreName", "e.g. Corp directory");
    private final TextField url = field("ldapUrl", "ldaps://dc1.corp.example or ldap://…");
    private final TextField bindDn = field("ldapBindDn", "cn=reader,ou=service,dc=corp,dc=example");
    private final PasswordField password = new PasswordField();
    private final TextField baseDn = field("ldapBaseDn", "ou=people,dc=corp,dc=example");
    private final TextField filter = field("ldapFilter", "(objectClass=person)");
    private final CheckBox startTls = new CheckBox("Use StartTLS (for ldap:// URLs)");

    LdapImportDialog(Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle("Import from LDAP");
        dialog.setHeaderText("Users are read page by page; the server's certificate must be trusted by Java.");
        password.setId("ldapPassword");
        startTls.setId("ldapStartTls");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Identity store"), storeName);
        form.addRow(1, new Label("URL"), url);
        form.addRow(2, new Label("Bind DN"), bindDn);
        form.addRow(3, new Label("Password"), password);
        form.addRow(4, new Label("Base DN"), baseDn);
        form.addRow(5, new Label("Filter"), filter);
        form.add(startTls, 1, 6);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(storeName.textProperty().isEmpty()
                .or(url.textProperty().isEmpty()).or(baseDn.textProperty().isEmpty()));
        dialog.setResultConverter(button -> button == ButtonType.OK ? new Request(storeName.getText().strip(),
                new LdapQuery(url.getText().strip(), bindDn.getText().strip(), password.getText().toCharArray(),
                        baseDn.getText().strip(), filter.getText().strip(), startTls.isSelected())) : null);
    }

    Optional<Request> ask() {
        return dialog.showAndWait();
    }

    /** For a re-import: the store is fixed. */
    Optional<Request> ask(String existingStore) {
        storeName.setText(existingStore);
        storeName.setEditable(false);
        return ask();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(32);
        return field;
    }
}
