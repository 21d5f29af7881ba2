module Broken
  def oops(
    belongs_to :nothing
end
