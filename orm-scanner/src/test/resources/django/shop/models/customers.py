from django.db import models


class Customer(models.Model):
    email = models.EmailField(unique=True)
    referrer = models.ForeignKey("self", null=True, on_delete=models.SET_NULL, related_name="referred")
