package com.acme.crm;

/** The e-mail sent once a customer's account has been created. */
public final class WelcomeEmail {
    private final Customer customer;

    public WelcomeEmail(Customer customer) {
        this.customer = customer;
    }

    public String recipient() {
        return customer.getEmail();
    }

    public String subject() {
        return "Welcome to Acme, " + customer.getFullName() + "!";
    }

    public String body() {
        return "Hi " + customer.getFullName() + ",\n"
                + "\n"
                + "your Acme account is ready. Sign in with " + customer.getEmail() + " at https://acme.example/login.\n";
    }
}
