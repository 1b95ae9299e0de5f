/** Quotes for baskets: catalog prices, volume discounts per line, VAT per sales region. */
package com.acme.pricing;
