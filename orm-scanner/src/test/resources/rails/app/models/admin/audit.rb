module Admin
  def self.table_name_prefix
    "admin_"
  end

  class Audit < ApplicationRecord
    belongs_to :actor, class_name: "::Person"
  end
end
