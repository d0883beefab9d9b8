package org.enrollnotifier.ui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableSet;
import org.controlsfx.control.CheckComboBox;
import org.enrollnotifier.model.EnrollmentType;

/**
 * The enrollment-type multi-select: "All" plus each type. "All" checked means every type;
 * unchecking a type unchecks "All"; checking the last missing type checks "All" again.
 */
final class EnrollmentTypePicker {

    static final String ALL = "All";

    private final CheckComboBox<String> box = new CheckComboBox<>();
    private final ObservableSet<EnrollmentType> selected;
    private boolean syncing;

    EnrollmentTypePicker(ObservableSet<EnrollmentType> selected) {
        this.selected = selected;
        box.setId("enrollmentTypes");
        box.getItems().add(ALL);
        for (EnrollmentType type : EnrollmentType.values()) {
            box.getItems().add(type.label());
        }
        showSelection();
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) this::checksChanged);
    }

    CheckComboBox<String> node() {
        return box;
    }

    private void checksChanged(ListChangeListener.Change<? extends String> change) {
        if (syncing) {
            return;
        }
        boolean allNow = box.getCheckModel().isChecked(ALL);
        boolean allBefore = selected.size() == EnrollmentType.values().length;
        Set<EnrollmentType> wanted = EnumSet.noneOf(EnrollmentType.class);
        if (allNow && !allBefore) {
            wanted = EnumSet.allOf(EnrollmentType.class);
        } else if (!allNow && allBefore && checkedTypes().size() == EnrollmentType.values().length) {
            // "All" itself was unchecked: nothing is left checked
            wanted = EnumSet.noneOf(EnrollmentType.class);
        } else {
            wanted.addAll(checkedTypes());
        }
        selected.retainAll(wanted);
        selected.addAll(wanted);
        showSelection();
    }

    private Set<EnrollmentType> checkedTypes() {
        Set<EnrollmentType> types = EnumSet.noneOf(EnrollmentType.class);
        for (EnrollmentType type : EnrollmentType.values()) {
            if (box.getCheckModel().isChecked(type.label())) {
                types.add(type);
            }
        }
        return types;
    }

    private void showSelection() {
        syncing = true;
        try {
            List<String> checks = new ArrayList<>();
            if (selected.size() == EnrollmentType.values().length) {
                checks.add(ALL);
            }
            selected.forEach(type -> checks.add(type.label()));
            box.getCheckModel().clearChecks();
            checks.forEach(box.getCheckModel()::check);
            box.setTitle(checks.contains(ALL) ? "All enrollment types"
                    : selected.isEmpty() ? "Select enrollment types" : String.join(", ", checks));
        } finally {
            syncing = false;
        }
    }
}
