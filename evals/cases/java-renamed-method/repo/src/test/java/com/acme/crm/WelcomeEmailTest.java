package com.acme.crm;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class WelcomeEmailTest {
    private final Customer ada = new Customer("Ada", "Lovelace", "ada@example.org");

    @Test
    public void isSentToTheCustomersAddress() {
        assertEquals("ada@example.org", new WelcomeEmail(ada).recipient());
    }

    @Test
    public void subjectGreetsTheCustomerByName() {
        assertEquals("Welcome to Acme, Ada Lovelace!", new WelcomeEmail(ada).subject());
    }

    @Test
    public void bodyStartsWithTheGreeting() {
        assertEquals("Hi Ada Lovelace,", new WelcomeEmail(ada).body().lines().findFirst().orElse(""));
    }
}
