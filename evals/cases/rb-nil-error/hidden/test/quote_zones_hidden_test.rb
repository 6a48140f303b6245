# frozen_string_literal: true

require "minitest/autorun"
require "shipping"

class QuoteZonesHiddenTest < Minitest::Test
  RATES = File.expand_path("../data/rates.json", __dir__)

  def setup
    @table = Shipping::RateTable.load(RATES)
    @quote = Shipping::Quote.new(@table)
  end

  def test_loaded_table_is_addressed_by_symbol
    assert @table.zone?(:world)
    assert_equal({ base_cents: 2450, per_kg_cents: 780 }, @table.rate_for(:world))
  end

  def test_every_zone_is_priced
    assert_equal 615, @quote.price_cents(zone: :domestic, weight_kg: 0.5)
    assert_equal 1910, @quote.price_cents(zone: :eu, weight_kg: 1.2)
    assert_equal 3230, @quote.price_cents(zone: :world, weight_kg: 0.4)
  end

  def test_zones_without_threshold_always_charge
    assert_equal 1600, @quote.price_cents(zone: :eu, weight_kg: 1, order_cents: 1_000_000)
  end

  def test_domestic_below_threshold_is_charged
    assert_equal 615, @quote.price_cents(zone: :domestic, weight_kg: 1, order_cents: 4999)
  end
end
