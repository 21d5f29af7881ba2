class Admin::GitHubHook < ApplicationRecord
  belongs_to :audit, class_name: "Admin::Audit"
end
