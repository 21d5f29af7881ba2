# A post; published ones are a subclass (single-table inheritance).
class Post < ApplicationRecord
  belongs_to :author, class_name: "Person"
  belongs_to :category, optional: true
  has_many :comments, as: :commentable
  has_many :commenters, through: :comments, source: :author
  has_and_belongs_to_many :tags

  %i[editor reviewer].each do |role|
    belongs_to role, class_name: "Person", optional: true
  end
end

class PublishedPost < Post
  belongs_to :publisher, class_name: "Person", foreign_key: "author_id"
end

class Post
  class Revision < ApplicationRecord
    belongs_to :post
  end
end
