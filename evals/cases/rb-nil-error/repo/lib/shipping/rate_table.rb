# frozen_string_literal: true

require "json"

module Shipping
  # Per-zone shipping rates: { domestic: { base_cents: 495, per_kg_cents: 120 }, ... }
  class RateTable
    def self.load(path)
      new(JSON.parse(File.read(path)))
    end

    def initialize(rates)
      @rates = rates
    end

    def zone?(zone)
      @rates.key?(zone)
    end

    def rate_for(zone)
      @rates[zone]
    end
  end
end
