package com.acme.crm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class WelcomeEmailPreferredNameTest {
    private final Customer maggie = new Customer("Margaret", "Hamilton", " Maggie ", "mh@example.org");
    private final Customer grace = new Customer("Grace", "Hopper", "", "grace@example.org");

    @Test
    public void subjectUsesThePreferredName() {
        assertEquals("Welcome to Acme, Maggie!", new WelcomeEmail(maggie).subject());
    }

    @Test
    public void bodyUsesThePreferredName() {
        String body = new WelcomeEmail(maggie).body();
        assertTrue(body, body.startsWith("Hi Maggie,\n\n"));
        assertTrue(body, body.contains("Sign in with mh@example.org at https://acme.example/login."));
    }

    @Test
    public void blankPreferredNameFallsBackToFullName() {
        assertEquals("Welcome to Acme, Grace Hopper!", new WelcomeEmail(grace).subject());
        assertTrue(new WelcomeEmail(grace).body().startsWith("Hi Grace Hopper,\n"));
    }
}
