# frozen_string_literal: true

require "minitest/autorun"
require "headline"

class HeadlineHiddenTest < Minitest::Test
  def test_small_last_words
    assert_equal "Something to Fight For", Headline.titleize("something to fight for")
    assert_equal "The Book I Am In", Headline.titleize("the book i am in")
    assert_equal "Where It Comes From Is Up To", Headline.titleize("where it comes from is up to")
  end

  def test_small_words_in_the_middle_stay_lowercase
    assert_equal "Bread for the World", Headline.titleize("bread for the world")
    assert_equal "A Tale of Two Cities", Headline.titleize("A TALE OF TWO CITIES")
  end

  def test_single_small_word
    assert_equal "Of", Headline.titleize("of")
  end

  def test_two_words
    assert_equal "On To", Headline.titleize("on to")
  end
end
