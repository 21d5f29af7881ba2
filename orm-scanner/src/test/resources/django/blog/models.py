from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Timestamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Post(Timestamped):
    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    category = models.ForeignKey("Category", null=True, on_delete=models.SET_NULL, db_constraint=False)
    tags = models.ManyToManyField("Tag")
    comments = GenericRelation("Comment")

    class Meta:
        db_table = "blog_posts"
        unique_together = (("author", "slug"),)


class Category(models.Model):
    code = models.CharField(max_length=10, primary_key=True)
    parent = models.ForeignKey("self", null=True, on_delete=models.CASCADE)


class Tag(models.Model):
    name = models.CharField(max_length=50)
    related = models.ManyToManyField("self")


class Comment(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    body = models.TextField()


class Like(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveIntegerField()
    target = GenericForeignKey()


class PublishedPost(Post):
    class Meta:
        proxy = True


class Pin(models.Model):
    post = models.OneToOneField(PublishedPost, on_delete=models.CASCADE, db_column="pinned_post")
    reviewer = models.ForeignKey(get_reviewer_model(), on_delete=models.CASCADE)
