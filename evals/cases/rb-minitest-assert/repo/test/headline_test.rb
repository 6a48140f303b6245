# frozen_string_literal: true

require "minitest/autorun"
require "headline"

class HeadlineTest < Minitest::Test
  def test_capitalizes_every_word
    assert_equal "Quarterly Results Beat Expectations", Headline.titleize("quarterly results beat expectations")
  end

  def test_keeps_small_words_lowercase_inside_the_title
    assert_equal "The Lord of the Rings", Headline.titleize("the lord of the rings")
  end

  def test_capitalizes_a_small_first_word
    assert_equal "A Farewell to Arms", Headline.titleize("a farewell to arms")
  end

  def test_capitalizes_a_small_last_word
    assert_equal "What the Market Is Waiting For", Headline.titleize("what the market is waiting for")
  end

  def test_capitalizes_hyphenated_words
    assert_equal "Long-Term Outlook for Rates", Headline.titleize("long-term outlook for rates")
  end

  def test_collapses_whitespace
    assert_equal "Breaking News", Headline.titleize("  breaking   news ")
  end

  def test_slugify
    assert_equal "hello-world-2024", Headline.slugify("Hello, World! 2024")
  end
end
