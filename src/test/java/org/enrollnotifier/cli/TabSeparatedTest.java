package org.enrollnotifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TabSeparatedTest {

    @Test
    void valuesAreJoinedByTabs() {
        assertEquals("Ann Lee\tann\t", TabSeparated.line("Ann Lee", "ann", ""));
    }

    @Test
    void aTabOrLineBreakInsideAValueBecomesASpace() {
        assertEquals("Bob Roe\t550-5.1.1 No such user 550 5.1.1 Try again",
                TabSeparated.line("Bob\tRoe", "550-5.1.1 No such user\r\n550 5.1.1 Try again"));
    }
}
