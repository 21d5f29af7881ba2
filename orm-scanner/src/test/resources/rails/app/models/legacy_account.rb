class LegacyAccount < ApplicationRecord
  self.table_name = "legacy_accounts"
  self.primary_key = "account_no"

  belongs_to :owner, class_name: "Person"
  belongs_to association_name_from_config
end
