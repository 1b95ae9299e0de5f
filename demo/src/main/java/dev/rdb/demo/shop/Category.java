package dev.rdb.demo.shop;

/** Catalog category; volume rebates are granted per category. */
enum Category {
  PERIPHERALS,
  DISPLAYS,
  CABLES,
  BOOKS
}
