ActiveSupport::Inflector.inflections(:en) do |inflect|
  inflect.acronym "GitHub"
end
