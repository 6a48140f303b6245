# frozen_string_literal: true

require "minitest/autorun"
require "shipping"

class QuoteTest < Minitest::Test
  RATES = File.expand_path("../data/rates.json", __dir__)

  def setup
    @quote = Shipping::Quote.new(Shipping::RateTable.load(RATES))
  end

  def test_domestic_parcel_rounds_weight_up
    assert_equal 855, @quote.price_cents(zone: :domestic, weight_kg: 2.3)
  end

  def test_domestic_orders_over_the_threshold_ship_free
    assert_equal 0, @quote.price_cents(zone: :domestic, weight_kg: 4, order_cents: 7500)
  end

  def test_formatted_price
    assert_equal "16.00", @quote.price(zone: :eu, weight_kg: 1)
  end
end
