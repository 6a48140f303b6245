package com.northwind.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An invoice with a single VAT rate applied to its net total. */
public final class Invoice {
    private static final int CENT_SCALE = 2;

    private final BigDecimal vatRate;
    private final List<LineItem> lines = new ArrayList<>();

    /** @param vatRate the VAT rate as a fraction, e.g. 0.19 for 19 % */
    public Invoice(BigDecimal vatRate) {
        this.vatRate = vatRate;
    }

    public Invoice add(LineItem line) {
        lines.add(line);
        return this;
    }

    public List<LineItem> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** Sum of all line amounts. */
    public BigDecimal net() {
        return lines.stream()
                .map(LineItem::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(CENT_SCALE, RoundingMode.UNNECESSARY);
    }

    /** VAT on the net total, rounded to the cent. */
    public BigDecimal vat() {
        return net().multiply(vatRate).setScale(CENT_SCALE, RoundingMode.HALF_EVEN);
    }

    public BigDecimal gross() {
        return net().add(vat());
    }
}
