from .customers import Customer
from .orders import Order, OrderItem, Product, DigitalProduct
