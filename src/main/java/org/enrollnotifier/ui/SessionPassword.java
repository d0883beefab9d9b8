package org.enrollnotifier.ui;

import java.util.Arrays;

/**
 * The SMTP password for this session only: asked once, kept in memory, never written anywhere.
 */
public final class SessionPassword {

    private char[] password = new char[0];

    public synchronized char[] get() {
        return password.clone();
    }

    public synchronized void set(char[] newPassword) {
        Arrays.fill(password, '\0');
        password = newPassword.clone();
    }
}
