package org.enrollnotifier.ui;

import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;

/** A table row: one user of the visible page, and whether the operator checked it. */
public final class UserRow {

    static final String NOT_ENROLLED = "Not enrolled";

    private final DirectoryUser user;
    private final BooleanProperty checked;

    UserRow(DirectoryUser user, boolean checked) {
        this.user = user;
        this.checked = new SimpleBooleanProperty(this, "checked", checked);
    }

    public DirectoryUser user() {
        return user;
    }

    public long id() {
        return user.id();
    }

    public BooleanProperty checkedProperty() {
        return checked;
    }

    public boolean isChecked() {
        return checked.get();
    }

    public String enrollmentStatus() {
        if (!user.isEnrolled()) {
            return NOT_ENROLLED;
        }
        return user.enrolledTypes().stream().map(EnrollmentType::label).collect(Collectors.joining(", "));
    }
}
