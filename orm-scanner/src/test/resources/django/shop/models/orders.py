from django.db import models


class Product(models.Model):
    sku = models.CharField(max_length=20, unique=True)


class DigitalProduct(Product):
    url = models.URLField()


class Order(models.Model):
    customer = models.ForeignKey("shop.Customer", on_delete=models.PROTECT)
    products = models.ManyToManyField(Product, through="OrderItem")
    featured = models.ForeignKey("blog.Post", null=True, on_delete=models.SET_NULL)


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE)
    product = models.ForeignKey(Product, to_field="sku", on_delete=models.PROTECT)
    quantity = models.IntegerField()

    class Meta:
        db_table = "shop_order_items"


class Broken(models.Model):
    name = models.CharField(max_length=(
