package com.acme.crm;

import java.util.Objects;

public final class Customer {
    private final String firstName;
    private final String lastName;
    private final String preferredName;
    private final String email;

    public Customer(String firstName, String lastName, String email) {
        this(firstName, lastName, null, email);
    }

    public Customer(String firstName, String lastName, String preferredName, String email) {
        this.firstName = Objects.requireNonNull(firstName);
        this.lastName = Objects.requireNonNull(lastName);
        this.preferredName = preferredName;
        this.email = Objects.requireNonNull(email);
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getEmail() {
        return email;
    }

    /** The name we address the customer by: the preferred name if given, else first and last name. */
    public String displayName() {
        if (preferredName != null && !preferredName.isBlank()) {
            return preferredName.strip();
        }
        return firstName + " " + lastName;
    }
}
