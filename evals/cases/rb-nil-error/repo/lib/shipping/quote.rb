# frozen_string_literal: true

module Shipping
  # Prices a parcel for a destination zone (:domestic, :eu or :world).
  class Quote
    def initialize(rate_table)
      @rate_table = rate_table
    end

    # Shipping cost in cents; weight is rounded up to whole kilograms and
    # orders above a zone's free_over_cents ship free.
    def price_cents(zone:, weight_kg:, order_cents: 0)
      rate = @rate_table.rate_for(zone)
      threshold = rate.fetch(:free_over_cents, nil)
      return 0 if threshold && order_cents >= threshold

      rate.fetch(:base_cents) + (rate.fetch(:per_kg_cents) * weight_kg.ceil)
    end

    def price(zone:, weight_kg:, order_cents: 0)
      cents = price_cents(zone: zone, weight_kg: weight_kg, order_cents: order_cents)
      format("%<units>d.%<cents>02d", units: cents / 100, cents: cents % 100)
    end
  end
end
