# frozen_string_literal: true

require "minitest/autorun"
require "shipping"

class RateTableTest < Minitest::Test
  def setup
    @table = Shipping::RateTable.new(domestic: { base_cents: 495, per_kg_cents: 120 })
  end

  def test_rate_for_a_known_zone
    assert_equal({ base_cents: 495, per_kg_cents: 120 }, @table.rate_for(:domestic))
  end

  def test_unknown_zone
    refute @table.zone?(:mars)
    assert_nil @table.rate_for(:mars)
  end
end
