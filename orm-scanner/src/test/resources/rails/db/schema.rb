ActiveRecord::Schema[7.1].define(version: 2024_05_01_120000) do
  enable_extension "plpgsql"

  create_table "people", force: :cascade do |t|
    t.string "name", null: false
    t.string "email", null: false
    t.timestamps
    t.index ["email"], name: "index_people_on_email", unique: true
  end

  create_table "categories", force: :cascade do |t|
    t.string "title"
    t.bigint "parent_id"
  end

  create_table "posts", force: :cascade do |t|
    t.string "title"
    t.bigint "author_id", null: false
    t.references :category, null: true, foreign_key: true
    t.string "type"
  end

  create_table "comments", force: :cascade do |t|
    t.references :commentable, polymorphic: true, null: false
    t.text "body"
  end

  create_table "tags", id: :uuid, force: :cascade do |t|
    t.string "label"
  end

  create_table "posts_tags", id: false, force: :cascade do |t|
    t.bigint "post_id", null: false
    t.uuid "tag_id", null: false
  end

  create_table "admin_audits", force: :cascade do |t|
    t.bigint "actor_id"
  end

  create_table "legacy_accounts", primary_key: "account_no", id: :string, force: :cascade do |t|
    t.bigint "owner_id"
  end

  create_table "badges", force: :cascade do |t|
    t.string "label"
  end

  add_foreign_key "posts", "people", column: "author_id"
  add_index "posts", ["title"], unique: true
end
