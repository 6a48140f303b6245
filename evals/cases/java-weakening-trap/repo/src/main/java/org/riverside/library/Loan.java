package org.riverside.library;

import java.time.LocalDate;
import java.util.Objects;

/** An item lent to a member, due back on dueDate. */
public record Loan(String itemBarcode, String memberId, LocalDate dueDate) {

    public Loan {
        Objects.requireNonNull(itemBarcode);
        Objects.requireNonNull(memberId);
        Objects.requireNonNull(dueDate);
    }
}
