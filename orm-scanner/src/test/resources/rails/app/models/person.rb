class Person < ApplicationRecord
  has_many :posts, foreign_key: "author_id", inverse_of: :author
  has_many :comments, as: :commentable
  has_one :legacy_account, foreign_key: :owner_id
end

class Badge < ApplicationRecord
  belongs_to :person
end
