/**
 * A small order-processing service that rdb's demo attaches to after it crashes.
 *
 * <p>{@link dev.rdb.demo.shop.ShopService} runs sharded order workers and an inventory restocker.
 * One fixed order (#1007) carries a line with quantity zero, which validation lets through; the
 * volume rebate then divides by that quantity deep in the discount code, and the worker thread
 * dies with an uncaught {@link dev.rdb.demo.shop.OrderProcessingException} while the rest of the
 * service keeps serving.
 */
package dev.rdb.demo.shop;
