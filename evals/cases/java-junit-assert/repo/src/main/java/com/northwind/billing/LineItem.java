package com.northwind.billing;

import java.math.BigDecimal;

/** One invoice line: a quantity of an article at a unit price. */
public record LineItem(String article, int quantity, BigDecimal unitPrice) {

    public LineItem {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
