package com.rides.validation;

/** What the quarantine rules of a rating look at; rating and difficulty may be null. */
public record RatingFacts(boolean classKnown, Integer rating, Integer difficulty) {
}
