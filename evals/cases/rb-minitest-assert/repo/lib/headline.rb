# frozen_string_literal: true

# Formatting helpers for article headlines.
module Headline
  # Articles, conjunctions and short prepositions are not capitalized in a title.
  SMALL_WORDS = %w[a an and as at but by for in nor of on or the to via with].freeze

  module_function

  # "the lord of the rings" => "The Lord of the Rings"
  def titleize(text)
    words = text.strip.split(/\s+/)
    words.each_with_index.map do |word, index|
      if index.positive? && SMALL_WORDS.include?(word.downcase)
        word.downcase
      else
        capitalize_word(word)
      end
    end.join(" ")
  end

  # Capitalizes each part of a hyphenated word: "long-term" => "Long-Term".
  def capitalize_word(word)
    word.split("-").map(&:capitalize).join("-")
  end

  # "Hello, World!" => "hello-world"
  def slugify(text)
    text.downcase.gsub(/[^a-z0-9]+/, "-").gsub(/\A-+|-+\z/, "")
  end
end
