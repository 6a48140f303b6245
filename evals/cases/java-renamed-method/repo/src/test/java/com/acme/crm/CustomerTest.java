package com.acme.crm;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class CustomerTest {

    @Test
    public void displayNameIsFirstAndLastName() {
        assertEquals("Ada Lovelace", new Customer("Ada", "Lovelace", "ada@example.org").displayName());
    }

    @Test
    public void displayNamePrefersThePreferredName() {
        Customer customer = new Customer("Margaret", "Hamilton", "Maggie", "mh@example.org");
        assertEquals("Maggie", customer.displayName());
    }

    @Test
    public void blankPreferredNameIsIgnored() {
        Customer customer = new Customer("Grace", "Hopper", "  ", "grace@example.org");
        assertEquals("Grace Hopper", customer.displayName());
    }
}
