class Invoice < ApplicationRecord
  belongs_to :person
  # café in Latin-1
end
