# frozen_string_literal: true

require "shipping/rate_table"
require "shipping/quote"
