INSTALLED_APPS = ["django.contrib.contenttypes", "blog", "shop"]
AUTH_USER_MODEL = "shop.Customer"
