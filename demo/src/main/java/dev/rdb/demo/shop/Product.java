package dev.rdb.demo.shop;

/** A catalog entry with its current unit price. */
record Product(String sku, String name, Category category, Money price) {}
